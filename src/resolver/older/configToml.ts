import { goQuote } from '../go/url.ts';
import type { Registry } from '../registries/model.ts';

/** The CRI plugin's table in containerd 1.x config.toml. */
const CRI = 'plugins."io.containerd.grpc.v1.cri"';

/**
 * The registry section of config.toml that K3s wrote before January 2024 (profiles P0/P1,
 * version-timeline §3 C0): registries.yaml copied key for key into `registry.mirrors` and
 * `registry.configs`, rendered raw from the template with its blank lines. Keys, rewrite patterns
 * and file paths go between quotes unescaped, so a `\` in a rewrite makes the whole config.toml
 * invalid TOML and containerd does not start (§9.5). Maps are printed in key order, as Go
 * templates do.
 */
export function renderConfigToml(registry: Registry): string {
  let out = '\n';
  if (registry.mirrors.size > 0) out += `\n[${CRI}.registry.mirrors]`;
  out += '\n';
  for (const [key, mirror] of sortedEntries(registry.mirrors)) {
    out += `\n[${CRI}.registry.mirrors."${key}"]\n  endpoint = [${mirror.endpoints.map((endpoint) => goQuote(endpoint.value)).join(', ')}]\n`;
    if (mirror.rewrites.length > 0) {
      out += `\n  [${CRI}.registry.mirrors."${key}".rewrite]\n`;
      for (const rewrite of [...mirror.rewrites].sort((a, b) => compare(a.pattern, b.pattern))) out += `\n    "${rewrite.pattern}" = "${rewrite.replacement}"\n`;
      out += '\n';
    }
    out += '\n';
  }
  out += '\n\n';
  for (const [key, config] of sortedEntries(registry.configs)) {
    out += '\n';
    if (config.auth !== null) {
      const { username, password, auth, identityToken } = config.auth;
      out += `\n[${CRI}.registry.configs."${key}".auth]\n`;
      out += `  ${username !== '' ? `username = ${goQuote(username)}` : ''}\n`;
      out += `  ${password !== '' ? `password = ${goQuote(password)}` : ''}\n`;
      out += `  ${auth !== '' ? `auth = ${goQuote(auth)}` : ''}\n`;
      out += `  ${identityToken !== '' ? `identitytoken = ${goQuote(identityToken)}` : ''}\n`;
    }
    out += '\n';
    if (config.tls !== null) {
      const { caFile, certFile, keyFile, insecureSkipVerify } = config.tls;
      out += `\n[${CRI}.registry.configs."${key}".tls]\n`;
      out += `  ${caFile !== '' ? `ca_file = "${caFile}"` : ''}\n`;
      out += `  ${certFile !== '' ? `cert_file = "${certFile}"` : ''}\n`;
      out += `  ${keyFile !== '' ? `key_file = "${keyFile}"` : ''}\n`;
      out += `  ${insecureSkipVerify ? 'insecure_skip_verify = true' : ''}\n`;
    }
    out += '\n';
  }
  return `${out}\n\n\n`;
}

function sortedEntries<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map].sort(([a], [b]) => compare(a, b));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
