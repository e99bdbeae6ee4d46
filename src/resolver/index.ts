/**
 * K3s Registry Playground engine: what K3s and containerd do with a registries.yaml.
 * Pure TypeScript, no DOM and no Node APIs; every stage is a function of its inputs.
 */
import { RE2JS } from 're2js';
import { resolve as resolveWith, type Resolution, type ResolveInput } from './core.ts';
import { olderReleases } from './older/index.ts';

export * from './core.ts';
export { olderReleases } from './older/index.ts';
// Reading pasted errors: for the CLI and scripts (the page loads it with its panel).
export { readPastedError, MAX_PASTE, type ErrorKind, type PastedError } from './errors/pastedError.ts';
export { explainPastedError, imageOfError, type ErrorExplanation, type ReleaseReading } from './errors/explain.ts';

/** The whole pipeline (see pipeline.ts), with re2js as the rewrite engine and every release supported. */
export function resolve(input: ResolveInput): Resolution {
  return resolveWith({ regexEngine: RE2JS, olderReleases, ...input });
}
