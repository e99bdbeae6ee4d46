import { findRelease, resolve, type Distribution, type Release, type Resolution, type ResolveInput } from '../../resolver/core.ts';
import { isMissingPart, loadedParts, loadMissingPart } from '../../resolver/lazyParts.ts';
import { hostsDirsOf, type CertsFile, type PlaygroundState } from '../../share/state.ts';
import { markEdit, measureCompute } from '../perfMarks.ts';
import { stabilize } from './stabilize.ts';
import { emptyResults, type PlaygroundStoreApi, type ResultsState } from './store.ts';

let lastReleases: { key: string; releases: Release[] } = { key: '', releases: [] };

/**
 * The compared releases, as the same array while they do not change (rows memoise on it). A name
 * that is not a release is left out here; the release picker says why.
 */
export function releasesOf(versions: readonly string[], product: Distribution): Release[] {
  const key = `${product}\n${versions.join('\n')}`;
  if (key !== lastReleases.key) {
    const releases = versions.flatMap((name) => {
      const found = findRelease(name, product);
      return found.ok ? [found.release] : [];
    });
    lastReleases = { key, releases };
  }
  return lastReleases.releases;
}

/** The part of the draft the engine reads; a change to anything else never recomputes. */
function engineInputOf(draft: PlaygroundState): Omit<ResolveInput, 'regexEngine'> {
  return {
    // Plain containerd has no registries.yaml: the draft keeps it for when K3s is picked again.
    registriesYaml: draft.product === 'containerd' ? '' : draft.yaml,
    hostsDirs: hostsDirsFor(draft.certsD),
    images: draft.images,
    releases: releasesOf(draft.versions, draft.product),
    disableDefaultRegistryEndpoint: draft.flags.disableDefaultRegistryEndpoint,
    // Each release's own node: 127.0.0.1:6443 on K3s, 127.0.0.1:9345 on RKE2.
    embeddedRegistry: draft.flags.embeddedRegistry,
  };
}

let lastHostsDirs: { files: readonly CertsFile[]; dirs: Record<string, string> } = { files: [], dirs: {} };

/** The engine's directory -> text record, the same object while the files do not change. */
function hostsDirsFor(files: readonly CertsFile[]): Record<string, string> {
  if (files !== lastHostsDirs.files) lastHostsDirs = { files, dirs: hostsDirsOf(files) };
  return lastHostsDirs.dirs;
}

/**
 * One computation: the results for a draft, given the results on screen. While K3s cannot
 * load the text, the last good result stays, marked stale. Throws RegexEngineMissing when the
 * file has rewrites and re2js is not loaded yet.
 */
export function computeResults(draft: PlaygroundState, previous: ResultsState): ResultsState {
  const started = performance.now();
  const resolution = resolve({ ...engineInputOf(draft), ...loadedParts() });
  measureCompute(started);
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
    if (isMissingPart(error)) return emptyResults;
    throw error;
  }
}

/** A draft's resolution outside the store (the shared state behind a Markdown summary); null when it cannot be computed now. */
export function resolveDraft(draft: PlaygroundState): Resolution | null {
  try {
    return resolve({ ...engineInputOf(draft), ...loadedParts() });
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
      const loading = loadMissingPart(error);
      if (loading !== null) {
        void loading.then(schedule, (loadError: unknown) => store.getState().setResults({ failure: loadError instanceof Error ? loadError.message : String(loadError) }));
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
    const { yaml, images, flags, versions, product, certsD } = previous.draft;
    if (draft.yaml === yaml && draft.images === images && draft.flags === flags && draft.versions === versions && draft.product === product && draft.certsD === certsD) return;
    markEdit();
    schedule();
  });
  if (computed === null) run();
  return unsubscribe;
}
