import { lazy, Suspense, useId, useState, type DragEvent } from 'react';
import { useAfterFirstPaint } from '../components/AfterFirstPaint.tsx';
import { usePlayground, useActions } from '../state/context.tsx';
import { selectActiveFile, selectCertsD, selectDraftYaml, selectMode, selectProduct, selectStale } from '../state/selectors.ts';
import { layoutOf, products } from '../../resolver/products.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { treeFromDrop } from '../certs/CertsTools.tsx';
import { panelId, tabId } from '../components/TabList.tsx';
import { FileTabs } from './FileTabs.tsx';
import { PlainEditor } from './PlainEditor.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';

// Monaco and monaco-yaml are a separate lazy chunk: the chains never wait for them.
const MonacoEditor = lazy(() => import('./MonacoEditor.tsx'));

export function EditorPanel() {
  const yaml = usePlayground(selectDraftYaml);
  const files = usePlayground(selectCertsD);
  const activeFile = usePlayground(selectActiveFile);
  const mode = usePlayground(selectMode);
  const stale = usePlayground(selectStale);
  const product = usePlayground(selectProduct);
  const actions = useActions();
  const tabsPrefix = useId();
  const [dropError, setDropError] = useState<string | null>(null);
  const wantsMonaco = !mode.plainEditor && !mode.readOnly;
  const monacoAllowed = useAfterFirstPaint(wantsMonaco);
  const useMonaco = wantsMonaco && monacoAllowed;
  const layout = layoutOf(product);
  const openFile = files.find((file) => file.dir === activeFile) ?? null;
  // On plain containerd there is no registries.yaml: with no file yet, say how to start.
  const noFile = openFile === null && product === 'containerd';
  const file = openFile?.dir ?? null;
  const value = openFile?.toml ?? yaml;
  const path = openFile !== null ? `${layout.certsDir}/${openFile.dir}/hosts.toml` : product === 'containerd' ? `${layout.certsDir}/` : products[product].registriesYaml;
  const label = openFile !== null ? `${openFile.dir}/hosts.toml` : 'registries.yaml';
  const activeTab = openFile !== null ? `file-${files.indexOf(openFile)}` : 'yaml';

  const onDrop = async (event: DragEvent) => {
    if (mode.readOnly) return;
    event.preventDefault();
    const tree = await treeFromDrop(event.dataTransfer);
    if (tree === null) return setDropError('Drop a certs.d folder, a .tar or .tgz of one, or text naming its hosts.toml files.');
    if (!tree.ok) return setDropError(tree.error);
    setDropError(null);
    actions.replaceCertsD(tree.files);
  };

  return (
    <section className="panel editor-panel" aria-labelledby="editor-heading" onDragOver={(event) => !mode.readOnly && event.preventDefault()} onDrop={(event) => void onDrop(event)}>
      <div className="panel-heading">
        <h2 id="editor-heading">
          <code>{path}</code>
        </h2>
        {stale && (
          <span className="stale-badge" role="status">
            {layout.name} cannot load this text — results below are from the last version that loaded
          </span>
        )}
      </div>
      <FileTabs panelPrefix={tabsPrefix} />
      {useMonaco && !noFile && (
        <p className="editor-hint" id="editor-hint">
          <kbd>Esc</kbd> then <kbd>Tab</kbd> leaves the editor
        </p>
      )}
      <div className="editor-frame" {...(noFile ? {} : { id: panelId(tabsPrefix), role: 'tabpanel', 'aria-labelledby': tabId(tabsPrefix, activeTab) })}>
        {noFile ? (
          <div className="editor-empty">
            <p>Plain containerd reads only its certs.d: add a hosts.toml, paste several, or drop a certs.d folder or .tar here.</p>
          </div>
        ) : useMonaco ? (
          <ErrorBoundary fallback={<PlainEditor value={value} file={file} readOnly={false} label={label} />}>
            <Suspense fallback={<PlainEditor value={value} file={file} readOnly label={`${label} (loading the editor…)`} />}>
              <MonacoEditor value={value} file={file} label={label} />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <PlainEditor value={value} file={file} readOnly={mode.readOnly || wantsMonaco} label={wantsMonaco ? `${label} (loading the editor…)` : label} />
        )}
      </div>
      {dropError !== null && (
        <p className="field-error" role="alert">
          {dropError}
        </p>
      )}
      <ProblemsPanel />
    </section>
  );
}
