import { CST, Composer, Parser } from 'yaml';
import { isCredentialKey } from './credentialKeys.ts';
import { lexicalSecrets, textCredentials, textSecrets } from './lexicalSecrets.ts';
import { quotedScalarEnd } from './quotes.ts';
import { REDACTED_VALUE, type SecretSpan } from './span.ts';
import { findUserinfo } from './userinfo.ts';

/**
 * Every secret in a registries.yaml text, found on the syntax tree of *every* document, so
 * that nothing the decoder throws away escapes: second documents, discarded duplicate keys,
 * merge sources, keys in other capitals or in the wrong place, values of unexpected shapes.
 * Documents that do not parse also get a token-level pass that needs no structure, and the
 * whole text gets one for comments. Never throws; linear in the text.
 */
export function findYamlSecrets(text: string): SecretSpan[] {
  const tokens = [...new Parser().parse(text)];
  const walker = new SecretWalker(text);
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  for (const document of documents) walker.document(document);
  const spans = [...walker.spans, ...textSecrets(text)];
  for (const [start, end] of brokenDocumentRanges(tokens, text.length)) spans.push(...lexicalSecrets(text, start, end));
  return spans;
}

/** Where the secrets are, judged by the keys that lead to them. */
type Mode =
  /** The top level: `mirrors`, `configs` and `auths` lead to registry names. */
  | 'root'
  /** Keys of `mirrors:` / `configs:` are registry names, not field names. */
  | 'mirror-names'
  | 'config-names'
  /** Inside one mirror entry: `rewrite:` leads to patterns. */
  | 'mirror'
  /** Keys of `rewrite:` are regular expressions, and their values replacements. */
  | 'rewrite'
  /** A rewrite's replacement: a template, never a credential. */
  | 'replacement'
  /** Anywhere else: every key is judged as a field name. */
  | 'fields';

interface Context {
  /** Everything below holds a credential. */
  secret: boolean;
  mode: Mode;
  path: string;
}

type ScalarToken = CST.FlowScalar | CST.BlockScalar;
type Item = { start: CST.SourceToken[]; key?: CST.Token | null; sep?: CST.SourceToken[]; value?: CST.Token };

interface Task {
  token: CST.Token;
  context: Context;
  /** Tokens written before the node: its anchor and tag. */
  props: readonly CST.SourceToken[];
  isKey: boolean;
}

const ROOT: Context = { secret: false, mode: 'root', path: '' };
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);

class SecretWalker {
  readonly spans: SecretSpan[] = [];
  private anchors = new Map<string, CST.Token>();
  private readonly redactedNodes = new Set<CST.Token>();

  constructor(private readonly text: string) {}

  document(document: CST.Document): void {
    // Anchors belong to their document.
    this.anchors = new Map();
    if (document.value !== undefined) this.walk({ token: document.value, context: ROOT, props: document.start, isKey: false });
  }

  /** Pre-order, with an explicit stack: anchors are seen before their aliases, and no nesting depth can overflow. */
  private walk(first: Task): void {
    const stack: Task[] = [first];
    while (stack.length > 0) {
      const task = stack.pop() as Task;
      this.registerAnchor(task);
      const children = this.visit(task);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Task);
    }
  }

  private registerAnchor({ token, props }: Task): void {
    for (let i = props.length - 1; i >= 0; i--) {
      const prop = props[i] as CST.SourceToken;
      if (prop.type === 'anchor') {
        this.anchors.set(prop.source.slice(1), token);
        return;
      }
    }
  }

  private visit(task: Task): Task[] {
    const { token, context } = task;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        this.scalar(token, task);
        return [];
      case 'alias':
        return this.alias(token, context);
      case 'block-map':
      case 'flow-collection':
      case 'block-seq':
        return this.collection(token, context);
      default:
        return [];
    }
  }

  /** A credential's value may be an alias: then what it points at is the secret, where it is written. */
  private alias(token: CST.FlowScalar, context: Context): Task[] {
    if (!context.secret) return [];
    const target = this.anchors.get(token.source.slice(1));
    if (target === undefined || this.redactedNodes.has(target)) return [];
    this.redactedNodes.add(target);
    return [{ token: target, context, props: [], isKey: false }];
  }

  private collection(token: CST.BlockMap | CST.FlowCollection | CST.BlockSequence, context: Context): Task[] {
    const tasks: Task[] = [];
    (token.items as Item[]).forEach((item, index) => {
      const key = item.key ?? null;
      if (key === null || key === undefined) {
        if (item.value !== undefined) tasks.push({ token: item.value, context: { ...context, path: `${context.path}[${index}]` }, props: item.start, isKey: false });
        return;
      }
      const name = keyText(key);
      tasks.push({ token: key, context: { ...context, secret: false }, props: item.start, isKey: true });
      if (item.value !== undefined) tasks.push({ token: item.value, context: this.childContext(context, name, item.value), props: item.sep ?? [], isKey: false });
    });
    return tasks;
  }

  private childContext(parent: Context, key: string, value: CST.Token): Context {
    const path = parent.path === '' ? pathSegment(key) : `${parent.path}.${pathSegment(key)}`;
    if (parent.secret) return { secret: true, mode: 'fields', path };
    switch (parent.mode) {
      case 'rewrite':
        // A replacement: never a credential, and its pattern key is not a field name.
        return { secret: false, mode: 'replacement', path };
      case 'mirror-names':
      case 'config-names':
        // A registry named "token.example.com" is not a secret; a credential-like name holding a
        // plain value (a type error K3s refuses anyway) is treated as one.
        if (isCredentialKey(key) && !this.isMapping(value)) return { secret: true, mode: 'fields', path };
        return { secret: false, mode: parent.mode === 'mirror-names' ? 'mirror' : 'fields', path };
      default:
        if (isCredentialKey(key)) return { secret: true, mode: 'fields', path };
        if (parent.mode === 'root' && key === 'mirrors') return { secret: false, mode: 'mirror-names', path };
        if (parent.mode === 'root' && key === 'configs') return { secret: false, mode: 'config-names', path };
        if (parent.mode === 'mirror' && key === 'rewrite') return { secret: false, mode: 'rewrite', path };
        return { secret: false, mode: 'fields', path };
    }
  }

  private isMapping(token: CST.Token): boolean {
    const target = token.type === 'alias' ? this.anchors.get(token.source.slice(1)) : token;
    return target !== undefined && (target.type === 'block-map' || (target.type === 'flow-collection' && target.start.source === '{'));
  }

  private scalar(token: ScalarToken, task: Task): void {
    const { start, end } = scalarRange(token, this.text);
    const value = scalarValue(token);
    if (task.context.secret && !task.isKey) {
      if (token.type === 'scalar' && NULLS.has(value)) return;
      // A tag stays behind otherwise: `!!binary "<redacted>"` would stop the file loading.
      const tag = task.props.find((prop) => prop.type === 'tag');
      const from = tag !== undefined ? tag.offset : start;
      const written = this.text.slice(start, end);
      this.spans.push({ start: from, end, replacement: REDACTED_VALUE, secrets: secretForms(value, written, token.type), label: task.context.path || 'value' });
      return;
    }
    if (task.context.mode === 'replacement') return;
    // Free text in a string (a note, a pasted snippet) can hold `password: …` too.
    if (!task.isKey) this.spans.push(...textCredentials(this.text.slice(start, end), start, `${task.context.path || 'a value'} (text that holds a credential)`, { equals: false }));
    if (token.type === 'block-scalar') return;
    const source = token.source;
    const quoted = token.type !== 'scalar' ? 1 : 0;
    const inner = source.slice(quoted, source.length - (quoted && source.length > 1 ? 1 : 0));
    // Registry names and endpoints are URLs to K3s, even without a scheme.
    const bare = (task.isKey ? task.context.mode === 'mirror-names' || task.context.mode === 'config-names' : task.context.mode === 'fields') ? 'whole' : 'none';
    for (const match of findUserinfo(inner, { bare })) {
      this.spans.push({ start: token.offset + quoted + match.start, end: token.offset + quoted + match.end, replacement: match.replacement, secrets: match.secrets, label: `user info in ${task.context.path || 'a URL'}` });
    }
  }
}

/** Offsets of a scalar as written; an unterminated quote runs to its real closing quote, or to the end. */
function scalarRange(token: ScalarToken, text: string): { start: number; end: number } {
  if (token.type === 'block-scalar') return { start: token.offset, end: token.offset + CST.stringify(token).length };
  const end = token.offset + token.source.length;
  if (token.type === 'scalar') return { start: token.offset, end };
  const quote = token.type === 'double-quoted-scalar' ? '"' : "'";
  const closed = token.source.length >= 2 && token.source.endsWith(quote) && quotedScalarEnd(text, token.offset) === end;
  return { start: token.offset, end: closed ? end : quotedScalarEnd(text, token.offset) };
}

function scalarValue(token: ScalarToken): string {
  const resolved = CST.resolveAsScalar(token, false, () => {});
  return resolved?.value ?? token.source;
}

function keyText(key: CST.Token): string {
  if (key.type === 'scalar' || key.type === 'single-quoted-scalar' || key.type === 'double-quoted-scalar' || key.type === 'block-scalar') return scalarValue(key);
  return key.type === 'alias' ? key.source : '';
}

/** The secret as decoded, as written, and line by line (a multi-line value may be folded in the payload). */
function secretForms(value: string, written: string, type: ScalarToken['type']): string[] {
  const forms = new Set([value, written]);
  if (type !== 'scalar') forms.add(written.replace(/^["']|["']$/g, ''));
  for (const line of `${value}\n${written}`.split('\n')) forms.add(line.trim());
  return [...forms].filter((form) => form !== '');
}

function pathSegment(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key);
}

/**
 * Text ranges of the documents the YAML parser reports errors in (one composed document per
 * CST document, in order). A broken document runs up to the next document: the parser leaves
 * what it could not place as error tokens after it, and those hold secrets too.
 */
function brokenDocumentRanges(tokens: readonly CST.Token[], textLength: number): [number, number][] {
  const ranges: [number, number][] = [];
  const starts = tokens.flatMap((token) => (token.type === 'document' ? [token.offset] : []));
  let cursor = 0;
  for (const document of new Composer({ version: '1.1', uniqueKeys: false, merge: false }).compose(tokens, true)) {
    const at = document.range[0];
    while (cursor + 1 < starts.length && (starts[cursor + 1] ?? textLength) <= at) cursor++;
    if (document.errors.length === 0) continue;
    ranges.push(starts.length === 0 ? [0, textLength] : [starts[cursor] ?? 0, starts[cursor + 1] ?? textLength]);
  }
  return ranges;
}
