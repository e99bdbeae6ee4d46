import { lazy, Suspense } from 'react';
import { useAfterFirstPaint } from '../components/AfterFirstPaint.tsx';
import { usePlayground } from '../state/context.tsx';
import { selectDraftYaml, selectMode, selectProduct, selectStale } from '../state/selectors.ts';
import { products } from '../../resolver/products.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { PlainEditor } from './PlainEditor.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';

// Monaco and monaco-yaml are a separate lazy chunk: the chains never wait for them.
const MonacoEditor = lazy(() => import('./MonacoEditor.tsx'));

const LABEL = 'registries.yaml';

export function EditorPanel() {
  const yaml = usePlayground(selectDraftYaml);
  const mode = usePlayground(selectMode);
  const stale = usePlayground(selectStale);
  const layout = products[usePlayground(selectProduct)];
  const wantsMonaco = !mode.plainEditor && !mode.readOnly;
  const monacoAllowed = useAfterFirstPaint(wantsMonaco);
  const useMonaco = wantsMonaco && monacoAllowed;
  return (
    <section className="panel editor-panel" aria-labelledby="editor-heading">
      <div className="panel-heading">
        <h2 id="editor-heading">
          <code>{layout.registriesYaml}</code>
        </h2>
        {stale && (
          <span className="stale-badge" role="status">
            {layout.name} cannot load this text — results below are from the last version that loaded
          </span>
        )}
      </div>
      {useMonaco && (
        <p className="editor-hint" id="editor-hint">
          <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
        </p>
      )}
      <div className="editor-frame">
        {useMonaco ? (
          <ErrorBoundary fallback={<PlainEditor value={yaml} readOnly={false} label={LABEL} />}>
            <Suspense fallback={<PlainEditor value={yaml} readOnly label={`${LABEL} (loading the editor…)`} />}>
              <MonacoEditor value={yaml} label={LABEL} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <PlainEditor value={yaml} readOnly={mode.readOnly || wantsMonaco} label={wantsMonaco ? `${LABEL} (loading the editor…)` : LABEL} />
        )}
      </div>
      <ProblemsPanel />
    </section>
  );
}
