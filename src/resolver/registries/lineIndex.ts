import type { Span } from './span.ts';

/** 1-based line and column (UTF-16 code units, as editors count them). */
export interface Position {
  line: number;
  column: number;
}

/** Converts offsets into the text to line/column positions in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  range(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
    const start = this.position(span.start);
    const end = this.position(Math.max(span.end, span.start));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}
