import { useActions, usePlayground } from '../state/context.tsx';
import { selectDiagnostics } from '../state/selectors.ts';
import { CodeText, plural } from '../components/CodeText.tsx';
import { ruleHref } from '../ruleHref.ts';

const icon = { error: '✖', warning: '▲', info: 'ℹ' } as const;

/** Engine diagnostics as a list; choosing one moves the editor's cursor there. */
export function ProblemsPanel() {
  const diagnostics = usePlayground(selectDiagnostics);
  const actions = useActions();
  const counts = { error: 0, warning: 0, info: 0 };
  for (const found of diagnostics) counts[found.severity]++;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h3 id="problems-heading">
        Problems{' '}
        <span className="counts">
          {plural(counts.error, 'error')}, {plural(counts.warning, 'warning')}, {plural(counts.info, 'note')}
        </span>
      </h3>
      {diagnostics.length === 0 ? (
        <p className="muted">No problems: K3s and containerd will read these files as written.</p>
      ) : (
        <ul>
          {diagnostics.map((found, index) => (
            <li key={`${found.code}-${found.line}-${found.column}-${index}`}>
              <button type="button" className={`problem problem-${found.severity}`} onClick={() => actions.moveCursor(found.line, found.column, found.file ?? null)}>
                <span className="problem-icon" aria-hidden="true">
                  {icon[found.severity]}
                </span>
                <span className="visually-hidden">{found.severity}</span>
                <span className="problem-where">
                  {found.file !== undefined && <code>{found.file}/hosts.toml </code>}
                  Line {found.line}:{found.column}
                </span>
                <span className="problem-message">
                  <CodeText text={found.message} />
                </span>
              </button>
              <a className="problem-code" href={ruleHref(found.code)} target="_blank" rel="noopener" title={`What ${found.code} means, why, and the fix`}>
                <code>{found.code}</code>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
