import { err, ok, type Result } from '../result.ts';
import { isValidBareChar, lexTomlV1, type Position, type Token } from './tomlV1Lexer.ts';

/**
 * go-toml v1's parser (`toml.LoadBytes`), as containerd 1.7 runs it on config.toml and hosts.toml.
 * Its rules differ from TOML 1.0 where containerd's behaviour depends on them: a table header is
 * "duplicated" when its raw text repeats, tables remember the line they were opened on (containerd
 * orders `[host."…"]` entries by it), and the first error ends the parse with `(line, col): reason`.
 */

export type V1Node = V1Tree | V1Tree[] | V1Value;

export interface V1Value {
  kind: 'value';
  value: V1Scalar;
  position: Position;
}

export type V1Scalar = string | number | boolean | Date | V1Scalar[] | V1Tree | V1Tree[];

export class V1Tree {
  readonly kind = 'tree';
  readonly values = new Map<string, V1Node>();
  inline = false;
  constructor(public position: Position) {}

  /** `Tree.GetPath`: the node at a key path (values unwrapped), or undefined. */
  getPath(keys: readonly string[]): V1Tree | V1Tree[] | V1Scalar | undefined {
    if (keys.length === 0) return this;
    let subtree: V1Tree = this;
    for (const key of keys.slice(0, -1)) {
      const node = subtree.values.get(key);
      if (node instanceof V1Tree) subtree = node;
      else if (Array.isArray(node) && node.length > 0) subtree = node[node.length - 1] as V1Tree;
      else return undefined;
    }
    const last = subtree.values.get(keys[keys.length - 1] as string);
    return isValue(last) ? last.value : last;
  }
}

function isValue(node: V1Node | undefined): node is V1Value {
  return node !== undefined && !Array.isArray(node) && node.kind === 'value';
}

class ParseError {
  constructor(readonly message: string) {}
}

/** `toml.LoadBytes`: the document tree, or go-toml's error text (`(7, 5): parsing error: …`). */
export function loadTomlV1(text: string): Result<V1Tree> {
  const withoutBom = text.startsWith('\ufeff') ? text.slice(1) : text;
  try {
    return ok(new Parser(lexTomlV1(withoutBom)).run());
  } catch (error) {
    if (error instanceof ParseError) return err(error.message);
    throw error;
  }
}

const at = (position: Position) => `(${position.line}, ${position.col})`;

/** Go's %q of a token value, as its error messages print tokens. */
function tokenText(token: Token): string {
  if (token.type === 'eof') return 'EOF';
  if (token.type === 'error') return token.value;
  return JSON.stringify(token.value);
}

class Parser {
  private index = 0;
  private readonly tree = new V1Tree({ line: 1, col: 1 });
  private currentTable: string[] = [];
  private readonly seenTableKeys: string[] = [];
  private readonly seenTableKeySet = new Set<string>();

  constructor(private readonly tokens: Token[]) {}

  run(): V1Tree {
    for (;;) {
      const token = this.peek();
      if (token === undefined || token.type === 'eof') return this.tree;
      switch (token.type) {
        case '[[':
          this.parseGroupArray();
          break;
        case '[':
          this.parseGroup();
          break;
        case 'key':
          this.parseAssign();
          break;
        case 'error':
          this.raise(token, `parsing error: ${tokenText(token)}`);
        // falls through: raise never returns
        default:
          this.raise(token, `unexpected token ${token.type}`);
      }
    }
  }

  private raise(token: Token | undefined, message: string): never {
    throw new ParseError(`${at(token?.position ?? { line: 0, col: 0 })}: ${message}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private take(): Token | undefined {
    const token = this.tokens[this.index];
    if (token !== undefined) this.index++;
    return token;
  }

  private assume(type: Token['type']): void {
    const token = this.take();
    if (token === undefined) this.raise(token, `was expecting token ${type}, but token stream is empty`);
    if (token.type !== type) this.raise(token, `was expecting token ${type}, but got ${tokenText(token)} instead`);
  }

  private parseGroupArray(): void {
    const start = this.take() as Token;
    const key = this.take();
    if (key === undefined || key.type !== 'key-group-array') this.raise(key, `unexpected token ${key === undefined ? 'EOF' : tokenText(key)}, was expecting a table array key`);
    const keys = parseKey(key.value);
    if (!keys.ok) this.raise(key, `invalid table array key: ${keys.error}`);
    this.createSubTree(keys.value.slice(0, -1), start.position);
    const existing = this.tree.getPath(keys.value);
    let array: V1Tree[];
    if (existing === undefined) array = [];
    else if (Array.isArray(existing) && existing.every((item) => item instanceof V1Tree)) array = existing as V1Tree[];
    else this.raise(key, `key ${tokenText(key)} is already assigned and not of type table array`);
    this.currentTable = keys.value;
    array.push(new V1Tree(start.position));
    this.setPath(this.currentTable, array);
    // Tables opened under the previous element may be opened again under the new one.
    const prefix = `${key.value}.`;
    let found = false;
    for (let i = 0; i < this.seenTableKeys.length; ) {
      const seen = this.seenTableKeys[i] as string;
      if (seen.startsWith(prefix)) {
        this.seenTableKeySet.delete(seen);
        this.seenTableKeys.splice(i, 1);
      } else {
        found = seen === key.value;
        i++;
      }
    }
    if (!found) this.remember(key.value);
    this.assume(']]');
  }

  private remember(key: string): void {
    this.seenTableKeys.push(key);
    this.seenTableKeySet.add(key);
  }

  private parseGroup(): void {
    const start = this.take() as Token;
    const key = this.take();
    if (key === undefined || key.type !== 'key-group') this.raise(key, `unexpected token ${key === undefined ? 'EOF' : tokenText(key)}, was expecting a table key`);
    // Duplicates are found by the header's raw text: [a."b"] and [a.b] are not the same here.
    if (this.seenTableKeySet.has(key.value)) this.raise(key, 'duplicated tables');
    this.remember(key.value);
    const keys = parseKey(key.value);
    if (!keys.ok) this.raise(key, `invalid table array key: ${keys.error}`);
    const created = this.createSubTree(keys.value, start.position);
    if (created !== null) this.raise(key, created);
    const target = this.tree.getPath(keys.value);
    if (target instanceof V1Tree && target.inline) this.raise(key, `could not re-define exist inline table or its sub-table : ${keys.value.join('.')}`);
    this.assume(']');
    this.currentTable = keys.value;
  }

  private parseAssign(): void {
    const key = this.take() as Token;
    this.assume('=');
    const parsedKey = parseKey(key.value);
    if (!parsedKey.ok) this.raise(key, `invalid key: ${parsedKey.error}`);
    const value = this.parseRvalue();
    const tableKey = [...this.currentTable, ...parsedKey.value.slice(0, -1)];
    let target: V1Tree;
    const node = this.tree.getPath(tableKey);
    if (node instanceof V1Tree) target = node;
    else if (Array.isArray(node) && node.length > 0 && node.every((item) => item instanceof V1Tree)) target = node[node.length - 1] as V1Tree;
    else if (node === undefined) {
      const created = this.createSubTree(tableKey, key.position);
      if (created !== null) this.raise(key, `could not create intermediate group: ${created}`);
      target = this.tree.getPath(tableKey) as V1Tree;
    } else this.raise(key, `Unknown table type for path: ${tableKey.join('.')}`);
    if (target.inline) this.raise(key, `could not add key or sub-table to exist inline table or its sub-table : ${tableKey.join('.')}`);
    const last = parsedKey.value[parsedKey.value.length - 1] as string;
    if (target.getPath([last]) !== undefined) this.raise(key, `The following key was defined twice: ${[...tableKey, last].join('.')}`);
    target.values.set(last, wrap(value, key.position));
  }

  private parseRvalue(): V1Scalar {
    const token = this.take();
    if (token === undefined || token.type === 'eof') this.raise(token, 'expecting a value');
    switch (token.type) {
      case 'string':
        return token.value;
      case 'true':
        return true;
      case 'false':
        return false;
      case 'inf':
        return token.value.startsWith('-') ? -Infinity : Infinity;
      case 'nan':
        return NaN;
      case 'integer':
        return this.integer(token);
      case 'float': {
        if (invalidUnderscore(token.value, isDecimalDigit)) this.raise(token, 'invalid use of _ in number');
        const parsed = Number(token.value.replace(/_/g, ''));
        if (Number.isNaN(parsed)) this.raise(token, `strconv.ParseFloat: parsing ${JSON.stringify(token.value.replace(/_/g, ''))}: invalid syntax`);
        return parsed;
      }
      case 'local-time':
        return new Date(`1970-01-01T${token.value}Z`);
      case 'local-date': {
        const time = this.peek();
        if (time?.type !== 'local-time') return new Date(`${token.value}T00:00:00Z`);
        this.take();
        const offset = this.peek();
        if (offset?.type !== 'time-offset') return new Date(`${token.value}T${time.value}Z`);
        this.take();
        return new Date(`${token.value}T${time.value}${offset.value}`);
      }
      case '[':
        return this.parseArray();
      case '{':
        return this.parseInlineTable();
      case '=':
        this.raise(token, 'cannot have multiple equals for the same key');
      // falls through: raise never returns
      case 'error':
        this.raise(token, tokenText(token));
      // falls through
      default:
        this.raise(token, `unhandled token: ${tokenText(token)}`);
    }
  }

  private integer(token: Token): number {
    const cleaned = token.value.replace(/_/g, '');
    const prefix = cleaned.length >= 3 && cleaned[0] === '0' ? cleaned[1] : undefined;
    const base = prefix === 'x' ? 16 : prefix === 'o' ? 8 : prefix === 'b' ? 2 : 10;
    if (invalidUnderscore(token.value, base === 16 ? isHexDigitChar : isDecimalDigit)) this.raise(token, base === 16 ? 'invalid use of _ in hex number' : 'invalid use of _ in number');
    const digits = base === 10 ? cleaned : cleaned.slice(2);
    const value = base === 10 ? Number(digits) : parseInt(digits, base);
    if (!Number.isFinite(value) || !/^[+-]?[0-9a-fA-F]+$/.test(digits)) this.raise(token, `strconv.ParseInt: parsing ${JSON.stringify(digits)}: invalid syntax`);
    return value;
  }

  private parseInlineTable(): V1Tree {
    const tree = new V1Tree({ line: 0, col: 0 });
    let previous: Token | undefined;
    for (;;) {
      const follow = this.peek();
      if (follow === undefined || follow.type === 'eof') this.raise(follow, 'unterminated inline table');
      if (follow.type === '}') {
        this.take();
        break;
      }
      if (follow.type === 'key' || follow.type === 'integer' || follow.type === 'string') {
        if (previous !== undefined && previous.type !== ',') this.raise(follow, 'comma expected between fields in inline table');
        const key = this.take() as Token;
        this.assume('=');
        const parsedKey = parseKey(key.value);
        if (!parsedKey.ok) this.raise(key, `invalid key: ${parsedKey.error}`);
        setPathIn(tree, parsedKey.value, this.parseRvalue());
      } else if (follow.type === ',') {
        if (previous?.type === ',') this.raise(follow, 'need field between two commas in inline table');
        this.take();
      } else this.raise(follow, `unexpected token type in inline table: ${tokenText(follow)}`);
      previous = follow;
    }
    if (previous?.type === ',') this.raise(previous, 'trailing comma at the end of inline table');
    tree.inline = true;
    return tree;
  }

  private parseArray(): V1Scalar[] | V1Tree[] {
    const array: V1Scalar[] = [];
    for (;;) {
      let follow = this.peek();
      if (follow === undefined || follow.type === 'eof') this.raise(follow, 'unterminated array');
      if (follow.type === ']') {
        this.take();
        break;
      }
      array.push(this.parseRvalue());
      follow = this.peek();
      if (follow === undefined || follow.type === 'eof') this.raise(follow, 'unterminated array');
      if (follow.type !== ']' && follow.type !== ',') this.raise(follow, 'missing comma');
      if (follow.type === ',') this.take();
    }
    // An array made only of inline tables is a table array.
    return array.length > 0 && array.every((item) => item instanceof V1Tree) ? (array as V1Tree[]) : array;
  }

  /** `Tree.createSubTree`: opens every table along `keys`; an existing value in the way is an error. */
  private createSubTree(keys: readonly string[], position: Position): string | null {
    let subtree = this.tree;
    for (const key of keys) {
      let next = subtree.values.get(key);
      if (next === undefined) {
        const created = new V1Tree(position);
        created.inline = subtree.inline;
        subtree.values.set(key, created);
        next = created;
      }
      if (next instanceof V1Tree) subtree = next;
      else if (Array.isArray(next)) subtree = next[next.length - 1] as V1Tree;
      else return `unknown type for path ${keys.join('.')} (${key}): *toml.tomlValue`;
    }
    return null;
  }

  private setPath(keys: readonly string[], value: V1Tree[]): void {
    setPathIn(this.tree, keys, value);
  }
}

/** `Tree.SetPath`: intermediate tables are created as needed. */
function setPathIn(tree: V1Tree, keys: readonly string[], value: V1Scalar): void {
  let subtree = tree;
  for (const key of keys.slice(0, -1)) {
    let next = subtree.values.get(key);
    if (next === undefined) {
      next = new V1Tree(subtree.position);
      subtree.values.set(key, next);
    }
    if (next instanceof V1Tree) subtree = next;
    else if (Array.isArray(next)) {
      if (next.length === 0) next.push(new V1Tree(subtree.position));
      subtree = next[next.length - 1] as V1Tree;
    }
  }
  subtree.values.set(keys[keys.length - 1] as string, wrap(value, subtree.position));
}

function wrap(value: V1Scalar, position: Position): V1Node {
  if (value instanceof V1Tree) return value;
  if (Array.isArray(value) && value.length > 0 && value.every((item) => item instanceof V1Tree)) return value as V1Tree[];
  return { kind: 'value', value, position };
}

const isDecimalDigit = (c: string) => c >= '0' && c <= '9';
const isHexDigitChar = (c: string) => isDecimalDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/** An underscore must sit between two digits. */
function invalidUnderscore(text: string, isDigit: (c: string) => boolean): boolean {
  let hasBefore = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '_' && (!hasBefore || i + 1 >= text.length)) return true;
    hasBefore = isDigit(c);
  }
  return false;
}

/**
 * go-toml v1 `parseKey`: splits a key on dots; quoted parts are taken verbatim (escapes were
 * resolved by the lexer for plain keys, and are not resolved at all in table headers).
 */
export function parseKey(key: string): Result<string[]> {
  const runes = Array.from(key);
  if (runes.length === 0) return err('empty key');
  const groups: string[] = [];
  let i = 0;
  const space = (r: string | undefined) => r === ' ' || r === '\t';
  while (i < runes.length) {
    while (i < runes.length && space(runes[i])) i++;
    if (i >= runes.length) break;
    const r = runes[i] as string;
    if (isValidBareChar(r)) {
      const start = i;
      let end = -1;
      i++;
      while (i < runes.length) {
        const c = runes[i] as string;
        if (isValidBareChar(c)) i++;
        else if (c === '.') {
          end = i;
          break;
        } else if (space(c)) {
          end = i;
          while (i < runes.length && space(runes[i])) i++;
          if (i < runes.length && runes[i] !== '.') return err(`invalid key character after whitespace: ${runes[i]}`);
          break;
        } else return err(`invalid bare key character: ${c}`);
      }
      groups.push(runes.slice(start, end === -1 ? i : end).join(''));
    } else if (r === "'" || r === '"') {
      i++;
      const start = i;
      for (;;) {
        if (i >= runes.length) return err(r === "'" ? 'unclosed single-quoted key' : 'unclosed double-quoted key');
        if (runes[i] === r) {
          groups.push(runes.slice(start, i).join(''));
          i++;
          break;
        }
        i++;
      }
    } else if (r === '.') {
      i++;
      if (i >= runes.length) return err('unexpected end of key');
      const c = runes[i] as string;
      if (!isValidBareChar(c) && c !== "'" && c !== '"' && c !== ' ') return err('expecting key part after dot');
    } else return err(`invalid key character: ${r}`);
  }
  if (groups.length === 0) return err('empty key');
  return ok(groups);
}

/** The tree as plain values (what `Unmarshal` sees): tables become objects, positions are dropped. */
export function plainValue(node: V1Node | V1Scalar): unknown {
  if (node instanceof V1Tree) return Object.fromEntries([...node.values].map(([key, value]) => [key, plainValue(value)]));
  if (Array.isArray(node)) return node.map((item: V1Node | V1Scalar) => plainValue(item));
  if (typeof node === 'object' && node !== null && !(node instanceof Date) && node.kind === 'value') return plainValue(node.value);
  return node;
}
