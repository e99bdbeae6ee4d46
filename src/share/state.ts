import { defaultReleaseNames } from '../resolver/profiles/releases.ts';
import type { Product } from '../resolver/products.ts';

/**
 * The playground state that is saved and shared: the draft a user works on.
 * Nothing derived (results, UI toggles) belongs here; the URL and localStorage carry only this.
 */
export interface PlaygroundState {
  /** The registries.yaml text. */
  yaml: string;
  /** Sample images, as typed (invalid ones included). */
  images: string[];
  flags: NodeFlagsState;
  /** K3s or RKE2: node paths, the embedded registry's port, and what a bare version number means. */
  product: Product;
  /** Compared releases, left to right, as typed (`v1.29.3+k3s1`, `1.29.4`). */
  versions: string[];
  /** The view shown first. */
  view: ViewId;
}

export interface NodeFlagsState {
  disableDefaultRegistryEndpoint: boolean;
  embeddedRegistry: boolean;
}

export const views = ['chains', 'hosts', 'timeline'] as const;
export const productIds = ['k3s', 'rke2'] as const;
export type ViewId = (typeof views)[number];

export const SEED_YAML = 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n';

/** K3s v1.32 system images (with the tags that release ships) and common public images. */
export const systemImages = [
  'rancher/mirrored-coredns-coredns:1.12.0',
  'rancher/local-path-provisioner:v0.0.30',
  'rancher/mirrored-metrics-server:v0.7.2',
  'rancher/klipper-helm:v0.9.4-build20250113',
  'rancher/mirrored-library-traefik:3.3.2',
  'rancher/mirrored-pause:3.6',
  'rancher/klipper-lb:v0.4.9',
];

export const publicImages = [
  'nginx:1.27',
  'library/busybox:1.37',
  'quay.io/coreos/etcd:v3.6.0-rc.1',
  'ghcr.io/fluxcd/source-controller:v1.4.1',
  'registry.k8s.io/pause:3.10',
  'registry.example.com:5000/team/app:1.0',
  'localhost:5000/app:dev',
];

export const defaultState: PlaygroundState = {
  yaml: SEED_YAML,
  images: ['nginx:1.27', 'rancher/mirrored-pause:3.6', 'quay.io/coreos/etcd:v3.6.0-rc.1', 'registry.k8s.io/pause:3.10', 'localhost:5000/app:dev'],
  flags: { disableDefaultRegistryEndpoint: false, embeddedRegistry: false },
  product: 'k3s',
  versions: [...defaultReleaseNames],
  view: 'chains',
};

/**
 * How much one state may carry. A link is untrusted: without caps, 100,000 tiny image names
 * fit in a short link and each one costs a chain per release.
 */
export const STATE_LIMITS = { images: 1_000, versions: 8 } as const;

/** A state within STATE_LIMITS, and what was left out, in words (for a banner). */
export function limitState(state: PlaygroundState): { state: PlaygroundState; notes: string[] } {
  const notes: string[] = [];
  let limited = state;
  if (state.images.length > STATE_LIMITS.images) {
    notes.push(`This link carried ${state.images.length.toLocaleString('en-US')} sample images; the playground shows the first ${STATE_LIMITS.images.toLocaleString('en-US')}.`);
    limited = { ...limited, images: state.images.slice(0, STATE_LIMITS.images) };
  }
  if (state.versions.length > STATE_LIMITS.versions) {
    notes.push(`This link compared ${state.versions.length.toLocaleString('en-US')} releases; the playground keeps the first ${STATE_LIMITS.versions}.`);
    limited = { ...limited, versions: state.versions.slice(0, STATE_LIMITS.versions) };
  }
  return { state: limited, notes };
}

/** Checks untrusted data (a decoded link, localStorage) field by field; null when it is not a state. */
export function parseState(value: unknown): PlaygroundState | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { yaml, images, flags, product, versions, view } = record;
  if (typeof yaml !== 'string') return null;
  if (!Array.isArray(images) || !images.every((image) => typeof image === 'string')) return null;
  if (typeof flags !== 'object' || flags === null) return null;
  const { disableDefaultRegistryEndpoint, embeddedRegistry } = flags as Record<string, unknown>;
  if (typeof disableDefaultRegistryEndpoint !== 'boolean' || typeof embeddedRegistry !== 'boolean') return null;
  if (!Array.isArray(versions) || !versions.every((version) => typeof version === 'string')) return null;
  if (typeof view !== 'string' || !(views as readonly string[]).includes(view)) return null;
  // Drafts and links from before the product switch are K3s.
  if (product !== undefined && !(productIds as readonly unknown[]).includes(product)) return null;
  return {
    yaml,
    images: [...images],
    flags: { disableDefaultRegistryEndpoint, embeddedRegistry },
    product: (product ?? 'k3s') as Product,
    versions: [...versions],
    view: view as ViewId,
  };
}
