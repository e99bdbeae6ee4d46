import { encodeState } from './codec.ts';
import { redactCredentials } from './redact.ts';
import type { PlaygroundState } from './state.ts';

export interface ShareOptions {
  /** Keep credentials in the link (off unless the user explicitly chooses it). */
  includeCredentials: boolean;
}

export interface ShareLink {
  url: string;
  fragment: string;
  /** Credential paths replaced by the placeholder. */
  redacted: string[];
}

/** Link lengths people run into: chat apps truncate around 2,000, many servers stop near 8,000. */
export const LINK_LENGTH_LIMITS = { chat: 2_000, server: 8_000 } as const;

/** The full-page link for a state. `base` is the playground's address without a fragment. */
export function shareLink(base: string, state: PlaygroundState, options: ShareOptions): ShareLink {
  const { state: shared, redacted } = options.includeCredentials ? { state, redacted: [] } : redactCredentials(state);
  const fragment = encodeState(shared);
  return { url: `${withoutFragment(base)}#${fragment}`, fragment, redacted };
}

/** The embed URL for the same state: `?embed` (or `?embed=readonly`) on the same page. */
export function embedLink(base: string, fragment: string, readOnly: boolean): string {
  const url = new URL(withoutFragment(base));
  url.search = readOnly ? '?embed=readonly' : '?embed';
  return `${url.toString()}#${fragment}`;
}

/** The iframe snippet for documentation, with the auto-height script. */
export function embedSnippet(embedUrl: string): string {
  const origin = new URL(embedUrl).origin;
  return [
    `<iframe src="${escapeHtml(embedUrl)}" title="K3s Registry Playground" style="width:100%;height:480px;border:0" loading="lazy"></iframe>`,
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
