import type { Diagnostic } from './diagnostics.ts';
import type { Resolution } from './pipeline.ts';

/** The stable JSON form of a resolution (CLI `batch`, `--format json`, "copy as JSON"). */
export interface ResolutionJson {
  diagnostics: Diagnostic[];
  results: Record<string, VersionJson>;
}

export interface VersionJson {
  /** The behaviour profile the release runs (profiles/profiles.ts), e.g. "P4". */
  profile: string;
  /** certs.d directory -> hosts.toml as this release writes it ({} for config.toml releases). */
  hostsToml: Record<string, string>;
  /** hosts.toml files (generated, or yours) this release's containerd refuses to parse. */
  rejectedFiles: { dir: string; error: string }[];
  /** Present for config.toml releases (P0/P1): the registry section K3s writes. */
  configToml?: string;
  /** Present when containerd cannot load config.toml and does not start (P1). */
  containerdError?: string;
  /** Present when a node option in use does not exist in this release (K3s refuses to start). */
  startupErrors?: string[];
  /** Present when hosts.toml files of your own were given: what became of each on this release (used, replaced, deleted, not-read). */
  yourDirs?: { dir: string; fate: string }[];
  images: ImageJson[];
}

export interface ImageJson {
  image: string;
  normalized: string | null;
  error: string | null;
  hostsDir: string | null;
  chain: ChainEntryJson[];
  /** Present (true) only when the output limit stopped this chain short (see limits.ts). */
  cut?: true;
  /** Present when the pull cannot start at all (containerd not running, an endpoint it cannot parse). */
  pullError?: string;
}

export interface ChainEntryJson {
  url: string;
  kind: 'mirror' | 'embedded' | 'default';
  repository: string;
  rewriteAmbiguous: boolean;
  rewriteCandidates?: { pattern: string; repository: string }[];
  httpFallback: boolean;
  /** Present (true) only when the URL is longer than the playground shows: `url` is its start. */
  cut?: true;
}

export function toResolutionJson(resolution: Resolution): ResolutionJson {
  const results: Record<string, VersionJson> = {};
  for (const release of resolution.releases) {
    results[release.id] = {
      profile: release.release.profile.id,
      hostsToml: release.hostsToml,
      rejectedFiles: release.rejectedFiles,
      ...(release.configToml !== null ? { configToml: release.configToml } : {}),
      ...(release.containerdError !== null ? { containerdError: release.containerdError } : {}),
      ...(release.startupErrors.length > 0 ? { startupErrors: release.startupErrors } : {}),
      ...(release.yourDirs.length > 0 ? { yourDirs: release.yourDirs.map(({ dir, fate }) => ({ dir, fate })) } : {}),
      images: resolution.images.map((image) => ({
        image: image.image,
        normalized: image.normalized,
        error: image.error,
        hostsDir: image.versions[release.id]?.hostsDir ?? null,
        ...(image.versions[release.id]?.cut === true ? { cut: true as const } : {}),
        ...(image.versions[release.id]?.pullError ? { pullError: image.versions[release.id]?.pullError as string } : {}),
        chain: (image.versions[release.id]?.chain ?? []).map((endpoint) => ({
          url: endpoint.url,
          kind: endpoint.kind,
          repository: endpoint.repository,
          rewriteAmbiguous: endpoint.rewrite?.ambiguous ?? false,
          ...(endpoint.rewrite?.ambiguous ? { rewriteCandidates: endpoint.rewrite.candidates } : {}),
          httpFallback: endpoint.httpFallback,
          ...(endpoint.cut ? { cut: true as const } : {}),
        })),
      })),
    };
  }
  return { diagnostics: resolution.diagnostics, results };
}
