import { AliasBudget } from './aliasBudget.ts';
import type { GoType } from './goTypes.ts';
import type { Span } from './span.ts';
import { resolveScalar, type ResolvedScalar } from './yamlV2Scalars.ts';
import type { FirstDocument, YamlAlias, YamlNode, YamlPair, YamlScalar } from './yamlV2/compose.ts';

/**
 * Decodes a parsed YAML document into Go-shaped values with the semantics of
 * gopkg.in/yaml.v2 `Unmarshal` (non-strict), which is what K3s uses (spec §1.1):
 *   - unknown keys are ignored (reported here, so the UI can warn);
 *   - a value of the wrong type is an error that makes Unmarshal fail (K3s will not start);
 *   - string fields take any non-null scalar's text verbatim;
 *   - a repeated key replaces the value in a Go map, but decodes *into* the existing value of a
 *     struct field, so a repeated map/struct field merges and a repeated list replaces;
 *   - `<<` merge keys are applied in place, in key order (a key written before `<<` can be overridden
 *     by the merge), unlike the YAML 1.1 merge spec.
 */

export type GoValue =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'bool'; value: boolean; span: Span }
  | { kind: 'slice'; items: GoValue[]; span: Span }
  | { kind: 'map'; entries: Map<string, GoEntry>; span: Span }
  | { kind: 'struct'; fields: Map<string, GoEntry>; span: Span };

export interface GoEntry {
  key: string;
  keySpan: Span;
  value: GoValue | null;
}

export interface DecodeIssue {
  kind: 'type' | 'merge' | 'alias' | 'tag' | 'unknown-key' | 'duplicate-key';
  span: Span;
  message: string;
  /** Dotted path of the mapping that holds the key, e.g. `mirrors."docker.io"`. */
  path: string;
  key?: string;
  /** For unknown keys: the Go struct that ignored it. */
  structName?: string;
  /** For type errors: the YAML tag found and the Go type it could not go into. */
  mismatch?: { tag: string; goType: string };
}

/** What decoding a document cost, in yaml.v2's own units (decode steps, of which alias steps). */
export interface DecodeWork {
  decodeCount: number;
  aliasCount: number;
}

interface Outcome {
  good: boolean;
  value: GoValue | null;
}

/**
 * yaml.v2 stops the whole Unmarshal with `failf` (a panic it recovers into one error) for
 * unknown or self-containing anchors, excessive aliasing and bad merges. The decoder
 * throws this to unwind the same way; `decodeDocument` turns it into one fatal issue.
 */
class FatalDecodeError extends Error {
  constructor(
    readonly kind: 'alias' | 'merge' | 'tag',
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}

/**
 * Merge chains recurse once per level. Go's stack grows as needed; ours does not, so a
 * hostile file that nests merges deeper than this is refused (a playground limit, not K3s's:
 * no real registries.yaml comes near it, and yaml.v2's alias budget usually stops it first).
 */
export const MAX_ALIAS_NESTING = 1_000;

/** Decodes a whole document into `type`; a missing or empty document is Go's zero value. */
export function decodeDocument(document: Pick<FirstDocument, 'root' | 'unknownAlias'>, type: GoType): { value: GoValue | null; issues: DecodeIssue[]; work: DecodeWork } {
  const decoder = new YamlV2Decoder();
  const contents = document.root;
  let value: GoValue | null = null;
  try {
    // yaml.v2's parser stops at an alias to an anchor not defined before it, before anything is decoded.
    const unknown = document.unknownAlias;
    if (unknown !== null) throw new FatalDecodeError('alias', `unknown anchor '${unknown.name}' referenced`, spanOf(unknown));
    // yaml.v2 counts the document node itself as the first decode step.
    decoder.step(null);
    value = contents === null ? zeroValue(type, { start: 0, end: 0 }) : decoder.decode(contents, type, null, []).value;
  } catch (error) {
    if (!(error instanceof FatalDecodeError)) throw error;
    decoder.issues.push({ kind: error.kind, span: error.span, message: error.message, path: '' });
  }
  return { value, issues: decoder.issues, work: { decodeCount: decoder.budget.decodeCount, aliasCount: decoder.budget.aliasCount } };
}

class YamlV2Decoder {
  readonly issues: DecodeIssue[] = [];
  readonly budget = new AliasBudget();
  /** Aliases being expanded, outermost first (yaml.v2 `d.aliases`). */
  private readonly expanding: YamlAlias[] = [];
  private readonly active = new Set<YamlAlias>();

  /** One yaml.v2 `unmarshal` call: counted, and stopped where yaml.v2 stops an alias bomb. */
  step(node: YamlNode | null): void {
    if (this.budget.step()) return;
    // yaml.v2 names no line; the alias whose expansion crossed the limit is where to look.
    const culprit = this.expanding[0] ?? node;
    throw new FatalDecodeError('alias', 'document contains excessive aliasing', culprit === null ? { start: 0, end: 0 } : spanOf(culprit));
  }

  decode(node: YamlNode, type: GoType, current: GoValue | null, path: readonly string[]): Outcome {
    this.step(node);
    switch (node.kind) {
      case 'alias':
        return this.decodeAlias(node, type, current, path);
      case 'scalar':
        return this.decodeScalar(node, type, current);
      case 'mapping':
        return this.decodeMapping(node.pairs, spanOf(node), type, current, path);
      case 'sequence':
        return this.decodeSequence(node.items, spanOf(node), type, current, path);
    }
  }

  /** yaml.v2 `decoder.alias`: an alias met again while it is being expanded contains itself. */
  private decodeAlias(node: YamlAlias, type: GoType, current: GoValue | null, path: readonly string[]): Outcome {
    const target = node.target;
    if (target === null) return { good: false, value: current };
    if (this.active.has(node)) throw new FatalDecodeError('alias', `anchor '${node.name}' value contains itself`, spanOf(node));
    if (this.expanding.length >= MAX_ALIAS_NESTING) {
      throw new FatalDecodeError('alias', `aliases nested more than ${MAX_ALIAS_NESTING} deep (a playground limit; yaml.v2 has none)`, spanOf(node));
    }
    this.active.add(node);
    this.expanding.push(node);
    this.budget.enterAlias();
    try {
      return this.decode(target, type, current, path);
    } finally {
      this.budget.leaveAlias();
      this.expanding.pop();
      this.active.delete(node);
    }
  }

  private decodeScalar(node: YamlScalar, type: GoType, current: GoValue | null): Outcome {
    const span = spanOf(node);
    const text = node.value;
    const resolved = this.resolve(node);
    if (resolved.tag === '!!null') return { good: true, value: zeroValue(type, span) };
    if (type.kind === 'ptr') return this.decodeScalar(node, type.elem, current);
    if (type.kind === 'string') return { good: true, value: { kind: 'string', value: text, span } };
    if (type.kind === 'bool' && typeof resolved.value === 'boolean') return { good: true, value: { kind: 'bool', value: resolved.value, span } };
    this.typeError(node, resolved.tag, text, type);
    return { good: false, value: current };
  }

  private decodeMapping(
    pairs: readonly YamlPair[],
    span: Span,
    type: GoType,
    current: GoValue | null,
    path: readonly string[],
  ): Outcome {
    if (type.kind === 'ptr') return this.decodeMapping(pairs, span, type.elem, current, path);
    if (type.kind !== 'struct' && type.kind !== 'map') {
      this.typeErrorAt(span, '!!map', '', type);
      return { good: false, value: current };
    }
    const target: GoValue =
      current !== null && (current.kind === 'struct' || current.kind === 'map')
        ? current
        : type.kind === 'struct'
          ? { kind: 'struct', fields: new Map(), span }
          : { kind: 'map', entries: new Map(), span };
    const written = new Map<string, Span>();
    for (const pair of pairs) {
      const keyNode = pair.key;
      if (isMergeKey(keyNode)) {
        this.merge(pair.value, type, target, path);
        continue;
      }
      const key = this.decodeKey(keyNode);
      if (key === null) continue;
      const keySpan = spanOf(keyNode);
      const earlier = written.get(key);
      written.set(key, keySpan);
      if (target.kind === 'struct' && type.kind === 'struct') {
        const fieldType = type.fields[key];
        if (fieldType === undefined || !Object.hasOwn(type.fields, key)) {
          // yaml.v2 (non-strict) does not even look at the value of an unknown field.
          this.issues.push({ kind: 'unknown-key', span: keySpan, key, path: path.join('.'), structName: type.name, message: `unknown key "${key}"` });
          continue;
        }
        const existing = target.fields.get(key)?.value ?? null;
        if (earlier !== undefined) this.duplicate(key, keySpan, path, mergesOnRepeat(fieldType, pair.value));
        const outcome = this.decode(pair.value, fieldType, existing, [...path, key]);
        if (outcome.good || !target.fields.has(key)) target.fields.set(key, { key, keySpan, value: outcome.value });
      } else if (target.kind === 'map' && type.kind === 'map') {
        if (earlier !== undefined) this.duplicate(key, keySpan, path, false);
        // Go decodes each map value into a fresh element, so a repeated key replaces the entry.
        const outcome = this.decode(pair.value, type.elem, null, [...path, quoteKey(key)]);
        if (outcome.good) target.entries.set(key, { key, keySpan, value: outcome.value });
      }
    }
    return { good: true, value: target };
  }

  private decodeSequence(items: readonly YamlNode[], span: Span, type: GoType, current: GoValue | null, path: readonly string[]): Outcome {
    if (type.kind === 'ptr') return this.decodeSequence(items, span, type.elem, current, path);
    if (type.kind !== 'slice') {
      this.typeErrorAt(span, '!!seq', '', type);
      return { good: false, value: current };
    }
    const decoded: GoValue[] = [];
    items.forEach((item, index) => {
      const outcome = this.decode(item, type.elem, null, [...path, `[${index}]`]);
      // yaml.v2 drops elements that failed to decode (the error still fails Unmarshal).
      if (outcome.good && outcome.value !== null) decoded.push(outcome.value);
    });
    return { good: true, value: { kind: 'slice', items: decoded, span } };
  }

  /**
   * yaml.v2 `merge`: a mapping, an alias to one, or a list of those applied last-to-first.
   * Anything else stops the decode ("map merge requires map or sequence of maps as the value").
   */
  private merge(node: YamlNode, type: GoType, target: GoValue, path: readonly string[]): void {
    if (node.kind === 'sequence') {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i] as YamlNode;
        this.requireMergeable(item);
        this.decode(item, type, target, path);
      }
      return;
    }
    this.requireMergeable(node);
    this.decode(node, type, target, path);
  }

  private requireMergeable(node: YamlNode): void {
    const resolved = node.kind === 'alias' ? node.target : node;
    if (resolved !== null && resolved.kind === 'mapping') return;
    throw new FatalDecodeError('merge', 'map merge requires map or sequence of maps as the value', spanOf(node));
  }

  /** Keys are decoded into Go strings: any scalar's text, null as "", a collection is an error. */
  private decodeKey(node: YamlNode): string | null {
    this.step(node);
    let target: YamlNode | null = node;
    if (node.kind === 'alias') {
      target = node.target;
      // The alias's own step was counted above; its target is one more, inside the alias.
      this.budget.enterAlias();
      try {
        this.step(node);
      } finally {
        this.budget.leaveAlias();
      }
    }
    if (target !== null && target.kind === 'scalar') return this.resolve(target).tag === '!!null' ? '' : target.value;
    this.typeErrorAt(spanOf(node), target?.kind === 'sequence' ? '!!seq' : '!!map', '', { kind: 'string', name: 'string' });
    return null;
  }

  /** A scalar's tag and value by yaml.v2's rules; an explicit tag the text does not fit stops the decode. */
  private resolve(node: YamlScalar): ResolvedScalar {
    const resolved = resolveScalar(node);
    if (resolved.mismatch !== undefined) throw new FatalDecodeError('tag', resolved.mismatch, spanOf(node));
    return resolved;
  }

  private duplicate(key: string, span: Span, path: readonly string[], merges: boolean): void {
    const where = path.length === 0 ? 'at the top level' : `under ${path.join('.')}`;
    const effect = merges
      ? 'K3s merges it into the earlier one (keys from both are kept)'
      : 'K3s keeps only this later value; the earlier one is discarded';
    this.issues.push({ kind: 'duplicate-key', span, key, path: path.join('.'), message: `"${key}" appears more than once ${where}: ${effect}.` });
  }

  private typeError(node: YamlNode, tag: string, text: string, type: GoType): void {
    this.typeErrorAt(spanOf(node), tag, text, type);
  }

  /** yaml.v2 `terror` wording, including its value shortening. */
  private typeErrorAt(span: Span, tag: string, text: string, type: GoType): void {
    const shown = tag === '!!seq' || tag === '!!map' ? '' : text.length > 10 ? ` \`${text.slice(0, 7)}...\`` : ` \`${text}\``;
    this.issues.push({ kind: 'type', span, message: `cannot unmarshal ${tag}${shown} into ${type.name}`, path: '', mismatch: { tag, goType: type.name } });
  }
}

/** Go's zero value for a type; nil for pointers, maps and slices. */
function zeroValue(type: GoType, span: Span): GoValue | null {
  switch (type.kind) {
    case 'string':
      return { kind: 'string', value: '', span };
    case 'bool':
      return { kind: 'bool', value: false, span };
    case 'struct':
      return { kind: 'struct', fields: new Map(), span };
    default:
      return null;
  }
}

/** Whether writing this field again decodes into the old value (maps, non-null structs) or replaces it. */
function mergesOnRepeat(type: GoType, value: YamlNode): boolean {
  const isNull = value.kind === 'scalar' && resolveScalar(value).tag === '!!null';
  if (isNull) return false;
  return type.kind === 'map' || type.kind === 'struct' || (type.kind === 'ptr' && type.elem.kind === 'struct');
}

function isMergeKey(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.style === 'plain' && node.value === '<<';
}

function spanOf(node: YamlNode): Span {
  return { start: node.start, end: node.end };
}

/** Renders a map key the way diagnostics name it: `mirrors."docker.io"`. */
export function quoteKey(key: string): string {
  return JSON.stringify(key);
}
