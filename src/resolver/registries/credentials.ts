import { parseAllDocuments, type Document } from 'yaml';
import { decodeDocument, type GoValue } from './decode.ts';
import { registryType } from './goTypes.ts';
import type { Span } from './span.ts';

/** A credential value written in registries.yaml. */
export interface CredentialLocation {
  /** e.g. `configs."registry.example.com".auth.password` */
  path: string;
  span: Span;
}

const CREDENTIAL_FIELDS = ['username', 'password', 'auth', 'identity_token'];

/**
 * Where every credential value (configs.*.auth and the deprecated auths.*) is written,
 * found through the same decoder K3s-equivalent parsing uses, so anchors and merge keys
 * point at the text that really holds the secret. Null when the YAML does not parse.
 */
export function findCredentials(text: string): CredentialLocation[] | null {
  const document = (parseAllDocuments(text, { version: '1.1', uniqueKeys: false, merge: false }) as Document[])[0];
  if (document === undefined) return [];
  if (document.errors.length > 0) return null;
  const { value } = decodeDocument(document, registryType);
  if (value?.kind !== 'struct') return [];
  const found: CredentialLocation[] = [];
  const configs = value.fields.get('configs')?.value;
  if (configs?.kind === 'map') {
    for (const [key, entry] of configs.entries) {
      const auth = entry.value?.kind === 'struct' ? entry.value.fields.get('auth')?.value : undefined;
      collect(auth, `configs.${JSON.stringify(key)}.auth`, found);
    }
  }
  const auths = value.fields.get('auths')?.value;
  if (auths?.kind === 'map') for (const [key, entry] of auths.entries) collect(entry.value, `auths.${JSON.stringify(key)}`, found);
  return found;
}

function collect(auth: GoValue | null | undefined, path: string, found: CredentialLocation[]): void {
  if (auth?.kind !== 'struct') return;
  for (const field of CREDENTIAL_FIELDS) {
    const value = auth.fields.get(field)?.value;
    if (value?.kind === 'string' && value.value !== '' && value.span.end > value.span.start) found.push({ path: `${path}.${field}`, span: value.span });
  }
}
