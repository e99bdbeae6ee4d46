import type { GoEntry, GoValue } from './decode.ts';
import type { Sourced, Span } from './span.ts';

/**
 * registries.yaml as K3s holds it after decoding (wharfie `Registry`), with where
 * each piece was written so diagnostics and the UI can point at it.
 * Maps keep Go semantics (one entry per key); their order is the file order, which
 * K3s never depends on except for rewrites (see rewrite/).
 */
export interface Registry {
  mirrors: ReadonlyMap<string, Mirror>;
  configs: ReadonlyMap<string, RegistryConfig>;
}

export interface Mirror {
  key: string;
  keySpan: Span;
  endpoints: Sourced<string>[];
  rewrites: Rewrite[];
}

export interface Rewrite {
  pattern: string;
  replacement: string;
  /** Where the pattern (the map key) was written. */
  span: Span;
}

export interface RegistryConfig {
  key: string;
  keySpan: Span;
  auth: AuthConfig | null;
  tls: TlsConfig | null;
}

export interface AuthConfig {
  username: string;
  password: string;
  auth: string;
  identityToken: string;
  span: Span;
}

export interface TlsConfig {
  caFile: string;
  certFile: string;
  keyFile: string;
  insecureSkipVerify: boolean;
  span: Span;
}

export const emptyRegistry: Registry = { mirrors: new Map(), configs: new Map() };

/** Reads the decoded `registries.Registry` value into the typed model. */
export function registryFromGo(value: GoValue | null): Registry {
  const fields = value?.kind === 'struct' ? value.fields : new Map<string, GoEntry>();
  return {
    mirrors: mapEntries(fields.get('mirrors')?.value ?? null, mirrorFromGo),
    configs: mapEntries(fields.get('configs')?.value ?? null, configFromGo),
  };
}

function mapEntries<T>(value: GoValue | null, read: (entry: GoEntry) => T): Map<string, T> {
  const result = new Map<string, T>();
  if (value?.kind !== 'map') return result;
  for (const [key, entry] of value.entries) result.set(key, read(entry));
  return result;
}

function mirrorFromGo(entry: GoEntry): Mirror {
  const fields = structFields(entry.value);
  const endpointList = fields.get('endpoint')?.value;
  const rewriteMap = fields.get('rewrite')?.value;
  return {
    key: entry.key,
    keySpan: entry.keySpan,
    endpoints:
      endpointList?.kind === 'slice'
        ? endpointList.items.map((item) => ({ value: item.kind === 'string' ? item.value : '', span: item.span }))
        : [],
    rewrites:
      rewriteMap?.kind === 'map'
        ? [...rewriteMap.entries.values()].map((rule) => ({
            pattern: rule.key,
            replacement: stringOf(rule.value),
            span: rule.keySpan,
          }))
        : [],
  };
}

function configFromGo(entry: GoEntry): RegistryConfig {
  const fields = structFields(entry.value);
  const auth = fields.get('auth')?.value ?? null;
  const tls = fields.get('tls')?.value ?? null;
  return {
    key: entry.key,
    keySpan: entry.keySpan,
    auth: auth === null ? null : authFromGo(auth),
    tls: tls === null ? null : tlsFromGo(tls),
  };
}

function authFromGo(value: GoValue): AuthConfig {
  const fields = structFields(value);
  return {
    username: stringOf(fields.get('username')?.value),
    password: stringOf(fields.get('password')?.value),
    auth: stringOf(fields.get('auth')?.value),
    identityToken: stringOf(fields.get('identity_token')?.value),
    span: value.span,
  };
}

function tlsFromGo(value: GoValue): TlsConfig {
  const fields = structFields(value);
  const skip = fields.get('insecure_skip_verify')?.value;
  return {
    caFile: stringOf(fields.get('ca_file')?.value),
    certFile: stringOf(fields.get('cert_file')?.value),
    keyFile: stringOf(fields.get('key_file')?.value),
    insecureSkipVerify: skip?.kind === 'bool' ? skip.value : false,
    span: value.span,
  };
}

function structFields(value: GoValue | null | undefined): ReadonlyMap<string, GoEntry> {
  return value?.kind === 'struct' ? value.fields : new Map();
}

function stringOf(value: GoValue | null | undefined): string {
  return value?.kind === 'string' ? value.value : '';
}
