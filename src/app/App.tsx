import { lazy, Suspense, useEffect, useState } from 'react';
import { AfterFirstPaint } from './components/AfterFirstPaint.tsx';
import { Banners } from './components/Banners.tsx';
import { EmbedHeader } from './components/EmbedHeader.tsx';
import { FlagsPanel } from './components/FlagsPanel.tsx';
import { Header } from './components/Header.tsx';
import { HowToRead } from './components/HowToRead.tsx';
import { ImagesPanel } from './components/ImagesPanel.tsx';
import { ResultsPanel } from './components/ResultsPanel.tsx';
import { useResolvedTheme } from './components/useResolvedTheme.ts';
import { EditorPanel } from './editor/EditorPanel.tsx';
import { usePlayground } from './state/context.tsx';
import { selectMode } from './state/selectors.ts';

// Only needed once someone shares: kept out of the first view's JavaScript.
const ShareDialog = lazy(() => import('./share/ShareDialog.tsx'));

export function App() {
  const mode = usePlayground(selectMode);
  const theme = useResolvedTheme();
  const [sharing, setSharing] = useState(false);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return (
    <div className={`app ${mode.embed ? 'is-embed' : ''}`}>
      <a className="skip-link" href="#results">
        Skip to results
      </a>
      {mode.embed ? <EmbedHeader /> : <Header onShare={() => setSharing(true)} />}
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      )}
      <Banners />
      <main className="layout">
        <div className="column column-input">
          <EditorPanel />
          {!mode.embed && <FlagsPanel />}
          {!mode.embed && (
            <AfterFirstPaint>
              <ImagesPanel />
            </AfterFirstPaint>
          )}
        </div>
        <div className="column column-results" id="results">
          <ResultsPanel />
        </div>
      </main>
      {!mode.embed && (
        <AfterFirstPaint>
          <HowToRead />
          <footer className="site-footer">
            <p>Behaviour reproduced from K3s, its containerd fork and upstream containerd. Not affiliated with SUSE or the K3s project.</p>
          </footer>
        </AfterFirstPaint>
      )}
    </div>
  );
}
