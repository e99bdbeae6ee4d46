/** A half-open range of UTF-16 offsets into the registries.yaml text. */
export interface Span {
  start: number;
  end: number;
}

export const emptySpan: Span = { start: 0, end: 0 };

/** A decoded value together with where it was written. */
export interface Sourced<T> {
  value: T;
  span: Span;
}
