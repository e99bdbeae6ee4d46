import type { Diagnostic } from './diagnostics.ts';
import type { Resolution } from './pipeline.ts';

/** The stable JSON form of a resolution (CLI `batch`, `--format json`, "copy as JSON"). */
export interface ResolutionJson {
  diagnostics: Diagnostic[];
  results: Record<string, VersionJson>;
}

export interface VersionJson {
  hostsToml: Record<string, string>;
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
  for (const profile of resolution.profiles) {
    results[profile.id] = {
      hostsToml: resolution.hostsToml,
      images: resolution.images.map((image) => ({
        image: image.image,
        normalized: image.normalized,
        error: image.error,
        hostsDir: image.hostsDir,
        ...(image.versions[profile.id]?.cut === true ? { cut: true as const } : {}),
        chain: (image.versions[profile.id]?.chain ?? []).map((endpoint) => ({
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
