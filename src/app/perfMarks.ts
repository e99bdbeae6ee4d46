/**
 * Performance marks the benchmarks read (bench/browser.ts): the time from an edit to the
 * chains panel showing its result, and the first chains after navigation.
 */
export const marks = {
  edit: 'k3s-rp:edit',
  update: 'k3s-rp:update',
  /** The engine's share of an update: resolving the draft, before React renders it. */
  compute: 'k3s-rp:compute',
  firstChains: 'k3s-rp:first-chains',
  monacoReady: 'k3s-rp:monaco-ready',
} as const;

let editPending = false;

export function markEdit(): void {
  performance.clearMarks(marks.edit);
  performance.mark(marks.edit);
  editPending = true;
}

/** The engine's run for an edit, from its start (`performance.now()`) to now. */
export function measureCompute(start: number): void {
  measureBounded(marks.compute, { start, end: performance.now() });
}

/** Keeps the last measures for the benchmarks to read, never a timeline that grows with every edit of a long session. */
const KEPT_MEASURES = 1_000;

function measureBounded(name: string, options: PerformanceMeasureOptions): void {
  if (performance.getEntriesByName(name).length >= KEPT_MEASURES) performance.clearMeasures(name);
  performance.measure(name, options);
}

/** Called after the chains panel committed a new result to the DOM. */
export function markChainsRendered(): void {
  // A prerendered page marked its first chains when it painted (scripts/prerender.tsx).
  if (performance.getEntriesByName(marks.firstChains).length === 0) performance.mark(marks.firstChains);
  markViewRendered();
}

/** Called after whichever results view is open committed the result of the last edit. */
export function markViewRendered(): void {
  if (editPending) {
    editPending = false;
    measureBounded(marks.update, { start: marks.edit });
  }
}

export function markMonacoReady(): void {
  performance.mark(marks.monacoReady);
}
