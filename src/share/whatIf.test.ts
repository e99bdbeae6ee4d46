import { describe, expect, it } from 'vitest';
import { noWhatIf } from './state.ts';
import { assumedAvailability, availabilityOf } from './whatIf.ts';

const endpoint = (kind: 'mirror' | 'embedded' | 'default', host: string, url = `https://${host}/v2/x/manifests/1`) => ({ kind, host: { host }, url }) as Parameters<typeof availabilityOf>[0];

describe('assumed availability', () => {
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
    expect(assumedAvailability(endpoint(kind, host), false)).toBe(expected);
  });

  it('treats placeholders as up on request', () => {
    expect(assumedAvailability(endpoint('mirror', 'example.com'), true)).toBe('has-image');
  });
});

describe('what-if answers', () => {
  const harbor = endpoint('mirror', 'harbor.corp:8443');
  it('applies a host condition to every image on that host', () => {
    const whatIf = { ...noWhatIf, hosts: { 'harbor.corp:8443': 'unreachable' as const } };
    expect(availabilityOf(harbor, 'nginx', whatIf)).toBe('unreachable');
    expect(availabilityOf(harbor, 'redis', whatIf)).toBe('unreachable');
    expect(availabilityOf(endpoint('mirror', 'other.corp'), 'nginx', whatIf)).toBe('has-image');
  });

  it('lets a host lack only the images named', () => {
    const whatIf = { ...noWhatIf, hosts: { 'harbor.corp:8443': 'lacks-some' as const }, lacking: { 'harbor.corp:8443': ['redis'] } };
    expect(availabilityOf(harbor, 'nginx', whatIf)).toBe('has-image');
    expect(availabilityOf(harbor, 'redis', whatIf)).toBe('not-found');
  });

  it('keeps a per-endpoint answer above the host condition', () => {
    const whatIf = { ...noWhatIf, hosts: { 'harbor.corp:8443': 'unreachable' as const }, endpoints: { [harbor.url]: 'tls-error' as const } };
    expect(availabilityOf(harbor, 'nginx', whatIf)).toBe('tls-error');
  });
});
