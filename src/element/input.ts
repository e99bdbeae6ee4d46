import { decodeState, failureMessages } from '../share/codec.ts';
import { limitState, defaultState, productIds, STATE_LIMITS, type PlaygroundState } from '../share/state.ts';
import type { Distribution } from '../resolver/core.ts';

/** What the element reads from its attributes and children (as the DOM gives them). */
export interface ElementSources {
  permalink: string | null;
  images: string | null;
  releases: string | null;
  product: string | null;
  playground: string | null;
  /** The text of a child `<script type="text/yaml">`. */
  yaml: string | null;
  /** Children `<script type="text/toml" data-dir="docker.io">`: hosts.toml files of your own. */
  hostsToml: { dir: string; toml: string }[];
  /** The playground beside element.js. */
  defaultPlayground: string;
}

export interface ElementInput {
  state: PlaygroundState;
  /** The playground page (no fragment) that "Open in playground" points at. */
  playground: string;
}

export type ElementInputResult = { ok: true; value: ElementInput } | { ok: false; message: string };

/** The state to show: the permalink's (or the defaults), with the YAML, files, images, releases and product the element names. */
export function readElementInput(sources: ElementSources): ElementInputResult {
  let state: PlaygroundState = { ...defaultState, yaml: '' };
  let playground = sources.playground ?? sources.defaultPlayground;
  if (sources.permalink !== null && sources.permalink.trim() !== '') {
    const hash = sources.permalink.indexOf('#');
    const decoded = decodeState(hash === -1 ? sources.permalink.trim() : sources.permalink.slice(hash + 1));
    if (!decoded.ok) return { ok: false, message: `permalink: ${failureMessages[decoded.reason]}` };
    state = decoded.state;
    // A full link says where its playground is.
    if (sources.playground === null && hash > 0 && URL.canParse(sources.permalink.slice(0, hash))) playground = sources.permalink.slice(0, hash);
  }
  if (sources.yaml !== null) state = { ...state, yaml: dedent(sources.yaml) };
  if (sources.hostsToml.length > 0) state = { ...state, certsD: sources.hostsToml.map((file) => ({ dir: file.dir.trim(), toml: dedent(file.toml) })) };
  if (sources.images !== null) state = { ...state, images: listOf(sources.images) };
  if (sources.releases !== null) state = { ...state, versions: listOf(sources.releases) };
  if (sources.product !== null) {
    if (!(productIds as readonly string[]).includes(sources.product)) return { ok: false, message: `product must be ${productIds.join(', ')}, not "${sources.product}"` };
    state = { ...state, product: sources.product as Distribution };
  }
  if (state.versions.length === 0) return { ok: false, message: 'releases: name at least one release, e.g. releases="v1.32.2+k3s1,v1.32.3+k3s1"' };
  if (!URL.canParse(playground) || !/^https?:$/.test(new URL(playground).protocol)) playground = sources.defaultPlayground;
  return { ok: true, value: { state: limitState(state).state, playground: new URL(playground).href.replace(/#.*$/, '') } };
}

/** A comma- or space-separated attribute, bounded like a link's lists. */
function listOf(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .filter((item) => item !== '')
    .slice(0, Math.max(STATE_LIMITS.images, STATE_LIMITS.versions));
}

/**
 * YAML inside HTML is indented with the markup around it: drop the first empty line and the
 * indentation every line shares, so the file reads as it would on the node.
 */
export function dedent(text: string): string {
  const lines = text.replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '').split(/\r?\n/);
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return `${lines.map((line) => line.slice(common)).join('\n')}\n`;
}
