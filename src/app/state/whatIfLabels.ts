import type { Availability } from '../../resolver/core.ts';
import type { HostCondition } from '../../share/state.ts';

/** How each answer reads in the what-if selectors. */
export const availabilityLabels: Record<Availability, string> = {
  'has-image': 'has the image',
  'not-found': 'not found',
  unauthorized: 'unauthorized (401)',
  unreachable: 'unreachable',
  'tls-error': 'TLS error',
};

export const conditionLabels: Record<HostCondition, string> = {
  up: 'has the images',
  'lacks-some': 'lacks some…',
  unreachable: 'unreachable',
  'tls-error': 'TLS error',
  unauthorized: '401 unauthorized',
};
