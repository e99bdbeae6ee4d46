import { Failure, report, type Mark, type YamlV2SyntaxError } from './failure.ts';
import { Parser, type YamlEvent } from './parser.ts';
import { Scanner, type ScalarStyle } from './scanner.ts';

/**
 * The node tree gopkg.in/yaml.v2's parser builds from a document (decode.go `parser`): scalars
 * keep their text and style, collections their children in order, and every alias the node its
 * anchor named when the alias was read (a later redefinition does not change it).
 * Offsets are UTF-16 offsets into the text, for diagnostics.
 */
export type YamlNode = YamlScalar | YamlSequence | YamlMapping | YamlAlias;

interface Placed {
  start: number;
  end: number;
}

interface Properties extends Placed {
  anchor: string | null;
  /** The resolved tag (`tag:yaml.org,2002:str` for `!!str`), or null when none is written. */
  tag: string | null;
}

export interface YamlScalar extends Properties {
  kind: 'scalar';
  value: string;
  style: ScalarStyle;
}

export interface YamlSequence extends Properties {
  kind: 'sequence';
  items: YamlNode[];
}

export interface YamlMapping extends Properties {
  kind: 'mapping';
  pairs: YamlPair[];
}

export interface YamlPair {
  key: YamlNode;
  value: YamlNode;
}

export interface YamlAlias extends Placed {
  kind: 'alias';
  name: string;
  /** The anchored node, or null when no node before the alias has that anchor. */
  target: YamlNode | null;
}

/**
 * What ends the first document: the end of the text, a `---` or `...` marker, or content indented
 * less than the document's first line (libyaml closes the document there, and yaml.v2 stops).
 */
export type DocumentEnding = 'end-of-text' | 'document-start' | 'document-end' | 'dedent';

export interface FirstDocument {
  error: null;
  /** The document's root node; null for an empty document or stream. */
  root: YamlNode | null;
  /** The first alias (in document order) whose anchor is not defined before it: yaml.v2 stops there. */
  unknownAlias: YamlAlias | null;
  /** UTF-16 offset where the first document ends: Unmarshal reads nothing after it. */
  end: number;
  endedBy: DocumentEnding;
}

/** How yaml.v2's Unmarshal reads a text: the first syntax error, or its first document. */
export type FirstYamlV2Document = { error: YamlV2SyntaxError } | FirstDocument;

/**
 * Parses the text the way yaml.v2's Unmarshal does: the first document, and nothing after it.
 * Work is bounded by the text: every event consumes input or closes a structure opened by one,
 * and the tree is built without recursion, so no nesting depth can overflow the stack.
 */
export function readFirstYamlV2Document(text: string): FirstYamlV2Document {
  const scanner = new Scanner(text);
  const composer = new Composer(text, scanner.offsets);
  const parser = new Parser(scanner);
  try {
    for (;;) {
      const event = parser.next();
      if (event.type === 'stream-end') return composer.finish(text.length, 'end-of-text');
      if (event.type === 'document-end') {
        if (event.by === 'stream-end') return composer.finish(text.length, 'end-of-text');
        return composer.finish(composer.offsetOf(event.at), event.by === 'document-start' || event.by === 'document-end' ? event.by : 'dedent');
      }
      composer.add(event);
    }
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { error: report(error, scanner.offsets) };
  }
}

/** The error yaml.v2's Unmarshal returns for a syntax problem in the first document, or null. */
export function firstYamlV2SyntaxError(text: string): YamlV2SyntaxError | null {
  const read = readFirstYamlV2Document(text);
  return read.error;
}

interface OpenCollection {
  node: YamlSequence | YamlMapping;
  flow: boolean;
  /** A mapping's key waiting for its value. */
  key: YamlNode | null;
}

/** Events in, a tree out (yaml.v2 decode.go `parser.parse`), with an explicit stack. */
class Composer {
  private root: YamlNode | null = null;
  private readonly open: OpenCollection[] = [];
  private readonly anchors = new Map<string, YamlNode>();
  private unknownAlias: YamlAlias | null = null;

  constructor(
    private readonly text: string,
    private readonly offsets: readonly number[],
  ) {}

  offsetOf(mark: Mark): number {
    return this.offsets[Math.min(mark.index, this.offsets.length - 1)] ?? this.text.length;
  }

  add(event: YamlEvent): void {
    switch (event.type) {
      case 'scalar': {
        const { value, style, anchor, tag } = event;
        this.attach(this.anchored({ kind: 'scalar', value, style, anchor, tag, start: this.offsetOf(event.start), end: this.offsetOf(event.end) }));
        return;
      }
      case 'alias': {
        const alias: YamlAlias = { kind: 'alias', name: event.name, target: this.anchors.get(event.name) ?? null, start: this.offsetOf(event.start), end: this.offsetOf(event.end) };
        if (alias.target === null) this.unknownAlias ??= alias;
        this.attach(alias);
        return;
      }
      case 'sequence-start':
      case 'mapping-start': {
        const placed = { anchor: event.anchor, tag: event.tag, start: this.offsetOf(event.start), end: this.offsetOf(event.start) };
        const node: YamlSequence | YamlMapping = event.type === 'sequence-start' ? { kind: 'sequence', items: [], ...placed } : { kind: 'mapping', pairs: [], ...placed };
        // yaml.v2 registers the anchor before the children: an alias inside refers to this node.
        this.anchored(node);
        this.open.push({ node, flow: event.flow, key: null });
        return;
      }
      case 'sequence-end':
      case 'mapping-end': {
        const closed = this.open.pop();
        if (closed === undefined) return;
        closed.node.end = closed.flow ? this.offsetOf(event.end) : this.blockEnd(closed.node);
        this.attach(closed.node);
        return;
      }
      default:
        return;
    }
  }

  finish(end: number, endedBy: DocumentEnding): FirstDocument {
    return { error: null, root: this.root, unknownAlias: this.unknownAlias, end, endedBy };
  }

  private anchored<T extends YamlScalar | YamlSequence | YamlMapping>(node: T): T {
    if (node.anchor !== null) this.anchors.set(node.anchor, node);
    return node;
  }

  private attach(node: YamlNode): void {
    const parent = this.open[this.open.length - 1];
    if (parent === undefined) {
      this.root ??= node;
      return;
    }
    if (parent.node.kind === 'sequence') {
      parent.node.items.push(node);
    } else if (parent.key === null) {
      parent.key = node;
    } else {
      parent.node.pairs.push({ key: parent.key, value: node });
      parent.key = null;
    }
  }

  /** A block collection ends with the line of its last child (its comment and line break included). */
  private blockEnd(node: YamlSequence | YamlMapping): number {
    const last = node.kind === 'sequence' ? node.items[node.items.length - 1] : node.pairs[node.pairs.length - 1]?.value;
    let end = Math.max(last?.end ?? node.start, node.start);
    const lineBreak = this.text.indexOf('\n', end);
    const rest = this.text.slice(end, lineBreak === -1 ? this.text.length : lineBreak);
    if (/^[ \t]*(?:#.*)?\r?$/.test(rest)) end = lineBreak === -1 ? this.text.length : lineBreak + 1;
    return end;
  }
}
