import type { Resolution } from '../../resolver/core.ts';
import { comparedPair, differenceOf } from '../state/selectors.ts';

/** A link plus a short summary of the differing images, ready to paste into a GitHub issue. */
export function markdownSummary(url: string, resolution: Resolution | null): string {
  const lines = [`[Open in K3s Registry Playground](${url})`];
  if (resolution === null) return `${lines.join('\n')}\n`;
  const pair = comparedPair(resolution);
  const differing = resolution.images.flatMap((image) => {
    const difference = differenceOf(resolution, image);
    return difference === null ? [] : [`- \`${image.image}\`: ${difference}`];
  });
  if (!resolution.loadable) lines.push('', 'K3s cannot load this registries.yaml (the agent does not start).');
  else if (pair !== null) {
    lines.push('', `${differing.length} of ${resolution.images.length} sample images resolve differently between ${pair[0]} and ${pair[1]}${differing.length > 0 ? ':' : '.'}`, ...differing);
  }
  const problems = resolution.diagnostics.filter((found) => found.severity !== 'info');
  if (problems.length > 0) lines.push('', `${problems.length} problem(s) flagged: ${[...new Set(problems.map((found) => `\`${found.code}\``))].join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
