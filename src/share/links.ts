import { encodeState } from './codec.ts';
import { redactState, type LeakCheck, type LeakItem, type RedactedItem } from './redact.ts';
import type { PlaygroundState } from './state.ts';

export interface ShareOptions {
  /** Keep credentials in the link (off unless the user explicitly chooses it). */
  includeCredentials: boolean;
}

export type ShareLink =
  | {
      ok: true;
      url: string;
      fragment: string;
      /** The state the link carries (redacted unless credentials were included on purpose). */
      state: PlaygroundState;
      /** What was replaced by the placeholder, by line. */
      redacted: RedactedItem[];
      /** Finds the draft's secrets in anything else about to be shared; null when they are included on purpose. */
      check: LeakCheck | null;
    }
  /** Redaction could not be vouched for: no link, only what to fix. */
  | { ok: false; redacted: RedactedItem[]; leaks: LeakItem[] };

/** Link lengths people run into: chat apps truncate around 2,000, many servers stop near 8,000. */
export const LINK_LENGTH_LIMITS = { chat: 2_000, server: 8_000 } as const;

/** The full-page link for a state. `base` is the playground's address without a fragment. */
export function shareLink(base: string, state: PlaygroundState, options: ShareOptions): ShareLink {
  if (options.includeCredentials) return linkFor(base, state, [], null);
  const redaction = redactState(state);
  if (!redaction.safe) return { ok: false, redacted: redaction.redacted, leaks: redaction.leaks };
  return linkFor(base, redaction.state, redaction.redacted, redaction.check);
}

function linkFor(base: string, state: PlaygroundState, redacted: RedactedItem[], check: LeakCheck | null): ShareLink {
  const fragment = encodeState(state);
  return { ok: true, url: `${withoutFragment(base)}#${fragment}`, fragment, state, redacted, check };
}

/** What a documentation page chooses for an embed (read by the page at boot, src/app/boot.ts). */
export interface EmbedChoice {
  readOnly: boolean;
  view?: 'summary' | 'chains' | 'hosts';
  maxHeight?: number;
  theme?: 'light' | 'dark';
}

/** The embed URL for the same state: `?embed` (or `?embed=readonly`) and the options, on the same page. */
export function embedLink(base: string, fragment: string, choice: boolean | EmbedChoice): string {
  const { readOnly, view, maxHeight, theme } = typeof choice === 'boolean' ? { readOnly: choice } : choice;
  const url = new URL(withoutFragment(base));
  const options = [view !== undefined && `view=${view}`, maxHeight !== undefined && `maxHeight=${maxHeight}`, theme !== undefined && `theme=${theme}`].filter((option): option is string => typeof option === 'string');
  url.search = `?${readOnly ? 'embed=readonly' : 'embed'}${options.map((option) => `&${option}`).join('')}`;
  return `${url.toString()}#${fragment}`;
}

/** The iframe snippet for documentation, with the auto-height script. */
export function embedSnippet(embedUrl: string, height = 480): string {
  const origin = new URL(embedUrl).origin;
  return [
    `<iframe src="${escapeHtml(embedUrl)}" title="K3s Registry Playground" style="width:100%;height:${Math.round(height)}px;border:0" loading="lazy"></iframe>`,
    '<script>',
    '  // Let the playground set its own height.',
    '  addEventListener("message", (event) => {',
    `    if (event.origin !== ${JSON.stringify(origin)} || event.data?.type !== "k3s-registry-playground:resize") return;`,
    '    for (const frame of document.querySelectorAll("iframe")) {',
    '      if (frame.contentWindow === event.source) frame.style.height = `${event.data.height}px`;',
    '    }',
    '  });',
    '</script>',
  ].join('\n');
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
