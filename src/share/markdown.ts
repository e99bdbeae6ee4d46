import { describeDifference, type Resolution } from '../resolver/core.ts';

/**
 * A link plus a short summary of the differing images, ready to paste into a GitHub issue.
 * Built from the state the link carries (already redacted), never from the draft on screen.
 */
export function markdownSummary(url: string, resolution: Resolution | null): string {
  const lines = [`[Open in K3s Registry Playground](${url})`];
  if (resolution === null) return `${lines.join('\n')}\n`;
  const [first, second] = resolution.releases;
  const differing = resolution.images.flatMap((image) => {
    const difference = first !== undefined && second !== undefined ? describeDifference(image, first.id, second.id) : null;
    return difference === null ? [] : [`- \`${image.image}\`: ${difference}`];
  });
  if (!resolution.loadable) lines.push('', 'K3s cannot load this registries.yaml (the agent does not start).');
  else if (first !== undefined && second !== undefined) {
    lines.push('', `${differing.length} of ${resolution.images.length} sample images resolve differently between ${first.id} and ${second.id}${differing.length > 0 ? ':' : '.'}`, ...differing);
  }
  const problems = resolution.diagnostics.filter((found) => found.severity !== 'info');
  if (problems.length > 0) lines.push('', `${problems.length} problem(s) flagged: ${[...new Set(problems.map((found) => `\`${found.code}\``))].join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
