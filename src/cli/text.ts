import { CERTS_D, describeDifference, type Resolution } from '../resolver/index.ts';

/** `--format text`: a readable report, top to bottom in pipeline order. */
export function renderText(resolution: Resolution, configName: string): string {
  const out: string[] = [];
  out.push(`registries.yaml: ${configName}${resolution.loadable ? '' : '  (K3s cannot load it: the agent does not start)'}`);
  out.push('', 'Diagnostics:');
  if (resolution.diagnostics.length === 0) out.push('  none');
  for (const found of resolution.diagnostics) out.push(`  ${found.line}:${found.column} ${found.severity.padEnd(7)} ${found.code}: ${found.message}`);

  const files = Object.entries(resolution.hostsToml);
  out.push('', `hosts.toml files K3s writes (identical for ${resolution.profiles.map((profile) => profile.id).join(' and ')}):`);
  if (files.length === 0) out.push('  none (containerd uses each registry directly)');
  for (const [dir, text] of files) {
    out.push(`  ${CERTS_D}/${dir}/hosts.toml`);
    for (const line of text.replace(/\n$/, '').split('\n')) out.push(`    |${line === '' ? '' : ` ${line}`}`);
  }

  if (resolution.images.length > 0) out.push('', 'Endpoint chains:');
  for (const image of resolution.images) {
    out.push('');
    if (image.error !== null) {
      out.push(`  ${image.image}: invalid reference: ${image.error}`);
      continue;
    }
    out.push(`  ${image.image} -> ${image.normalized}   [${image.hostsDir === null ? 'no certs.d directory: built-in default' : `certs.d/${image.hostsDir}`}]`);
    if (image.hostsTomlError !== null) out.push(`    hosts.toml ignored by containerd: ${image.hostsTomlError}`);
    for (const profile of resolution.profiles) {
      out.push(`    ${profile.id} (containerd ${profile.containerd}):`);
      const chain = image.versions[profile.id]?.chain ?? [];
      if (chain.length === 0) out.push('      (nothing is pulled)');
      chain.forEach((endpoint, index) => {
        const notes = [
          endpoint.rewrite?.pattern ? `rewritten to ${endpoint.repository}${endpoint.rewrite.ambiguous ? ' (ambiguous: several rewrites match)' : ''}` : '',
          endpoint.httpFallback ? 'HTTPS first, then HTTP' : '',
        ].filter((note) => note !== '');
        out.push(`      ${index + 1}. ${endpoint.kind.padEnd(8)} ${endpoint.url}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`);
      });
    }
    const [first, second] = resolution.profiles;
    const difference = first !== undefined && second !== undefined ? describeDifference(image, first.id, second.id) : null;
    if (difference !== null) out.push(`    DIFFERS: ${difference}`);
  }
  return `${out.join('\n')}\n`;
}
