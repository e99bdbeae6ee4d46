import { describeDifference, type ImageResolution, type Resolution } from '../../resolver/core.ts';
import type { PlaygroundStore } from './store.ts';

export const selectDraftYaml = (state: PlaygroundStore) => state.draft.yaml;
export const selectImages = (state: PlaygroundStore) => state.draft.images;
export const selectFlags = (state: PlaygroundStore) => state.draft.flags;
export const selectView = (state: PlaygroundStore) => state.draft.view;
export const selectVersions = (state: PlaygroundStore) => state.draft.versions;
export const selectProduct = (state: PlaygroundStore) => state.draft.product;
export const selectMode = (state: PlaygroundStore) => state.mode;
export const selectResolution = (state: PlaygroundStore) => state.results.resolution;
/** Each image and its reference error, flattened (`[image, error, …]`): compare with useShallow, so edits that change only chains do not re-render the image list. */
export const selectImageErrors = (state: PlaygroundStore): (string | null)[] => (state.results.resolution?.images ?? []).flatMap((image) => [image.image, image.error]);
export const selectDiagnostics = (state: PlaygroundStore) => state.results.diagnostics;
export const selectStale = (state: PlaygroundStore) => state.results.stale;
export const selectFailure = (state: PlaygroundStore) => state.results.failure;
export const selectSeq = (state: PlaygroundStore) => state.results.seq;
export const selectOnlyDiffering = (state: PlaygroundStore) => state.ui.onlyDiffering;
export const selectHighlight = (state: PlaygroundStore) => state.ui.highlight;
export const selectTheme = (state: PlaygroundStore) => state.ui.theme;
export const selectCursor = (state: PlaygroundStore) => state.ui.cursor;
export const selectUndo = (state: PlaygroundStore) => state.ui.undo;
export const selectBanners = (state: PlaygroundStore) => state.ui.banners;
export const selectWhatIf = (state: PlaygroundStore) => state.draft.whatIf;
export const selectFromLink = (state: PlaygroundStore) => state.ui.fromLink;
export const selectCertsD = (state: PlaygroundStore) => state.draft.certsD;
export const selectPullSecret = (state: PlaygroundStore) => state.ui.pullSecret;
export const selectCredentials = (state: PlaygroundStore) => state.results.resolution?.credentials ?? null;
export const selectActiveFile = (state: PlaygroundStore) => state.ui.activeFile;

/** The two releases being compared, when there are two. */
export function comparedPair(resolution: Resolution): [string, string] | null {
  const [first, second] = resolution.releases;
  return first !== undefined && second !== undefined ? [first.id, second.id] : null;
}

const differences = new WeakMap<ImageResolution, { pair: string; difference: string | null }>();

/** How an image differs between the compared releases, in words; null when it does not. Memoised per result. */
export function differenceOf(resolution: Resolution, image: ImageResolution): string | null {
  const pair = comparedPair(resolution);
  if (pair === null) return null;
  const key = pair.join('\n');
  const known = differences.get(image);
  if (known !== undefined && known.pair === key) return known.difference;
  const difference = describeDifference(image, pair[0], pair[1]);
  differences.set(image, { pair: key, difference });
  return difference;
}
