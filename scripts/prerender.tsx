/**
 * Writes the default state's page into dist/index.html, so the first chains are on screen
 * as soon as the HTML and CSS arrive; the app then hydrates it. Visitors whose page will
 * differ (a link, a saved draft, an embed, a touch device, a chosen theme) are detected by a
 * tiny inline script, which hides this markup until the app renders theirs.
 *
 *   npx tsx scripts/prerender.tsx [dist] [--offline]
 *
 * `--offline`: the single offline file's page (build/offline/index.html before it is stamped), rendered
 * as the file renders (its rule links); its code is inline at the end of <body>, after #root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderToString } from 'react-dom/server';
import { App } from '../src/app/App.tsx';
import { defaultMode, prerenderScript } from '../src/app/prerender.ts';
import { PlaygroundProvider } from '../src/app/state/context.tsx';
import { prerenderAsOfflineFile } from '../src/app/buildMode.ts';
import { initialResults } from '../src/app/state/recompute.ts';
import { createPlaygroundStore } from '../src/app/state/store.ts';
import { encodeState } from '../src/share/codec.ts';
import { defaultState } from '../src/share/state.ts';

const dist = process.argv[2] ?? 'dist';
if (process.argv.includes('--offline')) prerenderAsOfflineFile();
// Exactly what the page computes before its first render (src/app/main.tsx), so hydration matches.
const store = createPlaygroundStore({ mode: defaultMode, draft: defaultState, results: initialResults(defaultState) });
if (store.getState().results.resolution === null) throw new Error('the default state did not resolve');
const html = renderToString(
  <PlaygroundProvider store={store}>
    <App />
  </PlaygroundProvider>,
);
const page = readFileSync(`${dist}/index.html`, 'utf8');
if (!page.includes('<div id="root"></div>')) throw new Error(`${dist}/index.html has no empty #root (already prerendered?)`);
const root = page.indexOf('<div id="root"></div>');
// The real </head> is the last one before the root element (an inlined script may contain the text).
const headEnd = page.lastIndexOf('</head>', root);
if (headEnd === -1) throw new Error(`${dist}/index.html has no </head> before #root`);
const result = [
  page.slice(0, headEnd),
  `    <script>${prerenderScript(`#${encodeState(defaultState)}`)}</script>\n  `,
  page.slice(headEnd, root),
  `<div id="root" data-prerendered>${html}</div>`,
  // Right after the markup: the moment the chains can be painted, whatever follows in the page.
  `\n    <script>requestAnimationFrame(function(){document.documentElement.classList.contains('client-render')||performance.mark('k3s-rp:first-chains')})</script>`,
  page.slice(root + '<div id="root"></div>'.length),
].join('');
writeFileSync(`${dist}/index.html`, result);
console.log(`prerendered the default state into ${dist}/index.html (${(html.length / 1024).toFixed(1)} KB of markup)`);
