/**
 * The Go types K3s decodes registries.yaml into (rancher/wharfie v0.6.7
 * `pkg/registries/types.go`, spec §1.2), described as data so one decoder can
 * apply yaml.v2's rules to each field. Names are the Go type names, because
 * yaml.v2 prints them in its errors ("cannot unmarshal !!str `x` into bool").
 */
export type GoType =
  | { kind: 'string'; name: 'string' }
  | { kind: 'bool'; name: 'bool' }
  | { kind: 'slice'; name: string; elem: GoType }
  | { kind: 'map'; name: string; elem: GoType }
  | { kind: 'struct'; name: string; fields: Readonly<Record<string, GoType>> }
  | { kind: 'ptr'; name: string; elem: GoType };

const str: GoType = { kind: 'string', name: 'string' };
const bool: GoType = { kind: 'bool', name: 'bool' };

export const authConfigType: GoType = {
  kind: 'struct',
  name: 'registries.AuthConfig',
  fields: { username: str, password: str, auth: str, identity_token: str },
};

export const tlsConfigType: GoType = {
  kind: 'struct',
  name: 'registries.TLSConfig',
  fields: { ca_file: str, cert_file: str, key_file: str, insecure_skip_verify: bool },
};

export const mirrorType: GoType = {
  kind: 'struct',
  name: 'registries.Mirror',
  fields: {
    endpoint: { kind: 'slice', name: '[]string', elem: str },
    rewrite: { kind: 'map', name: 'map[string]string', elem: str },
  },
};

export const registryConfigType: GoType = {
  kind: 'struct',
  name: 'registries.RegistryConfig',
  fields: {
    auth: { kind: 'ptr', name: '*registries.AuthConfig', elem: authConfigType },
    tls: { kind: 'ptr', name: '*registries.TLSConfig', elem: tlsConfigType },
  },
};

export const registryType: GoType = {
  kind: 'struct',
  name: 'registries.Registry',
  fields: {
    mirrors: { kind: 'map', name: 'map[string]registries.Mirror', elem: mirrorType },
    configs: { kind: 'map', name: 'map[string]registries.RegistryConfig', elem: registryConfigType },
    // Deprecated and ignored by the hosts.toml generator, but still decoded (and type-checked).
    auths: { kind: 'map', name: 'map[string]registries.AuthConfig', elem: authConfigType },
  },
};
