import { stepKinds, type ChainsView } from './chainsView.ts';
import { escapeHtml } from './html.ts';

/**
 * The chains as HTML, for the custom element (class names and one stylesheet in its shadow root)
 * and for static sites (the same markup with inline styles, so no stylesheet and no JavaScript
 * is needed). Every colour and font is a CSS custom property with a default: a docs theme sets
 * `--k3s-chains-*` on the element or any ancestor and both forms follow.
 */
const RULES = {
  root: 'font-family:var(--k3s-chains-font,system-ui,sans-serif);font-size:var(--k3s-chains-font-size,14px);line-height:1.45;color:var(--k3s-chains-fg,#1f2328);background:var(--k3s-chains-bg,transparent);border:1px solid var(--k3s-chains-border,#d0d7de);border-radius:var(--k3s-chains-radius,6px);padding:.5em .75em;overflow-x:auto',
  caption: 'text-align:left;font-weight:600;padding:.25em 0 .5em',
  table: 'border-collapse:collapse;width:100%',
  th: 'text-align:left;vertical-align:top;padding:.35em .5em;border-bottom:1px solid var(--k3s-chains-border,#d0d7de);font-weight:600',
  td: 'vertical-align:top;padding:.35em .5em;border-bottom:1px solid var(--k3s-chains-border,#d0d7de)',
  steps: 'margin:0;padding-left:1.4em',
  url: 'font-family:var(--k3s-chains-mono,ui-monospace,Menlo,Consolas,monospace);font-size:.9em;overflow-wrap:anywhere',
  kind: 'font-size:.8em;color:var(--k3s-chains-muted,#59636e)',
  pulled: 'margin:.3em 0 0;color:var(--k3s-chains-ok,#1a7f37);font-weight:600',
  failed: 'margin:.3em 0 0;color:var(--k3s-chains-fail,#cf222e);font-weight:600',
  difference: 'display:block;margin-top:.3em;padding:.15em .4em;border-radius:4px;background:var(--k3s-chains-diff-bg,#fff8c5);color:var(--k3s-chains-diff-fg,#3b2300);font-weight:normal;font-size:.9em',
  problem: 'color:var(--k3s-chains-fail,#cf222e);margin:.25em 0',
  footer: 'margin:.5em 0 0;font-size:.9em',
  link: 'color:var(--k3s-chains-accent,#0969da)',
  hidden: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap',
} as const;

type Part = keyof typeof RULES;

/** The element's stylesheet: the same rules as the inline styles, by class. */
export const chainsStylesheet = `:host{display:block}${Object.entries(RULES)
  .map(([part, rule]) => `.${part}{${rule}}`)
  .join('')}a:focus-visible{outline:2px solid var(--k3s-chains-accent,#0969da);outline-offset:2px}`;

export interface HtmlOptions {
  /** Inline styles (static sites) or class names (the element's shadow root). */
  styles: 'inline' | 'classes';
  /** The playground with this state, for the "Open in playground" link; null leaves it out. */
  playgroundUrl: string | null;
}

export function chainsHtml(view: ChainsView, options: HtmlOptions): string {
  const at = (part: Part) => (options.styles === 'inline' ? `style="${RULES[part]}"` : `class="${part}"`);
  const caption = `Endpoint chains containerd walks${view.releases.length > 0 ? `: ${view.releases.map(escapeHtml).join(' vs ')}` : ''}`;
  const head = `<tr><th scope="col" ${at('th')}>Image</th>${view.releases.map((release) => `<th scope="col" ${at('th')}>${escapeHtml(release)}</th>`).join('')}</tr>`;
  const rows = view.images.map((image) => {
    const header = `<th scope="row" ${at('th')}><span ${at('url')}>${escapeHtml(image.image || '(empty)')}</span>${
      image.difference !== null ? `<span ${at('difference')}><strong>Differs:</strong> ${escapeHtml(image.difference)}</span>` : ''
    }</th>`;
    const cells = image.cells.map((cell) => {
      if (image.error !== null) return `<td ${at('td')}><p ${at('failed')}>Invalid reference: ${escapeHtml(image.error)}</p></td>`;
      if (!view.loadable) return `<td ${at('td')}><p ${at('failed')}>K3s cannot load this registries.yaml</p></td>`;
      const steps = cell.steps.length === 0 ? '' : `<ol ${at('steps')}>${cell.steps.map((step) => `<li><span ${at('url')}>${escapeHtml(step.url)}</span> <span ${at('kind')}>(${stepKinds[step.kind]})</span></li>`).join('')}</ol>`;
      const outcome = cell.outcome === null ? '' : cell.outcome.pulled ? `<p ${at('pulled')}>✓ pulled from ${escapeHtml(cell.outcome.text)}</p>` : `<p ${at('failed')}>✗ fails: ${escapeHtml(cell.outcome.text)}</p>`;
      return `<td ${at('td')}>${steps}${outcome}</td>`;
    });
    return `<tr>${header}${cells.join('')}</tr>`;
  });
  const problems = view.problems.map((problem) => `<p ${at('problem')} role="note">${escapeHtml(problem)}</p>`).join('');
  const footer =
    options.playgroundUrl === null ? '' : `<p ${at('footer')}><a ${at('link')} href="${escapeHtml(options.playgroundUrl)}" target="_blank" rel="noopener">Open in playground<span ${at('hidden')}> (opens in a new tab)</span></a></p>`;
  return `<div ${at('root')} role="region" aria-label="K3s registry endpoint chains">${problems}<table ${at('table')}><caption ${at('caption')}>${caption}</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>${footer}</div>`;
}
