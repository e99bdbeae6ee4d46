import { examples } from '../examples.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectTheme, selectUndo } from '../state/selectors.ts';
import type { Theme } from '../state/store.ts';

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
        <p className="tagline">What K3s and containerd really do with your registries.yaml — v1.32.2+k3s1 next to v1.32.3+k3s1.</p>
      </div>
      <nav className="header-actions" aria-label="Playground actions">
        <label className="examples">
          <span className="visually-hidden">Load an example</span>
          <select
            value=""
            onChange={(event) => {
              const example = examples.find((candidate) => candidate.id === event.target.value);
              if (example === undefined) return;
              actions.replaceDraft({ yaml: example.yaml, flags: example.flags, ...(example.images ? { images: example.images } : {}) });
            }}
          >
            <option value="" disabled>
              Examples…
            </option>
            {examples.map((example) => (
              <option key={example.id} value={example.id} title={example.summary}>
                {example.title}
              </option>
            ))}
          </select>
        </label>
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
