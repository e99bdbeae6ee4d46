import { describeDifference, layoutOf, releasesWritingTheSame, type ReleaseResolution, type Resolution } from '../resolver/index.ts';

/** `--format text`: a readable report, top to bottom in pipeline order. */
export function renderText(resolution: Resolution, configName: string | null, hostsDirName: string | null = null): string {
  const out: string[] = [];
  if (configName !== null) out.push(`registries.yaml: ${configName}${resolution.loadable ? '' : '  (K3s cannot load it: the agent does not start)'}`);
  if (hostsDirName !== null) out.push(`certs.d: ${hostsDirName}${configName === null ? '  (no registries.yaml: plain containerd, unless K3s releases are named)' : ''}`);
  out.push('', 'Diagnostics:');
  if (resolution.diagnostics.length === 0) out.push('  none');
  for (const found of resolution.diagnostics) {
    const where = found.file === undefined ? '' : `${found.file}/hosts.toml:`;
    out.push(`  ${where}${found.line}:${found.column} ${found.severity.padEnd(7)} ${found.code}: ${found.message}`);
  }

  for (const group of releasesWritingTheSame(resolution.releases)) out.push('', ...writtenFiles(group));

  if (resolution.images.length > 0) out.push('', 'Endpoint chains:');
  for (const image of resolution.images) {
    out.push('');
    if (image.error !== null) {
      out.push(`  ${image.image}: invalid reference: ${image.error}`);
      continue;
    }
    out.push(`  ${image.image} -> ${image.normalized}`);
    for (const { id, release } of resolution.releases) {
      const version = image.versions[id];
      const where = release.profile.reader.kind === 'legacy-cri' ? 'config.toml mirrors' : version?.hostsDir ? `certs.d/${version.hostsDir}` : 'no certs.d directory: built-in default';
      out.push(`    ${id} (${release.profile.id}, containerd ${release.containerd}) [${where}]:`);
      if (version?.decodeError) out.push(`      hosts.toml ignored by containerd: ${version.decodeError}`);
      if (version?.pullError) out.push(`      no pull: ${version.pullError}`);
      const chain = version?.chain ?? [];
      if (chain.length === 0 && !version?.pullError) out.push('      (nothing is pulled)');
      chain.forEach((endpoint, index) => {
        const notes = [
          endpoint.rewrite?.pattern ? `rewritten to ${endpoint.repository}${endpoint.rewrite.ambiguous ? ' (ambiguous: several rewrites match)' : ''}` : '',
          endpoint.httpFallback ? 'HTTPS first, then HTTP' : '',
        ].filter((note) => note !== '');
        out.push(`      ${index + 1}. ${endpoint.kind.padEnd(8)} ${endpoint.url}${notes.length > 0 ? `  (${notes.join('; ')})` : ''}`);
      });
    }
    const [first, second] = resolution.releases;
    const difference = first !== undefined && second !== undefined ? describeDifference(image, first.id, second.id) : null;
    if (difference !== null) out.push(`    DIFFERS: ${difference}`);
  }
  return `${out.join('\n')}\n`;
}

function writtenFiles(group: readonly ReleaseResolution[]): string[] {
  const [first] = group;
  if (first === undefined) return [];
  const names = group.map((release) => release.id).join(' and ');
  const layout = layoutOf(first.release.product);
  const out: string[] = [];
  if (first.release.product === 'containerd') return yourFilesAsRead(group, layout.certsDir);
  for (const release of group) for (const problem of release.startupErrors) out.push(`  ${problem}`);
  if (first.configToml !== null) {
    out.unshift(`config.toml registry section ${layout.name} writes (${names}):`);
    out.push(...indented(first.configToml));
    for (const release of group) if (release.containerdError !== null) out.push(`  ${release.id}: containerd cannot load it and does not start: ${release.containerdError}`);
    return out;
  }
  out.unshift(`hosts.toml files ${layout.name} writes (${names}):`);
  const files = Object.entries(first.hostsToml);
  if (files.length === 0) out.push('  none (containerd uses each registry directly)');
  for (const [dir, text] of files) {
    out.push(`  ${layout.certsDir}/${dir}/hosts.toml`);
    out.push(...indented(text));
    for (const release of group) {
      const rejected = release.rejectedFiles.find((file) => file.dir === dir);
      if (rejected !== undefined) out.push(`    REJECTED by ${release.id}'s containerd: ${rejected.error}`);
    }
  }
  const yours = group.flatMap((release) => release.yourDirs.map((dir) => `  ${release.id}: ${dir.dir}/hosts.toml ${dir.fate}: ${dir.why}`));
  if (yours.length > 0) out.push('', `Your certs.d files (${names}):`, ...yours);
  return out;
}

/** Plain containerd: nothing is written; say how each release reads the files you gave. */
function yourFilesAsRead(group: readonly ReleaseResolution[], certsDir: string): string[] {
  const out = [`certs.d as ${group.map((release) => release.id).join(' and ')} read${group.length === 1 ? 's' : ''} it (${certsDir}):`];
  const [first] = group;
  if (first === undefined || first.yourDirs.length === 0) out.push('  no directories (containerd uses each registry directly)');
  for (const { dir } of first?.yourDirs ?? []) {
    const rejections = group.flatMap((release) => release.rejectedFiles.filter((file) => file.dir === dir).map((file) => `    REJECTED by ${release.id}: ${file.error}`));
    out.push(`  ${dir}/hosts.toml`, ...rejections);
  }
  return out;
}

function indented(text: string): string[] {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `    |${line === '' ? '' : ` ${line}`}`);
}
