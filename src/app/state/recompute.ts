import { findProfile, nodeEmbeddedRegistry, RegexEngineMissing, resolve, type RegexEngine, type ResolveInput, type VersionProfile } from '../../resolver/core.ts';
import type { PlaygroundState } from '../../share/state.ts';
import { markEdit } from '../perfMarks.ts';
import type { PlaygroundStoreApi } from './store.ts';

/** The part of the draft the engine reads; a change to anything else never recomputes. */
function engineInputOf(draft: PlaygroundState): Omit<ResolveInput, 'regexEngine'> {
  return {
    registriesYaml: draft.yaml,
    images: draft.images,
    profiles: draft.versions.map(findProfile).filter((profile): profile is VersionProfile => profile !== null),
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
 * Keeps `results` in step with the draft: the first result at once (so chains show before
 * anything else loads), then at most one computation per animation frame while typing.
 * While K3s cannot load the text, the last good result stays, marked stale.
 */
export function startRecompute(store: PlaygroundStoreApi): () => void {
  let frame: number | null = null;
  let computed: PlaygroundState | null = null;

  const run = () => {
    frame = null;
    const { draft } = store.getState();
    computed = draft;
    const started = performance.now();
    try {
      const resolution = resolve({ ...engineInputOf(draft), ...(regexEngine !== undefined ? { regexEngine } : {}) });
      const previous = store.getState().results;
      store.getState().setResults({
        resolution: resolution.loadable || previous.resolution === null ? resolution : previous.resolution,
        diagnostics: resolution.diagnostics,
        stale: !resolution.loadable && previous.resolution !== null,
        durationMs: performance.now() - started,
        seq: previous.seq + 1,
        failure: null,
      });
    } catch (error) {
      if (error instanceof RegexEngineMissing) {
        void loadRegexEngine().then(schedule, (loadError: unknown) => store.getState().setResults({ failure: `Could not load the RE2 engine: ${String(loadError)}` }));
        return;
      }
      // An engine bug must not take the page down: say so and keep the last result.
      store.getState().setResults({ failure: error instanceof Error ? error.message : String(error), seq: store.getState().results.seq + 1 });
    }
  };

  const schedule = () => {
    if (frame !== null) return;
    frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : (setTimeout(run, 0) as unknown as number);
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const draft = state.draft;
    if (draft === previous.draft || draft === computed) return;
    const { yaml, images, flags, versions } = previous.draft;
    if (draft.yaml === yaml && draft.images === images && draft.flags === flags && draft.versions === versions) return;
    markEdit();
    schedule();
  });
  run();
  return () => {
    unsubscribe();
    if (frame !== null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
  };
}
