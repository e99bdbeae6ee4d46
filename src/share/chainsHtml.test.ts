import { describe, expect, it } from 'vitest';
import { resolve } from '../resolver/index.ts';
import { chainsHtml } from './chainsHtml.ts';
import { chainsView } from './chainsView.ts';
import { chainsMarkdown } from './markdown.ts';
import { defaultState, noWhatIf } from './state.ts';
import { defaultReleases } from '../resolver/index.ts';

const seedView = () => chainsView(resolve({ registriesYaml: defaultState.yaml, images: ['nginx:1.27', 'bad ref'], releases: defaultReleases() }), noWhatIf);

describe('the chains for docs (element and render)', () => {
  it('draws the same markup with inline styles as with class names', () => {
    const view = seedView();
    const inline = chainsHtml(view, { styles: 'inline', playgroundUrl: 'https://p.example/#v3.x' });
    const classes = chainsHtml(view, { styles: 'classes', playgroundUrl: 'https://p.example/#v3.x' });
    expect(inline).not.toContain('class=');
    expect(classes).not.toContain('style=');
    expect(inline.replace(/ style="[^"]*"/g, '')).toBe(classes.replace(/ class="[^"]*"/g, ''));
    // Every colour can be themed.
    expect(inline).toContain('var(--k3s-chains-fail,');
  });

  it('shows each step, the outcome and the #11857 difference, in HTML and Markdown', () => {
    const view = seedView();
    const [nginx] = view.images;
    expect(nginx?.cells.map((cell) => cell.steps.length)).toEqual([1, 2]);
    expect(nginx?.cells.map((cell) => cell.outcome)).toEqual([
      { pulled: false, text: 'not found' },
      { pulled: true, text: 'registry-1.docker.io' },
    ]);
    expect(nginx?.difference).toBe('v1.32.2+k3s1 never falls back to registry-1.docker.io; v1.32.3+k3s1 tries it last.');
    const html = chainsHtml(view, { styles: 'classes', playgroundUrl: null });
    expect(html).toContain('<strong>Differs:</strong> v1.32.2+k3s1 never falls back');
    expect(html).toContain('Invalid reference');
    expect(html).not.toContain('Open in playground');
    const markdown = chainsMarkdown(view, 'https://p.example/#v3.x');
    expect(markdown.split('\n')[0]).toBe('| Image | v1.32.2+k3s1 | v1.32.3+k3s1 |');
    expect(markdown).toContain('2. `https://registry-1.docker.io/v2/library/nginx/manifests/1.27` (registry itself)<br>✓ pulled from registry-1.docker.io');
    expect(markdown).toContain('[Open in playground](https://p.example/#v3.x)');
  });

  it('keeps hostile text inert', () => {
    const view = chainsView(resolve({ registriesYaml: '', images: ['<img src=x onerror=alert(1)>'], releases: defaultReleases() }), noWhatIf);
    const html = chainsHtml(view, { styles: 'inline', playgroundUrl: 'https://p.example/"><script>' });
    expect(html).not.toMatch(/<img|<script/);
    // In Markdown the reference stays inside a code span, where markup is literal text.
    expect(chainsMarkdown(view, null).replace(/`[^`]*`/g, '')).not.toMatch(/<img/);
  });
});
