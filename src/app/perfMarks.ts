/**
 * Performance marks the benchmarks read (bench/browser.ts): the time from an edit to the
 * chains panel showing its result, and the first chains after navigation.
 */
export const marks = {
  edit: 'k3s-rp:edit',
  update: 'k3s-rp:update',
  firstChains: 'k3s-rp:first-chains',
  monacoReady: 'k3s-rp:monaco-ready',
} as const;

let editPending = false;

export function markEdit(): void {
  performance.clearMarks(marks.edit);
  performance.mark(marks.edit);
  editPending = true;
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
    performance.measure(marks.update, marks.edit);
  }
}

export function markMonacoReady(): void {
  performance.mark(marks.monacoReady);
}
