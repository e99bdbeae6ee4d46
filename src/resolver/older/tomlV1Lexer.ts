/**
 * The lexer of go-toml v1 (pelletier/go-toml v1.9.x), which containerd 1.7 uses for config.toml and
 * hosts.toml. It is not a TOML 1.0 lexer: table headers are read raw up to the first `]` (so a `[`
 * inside a quoted table key, as in an IPv6 URL, is an error), and it stops at its first error,
 * emitting an error token where the parser will find it. Positions count runes, 1-based, at the
 * start of the token being read when the error happened — the numbers containerd logs.
 */

export type TokenType =
  | 'error'
  | 'eof'
  | 'key'
  | 'string'
  | 'integer'
  | 'true'
  | 'false'
  | 'float'
  | 'inf'
  | 'nan'
  | '='
  | '['
  | ']'
  | '{'
  | '}'
  | ']]'
  | '[['
  | 'local-date'
  | 'local-time'
  | 'time-offset'
  | 'key-group'
  | 'key-group-array'
  | ',';

export interface Position {
  line: number;
  col: number;
}

export interface Token {
  type: TokenType;
  value: string;
  position: Position;
}

const EOF = '';

type State = (() => State) | null;

const isSpace = (r: string) => r === ' ' || r === '\t';
const isDigit = (r: string) => r >= '0' && r <= '9' && r.length === 1;
const isHexDigit = (r: string) => isDigit(r) || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F');
const isAlphanumeric = (r: string) => (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r === '_';
export const isValidBareChar = (r: string) => r.length === 1 && (isAlphanumeric(r) || r === '-' || isDigit(r));
const isKeyChar = (r: string) => !(r === '\r' || r === '\n' || r === EOF || r === '=');
const isKeyStartChar = (r: string) => !(isSpace(r) || r === '\r' || r === '\n' || r === EOF || r === '[');

/** Go's %U: `U+000A`. */
const goRuneCode = (r: string) => `U+${(r.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Lexes a whole document; the token list ends with an `eof` or an `error` token. */
export function lexTomlV1(text: string): Token[] {
  return new Lexer(text).run();
}

class Lexer {
  private readonly input: string[];
  private index = 0;
  private tokenStart = 0;
  private tokenStop = 0;
  private readonly tokens: Token[] = [];
  private readonly brackets: string[] = [];
  private line = 1;
  private col = 1;
  private endLine = 1;
  private endCol = 1;

  constructor(text: string) {
    this.input = Array.from(text);
  }

  run(): Token[] {
    for (let state: State = this.lexVoid; state !== null; ) state = state.call(this);
    return this.tokens;
  }

  private peek(): string {
    return this.input[this.index] ?? EOF;
  }

  private read(): string {
    const r = this.peek();
    if (r === '\n') {
      this.endLine++;
      this.endCol = 1;
    } else this.endCol++;
    this.index++;
    return r;
  }

  private next(): string {
    const r = this.read();
    if (r !== EOF) this.tokenStop++;
    return r;
  }

  private ignore(): void {
    this.tokenStart = this.tokenStop;
    this.line = this.endLine;
    this.col = this.endCol;
  }

  private skip(): void {
    this.next();
    this.ignore();
  }

  private fastForward(n: number): void {
    for (let i = 0; i < n; i++) this.next();
  }

  /** Whether the input continues with `text` (compared rune by rune: this runs for every character). */
  private follow(text: string): boolean {
    let at = this.index;
    for (const rune of text) if (this.input[at++] !== rune) return false;
    return true;
  }

  private emitValue(type: TokenType, value: string): void {
    this.tokens.push({ type, value, position: { line: this.line, col: this.col } });
    this.ignore();
  }

  private emit(type: TokenType): void {
    this.emitValue(type, this.input.slice(this.tokenStart, this.tokenStop).join(''));
  }

  private errorf(message: string): State {
    this.tokens.push({ type: 'error', value: message, position: { line: this.line, col: this.col } });
    return null;
  }

  private lexVoid(): State {
    for (;;) {
      const next = this.peek();
      switch (next) {
        case '}':
          return this.lexRightCurlyBrace;
        case '[':
          return this.lexTableKey;
        case '#':
          return this.lexComment(this.lexVoid);
        case '=':
          return this.lexEqual;
        case '\r':
        case '\n':
          this.skip();
          continue;
      }
      if (isSpace(next)) this.skip();
      if (isKeyStartChar(next)) return this.lexKey;
      if (next === EOF) {
        this.next();
        break;
      }
    }
    this.emit('eof');
    return null;
  }

  private lexRvalue(): State {
    for (;;) {
      const next = this.peek();
      switch (next) {
        case '.':
          return this.errorf('cannot start float with a dot');
        case '=':
          return this.lexEqual;
        case '[':
          return this.lexLeftBracket;
        case ']':
          return this.lexRightBracket;
        case '{':
          return this.lexLeftCurlyBrace;
        case '}':
          return this.lexRightCurlyBrace;
        case '#':
          return this.lexComment(this.lexRvalue);
        case '"':
          return this.lexString;
        case "'":
          return this.lexLiteralString;
        case ',':
          return this.lexComma;
        case '\r':
        case '\n':
          this.skip();
          return this.brackets[this.brackets.length - 1] === '[' ? this.lexRvalue : this.lexVoid;
      }
      if (this.follow('true')) return this.lexKeyword('true', 4);
      if (this.follow('false')) return this.lexKeyword('false', 5);
      if (this.follow('inf')) return this.lexKeyword('inf', 3);
      if (this.follow('nan')) return this.lexKeyword('nan', 3);
      if (isSpace(next)) {
        this.skip();
        continue;
      }
      if (next === EOF) {
        this.next();
        break;
      }
      if (next === '+' || next === '-') return this.lexNumber;
      if (isDigit(next)) return this.lexDateTimeOrNumber;
      return this.errorf(`no value can start with ${next}`);
    }
    this.emit('eof');
    return null;
  }

  private lexKeyword(type: TokenType, length: number): State {
    this.fastForward(length);
    this.emit(type);
    return this.lexRvalue;
  }

  private lexDateTimeOrNumber(): State {
    const lookAhead = this.input.slice(this.index, this.index + 5);
    if (lookAhead.length < 3) return this.lexNumber();
    for (const [i, r] of lookAhead.entries()) {
      if (isDigit(r)) continue;
      if ((i === 2 && r === ':') || (i === 4 && r === '-')) return this.lexDateTimeOrTime;
      return this.lexNumber();
    }
    return this.lexNumber();
  }

  /** Dates and times: read far enough to find the end of the token; values are kept as text. */
  private lexDateTimeOrTime(): State {
    this.next();
    this.next();
    if (this.next() === ':') return this.lexTimeRest('local-time');
    this.next();
    this.next();
    const digits = (what: string): string | null => {
      for (let i = 0; i < 2; i++) {
        const r = this.next();
        if (!isDigit(r)) return `invalid ${what} digit in date: ${r}`;
      }
      return null;
    };
    const month = digits('month');
    if (month !== null) return this.errorf(month);
    const dash = this.next();
    if (dash !== '-') return this.errorf(`expected - to separate month of a date, not ${dash}`);
    const day = digits('day');
    if (day !== null) return this.errorf(day);
    this.emit('local-date');
    const r = this.peek();
    if (r === EOF) return this.lexRvalue;
    if (r !== ' ' && r !== 'T') return this.errorf(`incorrect date/time separation character: ${r}`);
    if (r === ' ') {
      const lookAhead = this.input.slice(this.index + 1, this.index + 3);
      if (lookAhead.length < 2 || !lookAhead.every(isDigit)) return this.lexRvalue;
    }
    this.skip();
    for (let i = 0; i < 2; i++) {
      const digit = this.next();
      if (!isDigit(digit)) return this.errorf(`invalid hour digit in time: ${digit}`);
    }
    const colon = this.next();
    if (colon !== ':') return this.errorf(`time hour/minute separator should be :, not ${colon}`);
    return this.lexTimeRest('local-time', true);
  }

  /** `MM:SS[.fraction]` after the hour, then an optional offset when it follows a date. */
  private lexTimeRest(type: TokenType, withOffset = false): State {
    for (let i = 0; i < 2; i++) {
      const r = this.next();
      if (!isDigit(r)) return this.errorf(`invalid minute digit in time: ${r}`);
    }
    const colon = this.next();
    if (colon !== ':') return this.errorf(`time minute/second separator should be :, not ${colon}`);
    for (let i = 0; i < 2; i++) {
      const r = this.next();
      if (!isDigit(r)) return this.errorf(`invalid second digit in time: ${r}`);
    }
    if (this.peek() === '.') {
      this.next();
      const r = this.next();
      if (!isDigit(r)) return this.errorf(`expected at least one digit in time's fraction, not ${r}`);
      while (isDigit(this.peek())) this.next();
    }
    this.emit(type);
    return withOffset ? this.lexTimeOffset : this.lexRvalue;
  }

  private lexTimeOffset(): State {
    const r = this.peek();
    if (r === 'Z') {
      this.next();
      this.emit('time-offset');
    } else if (r === '+' || r === '-') {
      this.next();
      for (let i = 0; i < 2; i++) {
        const digit = this.next();
        if (!isDigit(digit)) return this.errorf(`invalid hour digit in time offset: ${digit}`);
      }
      const colon = this.next();
      if (colon !== ':') return this.errorf(`time offset hour/minute separator should be :, not ${colon}`);
      for (let i = 0; i < 2; i++) {
        const digit = this.next();
        if (!isDigit(digit)) return this.errorf(`invalid minute digit in time offset: ${digit}`);
      }
      this.emit('time-offset');
    }
    return this.lexRvalue;
  }

  private lexLeftCurlyBrace(): State {
    this.next();
    this.emit('{');
    this.brackets.push('{');
    return this.lexVoid;
  }

  private lexRightCurlyBrace(): State {
    this.next();
    this.emit('}');
    if (this.brackets[this.brackets.length - 1] !== '{') return this.errorf("cannot have '}' here");
    this.brackets.pop();
    return this.lexRvalue;
  }

  private lexEqual(): State {
    this.next();
    this.emit('=');
    return this.lexRvalue;
  }

  private lexComma(): State {
    this.next();
    this.emit(',');
    return this.brackets[this.brackets.length - 1] === '{' ? this.lexVoid : this.lexRvalue;
  }

  /** A key, bare or quoted, with its quotes kept and escapes resolved (parseKey splits it later). */
  private lexKey(): State {
    let key = '';
    for (let r = this.peek(); isKeyChar(r) || r === '\n' || r === '\r'; r = this.peek()) {
      if (r === '"' || r === "'") {
        this.next();
        const text = r === '"' ? this.lexBasicString('"', false, true) : this.lexLiteralText("'", false);
        if (!text.ok) return this.errorf(text.error);
        key += `${r}${text.value}${r}`;
        this.next();
        continue;
      }
      if (r === '\n') return this.errorf('keys cannot contain new lines');
      if (isSpace(r)) {
        let gap = ' ';
        this.next();
        for (r = this.peek(); isSpace(r); r = this.peek()) {
          gap += r;
          this.next();
        }
        if (r !== '.') break;
        gap += '.';
        this.next();
        for (r = this.peek(); isSpace(r); r = this.peek()) {
          gap += r;
          this.next();
        }
        key += gap;
        continue;
      }
      if (r !== '.' && !isValidBareChar(r)) return this.errorf(`keys cannot contain ${r} character`);
      key += r;
      this.next();
    }
    this.emitValue('key', key);
    return this.lexVoid;
  }

  private lexComment(previous: () => State): () => State {
    return () => {
      for (let next = this.peek(); next !== '\n' && next !== EOF; next = this.peek()) {
        if (next === '\r' && this.follow('\r\n')) break;
        this.next();
      }
      this.ignore();
      return previous;
    };
  }

  private lexLeftBracket(): State {
    this.next();
    this.emit('[');
    this.brackets.push('[');
    return this.lexRvalue;
  }

  private lexLiteralText(terminator: string, discardLeadingNewLine: boolean): { ok: true; value: string } | { ok: false; error: string } {
    if (discardLeadingNewLine) this.skipLeadingNewLine();
    let text = '';
    for (;;) {
      if (this.follow(terminator)) return { ok: true, value: text };
      if (this.peek() === EOF) return { ok: false, error: 'unclosed string' };
      text += this.next();
    }
  }

  private lexLiteralString(): State {
    this.skip();
    let terminator = "'";
    let discard = false;
    if (this.follow("''")) {
      this.skip();
      this.skip();
      terminator = "'''";
      discard = true;
    }
    const text = this.lexLiteralText(terminator, discard);
    if (!text.ok) return this.errorf(text.error);
    this.emitValue('string', text.value);
    this.fastForward(terminator.length);
    this.ignore();
    return this.lexRvalue;
  }

  private skipLeadingNewLine(): void {
    if (this.follow('\r\n')) {
      this.skip();
      this.skip();
    } else if (this.peek() === '\n') this.skip();
  }

  /** A basic string's body up to `terminator`, escapes resolved; go-toml v1's escape set and messages. */
  private lexBasicString(terminator: string, discardLeadingNewLine: boolean, acceptNewLines: boolean): { ok: true; value: string } | { ok: false; error: string } {
    if (discardLeadingNewLine) this.skipLeadingNewLine();
    let text = '';
    const simple: Record<string, string> = { '"': '"', n: '\n', b: '\b', f: '\f', '/': '/', t: '\t', r: '\r', '\\': '\\' };
    for (;;) {
      if (this.follow(terminator)) return { ok: true, value: text };
      if (this.follow('\\')) {
        this.next();
        const escape = this.peek();
        if (escape === '\r' || escape === '\n' || escape === '\t' || escape === ' ') {
          while ('\r\n\t '.includes(this.peek()) && this.peek() !== EOF) this.next();
        } else if (simple[escape] !== undefined) {
          text += simple[escape];
          this.next();
        } else if (escape === 'u' || escape === 'U') {
          this.next();
          let code = '';
          for (let i = 0; i < (escape === 'u' ? 4 : 8); i++) {
            const c = this.peek();
            if (!isHexDigit(c)) return { ok: false, error: 'unfinished unicode escape' };
            this.next();
            code += c;
          }
          const point = parseInt(code, 16);
          text += point <= 0x10ffff && (point < 0xd800 || point > 0xdfff) ? String.fromCodePoint(point) : '\ufffd';
        } else {
          return { ok: false, error: `invalid escape sequence: \\${escape}` };
        }
      } else {
        const r = this.peek();
        const code = r.codePointAt(0) ?? -1;
        if (r !== EOF && code <= 0x1f && r !== '\t' && !(acceptNewLines && (r === '\n' || r === '\r'))) {
          return { ok: false, error: `unescaped control character ${goRuneCode(r)}` };
        }
        this.next();
        text += r;
      }
      if (this.peek() === EOF) return { ok: false, error: 'unclosed string' };
    }
  }

  private lexString(): State {
    this.skip();
    let terminator = '"';
    let multiline = false;
    if (this.follow('""')) {
      this.skip();
      this.skip();
      terminator = '"""';
      multiline = true;
    }
    const text = this.lexBasicString(terminator, multiline, multiline);
    if (!text.ok) return this.errorf(text.error);
    this.emitValue('string', text.value);
    this.fastForward(terminator.length);
    this.ignore();
    return this.lexRvalue;
  }

  private lexTableKey(): State {
    this.next();
    if (this.peek() === '[') {
      this.next();
      this.emit('[[');
      return this.lexInsideTableArrayKey;
    }
    this.emit('[');
    return this.lexInsideTableKey;
  }

  private lexInsideTableArrayKey(): State {
    for (let r = this.peek(); r !== EOF; r = this.peek()) {
      if (r === ']') {
        if (this.tokenStop > this.tokenStart) this.emit('key-group-array');
        this.next();
        if (this.peek() !== ']') break;
        this.next();
        this.emit(']]');
        return this.lexVoid;
      }
      if (r === '[') return this.errorf("table array key cannot contain ']'");
      this.next();
    }
    return this.errorf('unclosed table array key');
  }

  /** Raw up to the first `]`: quotes are not special here, which is why `[::1]` in a key fails. */
  private lexInsideTableKey(): State {
    for (let r = this.peek(); r !== EOF; r = this.peek()) {
      if (r === ']') {
        if (this.tokenStop > this.tokenStart) this.emit('key-group');
        this.next();
        this.emit(']');
        return this.lexVoid;
      }
      if (r === '[') return this.errorf("table key cannot contain ']'");
      this.next();
    }
    return this.errorf('unclosed table key');
  }

  private lexRightBracket(): State {
    this.next();
    this.emit(']');
    if (this.brackets[this.brackets.length - 1] !== '[') return this.errorf("cannot have ']' here");
    this.brackets.pop();
    return this.lexRvalue;
  }

  private lexNumber(): State {
    const r = this.peek();
    if (r === '0') {
      const base = this.input[this.index + 1] ?? EOF;
      const valid = base === 'x' ? isHexDigitOrUnderscore : base === 'o' ? (c: string) => (c >= '0' && c <= '7') || c === '_' : base === 'b' ? (c: string) => c === '0' || c === '1' || c === '_' : null;
      if (valid === null && /^[a-zA-Z]$/.test(base)) return this.errorf(`unknown number base: ${base}. possible options are x (hex) o (octal) b (binary)`);
      if (valid !== null) {
        this.next();
        this.next();
        let digitSeen = false;
        while (this.peek() !== EOF && valid(this.peek())) {
          digitSeen = true;
          this.next();
        }
        if (!digitSeen) return this.errorf('number needs at least one digit');
        this.emit('integer');
        return this.lexRvalue;
      }
    }
    if (r === '+' || r === '-') {
      this.next();
      if (this.follow('inf')) return this.lexKeyword('inf', 3);
      if (this.follow('nan')) return this.lexKeyword('nan', 3);
    }
    let pointSeen = false;
    let expSeen = false;
    let digitSeen = false;
    for (;;) {
      const next = this.peek();
      if (next === '.') {
        if (pointSeen) return this.errorf('cannot have two dots in one float');
        this.next();
        if (!isDigit(this.peek())) return this.errorf('float cannot end with a dot');
        pointSeen = true;
      } else if (next === 'e' || next === 'E') {
        expSeen = true;
        this.next();
        if (this.peek() === '+' || this.peek() === '-') this.next();
      } else if (isDigit(next)) {
        digitSeen = true;
        this.next();
      } else if (next === '_') this.next();
      else break;
      if (pointSeen && !digitSeen) return this.errorf('cannot start float with a dot');
    }
    if (!digitSeen) return this.errorf('no digit in that number');
    this.emit(pointSeen || expSeen ? 'float' : 'integer');
    return this.lexRvalue;
  }
}

function isHexDigitOrUnderscore(c: string): boolean {
  return isHexDigit(c) || c === '_';
}
