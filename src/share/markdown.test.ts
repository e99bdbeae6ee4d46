import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { releaseOf, resolve } from '../resolver/index.ts';
import { markdownSummary } from './markdown.ts';
import { defaultState, type PlaygroundState } from './state.ts';

/**
 * GitHub renders issues with CommonMark + GFM tables; markdown-it with HTML on is the closest
 * stand-in. The rendered document is read from markdown-it's token stream (no DOM in these tests).
 */
const markdownIt = new MarkdownIt({ html: true });

interface Rendered {
  links: string[];
  text: string;
  header: string[];
  rows: string[][];
  listItems: string[];
  fences: { info: string; content: string }[];
  html: string[];
}

function render(markdown: string): Rendered {
  const tokens = markdownIt.parse(markdown, {});
  const rendered: Rendered = { links: [], text: '', header: [], rows: [], listItems: [], fences: [], html: [] };
  let section: 'thead' | 'tbody' | null = null;
  let row: string[] | null = null;
  let inCell = false;
  let inItem = false;
  const plain = (inline: Token) => (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
  for (const token of tokens) {
    if (token.type === 'thead_open') section = 'thead';
    if (token.type === 'tbody_open') section = 'tbody';
    if (token.type === 'tr_open') row = [];
    if (token.type === 'tr_close' && row !== null) {
      if (section === 'thead') rendered.header = row;
      else rendered.rows.push(row);
      row = null;
    }
    if (token.type === 'th_open' || token.type === 'td_open') inCell = true;
    if (token.type === 'th_close' || token.type === 'td_close') inCell = false;
    if (token.type === 'list_item_open') inItem = true;
    if (token.type === 'list_item_close') inItem = false;
    if (token.type === 'fence') rendered.fences.push({ info: token.info, content: token.content });
    if (token.type === 'html_block') rendered.html.push(token.content);
    if (token.type === 'inline') {
      const text = plain(token);
      rendered.text += `${text}\n`;
      if (inCell && row !== null) row.push(text);
      else if (inItem) rendered.listItems.push(text);
      for (const child of token.children ?? []) {
        if (child.type === 'link_open') rendered.links.push(child.attrGet('href') ?? '');
        if (child.type === 'html_inline') rendered.html.push(child.content);
      }
    }
  }
  return rendered;
}

function report(state: PlaygroundState): string {
  const resolution = resolve({
    registriesYaml: state.yaml,
    images: state.images,
    releases: state.versions.map((name) => releaseOf(name, state.product)),
    disableDefaultRegistryEndpoint: state.flags.disableDefaultRegistryEndpoint,
    embeddedRegistry: state.flags.embeddedRegistry,
    hostsDirs: Object.fromEntries(state.certsD.map((file) => [file.dir, file.toml])),
  });
  return markdownSummary('https://play.example/#v2.abc', state, resolution);
}

describe('Markdown for an issue', () => {
  it('renders the link, releases, an outcome table, the diagnostics and the YAML in a collapsed block', () => {
    const page = render(report(defaultState));
    expect(page.links).toEqual(['https://play.example/#v2.abc']);
    expect(page.text).toContain('Compared: v1.32.2+k3s1 (P5a, containerd 2.0.2-k3s2) vs v1.32.3+k3s1 (P5, containerd 2.0.4-k3s2)');
    expect(page.header).toEqual(['Image', 'v1.32.2+k3s1', 'v1.32.3+k3s1']);
    expect(page.rows).toHaveLength(defaultState.images.length);
    expect(page.rows[0]).toEqual(['nginx:1.27', '✗ not found', '✓ registry-1.docker.io']);
    expect(page.listItems.some((item) => item.startsWith('line 2: warning wildcard-no-fallback: On v1.32.2+k3s1'))).toBe(true);
    expect(page.html[0]).toBe('<details><summary>registries.yaml (credentials redacted)</summary>\n');
    expect(page.fences).toEqual([{ info: 'yaml', content: defaultState.yaml }]);
    expect(page.html.at(-1)).toBe('</details>\n');
  });

  it('keeps hostile text inert: pipes, backticks, HTML and fences in the YAML and the images', () => {
    const yaml = 'mirrors:\n  docker.io:\n    endpoint: ["https://m.example.com"]\n# ``` </details> <script>x</script> | a\n';
    const state: PlaygroundState = { ...defaultState, yaml, images: ['nginx|x', 'a`b'] };
    const page = render(report(state));
    // Only the report's own <details> markup is HTML: nothing from the YAML or images becomes markup.
    expect(page.html).toEqual(['<details><summary>registries.yaml (credentials redacted)</summary>\n', '</details>\n']);
    expect(page.fences).toEqual([{ info: 'yaml', content: yaml }]);
    expect(page.rows.map((row) => row[0])).toEqual(['nginx|x', 'a`b']);
  });

  it('carries the what-if answers into the outcomes', () => {
    const state: PlaygroundState = { ...defaultState, whatIf: { ...defaultState.whatIf, placeholdersUp: true } };
    expect(render(report(state)).rows[0]).toEqual(['nginx:1.27', '✓ example.com', '✓ example.com']);
  });

  it('carries a plain containerd tree: each hosts.toml in its own block, diagnostics named by file, no node options', () => {
    const toml = 'server = "https://registry-1.docker.io"\n[host."https://m.example.com"]\n  capabilities = ["pull", "fetch"]\n';
    const state: PlaygroundState = { ...defaultState, yaml: '', product: 'containerd', versions: ['containerd v1.7.25', 'containerd v2.0.4'], certsD: [{ dir: 'docker.io', toml }, { dir: '_default', toml: '' }] };
    const page = render(report(state));
    expect(page.text).toContain('containerd certs.d:');
    expect(page.text).not.toContain('Node options');
    expect(page.text).not.toContain('registries.yaml');
    expect(page.fences).toEqual([
      { info: 'toml', content: toml },
      { info: 'toml', content: '\n' },
    ]);
    expect(page.listItems.some((item) => item.startsWith('docker.io/hosts.toml line 3: error hosts-toml-unknown-capability'))).toBe(true);
  });
});
