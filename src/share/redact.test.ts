import { describe, expect, it } from 'vitest';
import { decodeState } from './codec.ts';
import { embedLink, embedSnippet, shareLink } from './links.ts';
import { REDACTED, redactCredentials } from './redact.ts';
import { defaultState } from './state.ts';

const withSecrets = `mirrors:
  docker.io:
    endpoint: ["https://mirror.example.com"]
configs:
  mirror.example.com:
    auth:
      username: deploy
      password: 'hunter2'   # keep this comment
      auth: ZGVwbG95Omh1bnRlcjI=
      identity_token: eyJhbGciOi
    tls:
      ca_file: /etc/ssl/ca.pem
  other.example.com:
    auth: {username: u2, password: "p 2"}
`;

describe('credential redaction', () => {
  it('replaces every auth value and nothing else', () => {
    const { state, redacted } = redactCredentials({ ...defaultState, yaml: withSecrets });
    for (const secret of ['deploy', 'hunter2', 'ZGVwbG95Omh1bnRlcjI=', 'eyJhbGciOi', 'u2', 'p 2']) expect(state.yaml).not.toContain(secret);
    expect(state.yaml).toContain('# keep this comment');
    expect(state.yaml).toContain('ca_file: /etc/ssl/ca.pem');
    expect(state.yaml.split(REDACTED)).toHaveLength(7);
    expect(redacted).toContain('configs."mirror.example.com".auth.password');
  });

  it('keeps the file loadable by K3s', async () => {
    const { resolve } = await import('../resolver/index.ts');
    const { state } = redactCredentials({ ...defaultState, yaml: withSecrets });
    expect(resolve({ registriesYaml: state.yaml, images: [] }).loadable).toBe(true);
  });

  it('redacts anchored values once, where they are written', () => {
    const yaml = 'configs:\n  gcr.io: &gcr\n    auth:\n      username: _json_key\n      password: secret\n  eu.gcr.io:\n    <<: *gcr\n';
    const { state } = redactCredentials({ ...defaultState, yaml });
    expect(state.yaml).not.toContain('secret');
    expect(state.yaml).toContain('<<: *gcr');
  });

  it('redacts credential-looking lines when the YAML does not parse, and auth.token too', () => {
    const broken = redactCredentials({ ...defaultState, yaml: 'configs:\n  a:\n    auth:\n      password: s3cret\n  *:\n' });
    expect(broken.state.yaml).not.toContain('s3cret');
    const token = redactCredentials({ ...defaultState, yaml: 'configs:\n  a:\n    auth:\n      token: abc123\n' });
    expect(token.state.yaml).not.toContain('abc123');
  });

  it('is what share links contain unless credentials are included on purpose', () => {
    const state = { ...defaultState, yaml: withSecrets };
    const safe = shareLink('https://play.example/k3s/', state, { includeCredentials: false });
    const decoded = decodeState(safe.fragment);
    expect(decoded.ok && decoded.state.yaml).not.toContain('hunter2');
    expect(safe.url.startsWith('https://play.example/k3s/#v1.')).toBe(true);
    const full = shareLink('https://play.example/k3s/#old', state, { includeCredentials: true });
    const kept = decodeState(full.fragment);
    expect(kept.ok && kept.state.yaml).toContain('hunter2');
    expect(full.redacted).toEqual([]);
  });
});

describe('embed links', () => {
  it('point at the same page with ?embed and the same fragment', () => {
    expect(embedLink('https://play.example/k3s/?x=1#v1.old', 'v1.abc', false)).toBe('https://play.example/k3s/?embed#v1.abc');
    expect(embedLink('https://play.example/k3s/', 'v1.abc', true)).toBe('https://play.example/k3s/?embed=readonly#v1.abc');
  });

  it('come with a snippet that only trusts the playground origin', () => {
    const snippet = embedSnippet('https://play.example/k3s/?embed#v1.abc');
    expect(snippet).toContain('<iframe src="https://play.example/k3s/?embed#v1.abc"');
    expect(snippet).toContain('event.origin !== "https://play.example"');
    expect(snippet).toContain('k3s-registry-playground:resize');
  });
});
