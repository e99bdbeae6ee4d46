import { CST, Lexer } from 'yaml';
import { credentialValuesInText, isCredentialKey } from './credentialKeys.ts';
import { quotedScalarEnd } from './quotes.ts';
import { REDACTED_VALUE, type SecretSpan } from './span.ts';
import { findUserinfo } from './userinfo.ts';

/** Zero-width markers the lexer emits (document mode, scalar start, unexpected flow end, BOM). */
const MARKERS = new Set([CST.DOCUMENT, CST.SCALAR, CST.FLOW_END]);

/** Each lexer token of text[from, to) with its offset and type (null for scalar text). */
function forEachToken(text: string, from: number, to: number, visit: (token: string, offset: number, type: CST.TokenType | 'block-body' | null) => void): void {
  let offset = from;
  let blockBody = false;
  for (const token of new Lexer().lex(text.slice(from, to))) {
    if (token.length === 1 && MARKERS.has(token)) continue;
    const type = CST.tokenType(token);
    // After a block scalar header and its newline, the next text is the scalar's body even
    // when it starts with spaces (the lexer's type guess would say "space").
    if (blockBody && type !== 'newline' && type !== 'comment') {
      visit(token, offset, 'block-body');
      blockBody = false;
    } else {
      if (type === 'block-scalar-header') blockBody = true;
      visit(token, offset, type);
    }
    offset += token.length;
  }
}

/** Secrets in comments, anywhere: `# password: hunter2`, and URLs with user info. */
export function textSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  forEachToken(text, 0, text.length, (token, offset, type) => {
    if (type !== 'comment') return;
    spans.push(...textCredentials(token, offset, 'a comment', { equals: true }));
    for (const match of findUserinfo(token, { bare: 'none' })) {
      spans.push({ start: offset + match.start, end: offset + match.end, replacement: match.replacement, secrets: match.secrets, label: 'user info in a comment' });
    }
  });
  return spans;
}

/** `key: value` credentials inside free text (a comment, a string), as spans. */
export function textCredentials(text: string, offset: number, label: string, options: { equals: boolean }): SecretSpan[] {
  return credentialValuesInText(text, options).map(({ start, end }) => {
    const value = text.slice(start, end);
    return { start: offset + start, end: offset + end, replacement: '<redacted>', secrets: [value, value.split(/[\s"',}\]]/)[0] ?? ''], label };
  });
}

interface Region {
  /** Column of the credential key: the value runs while lines are indented further. */
  column: number;
  flowDepth: number;
  /** Still on the key's line, and whether a value followed the key there. */
  onKeyLine: boolean;
  valueOnKeyLine: boolean;
}

/**
 * For a document that does not parse, where no syntax tree can be trusted: every value after a
 * credential-like key is a secret, by tokens and indentation alone. It runs on the rest of the
 * key's line and every following line indented further (or, in a flow collection, up to the next
 * comma or closing bracket), whatever the structure around it. It over-redacts rather than miss.
 */
export function lexicalSecrets(text: string, from: number, to: number): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const regions: Region[] = [];
  let lineStart = true;
  let column = 0;
  let flowDepth = 0;
  let lastScalar: { text: string; column: number; span: number } | null = null;

  const closeFlowRegions = (depth: number) => {
    while (regions.length > 0 && (regions.at(-1)?.flowDepth ?? 0) >= depth && depth > 0) regions.pop();
  };

  forEachToken(text, from, to, (token, offset, type) => {
    if (type === 'newline' || type === 'comment' || (type === 'space' && !token.includes('\n'))) {
      if (type === 'newline') {
        lineStart = true;
        column = 0;
        lastScalar = null;
        for (const region of regions) region.onKeyLine = false;
      } else if (lineStart) column += token.length;
      return;
    }
    // A block scalar's body belongs to the key before it, however it is indented.
    if (lineStart && type !== 'block-body') {
      lineStart = false;
      while (regions.length > 0 && flowDepth === 0) {
        const region = regions.at(-1) as Region;
        const compactSequence = column === region.column && type === 'seq-item-ind' && !region.valueOnKeyLine;
        if (column > region.column || compactSequence) break;
        regions.pop();
      }
    }
    switch (type) {
      case 'map-value-ind': {
        const key = lastScalar;
        lastScalar = null;
        if (key === null) break;
        // The scalar before the colon was a key, not a value: keep it readable.
        if (key.span >= 0) spans.splice(key.span, 1);
        if (isCredentialKey(key.text)) regions.push({ column: key.column, flowDepth, onKeyLine: true, valueOnKeyLine: false });
        break;
      }
      case 'flow-map-start':
      case 'flow-seq-start':
        flowDepth++;
        lastScalar = null;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        closeFlowRegions(flowDepth);
        flowDepth = Math.max(0, flowDepth - 1);
        lastScalar = null;
        break;
      case 'comma':
        closeFlowRegions(flowDepth);
        lastScalar = null;
        break;
      case 'doc-start':
      case 'doc-end':
        regions.length = 0;
        flowDepth = 0;
        lastScalar = null;
        break;
      case null:
      case 'block-body':
      case 'double-quoted-scalar':
      case 'single-quoted-scalar':
      case 'space': {
        // A key can only be one line: for a scalar that ran over several, its last line is the key
        // (and the lines before it stay redacted as a value).
        const lastLine = token.slice(token.lastIndexOf('\n') + 1);
        const multiLine = lastLine.length !== token.length;
        lastScalar = { text: unquote(lastLine), column: multiLine ? lastLine.length - lastLine.trimStart().length : column, span: -1 };
        const region = regions.at(-1);
        const end = type === 'double-quoted-scalar' || type === 'single-quoted-scalar' ? Math.max(offset + token.length, quotedScalarEnd(text, offset)) : offset + token.length;
        if (region !== undefined && !/^(?:~|null|Null|NULL)?$/.test(token.trim())) {
          if (region.onKeyLine) region.valueOnKeyLine = true;
          if (!multiLine) lastScalar.span = spans.length;
          spans.push({ start: offset, end, replacement: REDACTED_VALUE, secrets: [unquote(token), ...token.split('\n').map((line) => line.trim())].filter((form) => form !== ''), label: 'a value in YAML that does not parse' });
        } else if (region === undefined) {
          // An unclosed quote swallows the rest of the file into one string: read it as text.
          spans.push(...textCredentials(text.slice(offset, end), offset, 'a credential in YAML that does not parse', { equals: false }));
          for (const match of findUserinfo(token, { bare: token.includes('\n') ? 'words' : 'whole' })) {
            spans.push({ start: offset + match.start, end: offset + match.end, replacement: match.replacement, secrets: match.secrets, label: 'user info in YAML that does not parse' });
          }
        }
        break;
      }
      default:
        lastScalar = null;
    }
    // Multi-line scalars move the position to their last line.
    const newline = token.lastIndexOf('\n');
    if (newline >= 0) {
      column = token.length - newline - 1;
      lineStart = newline === token.length - 1;
      for (const region of regions) region.onKeyLine = false;
    } else column += token.length;
  });
  return spans;
}

function unquote(token: string): string {
  const trimmed = token.trim();
  const quote = trimmed[0];
  if ((quote === '"' || quote === "'") && trimmed.length >= 2 && trimmed.endsWith(quote)) return trimmed.slice(1, -1);
  if (quote === '"' || quote === "'") return trimmed.slice(1);
  return trimmed;
}
