import { describeDifference, layoutOf, products, type Resolution } from '../resolver/core.ts';
import { cellText, outcomeOf } from './outcomes.ts';
import { stepKinds, type ChainsView } from './chainsView.ts';
import type { PlaygroundState } from './state.ts';

/**
 * A Markdown report for a GitHub issue, built from the state the link carries (already
 * redacted), never from the draft on screen: the compared releases and options, the outcome of
 * every sample image, the diagnostics with their lines, the YAML in a collapsed block, and the link.
 */
export function markdownSummary(url: string, state: PlaygroundState, resolution: Resolution | null): string {
  const out: string[] = [];
  const link = `[Open in K3s Registry Playground](${url})`;
  if (resolution === null) return `${link}\n`;
  const releases = resolution.releases;
  const layout = layoutOf(state.product);
  const flagNames = state.product === 'containerd' ? null : products[state.product].flags;
  const subject = state.product === 'containerd' ? 'certs.d' : 'registries.yaml';
  const failing = resolution.images.filter((image) => image.error === null && releases.some((release) => outcomeOf(image, release.id, state.whatIf)?.status === 'failed'));
  const [first, second] = releases;
  const differing = first !== undefined && second !== undefined ? resolution.images.filter((image) => describeDifference(image, first.id, second.id) !== null) : [];
  const headline = resolution.loadable
    ? `${failing.length} of ${count(resolution.images.length, 'image')} ${failing.length === 1 ? 'fails' : 'fail'}${first !== undefined && second !== undefined ? `, ${differing.length} ${differing.length === 1 ? 'resolves' : 'resolve'} differently` : ''}`
    : `${layout.name} cannot load this registries.yaml (the agent does not start)`;
  out.push(`### ${layout.name} ${subject}: ${headline}`, '', link, '');
  out.push(`Compared: ${releases.map(({ release }) => `**${release.id}** (${release.profile.id}, containerd ${release.containerd})`).join(' vs ') || 'no release'}`);
  if (flagNames !== null) {
    const options = [state.flags.disableDefaultRegistryEndpoint && flagNames.disableDefaultRegistryEndpoint, state.flags.embeddedRegistry && flagNames.embeddedRegistry].filter((flag): flag is string => typeof flag === 'string');
    out.push(`Node options: ${options.length > 0 ? options.map((option) => `\`${option}\``).join(', ') : 'none'}`);
  }
  out.push('');
  if (resolution.images.length > 0 && releases.length > 0) {
    out.push(`| Image | ${releases.map((release) => cell(release.id)).join(' | ')} |`, `|---|${releases.map(() => '---').join('|')}|`);
    for (const image of resolution.images) {
      const cells = releases.map((release) => {
        if (image.error !== null) return cell(`⚠ invalid: ${image.error}`);
        const outcome = outcomeOf(image, release.id, state.whatIf);
        if (outcome === null) return '';
        return cell(`${outcome.status === 'pulled' ? '✓' : '✗'} ${cellText(outcome, image, release.id)}`);
      });
      out.push(`| ${code(image.image || '(empty)')} | ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  if (resolution.diagnostics.length > 0) {
    out.push('**Diagnostics**', '');
    for (const found of resolution.diagnostics) out.push(`- ${found.file === undefined ? '' : `${code(`${found.file}/hosts.toml`)} `}line ${found.line}: ${found.severity} ${code(found.code)}: ${text(found.message)}`);
    out.push('');
  }
  if (state.product !== 'containerd') out.push(...collapsed('registries.yaml (credentials redacted)', 'yaml', state.yaml));
  for (const file of state.certsD) out.push(...(out.at(-1) === '</details>' ? [''] : []), ...collapsed(`certs.d/${file.dir}/hosts.toml (credentials redacted)`, 'toml', file.toml));
  return `${out.join('\n')}\n`;
}

/**
 * The chains as a Markdown table (the CLI's `render --format md`), for docs built without
 * JavaScript: one row per image, one column per release, each cell the numbered chain and how
 * the pull ends; the difference between the first two releases under the image.
 */
export function chainsMarkdown(view: ChainsView, playgroundUrl: string | null): string {
  const out = [`| Image | ${view.releases.map(cell).join(' | ')} |`, `|---|${view.releases.map(() => '---').join('|')}|`];
  for (const image of view.images) {
    const head = `${code(image.image || '(empty)')}${image.difference !== null ? `<br>**Differs:** ${cell(image.difference)}` : ''}`;
    const cells = image.cells.map((each) => {
      if (image.error !== null) return cell(`⚠ invalid: ${image.error}`);
      if (!view.loadable) return 'K3s cannot load this registries.yaml';
      const steps = each.steps.map((step, index) => `${index + 1}. ${code(step.url)} (${stepKinds[step.kind]})`);
      const outcome = each.outcome === null ? [] : [each.outcome.pulled ? `✓ pulled from ${cell(each.outcome.text)}` : `✗ fails: ${cell(each.outcome.text)}`];
      return [...steps, ...outcome].join('<br>');
    });
    out.push(`| ${head} | ${cells.join(' | ')} |`);
  }
  const problems = view.problems.map((problem) => `> ${text(problem)}`);
  const link = playgroundUrl === null ? [] : ['', `[Open in playground](${playgroundUrl})`];
  return `${[...problems, ...(problems.length > 0 ? [''] : []), ...out, ...link].join('\n')}\n`;
}

/** A file in a collapsed block, fenced so that no backtick run inside it can close the fence. */
function collapsed(summary: string, language: string, body: string): string[] {
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  return [`<details><summary>${text(summary)}</summary>`, '', `${fence}${language}`, body.replace(/\n$/, ''), fence, '', '</details>'];
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A table cell: pipes escaped, newlines flattened, markup kept inert. */
function cell(value: string): string {
  return text(value).replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Free text: HTML-looking parts and emphasis markers outside code spans are escaped. */
function text(value: string): string {
  return value
    .split(/(`[^`\n]+`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\*_[\]<>#]/g, (character) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : `\\${character}`))))
    .join('');
}

/** An inline code span that holds any text (a longer backtick run around it, as CommonMark allows). */
function code(value: string): string {
  const ticks = '`'.repeat(longestRun(value, '`') + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${value.replaceAll('|', '\\|')}${pad}${ticks}`;
}

function longestRun(value: string, character: string): number {
  let longest = 0;
  let current = 0;
  for (const each of value) {
    current = each === character ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
