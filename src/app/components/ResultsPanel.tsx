import { lazy, Suspense, useId } from 'react';
import type { ViewId } from '../../share/state.ts';
import { ChainsPanel } from '../chains/ChainsPanel.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectSeq, selectView } from '../state/selectors.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { panelId, TabList, tabId } from './TabList.tsx';
import { AfterFirstPaint } from './AfterFirstPaint.tsx';

// The release pickers (every patch of every line) load right after the first paint.
const ReleaseBar = lazy(() => import('../releases/ReleaseBar.tsx'));
// Views other than the chains load their code when first opened.
const HostsTomlPanel = lazy(() => import('./HostsTomlPanel.tsx').then((module) => ({ default: module.HostsTomlPanel })));
const TimelinePanel = lazy(() => import('../timeline/TimelinePanel.tsx'));

const tabs: { id: ViewId; label: string }[] = [
  { id: 'chains', label: 'Endpoint chains' },
  { id: 'hosts', label: 'hosts.toml files' },
  { id: 'timeline', label: 'Where does it break?' },
];

export function ResultsPanel() {
  const view = usePlayground(selectView);
  const seq = usePlayground(selectSeq);
  const actions = useActions();
  const prefix = useId();
  return (
    <section className="panel results-panel" aria-label="Results">
      <div className="release-bar-slot">
        <AfterFirstPaint>
          <Suspense fallback={null}>
            <ReleaseBar />
          </Suspense>
        </AfterFirstPaint>
      </div>
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
          {view === 'chains' ? (
            <ChainsPanel />
          ) : (
            <Suspense fallback={<p className="muted">Loading…</p>}>{view === 'hosts' ? <HostsTomlPanel /> : <TimelinePanel />}</Suspense>
          )}
        </ErrorBoundary>
      </div>
    </section>
  );
}
