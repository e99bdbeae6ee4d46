import { Failure, type Mark } from './failure.ts';

/**
 * libyaml's reader and scanner as gopkg.in/yaml.v2 (v2.4.0) has them (readerc.go, scannerc.go):
 * characters in, tokens out, with the same decisions, values and error messages.
 */

export type TokenType =
  | 'stream-start'
  | 'stream-end'
  | 'version-directive'
  | 'tag-directive'
  | 'document-start'
  | 'document-end'
  | 'block-sequence-start'
  | 'block-mapping-start'
  | 'block-end'
  | 'flow-sequence-start'
  | 'flow-sequence-end'
  | 'flow-mapping-start'
  | 'flow-mapping-end'
  | 'block-entry'
  | 'flow-entry'
  | 'key'
  | 'value'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'scalar';

export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal' | 'folded';

export interface Token {
  type: TokenType;
  start: Mark;
  end: Mark;
  /** Tag handle (tags, %TAG directives); version numbers for %YAML. */
  handle?: string;
  major?: number;
  minor?: number;
  /** A scalar's text, an anchor's or alias's name, a tag's suffix, a %TAG directive's prefix. */
  value?: string;
  style?: ScalarStyle;
}

interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

const NUL = 0;
const isBreakCode = (c: number) => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlankCode = (c: number) => c === 0x20 || c === 0x09;
const isZ = (c: number) => c === NUL;
const isBreakZ = (c: number) => isBreakCode(c) || isZ(c);
const isBlankZ = (c: number) => isBlankCode(c) || isBreakZ(c);
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const isHexCode = (c: number) => isDigitCode(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isAlphaCode = (c: number) => isDigitCode(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
const code = (text: string) => text.codePointAt(0) ?? 0;

/** The characters yaml.v2's reader lets through; anything else is "control characters are not allowed". */
function isAllowedCharacter(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** The bound every libyaml loop respects: deeper nesting than this is itself an error. */
const MAX_DEPTH = 10_000;
/** The reader decodes its input in chunks of this many bytes. */
const RAW_CHUNK = 512;

/**
 * The scanner: characters in, tokens out, with libyaml's simple-key bookkeeping (a scalar becomes
 * a key only when a ':' follows on the same line) and its indentation stack.
 */
export class Scanner {
  /** The input as code points, NUL-terminated like libyaml's buffer. */
  private readonly chars: number[];
  /** UTF-16 offset of each code point, for reporting. */
  readonly offsets: number[];
  /** Byte offset of each code point, for the reader's chunks. */
  private readonly byteOffsets: number[];
  /** How many code points the reader has decoded (and checked) so far. */
  private decoded = 0;
  private pos = 0;
  mark: Mark = { index: 0, line: 0, column: 0 };
  private readonly tokens: Token[] = [];
  private head = 0;
  private parsed = 0;
  private tokenAvailable = false;
  private streamStarted = false;
  streamEnded = false;
  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  private readonly simpleKeys: SimpleKey[] = [];
  private readonly simpleKeysByToken = new Map<number, number>();
  private flowLevel = 0;

  constructor(text: string) {
    this.chars = [];
    this.offsets = [];
    this.byteOffsets = [];
    let utf16 = 0;
    let bytes = 0;
    for (const character of text) {
      const c = code(character);
      this.chars.push(c);
      this.offsets.push(utf16);
      this.byteOffsets.push(bytes);
      utf16 += character.length;
      bytes += utf8Length(c);
    }
    this.offsets.push(utf16);
    this.byteOffsets.push(bytes);
    // A UTF-8 byte order mark is consumed by the reader before anything else.
    if (this.chars[0] === 0xfeff) {
      this.pos = 1;
      this.decoded = 1;
    }
  }

  /** Character at `pos + ahead`, decoding further input (and checking it) when needed. */
  private at(ahead = 0): number {
    this.ensure(ahead + 1);
    return this.chars[this.pos + ahead] ?? NUL;
  }

  /** `yaml_parser_update_buffer`: make `length` characters available, a raw chunk at a time. */
  private ensure(length: number): void {
    while (this.pos + length > this.decoded && this.decoded < this.chars.length) {
      const chunkStart = this.byteOffsets[this.decoded] ?? 0;
      let next = this.decoded;
      while (next < this.chars.length && (this.byteOffsets[next + 1] ?? 0) - chunkStart <= RAW_CHUNK) next++;
      if (next === this.decoded) next++;
      for (let index = this.decoded; index < next; index++) {
        if (!isAllowedCharacter(this.chars[index] ?? 0)) throw new Failure('reader', 'control characters are not allowed', null, null, index);
      }
      this.decoded = next;
    }
  }

  private skip(): void {
    this.mark = { index: this.mark.index + 1, line: this.mark.line, column: this.mark.column + 1 };
    this.pos++;
  }

  private skipLine(): void {
    if (this.at() === 0x0d && this.at(1) === 0x0a) {
      this.mark = { index: this.mark.index + 2, line: this.mark.line + 1, column: 0 };
      this.pos += 2;
    } else if (isBreakCode(this.at())) {
      this.mark = { index: this.mark.index + 1, line: this.mark.line + 1, column: 0 };
      this.pos++;
    }
  }

  /** `read_line`: like skipLine, for line breaks inside scalars (CRLF counts as one character). */
  private readLine(): void {
    const c = this.at();
    if (c === 0x0d && this.at(1) === 0x0a) {
      this.pos += 2;
      this.mark = { index: this.mark.index + 2, line: this.mark.line + 1, column: 0 };
    } else if (isBreakCode(c)) {
      this.pos++;
      this.mark = { index: this.mark.index + 1, line: this.mark.line + 1, column: 0 };
    }
  }

  private fail(problem: string, contextMark: Mark | null): never {
    throw new Failure('scanner', problem, { ...this.mark }, contextMark);
  }

  // ---- token queue ----

  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head] as Token;
  }

  skipToken(): void {
    this.tokenAvailable = false;
    this.parsed++;
    this.streamEnded = this.tokens[this.head]?.type === 'stream-end';
    this.head++;
  }

  private insert(token: Token, position = -1): void {
    if (position < 0) this.tokens.push(token);
    else this.tokens.splice(this.head + position, 0, token);
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const keyIndex = this.simpleKeysByToken.get(this.parsed);
        if (keyIndex === undefined) break;
        const key = this.simpleKeys[keyIndex] as SimpleKey;
        if (!this.simpleKeyStillPossible(key)) break;
      }
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  private fetchNextToken(): void {
    this.ensure(1);
    if (!this.streamStarted) {
      this.indent = -1;
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { ...this.mark } });
      this.simpleKeyAllowed = true;
      this.streamStarted = true;
      this.insert({ type: 'stream-start', start: { ...this.mark }, end: { ...this.mark } });
      return;
    }
    this.scanToNextToken();
    this.unrollIndent(this.mark.column);
    const c = this.at();
    if (isZ(c)) return this.fetchStreamEnd();
    const column0 = this.mark.column === 0;
    if (column0 && c === code('%')) return this.fetchDirective();
    if (column0 && c === code('-') && this.at(1) === code('-') && this.at(2) === code('-') && isBlankZ(this.at(3))) return this.fetchDocumentIndicator('document-start');
    if (column0 && c === code('.') && this.at(1) === code('.') && this.at(2) === code('.') && isBlankZ(this.at(3))) return this.fetchDocumentIndicator('document-end');
    if (c === code('[')) return this.fetchFlowCollectionStart('flow-sequence-start');
    if (c === code('{')) return this.fetchFlowCollectionStart('flow-mapping-start');
    if (c === code(']')) return this.fetchFlowCollectionEnd('flow-sequence-end');
    if (c === code('}')) return this.fetchFlowCollectionEnd('flow-mapping-end');
    if (c === code(',')) return this.fetchFlowEntry();
    const next = this.at(1);
    if (c === code('-') && isBlankZ(next)) return this.fetchBlockEntry();
    if (c === code('?') && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchKey();
    if (c === code(':') && (this.flowLevel > 0 || isBlankZ(next))) return this.fetchValue();
    if (c === code('*')) return this.fetchAnchor('alias');
    if (c === code('&')) return this.fetchAnchor('anchor');
    if (c === code('!')) return this.fetchTag();
    if (c === code('|') && this.flowLevel === 0) return this.fetchBlockScalar(true);
    if (c === code('>') && this.flowLevel === 0) return this.fetchBlockScalar(false);
    if (c === code("'")) return this.fetchFlowScalar(true);
    if (c === code('"')) return this.fetchFlowScalar(false);
    const indicator = '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCodePoint(c));
    if (!(isBlankZ(c) || indicator) || (c === code('-') && !isBlankCode(next)) || (this.flowLevel === 0 && (c === code('?') || c === code(':')) && !isBlankZ(next))) {
      return this.fetchPlainScalar();
    }
    this.fail('found character that cannot start any token', { ...this.mark });
  }

  // ---- simple keys and indentation ----

  /** `yaml_simple_key_is_valid`: a key candidate expires at the end of its line or after 1024 characters. */
  private simpleKeyStillPossible(key: SimpleKey): boolean {
    if (!key.possible) return false;
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) throw new Failure('scanner', "could not find expected ':'", { ...this.mark }, key.mark);
      key.possible = false;
      return false;
    }
    return true;
  }

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column;
    if (!this.simpleKeyAllowed) return;
    const key: SimpleKey = { possible: true, required, tokenNumber: this.parsed + (this.tokens.length - this.head), mark: { ...this.mark } };
    this.removeSimpleKey();
    this.simpleKeys[this.simpleKeys.length - 1] = key;
    this.simpleKeysByToken.set(key.tokenNumber, this.simpleKeys.length - 1);
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (key.possible) {
      if (key.required) throw new Failure('scanner', "could not find expected ':'", { ...this.mark }, key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.parsed + (this.tokens.length - this.head), mark: { ...this.mark } });
    this.flowLevel++;
    if (this.flowLevel > MAX_DEPTH) this.fail(`exceeded max depth of ${MAX_DEPTH}`, this.simpleKeys[this.simpleKeys.length - 1]?.mark ?? null);
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel === 0) return;
    this.flowLevel--;
    const key = this.simpleKeys.pop() as SimpleKey;
    this.simpleKeysByToken.delete(key.tokenNumber);
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0 || this.indent >= column) return;
    this.indents.push(this.indent);
    this.indent = column;
    if (this.indents.length > MAX_DEPTH) this.fail(`exceeded max depth of ${MAX_DEPTH}`, this.simpleKeys[this.simpleKeys.length - 1]?.mark ?? null);
    this.insert({ type, start: mark, end: mark }, number > -1 ? number - this.parsed : -1);
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.insert({ type: 'block-end', start: { ...this.mark }, end: { ...this.mark } });
      this.indent = this.indents.pop() ?? -1;
    }
  }

  // ---- one fetcher per token kind ----

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) this.mark = { index: this.mark.index, line: this.mark.line + 1, column: 0 };
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert({ type: 'stream-end', start: { ...this.mark }, end: { ...this.mark } });
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(this.scanDirective());
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = { ...this.mark };
    this.skip();
    this.skip();
    this.skip();
    this.insert({ type, start, end: { ...this.mark } });
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    this.simpleToken(type);
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    this.simpleToken(type);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('flow-entry');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('block sequence entries are not allowed in this context', { ...this.mark });
      this.rollIndent(this.mark.column, -1, 'block-sequence-start', { ...this.mark });
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.simpleToken('block-entry');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.fail('mapping keys are not allowed in this context', { ...this.mark });
      this.rollIndent(this.mark.column, -1, 'block-mapping-start', { ...this.mark });
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = this.flowLevel === 0;
    this.simpleToken('key');
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1] as SimpleKey;
    if (this.simpleKeyStillPossible(key)) {
      this.insert({ type: 'key', start: key.mark, end: key.mark }, key.tokenNumber - this.parsed);
      this.rollIndent(key.mark.column, key.tokenNumber, 'block-mapping-start', key.mark);
      key.possible = false;
      this.simpleKeysByToken.delete(key.tokenNumber);
      this.simpleKeyAllowed = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.fail('mapping values are not allowed in this context', { ...this.mark });
        this.rollIndent(this.mark.column, -1, 'block-mapping-start', { ...this.mark });
      }
      this.simpleKeyAllowed = this.flowLevel === 0;
    }
    this.simpleToken('value');
  }

  private simpleToken(type: TokenType): void {
    const start = { ...this.mark };
    this.skip();
    this.insert({ type, start, end: { ...this.mark } });
  }

  private fetchAnchor(type: 'alias' | 'anchor'): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    const start = { ...this.mark };
    this.skip();
    let name = '';
    while (isAlphaCode(this.at())) name += this.read();
    const after = this.at();
    if (name === '' || !(isBlankZ(after) || '?:,]}%@`'.includes(String.fromCodePoint(after)))) {
      this.fail('did not find expected alphabetic or numeric character', start);
    }
    this.insert({ type, start, end: { ...this.mark }, value: name });
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(this.scanTag());
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.insert(this.scanBlockScalar(literal));
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(this.scanFlowScalar(single));
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.insert(this.scanPlainScalar());
  }

  // ---- scanning ----

  private scanToNextToken(): void {
    for (;;) {
      while (this.at() === 0x20 || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === 0x09)) this.skip();
      if (this.at() === code('#')) while (!isBreakZ(this.at())) this.skip();
      if (!isBreakCode(this.at())) return;
      this.skipLine();
      if (this.flowLevel === 0) this.simpleKeyAllowed = true;
    }
  }

  private scanDirective(): Token {
    const start = { ...this.mark };
    this.skip();
    let name = '';
    while (isAlphaCode(this.at())) {
      name += String.fromCodePoint(this.at());
      this.skip();
    }
    if (name === '') this.fail('could not find expected directive name', start);
    if (!isBlankZ(this.at())) this.fail('found unexpected non-alphabetical character', start);
    let token: Token;
    if (name === 'YAML') {
      while (isBlankCode(this.at())) this.skip();
      const major = this.versionNumber(start);
      if (this.at() !== code('.')) this.fail("did not find expected digit or '.' character", start);
      this.skip();
      const minor = this.versionNumber(start);
      token = { type: 'version-directive', start, end: { ...this.mark }, major, minor };
    } else if (name === 'TAG') {
      while (isBlankCode(this.at())) this.skip();
      const handle = this.tagHandle(true, start);
      if (!isBlankCode(this.at())) this.fail('did not find expected whitespace', start);
      while (isBlankCode(this.at())) this.skip();
      const prefix = this.tagUri(true, '', start);
      if (!isBlankZ(this.at())) this.fail('did not find expected whitespace or line break', start);
      token = { type: 'tag-directive', start, end: { ...this.mark }, handle, value: prefix };
    } else {
      this.fail('found unknown directive name', start);
    }
    while (isBlankCode(this.at())) this.skip();
    if (this.at() === code('#')) while (!isBreakZ(this.at())) this.skip();
    if (!isBreakZ(this.at())) this.fail('did not find expected comment or line break', start);
    if (isBreakCode(this.at())) this.skipLine();
    return token;
  }

  private versionNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigitCode(this.at())) {
      length++;
      if (length > 2) this.fail('found extremely long version number', start);
      value = value * 10 + (this.at() - 0x30);
      this.skip();
    }
    if (length === 0) this.fail('did not find expected version number', start);
    return value;
  }

  private scanTag(): Token {
    const start = { ...this.mark };
    let handle: string;
    let suffix: string;
    if (this.at(1) === code('<')) {
      // Verbatim: `!<tag:yaml.org,2002:str>`.
      this.skip();
      this.skip();
      suffix = this.tagUri(false, '', start);
      if (this.at() !== code('>')) this.fail("did not find the expected '>'", start);
      this.skip();
      handle = '';
    } else {
      const scanned = this.tagHandle(false, start);
      if (scanned.length > 1 && scanned.startsWith('!') && scanned.endsWith('!')) {
        suffix = this.tagUri(false, '', start);
        handle = scanned;
      } else {
        // "!foo" is the primary handle with suffix "foo"; a lone "!" is the non-specific tag.
        suffix = this.tagUri(false, scanned, start);
        handle = '!';
        if (suffix === '') [handle, suffix] = ['', '!'];
      }
    }
    if (!isBlankZ(this.at())) this.fail('did not find expected whitespace or line break', start);
    return { type: 'tag', start, end: { ...this.mark }, handle, value: suffix };
  }

  private tagHandle(directive: boolean, start: Mark): string {
    if (this.at() !== code('!')) this.fail("did not find expected '!'", start);
    let handle = '!';
    this.skip();
    while (isAlphaCode(this.at())) {
      handle += String.fromCodePoint(this.at());
      this.skip();
    }
    if (this.at() === code('!')) {
      handle += '!';
      this.skip();
    } else if (directive && handle !== '!') {
      this.fail("did not find expected '!'", start);
    }
    return handle;
  }

  private tagUri(directive: boolean, head: string, start: Mark): string {
    let uri = head.length > 1 ? head.slice(1) : '';
    let hasTag = head.length > 0;
    const allowed = ";/?:@&=+$,.!~*'()[]%";
    for (;;) {
      const c = this.at();
      if (!(isAlphaCode(c) || (c < 0x80 && c !== 0 && allowed.includes(String.fromCodePoint(c))))) break;
      if (c === code('%')) uri += this.uriEscapes(directive, start);
      else {
        uri += String.fromCodePoint(c);
        this.skip();
      }
      hasTag = true;
    }
    if (!hasTag) this.fail('did not find expected tag URI', start);
    return uri;
  }

  /** `%xx` escapes of one UTF-8 character, decoded. */
  private uriEscapes(_directive: boolean, start: Mark): string {
    let width = 1024;
    const octets: number[] = [];
    while (width > 0) {
      if (!(this.at() === code('%') && isHexCode(this.at(1)) && isHexCode(this.at(2)))) this.fail('did not find URI escaped octet', start);
      const octet = parseInt(String.fromCodePoint(this.at(1), this.at(2)), 16);
      if (width === 1024) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (width === 0) this.fail('found an incorrect leading UTF-8 octet', start);
      } else if ((octet & 0xc0) !== 0x80) {
        this.fail('found an incorrect trailing UTF-8 octet', start);
      }
      octets.push(octet);
      this.skip();
      this.skip();
      this.skip();
      width--;
    }
    const escaped = octets.map((octet) => `%${octet.toString(16).padStart(2, '0')}`).join('');
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped; // Well-formed by its lead and trail bits, yet not valid UTF-8: kept as written.
    }
  }

  /** One character of a scalar, copied (`read`). */
  private read(): string {
    const character = String.fromCodePoint(this.at());
    this.skip();
    return character;
  }

  /** One line break of a scalar, copied as libyaml normalises it (`read_line`): CR LF, CR and NEL become LF. */
  private readBreak(): string {
    const c = this.at();
    if (!isBreakCode(c)) return '';
    this.readLine();
    return c === 0x2028 || c === 0x2029 ? String.fromCodePoint(c) : '\n';
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = { ...this.mark };
    this.skip();
    let increment = 0;
    let chomping = 0;
    const chompingOf = (c: number) => (c === code('+') ? 1 : c === code('-') ? -1 : 0);
    if (chompingOf(this.at()) !== 0) {
      chomping = chompingOf(this.at());
      this.skip();
      if (isDigitCode(this.at())) {
        if (this.at() === code('0')) this.fail('found an indentation indicator equal to 0', start);
        increment = this.at() - 0x30;
        this.skip();
      }
    } else if (isDigitCode(this.at())) {
      if (this.at() === code('0')) this.fail('found an indentation indicator equal to 0', start);
      increment = this.at() - 0x30;
      this.skip();
      if (chompingOf(this.at()) !== 0) {
        chomping = chompingOf(this.at());
        this.skip();
      }
    }
    while (isBlankCode(this.at())) this.skip();
    if (this.at() === code('#')) while (!isBreakZ(this.at())) this.skip();
    if (!isBreakZ(this.at())) this.fail('did not find expected comment or line break', start);
    if (isBreakCode(this.at())) this.skipLine();
    let end = { ...this.mark };
    let indent = increment > 0 ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    // `yaml_parser_scan_block_scalar_breaks`: blank lines and indentation, which sets the indent when not given.
    const breaks = () => {
      end = { ...this.mark };
      let maxIndent = 0;
      for (;;) {
        while ((indent === 0 || this.mark.column < indent) && this.at() === 0x20) this.skip();
        if (this.mark.column > maxIndent) maxIndent = this.mark.column;
        if ((indent === 0 || this.mark.column < indent) && this.at() === 0x09) this.fail('found a tab character where an indentation space is expected', start);
        if (!isBreakCode(this.at())) break;
        trailingBreaks += this.readBreak();
        end = { ...this.mark };
      }
      if (indent === 0) indent = Math.max(maxIndent, this.indent + 1, 1);
    };
    breaks();
    let leadingBlank = false;
    while (this.mark.column === indent && !isZ(this.at())) {
      const trailingBlank = isBlankCode(this.at());
      // Folded scalars join lines with a space, except around more-indented lines.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
        if (trailingBreaks === '') value += ' ';
      } else {
        value += leadingBreak;
      }
      leadingBreak = '';
      value += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = isBlankCode(this.at());
      while (!isBreakZ(this.at())) value += this.read();
      leadingBreak = this.readBreak();
      breaks();
    }
    if (chomping !== -1) value += leadingBreak;
    if (chomping === 1) value += trailingBreaks;
    return { type: 'scalar', start, end, value, style: literal ? 'literal' : 'folded' };
  }

  private scanFlowScalar(single: boolean): Token {
    const start = { ...this.mark };
    this.skip();
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    for (;;) {
      if (this.mark.column === 0 && ((this.at() === code('-') && this.at(1) === code('-') && this.at(2) === code('-')) || (this.at() === code('.') && this.at(1) === code('.') && this.at(2) === code('.'))) && isBlankZ(this.at(3))) {
        this.fail('found unexpected document indicator', start);
      }
      if (isZ(this.at())) this.fail('found unexpected end of stream', start);
      let leadingBlanks = false;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if (single && c === code("'") && this.at(1) === code("'")) {
          value += "'";
          this.skip();
          this.skip();
        } else if (single && c === code("'")) break;
        else if (!single && c === code('"')) break;
        else if (!single && c === code('\\') && isBreakCode(this.at(1))) {
          this.skip();
          this.skipLine();
          leadingBlanks = true;
          break;
        } else if (!single && c === code('\\')) {
          value += this.escape(start);
        } else value += this.read();
      }
      const c = this.at();
      if ((single && c === code("'")) || (!single && c === code('"'))) break;
      while (isBlankCode(this.at()) || isBreakCode(this.at())) {
        if (isBlankCode(this.at())) {
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readBreak();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readBreak();
        }
      }
      if (leadingBlanks) {
        value += foldBreaks(leadingBreak, trailingBreaks);
        leadingBreak = '';
        trailingBreaks = '';
      } else {
        value += whitespaces;
        whitespaces = '';
      }
    }
    this.skip();
    return { type: 'scalar', start, end: { ...this.mark }, value, style: single ? 'single-quoted' : 'double-quoted' };
  }

  /** One `\` escape of a double-quoted scalar, decoded. */
  private escape(start: Mark): string {
    const escape = String.fromCodePoint(this.at(1));
    const length = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
    const simple = SIMPLE_ESCAPES.get(escape);
    if (length === 0 && simple === undefined) this.fail('found unknown escape character', start);
    this.skip();
    this.skip();
    if (length === 0) return simple ?? '';
    let value = 0;
    for (let k = 0; k < length; k++) {
      if (!isHexCode(this.at(k))) this.fail('did not find expected hexdecimal number', start);
      value = value * 16 + parseInt(String.fromCodePoint(this.at(k)), 16);
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) this.fail('found invalid Unicode character escape code', start);
    for (let k = 0; k < length; k++) this.skip();
    return String.fromCodePoint(value);
  }

  private scanPlainScalar(): Token {
    const start = { ...this.mark };
    let end = { ...this.mark };
    const indent = this.indent + 1;
    let value = '';
    let leadingBreak = '';
    let trailingBreaks = '';
    let whitespaces = '';
    let leadingBlanks = false;
    for (;;) {
      if (this.mark.column === 0 && ((this.at() === code('-') && this.at(1) === code('-') && this.at(2) === code('-')) || (this.at() === code('.') && this.at(1) === code('.') && this.at(2) === code('.'))) && isBlankZ(this.at(3))) break;
      if (this.at() === code('#')) break;
      while (!isBlankZ(this.at())) {
        const c = this.at();
        if ((c === code(':') && isBlankZ(this.at(1))) || (this.flowLevel > 0 && ',?[]{}'.includes(String.fromCodePoint(c)))) break;
        if (leadingBlanks) {
          value += foldBreaks(leadingBreak, trailingBreaks);
          leadingBreak = '';
          trailingBreaks = '';
          leadingBlanks = false;
        } else if (whitespaces !== '') {
          value += whitespaces;
          whitespaces = '';
        }
        value += this.read();
        end = { ...this.mark };
      }
      if (!(isBlankCode(this.at()) || isBreakCode(this.at()))) break;
      while (isBlankCode(this.at()) || isBreakCode(this.at())) {
        if (isBlankCode(this.at())) {
          if (leadingBlanks && this.mark.column < indent && this.at() === 0x09) this.fail('found a tab character that violates indentation', start);
          if (!leadingBlanks) whitespaces += this.read();
          else this.skip();
        } else if (!leadingBlanks) {
          whitespaces = '';
          leadingBreak = this.readBreak();
          leadingBlanks = true;
        } else {
          trailingBreaks += this.readBreak();
        }
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break;
    }
    if (leadingBlanks) this.simpleKeyAllowed = true;
    return { type: 'scalar', start, end, value, style: 'plain' };
  }
}

/** Line folding in flow and plain scalars: one break becomes a space, more keep all but the first. */
function foldBreaks(leadingBreak: string, trailingBreaks: string): string {
  if (leadingBreak.startsWith('\n')) return trailingBreaks === '' ? ' ' : trailingBreaks;
  return leadingBreak + trailingBreaks;
}

/** Double-quoted escapes of one character (`\x`, `\u` and `\U` take hex digits instead). */
const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'],
  ['a', '\x07'],
  ['b', '\b'],
  ['t', '\t'],
  ['\t', '\t'],
  ['n', '\n'],
  ['v', '\v'],
  ['f', '\f'],
  ['r', '\r'],
  ['e', '\x1b'],
  [' ', ' '],
  ['"', '"'],
  ["'", "'"],
  ['\\', '\\'],
  ['N', '\u0085'],
  ['_', '\u00a0'],
  ['L', '\u2028'],
  ['P', '\u2029'],
]);
