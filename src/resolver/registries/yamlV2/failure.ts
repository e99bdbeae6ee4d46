/** A position as libyaml keeps it: code points from the start, 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

/** A syntax error as yaml.v2's Unmarshal returns it, placed in the text. */
export interface YamlV2SyntaxError {
  /** The text after `yaml: `, as yaml.v2 prints it (with its line number quirk). */
  message: string;
  /** Where the problem is, in UTF-16 offsets into the text. */
  start: number;
  end: number;
}

/** How libyaml reports a failure: which stage, its problem and where. */
export class Failure {
  constructor(
    readonly stage: 'reader' | 'scanner' | 'parser',
    readonly problem: string,
    readonly problemMark: Mark | null,
    readonly contextMark: Mark | null,
    /** Reader errors point at a code point, not a mark. */
    readonly offset: number | null = null,
  ) {}
}

/** yaml.v2's `fail()`: `line N: ` from the problem mark (scanner errors one-based, parser errors as stored), else the context mark. */
export function report(failure: Failure, offsets: readonly number[]): YamlV2SyntaxError {
  let line = 0;
  if (failure.problemMark !== null && failure.problemMark.line !== 0) {
    line = failure.problemMark.line + (failure.stage === 'scanner' ? 1 : 0);
  } else if (failure.contextMark !== null && failure.contextMark.line !== 0) {
    line = failure.contextMark.line;
  }
  const where = line !== 0 ? `line ${line}: ` : '';
  const index = failure.offset ?? failure.problemMark?.index ?? 0;
  const start = offsets[Math.min(index, offsets.length - 1)] ?? 0;
  const end = offsets[Math.min(index + 1, offsets.length - 1)] ?? start;
  return { message: `${where}${failure.problem}`, start, end: Math.max(end, start) };
}
