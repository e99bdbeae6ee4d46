import type { BootState } from './boot.ts';
import { defaultState } from '../share/state.ts';
import { DRAFT_KEY, THEME_KEY } from './state/persist.ts';
import type { Mode } from './state/store.ts';

/** The mode the page is prerendered in: the full page with Monaco. */
export const defaultMode: Mode = { embed: false, readOnly: false, plainEditor: false, embedOptions: null };

/**
 * The inline head script of the prerendered page. Before anything paints it sets the theme
 * (no flash of the wrong colours) and, when this visitor's page will not be the default one,
 * marks <html class="client-render"> so the prerendered markup stays hidden.
 * Plain ES5, no dependencies: it runs before any module.
 */
export function prerenderScript(defaultLink: string): string {
  return `(function(){var d=document.documentElement,t=null,s=null;try{t=localStorage.getItem(${JSON.stringify(THEME_KEY)});s=localStorage.getItem(${JSON.stringify(DRAFT_KEY)})}catch(e){}var m=function(q){return window.matchMedia&&matchMedia(q).matches},dark=t==='dark'||(t!=='light'&&m('(prefers-color-scheme: dark)'));d.setAttribute('data-theme',dark?'dark':'light');d.style.colorScheme=dark?'dark':'light';var h=location.hash,fresh=!s&&(h===''||h==='#'||h===${JSON.stringify(defaultLink)})&&!/[?&](embed|editor|readonly)\\b/.test(location.search)&&!m('(pointer: coarse)')&&(!t||t==='system');if(!fresh)d.classList.add('client-render')})();`;
}

/** Whether this visit shows exactly the prerendered page, so React can hydrate it. */
export function matchesPrerender(initial: BootState, hiddenByScript: boolean): boolean {
  const mode = initial.mode;
  return (
    !hiddenByScript &&
    !mode.embed &&
    !mode.readOnly &&
    !mode.plainEditor &&
    initial.theme === 'system' &&
    initial.banners.length === 0 &&
    !initial.fromLink &&
    initial.replacedDraft === null &&
    JSON.stringify(initial.draft) === JSON.stringify(defaultState)
  );
}
