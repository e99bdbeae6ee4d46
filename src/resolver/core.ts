/**
 * K3s Registry Playground engine without the RE2 engine bundled: browsers import this and
 * load re2js only for files with rewrites (see `RegexEngineMissing`). Everything else
 * should import index.ts, which is the same API with re2js built in.
 */
export { resolve, explainImage, type ImageResolution, type Resolution, type ResolveInput, type ResolvedEndpoint, type SourceRef, type VersionChain } from './pipeline.ts';
export { toResolutionJson, type ResolutionJson, type ChainEntryJson, type ImageJson, type VersionJson } from './report.ts';
export { diagnosticCodes, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.ts';
export { profiles, defaultVersions, findProfile, type VersionId, type VersionProfile } from './profiles/index.ts';
export { generateHostsToml, nodeEmbeddedRegistry, type EmbeddedRegistry } from './k3s/index.ts';
export { parseRegistriesYaml } from './registries/parse.ts';
export { parseDockerRef, formatReference, type ImageReference } from './reference/normalize.ts';
export { simulatePull, availabilities, type Availability, type PullOutcome, type PullAttempt } from './simulate/pull.ts';
export { CERTS_D } from './containerd/hostDir.ts';
export type { TraceStep } from './explain.ts';
export type { Span } from './registries/span.ts';
export { LineIndex } from './registries/lineIndex.ts';
export { describeDifference } from './compare.ts';
export { RegexEngineMissing, type RegexEngine } from './rewrite/goRegexp.ts';
