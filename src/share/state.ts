import { directoryNameProblem } from '../resolver/containerd/hostDir.ts';
import { defaultReleaseNames } from '../resolver/profiles/releases.ts';
import type { Distribution } from '../resolver/products.ts';
import type { Availability } from '../resolver/simulate/pull.ts';

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
  /**
   * K3s or RKE2 (registries.yaml plus your own certs.d files), or plain containerd (your certs.d
   * files only): node paths, the embedded registry's port, and what a bare version number means.
   */
  product: Distribution;
  /** hosts.toml files you wrote, `certs.d/<dir>/hosts.toml`, in the order of the editor's tabs. */
  certsD: CertsFile[];
  /** Compared releases, left to right, as typed (`v1.29.3+k3s1`, `1.29.4`). */
  versions: string[];
  /** The view shown first. */
  view: ViewId;
  /** What the endpoints answer in the pull simulation: "what if Harbor is down?". */
  whatIf: WhatIf;
}

/** What a whole endpoint host does, for every image it is asked for. */
export type HostCondition = 'up' | 'lacks-some' | 'unreachable' | 'tls-error' | 'unauthorized';
export const hostConditions = ['up', 'lacks-some', 'unreachable', 'tls-error', 'unauthorized'] as const satisfies readonly HostCondition[];

export interface WhatIf {
  /** By endpoint host (`host:port`). Hosts not listed answer as assumed (placeholders: not found; others: up). */
  hosts: Record<string, HostCondition>;
  /** For a host that lacks some images: the sample images it lacks, as typed. */
  lacking: Record<string, string[]>;
  /** One endpoint for one image, by request URL: overrides the host. */
  endpoints: Record<string, Availability>;
  /** Placeholder hosts (example.com and friends) are treated as up instead of "not found". */
  placeholdersUp: boolean;
}

export const noWhatIf: WhatIf = { hosts: {}, lacking: {}, endpoints: {}, placeholdersUp: false };

/** One hand-written `certs.d/<dir>/hosts.toml`. */
export interface CertsFile {
  dir: string;
  toml: string;
}

export interface NodeFlagsState {
  disableDefaultRegistryEndpoint: boolean;
  embeddedRegistry: boolean;
}

export const views = ['chains', 'hosts', 'timeline'] as const;
export const productIds = ['k3s', 'rke2', 'containerd'] as const;
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
  certsD: [],
  versions: [...defaultReleaseNames],
  view: 'chains',
  whatIf: noWhatIf,
};

/**
 * How much one state may carry. A link is untrusted: without caps, 100,000 tiny image names
 * fit in a short link and each one costs a chain per release.
 */
export const STATE_LIMITS = { images: 1_000, versions: 8, whatIfEntries: 2_000, certsFiles: 200 } as const;

/** A state within STATE_LIMITS, and what was left out, in words (for a banner). */
export function limitState(state: PlaygroundState): { state: PlaygroundState; notes: string[] } {
  const notes: string[] = [];
  let limited = state;
  if (state.images.length > STATE_LIMITS.images) {
    notes.push(`This link carried ${state.images.length.toLocaleString('en-US')} sample images; the playground shows the first ${STATE_LIMITS.images.toLocaleString('en-US')}.`);
    limited = { ...limited, images: state.images.slice(0, STATE_LIMITS.images) };
  }
  const entries = Object.keys(state.whatIf.hosts).length + Object.keys(state.whatIf.endpoints).length + Object.values(state.whatIf.lacking).reduce((sum, list) => sum + list.length, 0);
  if (entries > STATE_LIMITS.whatIfEntries) {
    notes.push(`This link set ${entries.toLocaleString('en-US')} what-if answers; the playground ignores them all (at most ${STATE_LIMITS.whatIfEntries.toLocaleString('en-US')}).`);
    limited = { ...limited, whatIf: noWhatIf };
  }
  if (state.certsD.length > STATE_LIMITS.certsFiles) {
    notes.push(`This link carried ${state.certsD.length.toLocaleString('en-US')} hosts.toml files; the playground keeps the first ${STATE_LIMITS.certsFiles}.`);
    limited = { ...limited, certsD: state.certsD.slice(0, STATE_LIMITS.certsFiles) };
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
  const { yaml, images, flags, product, versions, view, whatIf, certsD } = record;
  if (typeof yaml !== 'string') return null;
  if (!Array.isArray(images) || !images.every((image) => typeof image === 'string')) return null;
  if (typeof flags !== 'object' || flags === null) return null;
  const { disableDefaultRegistryEndpoint, embeddedRegistry } = flags as Record<string, unknown>;
  if (typeof disableDefaultRegistryEndpoint !== 'boolean' || typeof embeddedRegistry !== 'boolean') return null;
  if (!Array.isArray(versions) || !versions.every((version) => typeof version === 'string')) return null;
  if (typeof view !== 'string' || !(views as readonly string[]).includes(view)) return null;
  // Drafts and links from before the product switch are K3s.
  if (product !== undefined && !(productIds as readonly unknown[]).includes(product)) return null;
  // ... and from before the what-if panel assume nothing.
  const checkedWhatIf = whatIf === undefined ? noWhatIf : parseWhatIf(whatIf);
  if (checkedWhatIf === null) return null;
  // ... and from before hand-written hosts.toml files have none.
  const checkedCertsD = certsD === undefined ? [] : parseCertsD(certsD);
  if (checkedCertsD === null) return null;
  return {
    yaml,
    images: [...images],
    flags: { disableDefaultRegistryEndpoint, embeddedRegistry },
    product: (product ?? 'k3s') as Distribution,
    certsD: checkedCertsD,
    versions: [...versions],
    view: view as ViewId,
    whatIf: checkedWhatIf,
  };
}

/** Checks untrusted hosts.toml files: one-segment directory names, each once, texts as strings; null otherwise. */
export function parseCertsD(value: unknown): CertsFile[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const files: CertsFile[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) return null;
    const { dir, toml } = item as Record<string, unknown>;
    if (typeof dir !== 'string' || typeof toml !== 'string' || directoryNameProblem(dir) !== null || seen.has(dir)) return null;
    seen.add(dir);
    files.push({ dir, toml });
  }
  return files;
}

/** The engine's view of the files: directory -> text (a Map-free record without a prototype). */
export function hostsDirsOf(files: readonly CertsFile[]): Record<string, string> {
  const dirs = Object.create(null) as Record<string, string>;
  for (const file of files) dirs[file.dir] = file.toml;
  return dirs;
}

const ANSWERS: readonly string[] = ['has-image', 'not-found', 'unauthorized', 'unreachable', 'tls-error'];

/** Checks an untrusted what-if record field by field; null when it is not one. */
export function parseWhatIf(value: unknown): WhatIf | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { hosts, lacking, endpoints, placeholdersUp } = value as Record<string, unknown>;
  const hostMap = stringRecord(hosts, (condition) => (hostConditions as readonly unknown[]).includes(condition));
  const lackingMap = stringRecord(lacking, (list) => Array.isArray(list) && list.every((image) => typeof image === 'string'));
  const endpointMap = stringRecord(endpoints, (answer) => ANSWERS.includes(answer as string));
  if (hostMap === null || lackingMap === null || endpointMap === null || typeof placeholdersUp !== 'boolean') return null;
  return {
    hosts: hostMap as Record<string, HostCondition>,
    lacking: Object.fromEntries(Object.entries(lackingMap).map(([host, list]) => [host, [...(list as string[])]])),
    endpoints: endpointMap as Record<string, Availability>,
    placeholdersUp,
  };
}

/** A plain object whose values all pass `valid`, copied without its prototype; null otherwise. */
function stringRecord(value: unknown, valid: (item: unknown) => boolean): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([, item]) => valid(item))) return null;
  return Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(entries));
}
