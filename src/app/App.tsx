import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { AfterFirstPaint } from './components/AfterFirstPaint.tsx';
import { Banners } from './components/Banners.tsx';
import { FlagsPanel } from './components/FlagsPanel.tsx';
import { Guard } from './components/Guard.tsx';
import { Header } from './components/Header.tsx';
import { ResultsPanel } from './components/ResultsPanel.tsx';
import { ChainsPanel } from './chains/ChainsPanel.tsx';
import { useResolvedTheme } from './components/useResolvedTheme.ts';
import { EditorPanel } from './editor/EditorPanel.tsx';
import { usePlayground } from './state/context.tsx';
import { selectMode } from './state/selectors.ts';
import { isOfflineFile } from './buildMode.ts';

// Only needed once someone shares: kept out of the first view's JavaScript.
const ShareDialog = lazy(() => import('./share/ShareDialog.tsx'));
// Rendered after the first paint only, so their code loads after it too.
const ImagesPanel = lazy(() => import('./components/ImagesPanel.tsx').then((module) => ({ default: module.ImagesPanel })));
// Only embeds show it.
const EmbedHeader = lazy(() => import('./components/EmbedHeader.tsx').then((module) => ({ default: module.EmbedHeader })));
// The hosted site's link to the single offline file (the file itself has no use for it).
const OfflineDownload = lazy(() => import('./offline/OfflineDownload.tsx').then((module) => ({ default: module.OfflineDownload })));
const HowToRead = lazy(() => import('./components/HowToRead.tsx').then((module) => ({ default: module.HowToRead })));

/** The one place that decides between the full page and the embed (the mode is fixed at boot). */
export function App() {
  const mode = usePlayground(selectMode);
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return mode.embed ? <EmbedLayout /> : <PageLayout />;
}

function PageLayout() {
  const [sharing, setSharing] = useState(false);
  return (
    <div className="app">
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      <Guard name="header">
        <Header onShare={() => setSharing(true)} />
      </Guard>
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      )}
      <Guard name="messages">
        <Banners />
      </Guard>
      <HowToReadStrip />
      <Workspace>
        <Guard name="node flags">
          <FlagsPanel />
        </Guard>
        <AfterFirstPaint>
          <Guard name="sample images">
            <Suspense fallback={null}>
              <ImagesPanel />
            </Suspense>
          </Guard>
        </AfterFirstPaint>
      </Workspace>
      <AfterFirstPaint>
        <footer className="site-footer">
          <p>Behaviour reproduced from K3s, its containerd fork and upstream containerd. Not affiliated with SUSE or the K3s project.</p>
          {!isOfflineFile() && (
            <Suspense fallback={null}>
              <OfflineDownload />
            </Suspense>
          )}
        </footer>
      </AfterFirstPaint>
    </div>
  );
}

/** "How to read this", one line near the top until opened; its text loads when it is. */
function HowToReadStrip() {
  const [open, setOpen] = useState(false);
  return (
    <details className="how-to-read" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>How to read this: endpoint chains, the default endpoint, the #11857 bug</summary>
      {open && (
        <Guard name="explanation">
          <Suspense fallback={null}>
            <HowToRead />
          </Suspense>
        </Guard>
      )}
    </details>
  );
}

/**
 * Chromeless, for documentation pages: the YAML and the results, or (`view=summary`) the outcome
 * table alone; `maxHeight` stops the frame growing and scrolls inside it.
 */
function EmbedLayout() {
  const options = usePlayground(selectMode).embedOptions;
  const style = options?.maxHeight != null ? { maxHeight: `${options.maxHeight}px`, overflow: 'auto' as const } : undefined;
  return (
    <div className="app is-embed" style={style} data-testid="embed">
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      <Guard name="header">
        <Suspense fallback={<header className="embed-header" />}>
          <EmbedHeader />
        </Suspense>
      </Guard>
      <Guard name="messages">
        <Banners />
      </Guard>
      {options?.view === 'summary' ? (
        <main className="embed-summary" id="results" tabIndex={-1}>
          <Guard name="results">
            <ChainsPanel />
          </Guard>
        </main>
      ) : (
        <Workspace />
      )}
    </div>
  );
}

/** The editor column (with whatever else the layout puts under it) beside the results. */
function Workspace({ children }: { children?: ReactNode }) {
  return (
    <main className="layout">
      <div className="column column-input">
        <Guard name="editor">
          <EditorPanel />
        </Guard>
        {children}
      </div>
      <div className="column column-results" id="results" tabIndex={-1}>
        <Guard name="results">
          <ResultsPanel />
        </Guard>
      </div>
    </main>
  );
}
