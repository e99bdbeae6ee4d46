import type { OutputAsset, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Folds the built page into one HTML file: every script and stylesheet the HTML references goes
 * inline, and the separate files are dropped. Runs with code splitting off (one chunk) and every
 * asset inlined as a data URL (vite.offline.config.ts), so nothing is left to fetch.
 */
/** Where scripts/offline/build.ts puts the file's footer: before the inline code, so it is parsed early too. */
export const OFFLINE_FOOTER_MARK = '<!--k3s-rp:offline-footer-->';

export function singleFile(): Plugin {
  return {
    name: 'k3s-rp:single-file',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = Object.values(bundle).find((item): item is OutputAsset => item.type === 'asset' && item.fileName.endsWith('.html'));
      if (html === undefined) throw new Error('single-file: no HTML in the bundle');
      // The web app manifest belongs to the hosted site; from disk it would be a request.
      let page = String(html.source).replace(/\s*<link rel="manifest"[^>]*>/, '');
      for (const item of Object.values(bundle)) {
        if (item === html) continue;
        if (item.type === 'chunk') {
          const tag = new RegExp(`\\s*<script type="module" crossorigin src="\\.?/?${escape(item.fileName)}"></script>`);
          if (!tag.test(page)) throw new Error(`single-file: ${item.fileName} is not referenced by the page (code splitting must be off)`);
          // Module scripts run after parsing wherever they stand: at the end of <body>, the page's markup
          // (the prerendered chains) is parsed and painted before the megabytes of inline code are read.
          // A `</script` inside the code would end the element early: split it where JavaScript does not care.
          page = page.replace(tag, '');
          const end = page.lastIndexOf('</body>');
          page = `${page.slice(0, end)}${OFFLINE_FOOTER_MARK}\n<script type="module">${inlineScript(item)}</script>\n${page.slice(end)}`;
        } else if (item.fileName.endsWith('.css')) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="\\.?/?${escape(item.fileName)}">`);
          page = page.replace(tag, () => `<style>${String(item.source).replaceAll('</style', '<\\/style')}</style>`);
        } else {
          throw new Error(`single-file: ${item.fileName} would be a separate file`);
        }
        delete bundle[item.fileName];
      }
      html.source = page;
    },
  };
}

function inlineScript(chunk: OutputChunk): string {
  // Vite leaves its preload list placeholder in imports that code splitting off turned into
  // Promise.resolve(): there is nothing to preload, so the list is empty.
  return chunk.code.replaceAll('__VITE_PRELOAD__', 'void 0').replaceAll('</script', '<\\/script').replaceAll('<!--', '<\\!--');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
