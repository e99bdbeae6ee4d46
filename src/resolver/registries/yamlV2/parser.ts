import { Failure, type Mark } from './failure.ts';
import type { ScalarStyle, Scanner, Token, TokenType } from './scanner.ts';

/**
 * libyaml's parser as gopkg.in/yaml.v2 (v2.4.0) has it (parserc.go): tokens in, events out,
 * one state machine step per event, with the same error messages and marks.
 */

type State =
  | 'stream-start'
  | 'implicit-document-start'
  | 'document-start'
  | 'document-content'
  | 'document-end'
  | 'block-node'
  | 'block-node-or-indentless-sequence'
  | 'flow-node'
  | 'block-sequence-first-entry'
  | 'block-sequence-entry'
  | 'indentless-sequence-entry'
  | 'block-mapping-first-key'
  | 'block-mapping-key'
  | 'block-mapping-value'
  | 'flow-sequence-first-entry'
  | 'flow-sequence-entry'
  | 'flow-sequence-entry-mapping-key'
  | 'flow-sequence-entry-mapping-value'
  | 'flow-sequence-entry-mapping-end'
  | 'flow-mapping-first-key'
  | 'flow-mapping-key'
  | 'flow-mapping-value'
  | 'flow-mapping-empty-value'
  | 'end';

/** A node's properties: `&anchor` and the resolved tag (`tag:yaml.org,2002:str` for `!!str`). */
interface Properties {
  anchor: string | null;
  tag: string | null;
}

export type YamlEvent =
  | { type: 'stream-start' | 'stream-end' | 'document-start' }
  /** `by`: the token that ended the document (`---`, `...`, the end of the text, or other content). */
  | { type: 'document-end'; at: Mark; by: TokenType }
  | { type: 'alias'; name: string; start: Mark; end: Mark }
  | ({ type: 'scalar'; value: string; style: ScalarStyle; start: Mark; end: Mark } & Properties)
  | ({ type: 'sequence-start' | 'mapping-start'; start: Mark; flow: boolean } & Properties)
  | { type: 'sequence-end' | 'mapping-end'; end: Mark };

const DEFAULT_TAG_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['!', '!'],
  ['!!', 'tag:yaml.org,2002:'],
]);

export class Parser {
  private state: State = 'stream-start';
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private tagPrefixes = new Map<string, string>();

  constructor(private readonly scanner: Scanner) {}

  private fail(problem: string, problemMark: Mark, contextMark: Mark | null = null): never {
    throw new Failure('parser', problem, problemMark, contextMark);
  }

  private pop(): State {
    return this.states.pop() ?? 'end';
  }

  /** libyaml's empty scalar: a key or value with nothing written (null). */
  private empty(mark: Mark): YamlEvent {
    return { type: 'scalar', value: '', style: 'plain', start: mark, end: mark, anchor: null, tag: null };
  }

  /** One event, by the state the parser is in. */
  next(): YamlEvent {
    switch (this.state) {
      case 'stream-start': {
        const token = this.scanner.peek();
        if (token.type !== 'stream-start') this.fail('did not find expected <stream-start>', token.start);
        this.state = 'implicit-document-start';
        this.scanner.skipToken();
        return { type: 'stream-start' };
      }
      case 'implicit-document-start':
        return this.documentStart(true);
      case 'document-start':
        return this.documentStart(false);
      case 'document-content': {
        const token = this.scanner.peek();
        if (['version-directive', 'tag-directive', 'document-start', 'document-end', 'stream-end'].includes(token.type)) {
          this.state = this.pop();
          return this.empty(token.start);
        }
        return this.node(true, false);
      }
      case 'document-end': {
        const token = this.scanner.peek();
        const event: YamlEvent = { type: 'document-end', at: token.type === 'document-end' ? token.end : token.start, by: token.type };
        if (token.type === 'document-end') this.scanner.skipToken();
        this.tagPrefixes = new Map();
        this.state = 'document-start';
        return event;
      }
      case 'block-node':
        return this.node(true, false);
      case 'block-node-or-indentless-sequence':
        return this.node(true, true);
      case 'flow-node':
        return this.node(false, false);
      case 'block-sequence-first-entry':
        return this.blockSequenceEntry(true);
      case 'block-sequence-entry':
        return this.blockSequenceEntry(false);
      case 'indentless-sequence-entry':
        return this.indentlessSequenceEntry();
      case 'block-mapping-first-key':
        return this.blockMappingKey(true);
      case 'block-mapping-key':
        return this.blockMappingKey(false);
      case 'block-mapping-value':
        return this.blockMappingValue();
      case 'flow-sequence-first-entry':
        return this.flowSequenceEntry(true);
      case 'flow-sequence-entry':
        return this.flowSequenceEntry(false);
      case 'flow-sequence-entry-mapping-key': {
        const token = this.scanner.peek();
        if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-sequence-end') {
          this.states.push('flow-sequence-entry-mapping-value');
          return this.node(false, false);
        }
        // libyaml consumes the token here, as yaml.v2 does.
        const mark = token.end;
        this.scanner.skipToken();
        this.state = 'flow-sequence-entry-mapping-value';
        return this.empty(mark);
      }
      case 'flow-sequence-entry-mapping-value': {
        const token = this.scanner.peek();
        if (token.type === 'value') {
          this.scanner.skipToken();
          const next = this.scanner.peek();
          if (next.type !== 'flow-entry' && next.type !== 'flow-sequence-end') {
            this.states.push('flow-sequence-entry-mapping-end');
            return this.node(false, false);
          }
        }
        this.state = 'flow-sequence-entry-mapping-end';
        return this.empty(this.scanner.peek().start);
      }
      case 'flow-sequence-entry-mapping-end': {
        const token = this.scanner.peek();
        this.state = 'flow-sequence-entry';
        return { type: 'mapping-end', end: token.start };
      }
      case 'flow-mapping-first-key':
        return this.flowMappingKey(true);
      case 'flow-mapping-key':
        return this.flowMappingKey(false);
      case 'flow-mapping-value':
        return this.flowMappingValue(false);
      case 'flow-mapping-empty-value':
        return this.flowMappingValue(true);
      case 'end':
        return { type: 'stream-end' };
    }
  }

  private documentStart(implicit: boolean): YamlEvent {
    let token = this.scanner.peek();
    if (!implicit) {
      while (token.type === 'document-end') {
        this.scanner.skipToken();
        token = this.scanner.peek();
      }
    }
    if (implicit && !['version-directive', 'tag-directive', 'document-start', 'stream-end'].includes(token.type)) {
      this.processDirectives();
      this.states.push('document-end');
      this.state = 'block-node';
      return { type: 'document-start' };
    }
    if (token.type !== 'stream-end') {
      this.processDirectives();
      token = this.scanner.peek();
      if (token.type !== 'document-start') this.fail('did not find expected <document start>', token.start);
      this.states.push('document-end');
      this.state = 'document-content';
      this.scanner.skipToken();
      return { type: 'document-start' };
    }
    this.state = 'end';
    this.scanner.skipToken();
    return { type: 'stream-end' };
  }

  private processDirectives(): void {
    let token = this.scanner.peek();
    let version = false;
    while (token.type === 'version-directive' || token.type === 'tag-directive') {
      if (token.type === 'version-directive') {
        if (version) this.fail('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) this.fail('found incompatible YAML document', token.start);
        version = true;
      } else {
        const handle = token.handle ?? '';
        if (this.tagPrefixes.has(handle)) this.fail('found duplicate %TAG directive', token.start);
        this.tagPrefixes.set(handle, token.value ?? '');
      }
      this.scanner.skipToken();
      token = this.scanner.peek();
    }
    for (const [handle, prefix] of DEFAULT_TAG_PREFIXES) if (!this.tagPrefixes.has(handle)) this.tagPrefixes.set(handle, prefix);
  }

  private node(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.scanner.peek();
    if (token.type === 'alias') {
      this.state = this.pop();
      this.scanner.skipToken();
      return { type: 'alias', name: token.value ?? '', start: token.start, end: token.end };
    }
    const start = token.start;
    let end = token.start;
    let tagToken: Token | null = null;
    let anchor: string | null = null;
    // `&anchor !tag` or `!tag &anchor`: at most one of each, in either order.
    for (let taken = 0; taken < 2; taken++) {
      if (token.type === 'anchor' && anchor === null) anchor = token.value ?? '';
      else if (token.type === 'tag' && tagToken === null) tagToken = token;
      else break;
      end = token.end;
      this.scanner.skipToken();
      token = this.scanner.peek();
    }
    const tag = tagToken === null ? null : this.resolveTag(tagToken, start);
    const properties: Properties = { anchor, tag };
    if (indentlessSequence && token.type === 'block-entry') {
      this.state = 'indentless-sequence-entry';
      return { type: 'sequence-start', start: token.start, flow: false, ...properties };
    }
    switch (token.type) {
      case 'scalar':
        this.state = this.pop();
        this.scanner.skipToken();
        return { type: 'scalar', value: token.value ?? '', style: token.style ?? 'plain', start: token.start, end: token.end, ...properties };
      case 'flow-sequence-start':
        this.state = 'flow-sequence-first-entry';
        return { type: 'sequence-start', start: token.start, flow: true, ...properties };
      case 'flow-mapping-start':
        this.state = 'flow-mapping-first-key';
        return { type: 'mapping-start', start: token.start, flow: true, ...properties };
    }
    if (block && token.type === 'block-sequence-start') {
      this.state = 'block-sequence-first-entry';
      return { type: 'sequence-start', start: token.start, flow: false, ...properties };
    }
    if (block && token.type === 'block-mapping-start') {
      this.state = 'block-mapping-first-key';
      return { type: 'mapping-start', start: token.start, flow: false, ...properties };
    }
    if (anchor !== null || tag !== null) {
      // Properties with no content: an empty scalar that carries them.
      this.state = this.pop();
      return { type: 'scalar', value: '', style: 'plain', start: end, end, ...properties };
    }
    this.fail('did not find expected node content', token.start, start);
  }

  /** `!!str` -> `tag:yaml.org,2002:str` by the document's %TAG directives; a verbatim tag as written. */
  private resolveTag(token: Token, start: Mark): string {
    const handle = token.handle ?? '';
    const suffix = token.value ?? '';
    if (handle === '') return suffix;
    const prefix = this.tagPrefixes.get(handle);
    if (prefix === undefined) this.fail('found undefined tag handle', token.start, start);
    return prefix + suffix;
  }

  private blockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.scanner.peek().start);
      this.scanner.skipToken();
    }
    let token = this.scanner.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      this.scanner.skipToken();
      token = this.scanner.peek();
      if (token.type !== 'block-entry' && token.type !== 'block-end') {
        this.states.push('block-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'block-sequence-entry';
      return this.empty(mark);
    }
    if (token.type === 'block-end') {
      this.state = this.pop();
      this.marks.pop();
      this.scanner.skipToken();
      return { type: 'sequence-end', end: token.start };
    }
    this.fail("did not find expected '-' indicator", token.start, this.marks.pop() ?? null);
  }

  private indentlessSequenceEntry(): YamlEvent {
    let token = this.scanner.peek();
    if (token.type === 'block-entry') {
      const mark = token.end;
      this.scanner.skipToken();
      token = this.scanner.peek();
      if (!['block-entry', 'key', 'value', 'block-end'].includes(token.type)) {
        this.states.push('indentless-sequence-entry');
        return this.node(true, false);
      }
      this.state = 'indentless-sequence-entry';
      return this.empty(mark);
    }
    this.state = this.pop();
    return { type: 'sequence-end', end: token.start };
  }

  private blockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.scanner.peek().start);
      this.scanner.skipToken();
    }
    let token = this.scanner.peek();
    if (token.type === 'key') {
      const mark = token.end;
      this.scanner.skipToken();
      token = this.scanner.peek();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-value');
        return this.node(true, true);
      }
      this.state = 'block-mapping-value';
      return this.empty(mark);
    }
    if (token.type === 'block-end') {
      this.state = this.pop();
      this.marks.pop();
      this.scanner.skipToken();
      return { type: 'mapping-end', end: token.start };
    }
    this.fail('did not find expected key', token.start, this.marks.pop() ?? null);
  }

  private blockMappingValue(): YamlEvent {
    let token = this.scanner.peek();
    if (token.type === 'value') {
      const mark = token.end;
      this.scanner.skipToken();
      token = this.scanner.peek();
      if (token.type !== 'key' && token.type !== 'value' && token.type !== 'block-end') {
        this.states.push('block-mapping-key');
        return this.node(true, true);
      }
      this.state = 'block-mapping-key';
      return this.empty(mark);
    }
    this.state = 'block-mapping-key';
    return this.empty(token.start);
  }

  private flowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.scanner.peek().start);
      this.scanner.skipToken();
    }
    let token = this.scanner.peek();
    if (token.type !== 'flow-sequence-end') {
      if (!first) {
        if (token.type === 'flow-entry') {
          this.scanner.skipToken();
          token = this.scanner.peek();
        } else this.fail("did not find expected ',' or ']'", token.start, this.marks.pop() ?? null);
      }
      if (token.type === 'key') {
        // `[a: b]`: a single-pair mapping inside the sequence.
        this.state = 'flow-sequence-entry-mapping-key';
        this.scanner.skipToken();
        return { type: 'mapping-start', start: token.start, flow: true, anchor: null, tag: null };
      }
      if (token.type !== 'flow-sequence-end') {
        this.states.push('flow-sequence-entry');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.scanner.skipToken();
    return { type: 'sequence-end', end: token.end };
  }

  private flowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.scanner.peek().start);
      this.scanner.skipToken();
    }
    let token = this.scanner.peek();
    if (token.type !== 'flow-mapping-end') {
      if (!first) {
        if (token.type === 'flow-entry') {
          this.scanner.skipToken();
          token = this.scanner.peek();
        } else this.fail("did not find expected ',' or '}'", token.start, this.marks.pop() ?? null);
      }
      if (token.type === 'key') {
        this.scanner.skipToken();
        token = this.scanner.peek();
        if (token.type !== 'value' && token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
          this.states.push('flow-mapping-value');
          return this.node(false, false);
        }
        this.state = 'flow-mapping-value';
        return this.empty(token.start);
      }
      if (token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-empty-value');
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.scanner.skipToken();
    return { type: 'mapping-end', end: token.end };
  }

  private flowMappingValue(empty: boolean): YamlEvent {
    let token = this.scanner.peek();
    if (empty) {
      this.state = 'flow-mapping-key';
      return this.empty(token.start);
    }
    if (token.type === 'value') {
      this.scanner.skipToken();
      token = this.scanner.peek();
      if (token.type !== 'flow-entry' && token.type !== 'flow-mapping-end') {
        this.states.push('flow-mapping-key');
        return this.node(false, false);
      }
    }
    this.state = 'flow-mapping-key';
    return this.empty(token.start);
  }
}
