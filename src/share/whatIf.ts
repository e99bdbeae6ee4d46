import type { Availability, ResolvedEndpoint } from '../resolver/core.ts';
import type { HostCondition, WhatIf } from './state.ts';

/** Hosts reserved for documentation and tests (RFC 2606/6761): they never hold real images. */
const PLACEHOLDER_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)(?::\d+)?$|^(?:[\w-]+\.)*example\.[a-z]+(?::\d+)?$/;

export function isPlaceholderHost(host: string): boolean {
  return PLACEHOLDER_HOST.test(host);
}

/**
 * What an endpoint does with the image until the user says otherwise: the upstream
 * registry has it; a placeholder mirror (example.com and friends, unless placeholders are
 * treated as up) and the embedded registry (no peer has it yet) answer "not found"; other
 * mirrors have it.
 */
export function assumedAvailability(endpoint: Pick<ResolvedEndpoint, 'kind' | 'host'>, placeholdersUp: boolean): Availability {
  if (endpoint.kind === 'default') return 'has-image';
  if (endpoint.kind === 'embedded') return 'not-found';
  return !placeholdersUp && isPlaceholderHost(endpoint.host.host) ? 'not-found' : 'has-image';
}

const conditionAnswers: Record<Exclude<HostCondition, 'lacks-some'>, Availability> = {
  up: 'has-image',
  unreachable: 'unreachable',
  'tls-error': 'tls-error',
  unauthorized: 'unauthorized',
};

/** The answer of one endpoint for one image: the endpoint's own override, else its host's condition, else the assumption. */
export function availabilityOf(endpoint: Pick<ResolvedEndpoint, 'kind' | 'host' | 'url'>, image: string, whatIf: WhatIf): Availability {
  const own = whatIf.endpoints[endpoint.url];
  if (own !== undefined) return own;
  const condition = whatIf.hosts[endpoint.host.host];
  if (condition === 'lacks-some') return (whatIf.lacking[endpoint.host.host] ?? []).includes(image) ? 'not-found' : 'has-image';
  if (condition !== undefined) return conditionAnswers[condition];
  return assumedAvailability(endpoint, whatIf.placeholdersUp);
}
