import { OlderReleasesMissing, type OlderReleases } from './older/support.ts';
import type { ResolveInput } from './resolution.ts';
import { RegexEngineMissing, type RegexEngine } from './rewrite/goRegexp.ts';

/**
 * The engine parts a browser fetches only once a file needs them: re2js (~45 KB gzipped) for a
 * file with rewrites, the support of releases before April 2024 once one is compared. A
 * resolution without them throws RegexEngineMissing or OlderReleasesMissing; load that part and
 * resolve again. Used by the page and by the <k3s-registry-chains> element (core.ts stays free of both).
 */
let regexEngine: RegexEngine | undefined;
let regexEngineLoading: Promise<RegexEngine> | null = null;
let olderReleases: OlderReleases | undefined;
let olderReleasesLoading: Promise<OlderReleases> | null = null;

/** The parts loaded so far, to spread into a ResolveInput. */
export function loadedParts(): Pick<ResolveInput, 'regexEngine' | 'olderReleases'> {
  return { ...(regexEngine !== undefined ? { regexEngine } : {}), ...(olderReleases !== undefined ? { olderReleases } : {}) };
}

/** Whether a failed resolution only means a part must be loaded first. */
export function isMissingPart(error: unknown): boolean {
  return error instanceof RegexEngineMissing || error instanceof OlderReleasesMissing;
}

/**
 * Loads the part a failed resolution asked for (once, however often it is asked); null when the
 * failure is not a missing part. A part that cannot be fetched rejects with a message naming it.
 */
export function loadMissingPart(error: unknown): Promise<void> | null {
  if (error instanceof RegexEngineMissing) {
    regexEngineLoading ??= import('re2js').then((module) => (regexEngine = module.RE2JS));
    return regexEngineLoading.then(noValue, named('the RE2 engine'));
  }
  if (error instanceof OlderReleasesMissing) {
    olderReleasesLoading ??= import('./older/index.ts').then((module) => (olderReleases = module.olderReleases));
    return olderReleasesLoading.then(noValue, named('the older-release support'));
  }
  return null;
}

function noValue(): void {}

function named(part: string): (cause: unknown) => never {
  return (cause) => {
    throw new Error(`Could not load ${part}: ${String(cause)}`);
  };
}
