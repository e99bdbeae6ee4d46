import type { ChainEndpoint } from '../containerd/chain.ts';
import { isLocalhost, urlHostPort } from '../go/net.ts';

/** What one endpoint does when asked for the image. */
export type Availability = 'has-image' | 'not-found' | 'unauthorized' | 'unreachable' | 'tls-error';

export const availabilities: readonly Availability[] = ['has-image', 'not-found', 'unauthorized', 'unreachable', 'tls-error'];

export interface PullAttempt {
  index: number;
  url: string;
  availability: Availability;
  /** What containerd makes of the answer. */
  result: string;
}

export type PullOutcome =
  | { status: 'pulled'; servedBy: number; url: string; attempts: PullAttempt[] }
  | {
      status: 'failed';
      /** The message containerd returns to the kubelet. */
      error: string;
      reason: Exclude<Availability, 'has-image'> | 'no-endpoints';
      /** What the user sees on the pod. */
      podSymptom: string;
      attempts: PullAttempt[];
    };

/**
 * How containerd 2.x ranks the errors it saw when every host failed (resolver.go `Resolve`):
 * the error of the highest priority wins, the first one among equals. A 404 outranks a
 * refused connection, which is why #11857 surfaced as "not found". containerd 1.x reports the
 * first error that is not a 404 instead ('first-non-404').
 */
const ERROR_PRIORITY: Readonly<Record<Exclude<Availability, 'has-image'>, number>> = {
  unreachable: 1,
  // A certificate the node does not trust fails the request itself, like a refused connection.
  'tls-error': 1,
  // A 401 that no credentials can satisfy comes back as ErrInvalidAuthorization, a request error.
  unauthorized: 1,
  'not-found': 2,
};

/**
 * Walks the chain the way containerd does (spec §3.11): hosts strictly in order, the
 * next one on any error, stop at the first that has the image.
 * `availability(i)` says what endpoint i does; `reference` is the normalised image name.
 */
export function simulatePull(
  chain: readonly ChainEndpoint<unknown>[],
  reference: string,
  availability: (index: number) => Availability,
  ranking: 'first-non-404' | 'by-priority' = 'by-priority',
): PullOutcome {
  const attempts: PullAttempt[] = [];
  let worst: { priority: number; error: string; reason: Exclude<Availability, 'has-image'> } | null = null;
  for (const [index, endpoint] of chain.entries()) {
    const answer = availability(index);
    if (answer === 'has-image') {
      attempts.push({ index, url: endpoint.url, availability: answer, result: 'manifest found: pull continues from this endpoint' });
      return { status: 'pulled', servedBy: index, url: endpoint.url, attempts };
    }
    const error = requestError(answer, endpoint, reference);
    attempts.push({ index, url: endpoint.url, availability: answer, result: `${error}; trying the next endpoint` });
    // 1.x: any error but a 404 is kept if it is the first; a 404 is kept only while nothing else is.
    const priority = ranking === 'by-priority' ? ERROR_PRIORITY[answer] : answer === 'not-found' ? 0 : 1;
    if (worst === null || priority > worst.priority) worst = { priority, error, reason: answer };
  }
  if (worst === null) {
    const error = `failed to resolve reference "${reference}": no endpoints to try`;
    return { status: 'failed', error: failedToPull(reference, error), reason: 'no-endpoints', podSymptom: podSymptom(reference), attempts };
  }
  return {
    status: 'failed',
    error: failedToPull(reference, `failed to resolve reference "${reference}": ${worst.error}`),
    reason: worst.reason,
    podSymptom: podSymptom(reference),
    attempts,
  };
}

/** The error text containerd records for one failed host. */
function requestError(answer: Exclude<Availability, 'has-image'>, endpoint: ChainEndpoint<unknown>, reference: string): string {
  switch (answer) {
    case 'not-found':
      return `${reference}: not found`;
    case 'unauthorized':
      return 'pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials';
    case 'unreachable': {
      const host = endpoint.host.host;
      const { hostname, port } = urlHostPort(host);
      const dial = isLocalhost(host) || /^[\d.:[\]]+$/.test(host) ? `dial tcp ${port === '' ? `${host}:${endpoint.host.scheme === 'http' ? 80 : 443}` : host}: connect: connection refused` : `dial tcp: lookup ${hostname}: no such host`;
      return `failed to do request: Head "${endpoint.url}": ${dial}`;
    }
    case 'tls-error':
      return `failed to do request: Head "${endpoint.url}": tls: failed to verify certificate: x509: certificate signed by unknown authority`;
  }
}

function failedToPull(reference: string, cause: string): string {
  return `failed to pull and unpack image "${reference}": ${cause}`;
}

/**
 * The sandbox (pause) image is pulled before any container: when it fails the pod stays in
 * ContainerCreating with FailedCreatePodSandBox; any other image shows ErrImagePull.
 */
function podSymptom(reference: string): string {
  return /\/(?:mirrored-)?pause[:@]/.test(reference)
    ? 'Pod stuck in ContainerCreating (FailedCreatePodSandBox: failed to get sandbox image)'
    : 'Pod shows ErrImagePull, then ImagePullBackOff';
}
