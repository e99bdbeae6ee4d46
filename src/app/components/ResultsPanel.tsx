import type { KeyboardEvent } from 'react';
import type { ViewId } from '../../share/state.ts';
import { ChainsPanel } from '../chains/ChainsPanel.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectSeq, selectView } from '../state/selectors.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { HostsTomlPanel } from './HostsTomlPanel.tsx';

const tabs: { id: ViewId; label: string }[] = [
  { id: 'chains', label: 'Endpoint chains' },
  { id: 'hosts', label: 'hosts.toml files' },
];

export function ResultsPanel() {
  const view = usePlayground(selectView);
  const seq = usePlayground(selectSeq);
  const actions = useActions();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tabs[(tabs.findIndex((tab) => tab.id === view) + 1) % tabs.length];
    if (next === undefined) return;
    actions.setView(next.id);
    document.getElementById(`view-tab-${next.id}`)?.focus();
  };
  return (
    <section className="panel results-panel" aria-label="Results">
      <div role="tablist" aria-label="Results view" className="tabs view-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`view-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={view === tab.id}
            aria-controls={`view-panel-${tab.id}`}
            tabIndex={view === tab.id ? 0 : -1}
            onClick={() => actions.setView(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`view-panel-${view}`} aria-labelledby={`view-tab-${view}`}>
        <ErrorBoundary
          resetKey={seq}
          fallback={
            <p className="banner banner-error" role="alert">
              This view failed to render. Your draft is safe; edit it or reload the page.
            </p>
          }
        >
          {view === 'chains' ? <ChainsPanel /> : <HostsTomlPanel />}
        </ErrorBoundary>
      </div>
    </section>
  );
}
