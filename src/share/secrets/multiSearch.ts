/**
 * Aho-Corasick: finds which of many needles occur in a text in one pass, so checking
 * thousands of secrets against a large link costs time linear in both (one indexOf per
 * secret would be quadratic, and a file can hold thousands of secrets). Each state is
 * reported at most once, so even needles that are suffixes of each other stay linear.
 */
export class MultiSearch {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Needles that end exactly at each state. */
  private readonly ends: number[][] = [[]];
  /** The nearest state, following fail links, where some needle ends (0 for none). */
  private readonly dictionaryLink: number[] = [0];

  constructor(readonly needles: readonly string[]) {
    needles.forEach((needle, index) => this.add(needle, index));
    this.link();
  }

  private add(needle: string, index: number): void {
    if (needle === '') return;
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let target = this.next[state]?.get(code);
      if (target === undefined) {
        target = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.ends.push([]);
        this.dictionaryLink.push(0);
        this.next[state]?.set(code, target);
      }
      state = target;
    }
    this.ends[state]?.push(index);
  }

  private link(): void {
    const queue: number[] = [...(this.next[0]?.values() ?? [])];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] ?? 0;
      for (const [code, target] of this.next[state] ?? []) {
        queue.push(target);
        let fallback = this.fail[state] ?? 0;
        while (fallback !== 0 && !this.next[fallback]?.has(code)) fallback = this.fail[fallback] ?? 0;
        const linked = state === 0 ? 0 : (this.next[fallback]?.get(code) ?? 0);
        this.fail[target] = linked;
        this.dictionaryLink[target] = (this.ends[linked]?.length ?? 0) > 0 ? linked : (this.dictionaryLink[linked] ?? 0);
      }
    }
  }

  /** Every needle found in `text`, with the offset of its first occurrence. */
  findAll(text: string): Map<number, number> {
    const found = new Map<number, number>();
    const reported = new Uint8Array(this.next.length);
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !this.next[state]?.has(code)) state = this.fail[state] ?? 0;
      state = this.next[state]?.get(code) ?? 0;
      let match = (this.ends[state]?.length ?? 0) > 0 ? state : (this.dictionaryLink[state] ?? 0);
      while (match !== 0 && reported[match] === 0) {
        reported[match] = 1;
        for (const index of this.ends[match] ?? []) found.set(index, i + 1 - (this.needles[index]?.length ?? 0));
        match = this.dictionaryLink[match] ?? 0;
      }
    }
    return found;
  }
}
