import { describe, expect, it } from 'vitest';
import { defaultAvailability } from './availability.ts';

const endpoint = (kind: 'mirror' | 'embedded' | 'default', host: string) => ({ kind, host: { host } }) as Parameters<typeof defaultAvailability>[0];

describe('default availability', () => {
  it.each([
    ['mirror', 'example.com', 'not-found'],
    ['mirror', 'registry.example.com:5000', 'not-found'],
    ['mirror', 'mirror.example.org', 'not-found'],
    ['mirror', 'harbor.test', 'not-found'],
    ['mirror', 'docker.m.daocloud.io', 'has-image'],
    ['mirror', 'registry-1.docker.io', 'has-image'],
    ['embedded', '127.0.0.1:6443', 'not-found'],
    ['default', 'example.com', 'has-image'],
    ['default', 'registry-1.docker.io', 'has-image'],
  ] as const)('%s %s -> %s', (kind, host, expected) => {
    expect(defaultAvailability(endpoint(kind, host))).toBe(expected);
  });
});
