import { parseAllDocuments, type Document } from 'yaml';
import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import { decodeDocument, type DecodeIssue, type DecodeWork } from './decode.ts';
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
  const documents = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, merge: false, prettyErrors: false });
  const first = (documents as Document[])[0];
  if (first === undefined) return { registry: emptyRegistry, loadable: true, diagnostics: [], work: NO_WORK };
  const diagnostics: SpannedDiagnostic[] = [];
  for (const error of first.errors) {
    const [start, end] = error.pos;
    diagnostics.push(diagnostic('yaml-syntax', `${AGENT_FAILS}: ${error.message.split('\n')[0] ?? error.message}`, { start, end: Math.max(end, start + 1) }));
  }
  const extra = (documents as Document[])[1];
  if (extra?.range !== undefined) {
    diagnostics.push(diagnostic('yaml-multiple-documents', 'K3s reads only the first YAML document; everything after this `---` is ignored.', { start: extra.range[0], end: extra.range[0] + 3 }));
  }
  if (first.errors.length > 0) {
    diagnostics.push(...unquotedWildcardKeys(text));
    return { registry: emptyRegistry, loadable: false, diagnostics, work: NO_WORK };
  }

  const { value, issues, work } = decodeDocument(first, registryType);
  diagnostics.push(...issues.map(diagnosticForIssue));
  const loadable = !issues.some((issue) => issue.kind === 'type' || issue.kind === 'merge' || issue.kind === 'alias');
  return { registry: loadable ? registryFromGo(value) : emptyRegistry, loadable, diagnostics, work };
}

function diagnosticForIssue(issue: DecodeIssue): SpannedDiagnostic {
  switch (issue.kind) {
    case 'type':
      return diagnostic('yaml-type', `${AGENT_FAILS}: ${issue.message}.`, issue.span);
    // yaml.v2 stops the whole decode on these and prints them with its "yaml: " prefix.
    case 'merge':
      return diagnostic('yaml-merge', `${AGENT_FAILS}: yaml: ${issue.message}.`, issue.span);
    case 'alias':
      return diagnostic('yaml-alias', `${AGENT_FAILS}: yaml: ${issue.message}.`, issue.span);
    case 'duplicate-key':
      return diagnostic('duplicate-key', issue.message, issue.span);
    case 'unknown-key':
      return unknownKeyDiagnostic(issue);
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

/** `*:` is the most common way to break the file: in YAML a bare `*` starts an alias. */
function unquotedWildcardKeys(text: string): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const match of text.matchAll(/^([ \t]*)\*[ \t]*:/gm)) {
    const start = match.index + (match[1]?.length ?? 0);
    found.push(diagnostic('yaml-syntax', `${AGENT_FAILS}: a bare * starts a YAML alias. Quote the wildcard key: "*":`, { start, end: start + 1 }));
  }
  return found;
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
