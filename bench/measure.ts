/** Timing helpers for benchmarks: warm up, repeat, report the median. */
export interface Measurement {
  median: number;
  p95: number;
  runs: number;
}

export function measure(run: () => void, { warmup = 5, runs = 30 }: { warmup?: number; runs?: number } = {}): Measurement {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return summarize(times);
}

export function summarize(times: readonly number[]): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

/** A row of the printed table. */
export interface BenchRow {
  benchmark: string;
  case: string;
  figure: string;
  goal?: string;
}

export function printTable(title: string, rows: readonly BenchRow[]): string {
  const header: BenchRow = { benchmark: 'benchmark', case: 'case', figure: 'figure', goal: 'goal' };
  const all = [header, ...rows];
  const width = (key: keyof BenchRow) => Math.max(...all.map((row) => (row[key] ?? '').length));
  const line = (row: BenchRow) => `| ${row.benchmark.padEnd(width('benchmark'))} | ${row.case.padEnd(width('case'))} | ${row.figure.padEnd(width('figure'))} | ${(row.goal ?? '').padEnd(width('goal'))} |`;
  const rule = `|${['benchmark', 'case', 'figure', 'goal'].map((key) => '-'.repeat(width(key as keyof BenchRow) + 2)).join('|')}|`;
  return [`### ${title}`, '', line(header), rule, ...rows.map(line)].join('\n');
}

export const ms = (value: number) => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(1)} ms`);
