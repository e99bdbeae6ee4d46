import { lazy, Suspense } from 'react';
import { AfterFirstPaint } from './AfterFirstPaint.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectTheme, selectUndo } from '../state/selectors.ts';
import type { Theme } from '../state/store.ts';

// The examples (their YAML is most of the menu) load after the first paint.
const ExamplesMenu = lazy(() => import('./ExamplesMenu.tsx'));

const themeOrder: Theme[] = ['system', 'light', 'dark'];
const themeLabel: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

export function Header({ onShare }: { onShare?: () => void }) {
  const actions = useActions();
  const theme = usePlayground(selectTheme);
  const undo = usePlayground(selectUndo);
  return (
    <header className="site-header">
      <div className="brand">
        <h1>K3s Registry Playground</h1>
        <p className="tagline">What K3s, RKE2 and containerd really do with your registries.yaml, on any release — side by side.</p>
      </div>
      <nav className="header-actions" aria-label="Playground actions">
        <AfterFirstPaint>
          <Suspense fallback={null}>
            <ExamplesMenu />
          </Suspense>
        </AfterFirstPaint>
        {undo !== null && (
          <button type="button" onClick={actions.undoReplace}>
            Undo
          </button>
        )}
        {onShare !== undefined && (
          <button type="button" onClick={onShare}>
            Share
          </button>
        )}
        <button
          type="button"
          className="theme-toggle"
          onClick={() => actions.setTheme(themeOrder[(themeOrder.indexOf(theme) + 1) % themeOrder.length] ?? 'system')}
          aria-label={`${themeLabel[theme]} (change)`}
        >
          {themeLabel[theme]}
        </button>
      </nav>
    </header>
  );
}
