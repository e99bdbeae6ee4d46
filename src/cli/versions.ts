import { profiles, releaseOf, releaseRanges, type Product } from '../resolver/index.ts';
import { profileSummaries } from '../resolver/profiles/summaries.ts';
import { terminalJson } from './terminal.ts';

/** One row of `versions`: a run of patches of one line that behave alike. */
export interface VersionRange {
  line: string;
  first: string;
  last: string;
  profile: string;
  containerd: string;
  summary: string;
}

/** Every release line's profile ranges, oldest first: the table the playground's release picker is built from. */
export function versionRanges(product: Product): VersionRange[] {
  return releaseRanges(product).map((range) => {
    const first = releaseOf(range.first);
    const last = releaseOf(range.last);
    const containerd = first.containerd === last.containerd ? first.containerd : `${first.containerd} – ${last.containerd}`;
    return { line: range.line, first: range.first, last: range.last, profile: range.profile, containerd, summary: profileSummaries[range.profile] };
  });
}

/** `versions`: release -> profile, as text or JSON. */
export function renderVersions(product: Product, format: 'text' | 'json'): string {
  const ranges = versionRanges(product);
  if (format === 'json') return `${terminalJson(ranges)}\n`;
  const out = ['Release range                         Profile  containerd'];
  for (const range of ranges) {
    const span = range.first === range.last ? range.first : `${range.first} – ${range.last}`;
    out.push(`${span.padEnd(38)}${range.profile.padEnd(9)}${range.containerd}`);
  }
  out.push('', 'Profiles:');
  for (const profile of Object.values(profiles)) out.push(`  ${profile.id.padEnd(4)} ${profileSummaries[profile.id]}`);
  out.push('', 'A release newer than this table is treated like the newest release of its line.');
  return `${out.join('\n')}\n`;
}
