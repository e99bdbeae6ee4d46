import type { Registry } from '../registries/model.ts';

/** What stands in for a credential in the rendered section: the page never prints one. */
const HIDDEN = '"<redacted>"';

/**
 * The registry auth section K3s renders into containerd's config.toml from `configs.<key>.auth`, keyed
 * as written (containerd looks it up by request host). containerd 1.7 reads config version 2
 * (`plugins."io.containerd.grpc.v1.cri"`, `identitytoken`); containerd 2.x version 3
 * (`plugins.'io.containerd.cri.v1.images'`, `identity_token`) — K3s's templates of each era, blank
 * lines trimmed. Values are never printed. [version 3 key names: inferred from K3s's template]
 */
export function renderAuthSection(registry: Registry, configVersion: 2 | 3): string | null {
  const entries = [...registry.configs.values()].filter((config) => config.auth !== null);
  if (entries.length === 0) return null;
  const table = configVersion === 2 ? (key: string) => `[plugins."io.containerd.grpc.v1.cri".registry.configs."${key}".auth]` : (key: string) => `[plugins.'io.containerd.cri.v1.images'.registry.configs."${key}".auth]`;
  const tokenKey = configVersion === 2 ? 'identitytoken' : 'identity_token';
  const out: string[] = [];
  for (const config of entries) {
    const auth = config.auth;
    if (auth === null) continue;
    out.push(table(config.key));
    if (auth.username !== '') out.push(`  username = ${HIDDEN}`);
    if (auth.password !== '') out.push(`  password = ${HIDDEN}`);
    if (auth.auth !== '') out.push(`  auth = ${HIDDEN}`);
    if (auth.identityToken !== '') out.push(`  ${tokenKey} = ${HIDDEN}`);
  }
  return `${out.join('\n')}\n`;
}
