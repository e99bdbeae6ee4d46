import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { browserBenchmarks } from './browser.ts';
import { docsRows } from './docs.ts';
import { engineBenchmarks } from './engine.ts';
import { linkLengthRows } from './linkLength.ts';
import { transferRows } from './transfer.ts';
import { printTable, type BenchRow } from './measure.ts';

/**
 * `npm run bench`: runs every benchmark and prints one table of figures (medians over
 * repeated runs; never pass/fail on times) and writes it into README.md between the bench
 * markers. `--only engine` runs one group (and leaves the README alone).
 */
const groups: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  // The browser group builds the site first, so transfer sizes below describe the same build.
  browser: browserBenchmarks,
  engine: engineBenchmarks,
  transfer: () => transferRows(),
  links: () => linkLengthRows(),
  // element.js (from the same build), the npm package, lint over the real-world corpus.
  docs: () => docsRows(),
};

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(groups)) {
  if (only !== undefined && only !== name) continue;
  rows.push(...(await run()));
}
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = printTable(`Benchmarks (${new Date().toISOString().slice(0, 10)}; ${machine})`, rows);
console.log(table);
if (only === undefined) {
  const readme = readFileSync('README.md', 'utf8');
  const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n<!-- bench:end -->`);
  if (updated !== readme) writeFileSync('README.md', updated);
}
