import { useId } from 'react';
import type { ViewId } from '../../share/state.ts';
import { ChainsPanel } from '../chains/ChainsPanel.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectSeq, selectView } from '../state/selectors.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { HostsTomlPanel } from './HostsTomlPanel.tsx';
import { panelId, TabList, tabId } from './TabList.tsx';

const tabs: { id: ViewId; label: string }[] = [
  { id: 'chains', label: 'Endpoint chains' },
  { id: 'hosts', label: 'hosts.toml files' },
];

export function ResultsPanel() {
  const view = usePlayground(selectView);
  const seq = usePlayground(selectSeq);
  const actions = useActions();
  const prefix = useId();
  return (
    <section className="panel results-panel" aria-label="Results">
      <TabList tabs={tabs} selected={view} onSelect={actions.setView} label="Results view" idPrefix={prefix} className="tabs view-tabs" />
      <div role="tabpanel" id={panelId(prefix)} aria-labelledby={tabId(prefix, view)}>
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
