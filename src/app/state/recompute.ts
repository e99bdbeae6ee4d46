import { findProfile, nodeEmbeddedRegistry, RegexEngineMissing, resolve, type RegexEngine, type Resolution, type ResolveInput, type VersionProfile } from '../../resolver/core.ts';
import type { PlaygroundState } from '../../share/state.ts';
import { markEdit } from '../perfMarks.ts';
import { stabilize } from './stabilize.ts';
import { emptyResults, type PlaygroundStoreApi, type ResultsState } from './store.ts';

let lastProfiles: { key: string; profiles: VersionProfile[] } = { key: '', profiles: [] };

/** The compared releases, as the same array while they do not change (rows memoise on it). */
function profilesOf(versions: readonly string[]): VersionProfile[] {
  const key = versions.join('\n');
  if (key !== lastProfiles.key) lastProfiles = { key, profiles: versions.map(findProfile).filter((profile): profile is VersionProfile => profile !== null) };
  return lastProfiles.profiles;
}

/** The part of the draft the engine reads; a change to anything else never recomputes. */
function engineInputOf(draft: PlaygroundState): Omit<ResolveInput, 'regexEngine'> {
  return {
    registriesYaml: draft.yaml,
    images: draft.images,
    profiles: profilesOf(draft.versions),
    disableDefaultRegistryEndpoint: draft.flags.disableDefaultRegistryEndpoint,
    embeddedRegistry: draft.flags.embeddedRegistry ? nodeEmbeddedRegistry : null,
  };
}

let regexEngine: RegexEngine | undefined;
let regexEngineLoading: Promise<RegexEngine> | null = null;

/** re2js is loaded only once a file with rewrites needs it (it is ~45 KB gzipped). */
function loadRegexEngine(): Promise<RegexEngine> {
  regexEngineLoading ??= import('re2js').then((module) => (regexEngine = module.RE2JS));
  return regexEngineLoading;
}

/**
 * One computation: the results for a draft, given the results on screen. While K3s cannot
 * load the text, the last good result stays, marked stale. Throws RegexEngineMissing when the
 * file has rewrites and re2js is not loaded yet.
 */
export function computeResults(draft: PlaygroundState, previous: ResultsState): ResultsState {
  const started = performance.now();
  const resolution = resolve({ ...engineInputOf(draft), ...(regexEngine !== undefined ? { regexEngine } : {}) });
  return {
    resolution: resolution.loadable || previous.resolution === null ? stabilize(previous.resolution, resolution) : previous.resolution,
    diagnostics: resolution.diagnostics,
    stale: !resolution.loadable && previous.resolution !== null,
    durationMs: performance.now() - started,
    seq: previous.seq + 1,
    failure: null,
  };
}

/**
 * The results to start with, computed before the first render; empty when re2js must load
 * first (recompute fills them in). Any other failure is thrown: boot falls back to the default.
 */
export function initialResults(draft: PlaygroundState): ResultsState {
  try {
    return computeResults(draft, emptyResults);
  } catch (error) {
    if (error instanceof RegexEngineMissing) return emptyResults;
    throw error;
  }
}

/** A draft's resolution outside the store (the shared state behind a Markdown summary); null when it cannot be computed now. */
export function resolveDraft(draft: PlaygroundState): Resolution | null {
  try {
    return resolve({ ...engineInputOf(draft), ...(regexEngine !== undefined ? { regexEngine } : {}) });
  } catch {
    return null;
  }
}

/**
 * Keeps `results` in step with the draft: one computation per edit, right after it. Computes at
 * once when the store starts without results.
 */
export function startRecompute(store: PlaygroundStoreApi): () => void {
  let computed: PlaygroundState | null = store.getState().results.seq > 0 ? store.getState().draft : null;

  const run = () => {
    const { draft, results } = store.getState();
    computed = draft;
    try {
      store.getState().setResults(computeResults(draft, results));
    } catch (error) {
      if (error instanceof RegexEngineMissing) {
        void loadRegexEngine().then(schedule, (loadError: unknown) => store.getState().setResults({ failure: `Could not load the RE2 engine: ${String(loadError)}` }));
        return;
      }
      // An engine bug must not take the page down: say so and keep the last result.
      store.getState().setResults({ failure: error instanceof Error ? error.message : String(error), seq: store.getState().results.seq + 1 });
    }
  };

  // Right after the edit's task (edits made in one task, such as a paste, are computed together).
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      run();
    });
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const draft = state.draft;
    if (draft === previous.draft || draft === computed) return;
    const { yaml, images, flags, versions } = previous.draft;
    if (draft.yaml === yaml && draft.images === images && draft.flags === flags && draft.versions === versions) return;
    markEdit();
    schedule();
  });
  if (computed === null) run();
  return unsubscribe;
}
