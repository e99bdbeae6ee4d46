import type { Availability, ResolvedEndpoint } from '../../resolver/core.ts';

/** Hosts reserved for documentation and tests (RFC 2606/6761): they never hold real images. */
const PLACEHOLDER_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)(?::\d+)?$|^(?:[\w-]+\.)*example\.[a-z]+(?::\d+)?$/;

/**
 * What an endpoint does with the image until the user says otherwise: the upstream
 * registry has it; a placeholder mirror (example.com and friends) and the embedded
 * registry (no peer has it yet) answer "not found"; other mirrors have it.
 */
export function defaultAvailability(endpoint: Pick<ResolvedEndpoint, 'kind' | 'host'>): Availability {
  if (endpoint.kind === 'default') return 'has-image';
  if (endpoint.kind === 'embedded') return 'not-found';
  return PLACEHOLDER_HOST.test(endpoint.host.host) ? 'not-found' : 'has-image';
}

export function availabilityOf(endpoint: Pick<ResolvedEndpoint, 'kind' | 'host' | 'url'>, overrides: Readonly<Record<string, Availability>>): Availability {
  return overrides[endpoint.url] ?? defaultAvailability(endpoint);
}

export const availabilityLabels: Record<Availability, string> = {
  'has-image': 'has the image',
  'not-found': 'not found',
  unauthorized: 'unauthorized',
  unreachable: 'unreachable',
};
