import { simulatePull, type ImageResolution, type PullOutcome, type VersionChain } from '../resolver/core.ts';
import type { WhatIf } from './state.ts';
import { availabilityOf } from './whatIf.ts';

const memo = new WeakMap<VersionChain, Map<string, { whatIf: WhatIf; outcome: PullOutcome }>>();

/**
 * How the pull of one image ends under one release, with the what-if answers: computed once per
 * chain, image and what-if state (chains are shared between releases that agree).
 */
export function outcomeOf(image: ImageResolution, releaseId: string, whatIf: WhatIf): PullOutcome | null {
  const version = image.versions[releaseId];
  if (version === undefined || image.error !== null) return null;
  let byImage = memo.get(version);
  if (byImage === undefined) memo.set(version, (byImage = new Map()));
  const known = byImage.get(image.image);
  if (known !== undefined && known.whatIf === whatIf) return known.outcome;
  const reference = image.normalized ?? image.image;
  const outcome = version.pullError !== null ? failedBeforeAnyRequest(reference, version.pullError) : simulatePull(version.chain, reference, (index) => {
          const step = version.chain[index];
          return step === undefined ? 'not-found' : availabilityOf(step, image.image, whatIf);
        }, version.errorRanking);
  byImage.set(image.image, { whatIf, outcome });
  return outcome;
}

function failedBeforeAnyRequest(reference: string, error: string): PullOutcome {
  return { status: 'failed', error: `failed to pull and unpack image "${reference}": ${error}`, reason: 'no-endpoints', podSymptom: 'Pod shows ErrImagePull, then ImagePullBackOff', attempts: [] };
}

/** The host that serves the pull, or the short reason it fails, for a table cell. */
export function cellText(outcome: PullOutcome, image: ImageResolution, releaseId: string): string {
  if (outcome.status === 'pulled') return image.versions[releaseId]?.chain[outcome.servedBy]?.host.host ?? outcome.url;
  return outcome.reason === 'no-endpoints' ? 'nothing to try' : outcome.reason === 'not-found' ? 'not found' : outcome.reason;
}
