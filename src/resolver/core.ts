/**
 * K3s Registry Playground engine without the RE2 engine bundled: browsers import this and
 * load re2js only for files with rewrites (see `RegexEngineMissing`). Everything else
 * should import index.ts, which is the same API with re2js built in.
 */
export { resolve, type ImageResolution, type ReleaseResolution, type Resolution, type ResolveInput, type ResolvedEndpoint, type SourceRef, type VersionChain } from './pipeline.ts';
export { toResolutionJson, type ResolutionJson, type ChainEntryJson, type ImageJson, type VersionJson } from './report.ts';
export { diagnosticCodes, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.ts';
export {
  profiles,
  findRelease,
  releaseOf,
  defaultReleases,
  defaultReleaseNames,
  defaultContainerdReleaseNames,
  releaseLines,
  releaseRanges,
  firstReleaseWith,
  newestRelease,
  type Profile,
  type ProfileId,
  type Release,
  type ReleaseResult,
} from './profiles/index.ts';
export { products, layoutOf, isProduct, containerdLayout, type Distribution, type NodeLayout, type Product, type ProductLayout } from './products.ts';
export { directoryNameProblem, hostPaths } from './containerd/hostDir.ts';
export { certsAtStartup, startsWithGeneratedHeader, type DirFate, type YourDir } from './k3s/certsAtStartup.ts';
export { generateHostsToml, generateK3sOutput, type EmbeddedRegistry } from './k3s/index.ts';
export { parseRegistriesYaml } from './registries/parse.ts';
export { parseDockerRef, formatReference, type ImageReference } from './reference/normalize.ts';
export { simulatePull, availabilities, type Availability, type PullOutcome, type PullAttempt } from './simulate/pull.ts';
export type { TraceStep } from './explain.ts';
export type { Span } from './registries/span.ts';
export { LineIndex } from './registries/lineIndex.ts';
export { describeDifference, releasesWritingTheSame } from './compare.ts';
export { RegexEngineMissing, type RegexEngine } from './rewrite/goRegexp.ts';
export { OlderReleasesMissing, type OlderReleases } from './older/support.ts';
export { lostSettings, lostSettingsList } from './lostSettings.ts';
export { credentialsFor, credentialSource, type CredentialSource, type RequestCredentials } from './credentials.ts';
