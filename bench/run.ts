import { cpus, totalmem } from 'node:os';
import { browserBenchmarks } from './browser.ts';
import { engineBenchmarks } from './engine.ts';
import { linkLengthRows } from './linkLength.ts';
import { transferRows } from './transfer.ts';
import { printTable, type BenchRow } from './measure.ts';

/**
 * `npm run bench`: runs every benchmark and prints one table of figures (medians over
 * repeated runs; never pass/fail on times). `--only engine` runs one group.
 */
const groups: Record<string, () => BenchRow[] | Promise<BenchRow[]>> = {
  // The browser group builds the site first, so transfer sizes below describe the same build.
  browser: browserBenchmarks,
  engine: engineBenchmarks,
  transfer: () => transferRows(),
  links: () => linkLengthRows(),
};

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(groups)) {
  if (only !== undefined && only !== name) continue;
  rows.push(...(await run()));
}
const machine = `${cpus()[0]?.model ?? 'unknown CPU'} x${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
console.log(printTable(`Benchmarks (${new Date().toISOString().slice(0, 10)}; ${machine})`, rows));
