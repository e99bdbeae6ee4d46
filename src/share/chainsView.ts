import { describeDifference, type Resolution } from '../resolver/core.ts';
import { cellText, outcomeOf } from './outcomes.ts';
import type { WhatIf } from './state.ts';

/**
 * What an embed shows, without the page: per sample image, each release's endpoint chain, how
 * the pull ends, and the difference between the first two releases. The custom element and the
 * CLI's `render` both draw this one model, so a docs page shows the same thing either way.
 */
export interface ChainsView {
  releases: string[];
  /** False when K3s cannot load the registries.yaml: every cell says so. */
  loadable: boolean;
  images: ImageView[];
  /** Errors of the file, one line each (the element is no editor: it says what is wrong and links to the playground). */
  problems: string[];
}

export interface ImageView {
  image: string;
  /** The reference containerd pulls, or the reference error. */
  normalized: string | null;
  error: string | null;
  cells: CellView[];
  /** How the first two releases differ for this image; null when they agree. */
  difference: string | null;
}

export interface CellView {
  release: string;
  steps: { url: string; kind: 'mirror' | 'embedded' | 'default' }[];
  /** null when the image is invalid. */
  outcome: { pulled: boolean; text: string } | null;
}

/** A step's kind, in words. */
export const stepKinds = { mirror: 'mirror', embedded: 'embedded registry', default: 'registry itself' } as const;

export function chainsView(resolution: Resolution, whatIf: WhatIf): ChainsView {
  const releases = resolution.releases.map((release) => release.id);
  const [first, second] = releases;
  return {
    releases,
    loadable: resolution.loadable,
    problems: resolution.diagnostics.filter((found) => found.severity === 'error').map((found) => `line ${found.line}: ${found.message}`),
    images: resolution.images.map((image) => ({
      image: image.image,
      normalized: image.normalized,
      error: image.error,
      difference: first !== undefined && second !== undefined && image.error === null ? describeDifference(image, first, second) : null,
      cells: releases.map((release) => {
        const outcome = outcomeOf(image, release, whatIf);
        return {
          release,
          steps: (image.versions[release]?.chain ?? []).map((step) => ({ url: step.url, kind: step.kind })),
          outcome: outcome === null ? null : { pulled: outcome.status === 'pulled', text: cellText(outcome, image, release) },
        };
      }),
    })),
  };
}
