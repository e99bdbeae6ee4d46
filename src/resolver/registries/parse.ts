import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import { decodeDocument, type DecodeIssue, type DecodeWork } from './decode.ts';
import { readFirstYamlV2Document, type DocumentEnding } from './yamlV2/compose.ts';
import { registryType, type GoType } from './goTypes.ts';
import { emptyRegistry, registryFromGo, type Registry } from './model.ts';

export interface ParsedRegistries {
  registry: Registry;
  /** False when K3s would refuse the file (syntax or type error): the agent does not start. */
  loadable: boolean;
  diagnostics: SpannedDiagnostic[];
  /** yaml.v2 decode steps taken (zero when the YAML does not parse). */
  work: DecodeWork;
}

const NO_WORK: DecodeWork = { decodeCount: 0, aliasCount: 0 };

const AGENT_FAILS = 'K3s cannot load registries.yaml and the agent fails to start';

/**
 * Loads registries.yaml the way K3s does (spec §1.1): an empty or missing file is an
 * empty registry; a syntax or type error stops the agent; unknown keys are ignored.
 */
export function parseRegistriesYaml(text: string): ParsedRegistries {
  // The first syntax error stops K3s, in yaml.v2's words (the ones in the journal); later ones never show.
  const read = readFirstYamlV2Document(text);
  if (read.error !== null) {
    const { message, start, end } = read.error;
    return unloadable([diagnostic('yaml-syntax', `${AGENT_FAILS}: yaml: ${message}.${lineNumberNote(text, message, start)}${wildcardHint(text)}`, { start, end: Math.max(end, start + 1) })]);
  }
  const diagnostics = ignoredAfterFirstDocument(text, read.end, read.endedBy);
  if (read.root === null) return { registry: emptyRegistry, loadable: true, diagnostics, work: NO_WORK };

  const { value, issues, work } = decodeDocument(read, registryType);
  diagnostics.push(...issues.map(diagnosticForIssue));
  const loadable = !issues.some((issue) => issue.kind === 'type' || issue.kind === 'merge' || issue.kind === 'alias' || issue.kind === 'tag');
  return { registry: loadable ? registryFromGo(value) : emptyRegistry, loadable, diagnostics, work };
}

function unloadable(diagnostics: SpannedDiagnostic[]): ParsedRegistries {
  return { registry: emptyRegistry, loadable: false, diagnostics, work: NO_WORK };
}

/** What Unmarshal never reads: later documents, or everything from a line indented less than the first. */
function ignoredAfterFirstDocument(text: string, end: number, endedBy: DocumentEnding): SpannedDiagnostic[] {
  switch (endedBy) {
    case 'end-of-text':
      return [];
    case 'document-start':
      return [diagnostic('yaml-multiple-documents', 'K3s reads only the first YAML document; everything after this `---` is ignored.', { start: end, end: end + 3 })];
    case 'document-end':
      return /^[ \t]*[^\s#]/m.test(text.slice(end)) ? [diagnostic('yaml-multiple-documents', 'K3s reads only the first YAML document; everything after this `...` is ignored.', { start: end - 3, end })] : [];
    case 'dedent': {
      const lineEnd = text.indexOf('\n', end);
      return [
        diagnostic(
          'yaml-document-ends-early',
          "K3s ignores this line and everything below it: it is indented less than the file's first line, so yaml.v2 ends the document here. Indent both the same.",
          { start: end, end: Math.max(lineEnd === -1 ? text.length : lineEnd, end + 1) },
        ),
      ];
    }
  }
}

function diagnosticForIssue(issue: DecodeIssue): SpannedDiagnostic {
  switch (issue.kind) {
    case 'type':
      return diagnostic('yaml-type', `${AGENT_FAILS}: ${issue.message}.${issue.mismatch !== undefined ? typeFix(issue.mismatch) : ''}`, issue.span);
    // yaml.v2 stops the whole decode on these and prints them with its "yaml: " prefix.
    case 'merge':
      return diagnostic('yaml-merge', `${AGENT_FAILS}: yaml: ${issue.message}.`, issue.span);
    case 'alias':
      return diagnostic('yaml-alias', `${AGENT_FAILS}: yaml: ${issue.message}.`, issue.span);
    case 'tag':
      return diagnostic('yaml-type', `${AGENT_FAILS}: yaml: ${issue.message}.`, issue.span);
    case 'duplicate-key':
      return diagnostic('duplicate-key', issue.message, issue.span);
    case 'unknown-key':
      return unknownKeyDiagnostic(issue);
  }
}

/** How to write the value yaml.v2 expected, for the shapes registries.yaml has. */
function typeFix({ tag, goType }: { tag: string; goType: string }): string {
  const noDash = tag === '!!seq' ? ', without `- `' : '';
  switch (goType) {
    case '[]string':
      return ' `endpoint` takes a list: `endpoint: ["https://mirror.example.com"]`, or one `- ` line per endpoint.';
    case 'map[string]string':
      return ` \`rewrite\` takes pattern: replacement pairs${noDash}: \`"^library/(.*)": "mirror/$1"\`.`;
    case 'map[string]registries.Mirror':
      return ` \`mirrors\` takes registry names as keys${noDash}, each indented below it with its own \`endpoint:\` list.`;
    case 'map[string]registries.RegistryConfig':
      return ` \`configs\` takes registry hosts as keys${noDash}, each indented below it with \`auth:\` and/or \`tls:\`.`;
    case 'bool':
      return tag === '!!str' ? ' Write `true` or `false`, without quotes.' : ' Write `true` or `false`.';
    case 'string':
      return tag === '!!seq' || tag === '!!map' ? ' This key takes one value, not a list or a mapping.' : ' Quote the value to make it a string.';
    default:
      return tag === '!!seq' ? ' Remove the `- `: this key takes a mapping, not a list.' : ' This key takes a mapping: `key: value` lines indented below it.';
  }
}

/** Field names per Go struct, to suggest where a stray key belongs. */
const STRUCT_FIELDS: ReadonlyMap<string, readonly string[]> = new Map(
  collectStructs(registryType).map((type) => [type.name, Object.keys(type.fields)] as const),
);
const HOME_OF_FIELD: ReadonlyMap<string, string> = new Map([
  ['endpoint', 'a mirrors entry (mirrors."<registry>".endpoint)'],
  ['rewrite', 'a mirrors entry (mirrors."<registry>".rewrite)'],
  ['auth', 'a configs entry (configs."<host>".auth)'],
  ['tls', 'a configs entry (configs."<host>".tls)'],
  ['username', '`auth:`'],
  ['password', '`auth:`'],
  ['identity_token', '`auth:`'],
  ['ca_file', '`tls:`'],
  ['cert_file', '`tls:`'],
  ['key_file', '`tls:`'],
  ['insecure_skip_verify', '`tls:`'],
  ['mirrors', 'the top level'],
  ['configs', 'the top level'],
]);

function unknownKeyDiagnostic(issue: DecodeIssue): SpannedDiagnostic {
  const key = issue.key ?? '';
  const where = issue.path === '' ? 'at the top level' : `under ${issue.path}`;
  if (issue.structName === 'registries.AuthConfig' && key === 'token') {
    return diagnostic(
      'auth-token-field',
      'K3s has no `auth.token` field (the docs table mentions one); it is ignored. Use `identity_token` for a bearer/identity token, or username and password.',
      issue.span,
    );
  }
  const known = STRUCT_FIELDS.get(issue.structName ?? '') ?? [];
  const typo = known.find((field) => editDistance(field, key) <= 2);
  const home = HOME_OF_FIELD.get(key);
  const hint = typo !== undefined ? ` Did you mean \`${typo}\`?` : home !== undefined ? ` \`${key}\` belongs under ${home}.` : known.length > 0 ? ` Known keys here: ${known.join(', ')}.` : '';
  return diagnostic('unknown-key', `K3s ignores the unknown key \`${key}\` ${where}, and everything below it.${hint}`, issue.span);
}

function collectStructs(type: GoType): Extract<GoType, { kind: 'struct' }>[] {
  switch (type.kind) {
    case 'struct':
      return [type, ...Object.values(type.fields).flatMap(collectStructs)];
    case 'slice':
    case 'map':
    case 'ptr':
      return collectStructs(type.elem);
    default:
      return [];
  }
}

/** yaml.v2 prints parser errors with a 0-based line; say which line of the file it means. */
function lineNumberNote(text: string, message: string, start: number): string {
  const printed = /^line (\d+):/.exec(message)?.[1];
  const actual = text.slice(0, start).split('\n').length;
  return printed !== undefined && Number(printed) !== actual ? ` (yaml.v2 counts this line as ${printed}; it is line ${actual} of the file.)` : '';
}

/** The fix for the most common break, when the file has it. */
function wildcardHint(text: string): string {
  return /^[ \t]*\*[ \t]*:/m.test(text) ? ' A bare * starts a YAML alias. Quote the wildcard key: "*":' : '';
}

/** Levenshtein distance, for "did you mean" hints on short keys. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
