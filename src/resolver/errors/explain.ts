import type { EndpointKind } from '../containerd/chain.ts';
import { formatReference, parseDockerRef } from '../reference/normalize.ts';
import type { ImageResolution, Resolution, ResolvedEndpoint, VersionChain } from '../resolution.ts';
import type { ErrorKind, PastedError } from './pastedError.ts';

/** One release's reading of a pasted error: the chain steps it points at, and how the walk got there. */
export interface ReleaseReading {
  id: string;
  /**
   * `fits`: the error can come from this chain; `not-in-chain`: it names a request this release never
   * makes; `not-reported`: the request is in the chain, but this containerd would report an earlier step's error.
   */
  fit: 'fits' | 'not-in-chain' | 'not-reported' | 'no-request';
  steps: { index: number; url: string; host: string; kind: EndpointKind }[];
  /** The answers of the endpoints that produce exactly this error, in words. */
  situation: string;
}

export interface ErrorExplanation {
  error: PastedError;
  /** The image as containerd pulls it, or null when the error names none. */
  image: string | null;
  /** What the error means, in one sentence. */
  cause: string;
  releases: ReleaseReading[];
  /** What to change, in registries.yaml terms. */
  fixes: string[];
}

/** What each kind of failure means, whatever the chain. */
const CAUSES: Readonly<Record<ErrorKind, string>> = {
  'not-found': 'Every endpoint tried failed, and at least one answered 404: the image or tag is not where containerd looked.',
  unauthorized: 'A registry answered 401: containerd had no credentials for that host, or the wrong ones.',
  'http-to-https': 'containerd spoke HTTPS to an endpoint that only speaks plain HTTP.',
  'unknown-authority': "The endpoint's certificate is signed by a CA the node does not trust.",
  'tls-verify': "The endpoint's certificate does not verify: wrong host name, expired, or not trusted.",
  'connection-refused': 'The endpoint could not be reached: nothing listens there, or the connection was cut.',
  timeout: 'The endpoint did not answer in time: a firewall, a proxy, or no route to it.',
  dns: "The endpoint's host name does not resolve on the node.",
  'http-status': 'A registry answered with an HTTP error other than 401 and 404 (a mirror or proxy failing, a rate limit).',
  'registries-yaml': 'K3s could not load registries.yaml: the agent does not start with it, and no mirror applies.',
  unknown: 'The text does not contain a pull error the playground knows.',
};

/** Request errors: containerd tries the next host and, when all fail, may report one of these. */
const REQUEST_ERRORS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['unauthorized', 'http-to-https', 'unknown-authority', 'tls-verify', 'connection-refused', 'timeout', 'dns']);

/** The image to add to the sample images so that its chains can be read (normalised), or null. */
export function imageOfError(error: PastedError): string | null {
  if (error.image === null) return null;
  const parsed = parseDockerRef(error.image);
  return parsed.ok ? formatReference(parsed.value) : null;
}

/** Reads a pasted error against the chains of the compared releases. */
export function explainPastedError(error: PastedError, resolution: Resolution): ErrorExplanation {
  const image = imageOfError(error);
  const resolved = image === null ? undefined : resolution.images.find((candidate) => candidate.normalized === image);
  const releases = resolved === undefined ? [] : resolution.releases.map(({ id }) => readRelease(error, resolved, id));
  return { error, image, cause: CAUSES[error.kind], releases, fixes: fixesFor(error, resolved, releases, resolution) };
}

function readRelease(error: PastedError, image: ImageResolution, id: string): ReleaseReading {
  const version = image.versions[id];
  const chain = version?.chain ?? [];
  if (version === undefined || chain.length === 0) return { id, fit: 'no-request', steps: [], situation: version?.pullError ?? 'This release makes no request for the image.' };
  const named = namedSteps(error, chain);
  if (named !== null && named.length === 0) {
    return { id, fit: 'not-in-chain', steps: [], situation: `${error.url ?? error.host} is not in this release's chain: the node runs another configuration or release, or the registry redirected there.` };
  }
  const steps = (named ?? rankedSteps(error.kind, chain, version)).map((index) => stepOf(chain, index));
  // containerd 2.x keeps the first of equal request errors: one from a later step means the chain differs.
  if (named !== null && REQUEST_ERRORS.has(error.kind) && version.errorRanking === 'by-priority' && steps.every((step) => step.index > 0)) {
    return { id, fit: 'not-reported', steps, situation: `${chain[0]?.host.host} comes first in this chain: containerd 2.x would report its error, not this one. The node does not read the chain shown here (another registries.yaml, release, or a file not yet reloaded).` };
  }
  return { id, fit: 'fits', steps, situation: situationOf(error.kind, steps.map((step) => step.index), chain, version) };
}

/** Steps the error names by request URL or host; null when it names neither. */
function namedSteps(error: PastedError, chain: readonly ResolvedEndpoint[]): number[] | null {
  if (error.url !== null) {
    const wanted = withoutSchemeAndQuery(error.url);
    return chain.flatMap((step, index) => (withoutSchemeAndQuery(step.url) === wanted ? [index] : []));
  }
  if (error.host !== null) {
    const host = error.host;
    return chain.flatMap((step, index) => (step.host.host === host || step.host.host.replace(/:\d+$/, '') === host ? [index] : []));
  }
  return null;
}

/** Where the reported error comes from when the text does not say, by the release's containerd ranking. */
function rankedSteps(kind: ErrorKind, chain: readonly ResolvedEndpoint[], version: VersionChain): number[] {
  const all = chain.map((_, index) => index);
  if (kind === 'not-found') return all;
  // A request error is reported from the first host when no host answered 404 (2.x) or at all (1.x).
  if (REQUEST_ERRORS.has(kind)) return version.errorRanking === 'by-priority' ? [0] : all;
  return all;
}

function stepOf(chain: readonly ResolvedEndpoint[], index: number) {
  const step = chain[index] as ResolvedEndpoint;
  return { index, url: step.url, host: step.host.host, kind: step.kind };
}

function situationOf(kind: ErrorKind, steps: readonly number[], chain: readonly ResolvedEndpoint[], version: VersionChain): string {
  const names = (indices: readonly number[]) => indices.map((index) => `step ${index + 1} (${chain[index]?.host.host})`).join(', ');
  const fallback = chain.some((step) => step.kind === 'default') ? '' : ' This chain never falls back to the registry itself.';
  if (kind === 'not-found') {
    return version.errorRanking === 'by-priority'
      ? `Every step failed and at least one of ${names(steps)} answered 404; containerd 2.x reports the 404 over refused connections and TLS errors, so the others may simply have been down.${fallback}`
      : `Every step answered 404: containerd 1.x reports "not found" only when no host failed otherwise.${fallback}`;
  }
  if (REQUEST_ERRORS.has(kind)) {
    return version.errorRanking === 'by-priority'
      ? `${names(steps)} failed this way, and no step answered 404 or had the image: containerd 2.x reports the first request error only when nothing ranks higher.${fallback}`
      : `${names(steps)} failed this way and every other step failed too: containerd 1.x reports the first error that is not a 404.${fallback}`;
  }
  return `${names(steps)} answered the HTTP error, and no step had the image.${fallback}`;
}

/** The registries.yaml changes that address the error at the steps it points at. */
function fixesFor(error: PastedError, image: ImageResolution | undefined, releases: readonly ReleaseReading[], resolution: Resolution): string[] {
  const hosts = [...new Set(releases.flatMap((release) => release.steps.map((step) => step.host)))];
  const host = hosts[0] ?? error.host ?? 'the endpoint host';
  const registry = image?.reference?.host ?? 'the registry';
  switch (error.kind) {
    case 'not-found': {
      const without = releases.filter((release) => release.fit === 'fits' && !image?.versions[release.id]?.chain.some((step) => step.kind === 'default'));
      const fixes = [`Check that ${image?.normalized ?? 'the image'} exists on the mirror(s): a pull-through cache needs the upstream reachable, a plain mirror needs the image pushed.`];
      if (without.length > 0) fixes.unshift(`${without.map((release) => release.id).join(', ')} never fall back to ${registry}: list ${registry} as the last endpoint of its mirror entry, or compare with a release that falls back (see the chains).`);
      return fixes;
    }
    case 'unauthorized':
      return [
        `Put the credentials under configs."${host}".auth — keyed by the host containerd sends the request to (the mirror's host:port), not by "${registry}" or "*".`,
        "A pod's imagePullSecret for the image's own registry is used instead of these for that registry's requests.",
      ];
    case 'http-to-https':
      return [`Write the endpoint with http:// (mirrors."${registry}".endpoint: ["http://${host}"]); a configs."${host}".tls block makes containerd try HTTPS first anyway.`];
    case 'unknown-authority':
      return [`Give containerd the CA: configs."${host}".tls.ca_file: /etc/ssl/certs/your-ca.pem (or insecure_skip_verify: true to test).`];
    case 'tls-verify':
      return [`Fix the certificate of ${host} (its names must include the host you wrote), or set configs."${host}".tls.ca_file / insecure_skip_verify.`];
    case 'connection-refused':
    case 'timeout':
    case 'dns':
      return [`Check ${host} from the node (curl -v https://${host}/v2/); containerd goes on to the next endpoint, so a later step failing too gives this error.`, 'Add or fix a mirror the node can reach, and keep the registry itself as the last endpoint where it is reachable.'];
    case 'http-status':
      return [`Look at ${host}'s own logs: a ${error.status ?? 'server'} error from a mirror or cache (an embedded registry that lacks the image answers 500 by design and containerd tries the next step).`];
    case 'registries-yaml':
      // A registries.yaml among the auto-deployed manifests is applied as a Kubernetes object, and fails.
      if (/server\/manifests\/registries\.yaml/.test(error.evidence)) return ['Move the file to /etc/rancher/k3s/registries.yaml (RKE2: /etc/rancher/rke2/registries.yaml): files in server/manifests are applied as Kubernetes manifests, and registries.yaml is not one.'];
      return [resolution.diagnostics.find((found) => found.severity === 'error')?.message ?? 'Paste the registries.yaml into the editor: its first error is shown at its line.'];
    case 'unknown':
      return ['Paste the whole event or journal line: the part after "failed to pull and unpack image" names the image and the reason.'];
  }
}

function withoutSchemeAndQuery(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/[?#].*$/, '');
}
