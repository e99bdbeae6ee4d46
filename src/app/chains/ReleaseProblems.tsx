import { lostSettingsList, type ReleaseResolution, type Resolution } from '../../resolver/core.ts';

/**
 * What stops a compared release before any chain matters: it does not start (an option it lacks,
 * an invalid config.toml), or its containerd rejects files K3s wrote — named, with what is lost.
 */
export function ReleaseProblems({ resolution }: { resolution: Resolution }) {
  const problems = resolution.releases.flatMap((release) => problemsOf(release));
  if (problems.length === 0) return null;
  return (
    <ul className="release-problems" aria-label="Release problems">
      {problems.map((problem) => (
        <li key={problem.key} className={`banner banner-${problem.tone}`}>
          <strong>{problem.release}:</strong> {problem.text}
        </li>
      ))}
    </ul>
  );
}

function problemsOf(release: ReleaseResolution): { key: string; release: string; tone: 'error' | 'warning'; text: string }[] {
  const out = release.startupErrors.map((text, index) => ({ key: `${release.id}:start:${index}`, release: release.id, tone: 'error' as const, text }));
  if (release.containerdError !== null) {
    out.push({ key: `${release.id}:containerd`, release: release.id, tone: 'error', text: `containerd cannot load config.toml and does not start (${release.containerdError}): no image is pulled.` });
  }
  for (const file of release.rejectedFiles) {
    out.push({ key: `${release.id}:rejected:${file.dir}`, release: release.id, tone: 'error', text: `containerd rejects certs.d/${file.dir}/hosts.toml (${file.error}). ${lostIn(release, file.dir)}` });
  }
  return out;
}

/** What a rejected file carried, in words. */
export function lostIn(release: ReleaseResolution, dir: string): string {
  const lost = lostSettingsList(release.hostConfigs.get(dir));
  return lost.length === 0 ? 'Only the registry itself is used, with system trust.' : `Lost: ${lost.join(', ')} — only the registry itself is used, with system trust.`;
}
