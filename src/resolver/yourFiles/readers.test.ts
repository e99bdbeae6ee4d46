import { describe, expect, it } from 'vitest';
import { specFixtures } from '../../../test/specFixtures.ts';
import { parseHostsFile, type HostEntry } from '../containerd/hostsFile.ts';
import { loadHostDir, type HostsReading } from '../containerd/configureHosts.ts';
import { olderReleases } from '../older/index.ts';
import { findRelease, releaseOf, type ReaderBehaviour } from '../profiles/index.ts';
import { certsAtStartup } from '../k3s/certsAtStartup.ts';
import { resolve } from '../index.ts';

/** How a release's containerd reads a hosts.toml you wrote. */
function readingOf(release: string): HostsReading {
  const reader: ReaderBehaviour = releaseOf(release).profile.reader;
  const { rewrites, dialTimeout, referrersCapability } = reader;
  return { ...reader, older: olderReleases, keys: { rewrites, dialTimeout, referrersCapability } };
}

function addresses(hosts: readonly HostEntry[]): string[] {
  return hosts.map((host) => `${host.scheme}://${host.host}${host.path}`);
}

const appendixC = specFixtures.appendixC.parseHostFile;
/** v1.7.25's copy of the test document: the same, without the header-only host (Appendix C.2). */
const appendixC17 = appendixC.toml.slice(0, appendixC.toml.indexOf('[host."https://onlyheader.registry".header]'));

describe('your hosts.toml under upstream containerd 2.x (Appendix C.2)', () => {
  it.each(['containerd v2.0.4', 'containerd v2.1.9', 'containerd v2.3.4'])('%s reads every host in order, then the root, always', (release) => {
    const parsed = parseHostsFile('', appendixC.toml, readingOf(release));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(addresses([...parsed.value.hosts, parsed.value.root])).toEqual(appendixC.expected.map((host) => `${host.scheme}://${host.host}${host.path}`));
    // Upstream appends the root even when `server` is absent (containerd#9206).
    const withoutServer = loadHostDir('docker.io', '[host."https://m.example.com"]\n', readingOf(release));
    expect(withoutServer.rootAppended).toBe(true);
  });
});

describe('your hosts.toml under upstream containerd 1.7 (Appendix C.2, v1.7.25 document)', () => {
  it('reads the v1.7.25 document the way its test expects (nine hosts, then the root)', () => {
    const parsed = parseHostsFile('', appendixC17, readingOf('containerd v1.7.25'));
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = appendixC.expected.filter((host) => host.host !== 'onlyheader.registry');
    expect(addresses([...parsed.value.hosts, parsed.value.root])).toEqual(expected.map((host) => `${host.scheme}://${host.host}${host.path}`));
  });

  it('rejects a file without a host table until v1.7.32', () => {
    const rootOnly = 'server = "https://registry.example.com"\nca = "/etc/ca.pem"\n';
    expect(loadHostDir('r', rootOnly, readingOf('containerd v1.7.25')).decodeError).toBe('invalid `host` tree');
    expect(loadHostDir('r', rootOnly, readingOf('containerd v1.7.32')).decodeError).toBeNull();
    expect(loadHostDir('r', rootOnly, readingOf('containerd v2.0.4')).decodeError).toBeNull();
  });

  it('refuses an IPv6 host table key, which 2.x reads (go-toml v1 takes `]` inside the quotes for the end of the key)', () => {
    const ipv6 = '[host."http://[::1]:5000"]\n  capabilities = ["pull", "resolve"]\n';
    expect(loadHostDir('[::1]_5000_', ipv6, readingOf('containerd v1.7.25')).decodeError).toMatch(/table key cannot contain ']'/);
    expect(loadHostDir('[::1]_5000_', ipv6, readingOf('containerd v2.0.4')).hosts[0]?.host).toBe('[::1]:5000');
  });

  it('rejects a duplicated table, which 2.x also refuses', () => {
    const duplicated = '[host."https://a.example.com"]\n[host."https://a.example.com"]\n';
    expect(loadHostDir('r', duplicated, readingOf('containerd v1.7.25')).decodeError).toMatch(/failed to parse TOML|duplicate|already/i);
    expect(loadHostDir('r', duplicated, readingOf('containerd v2.0.4')).decodeError).not.toBeNull();
  });
});

describe('the K3s fork rule against upstream', () => {
  const mirrorOnly = '[host."https://m.example.com"]\n';
  const emptyServer = 'server = ""\n[host."https://m.example.com"]\n';
  it.each([
    ['containerd v2.0.4', mirrorOnly, true],
    ['v1.32.3+k3s1', mirrorOnly, false],
    ['v1.29.4+k3s1', mirrorOnly, false],
    ['containerd v2.0.4', emptyServer, true],
    ['v1.32.2+k3s1', emptyServer, false],
    ['v1.32.3+k3s1', emptyServer, true],
  ] as const)('%s appends the root host: %#', (release, text, appended) => {
    expect(loadHostDir('docker.io', text, readingOf(release)).rootAppended).toBe(appended);
  });

  it('applies `rewrite` only on the fork', () => {
    const text = '[host."https://m.example.com"]\n[host."https://m.example.com".rewrite]\n  "^library/(.*)" = "hub/$1"\n';
    const rewritesOf = (release: string) => loadHostDir('docker.io', text, readingOf(release)).hosts[0]?.rewrites ?? [];
    expect(rewritesOf('v1.32.3+k3s1')).toEqual([{ pattern: '^library/(.*)', replacement: 'hub/$1' }]);
    expect(rewritesOf('containerd v2.0.4')).toEqual([]);
    expect(rewritesOf('containerd v1.7.25')).toEqual([]);
  });

  it('reads dial_timeout from v2.0.7 and referrers from v2.2', () => {
    const timeout = '[host."https://m.example.com"]\n  dial_timeout = "5 seconds"\n';
    expect(loadHostDir('r', timeout, readingOf('containerd v2.0.6')).decodeError).toBeNull();
    expect(loadHostDir('r', timeout, readingOf('containerd v2.0.7')).decodeError).toBe('time: unknown unit " seconds" in duration "5 seconds"');
    expect(loadHostDir('r', '[host."https://m.example.com"]\n  dial_timeout = "1.5s"\n', readingOf('containerd v2.1.0')).decodeError).toBeNull();
    const referrers = '[host."https://m.example.com"]\n  capabilities = ["pull", "resolve", "referrers"]\n';
    expect(loadHostDir('r', referrers, readingOf('containerd v2.1.9')).decodeError).toBe('unknown capability referrers');
    expect(loadHostDir('r', referrers, readingOf('containerd v2.2.0')).decodeError).toBeNull();
  });
});

describe('containerd release names', () => {
  it('reads containerd vX.Y.Z and refuses what is not modelled', () => {
    expect(findRelease('containerd v2.0.4').ok && releaseOf('containerd v2.0.4').profile.id).toBe('U20');
    expect(releaseOf('containerd 1.7.25').profile.id).toBe('U17');
    expect(releaseOf('2.2.1', 'containerd').profile.id).toBe('U22');
    expect(releaseOf('v1.32.3+k3s1', 'containerd').product).toBe('k3s');
    expect(findRelease('containerd v1.6.20').ok).toBe(false);
    expect(releaseOf('containerd v2.9.0').note).toMatch(/newer than the release table/);
  });
});

describe('K3s start-up and your directories (version-timeline B11, C4)', () => {
  const yours = { 'quay.io': '[host."https://q.example.com"]\n', 'docker.io': '[host."https://d.example.com"]\n', 'ghcr.io': '# File generated by k3s. DO NOT EDIT.\n[host."https://g.example.com"]\n' };
  const written = { 'docker.io': '# File generated by k3s. DO NOT EDIT.\n[host]\n' };
  const fates = (release: string) => Object.fromEntries(certsAtStartup(written, yours, releaseOf(release)).yours.map(({ dir, fate }) => [dir, fate]));
  it('keeps your directories from v1.30.5 and v1.31.1, except those K3s writes or takes for its own', () => {
    expect(fates('v1.31.5+k3s1')).toEqual({ 'quay.io': 'used', 'docker.io': 'replaced', 'ghcr.io': 'deleted' });
    expect(fates('v1.30.5+k3s1')).toEqual({ 'quay.io': 'used', 'docker.io': 'replaced', 'ghcr.io': 'deleted' });
  });
  it('wipes all of certs.d before, and never reads it in the config.toml era', () => {
    expect(fates('v1.30.4+k3s1')).toEqual({ 'quay.io': 'deleted', 'docker.io': 'replaced', 'ghcr.io': 'deleted' });
    expect(fates('v1.29.4+k3s1')['quay.io']).toBe('deleted');
    expect(fates('v1.28.5+k3s1')['quay.io']).toBe('not-read');
    expect(fates('containerd v2.0.4')).toEqual({ 'quay.io': 'used', 'docker.io': 'used', 'ghcr.io': 'used' });
  });
  it('keeps a one-line header without a newline: K3s reads the first line up to its newline', () => {
    expect(certsAtStartup({}, { a: '# File generated by k3s. DO NOT EDIT.' }, releaseOf('v1.32.3+k3s1')).yours[0]?.fate).toBe('used');
  });
});

describe('resolve with a certs.d tree', () => {
  it('uses your docker.io on v1.31.5 and deletes it on v1.29.4; plain containerd falls back to Docker Hub', () => {
    const result = resolve({
      registriesYaml: '',
      images: ['nginx'],
      releases: ['v1.29.4+k3s1', 'v1.31.5+k3s1', 'containerd v2.0.4'].map((name) => releaseOf(name)),
      hostsDirs: { 'docker.io': '[host."https://mirror.example.com"]\n' },
    });
    const chains = Object.fromEntries(Object.entries(result.images[0]?.versions ?? {}).map(([id, version]) => [id, [version.hostsDir, ...version.chain.map((step) => step.url)]]));
    expect(chains).toEqual({
      'v1.29.4+k3s1': [null, 'https://registry-1.docker.io/v2/library/nginx/manifests/latest'],
      'v1.31.5+k3s1': ['docker.io', 'https://mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io'],
      'containerd v2.0.4': ['docker.io', 'https://mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io', 'https://registry-1.docker.io/v2/library/nginx/manifests/latest'],
    });
  });

  it('links each step to the table of your file that produced it', () => {
    const text = 'server = "https://registry.example.com"\n\n[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n';
    const result = resolve({ registriesYaml: '', images: ['registry.example.com/app:1'], releases: [releaseOf('containerd v2.0.4')], hostsDirs: { 'registry.example.com': text } });
    const [mirror, root] = result.images[0]?.versions['containerd v2.0.4']?.chain ?? [];
    expect(mirror?.sources).toEqual([{ role: 'host', file: 'registry.example.com', span: { start: text.indexOf('[host'), end: text.indexOf(']\n', text.indexOf('[host')) + 1 } }]);
    expect(root?.sources?.[0]?.span.start).toBe(0);
  });

  it('a directory without hosts.toml shadows _default: the registry itself, not the wildcard mirror', () => {
    const result = resolve({ registriesYaml: '', images: ['quay.io/a/b:1'], releases: [releaseOf('containerd v2.0.4')], hostsDirs: { _default: '[host."https://m.example.com"]\n', 'quay.io': '' } });
    const version = result.images[0]?.versions['containerd v2.0.4'];
    expect(version?.hostsDir).toBe('quay.io');
    expect(version?.chain.map((step) => step.url)).toEqual(['https://quay.io/v2/a/b/manifests/1']);
  });
});

describe('hostile hosts.toml files', () => {
  const releases = ['containerd v1.7.25', 'containerd v2.0.4', 'v1.32.3+k3s1'].map((name) => releaseOf(name));
  it.each([
    ['nested arrays', `ca = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
    ['nested inline tables', `x = ${'{a = '.repeat(20_000)}1${'}'.repeat(20_000)}\n`],
    ['a header of 50,000 parts', `[${'a.'.repeat(50_000)}a]\n`],
    ['an unclosed string', '"'.repeat(100_000)],
  ])('%s: a decode error or a reading, never an exception', (_name, text) => {
    const result = resolve({ registriesYaml: '', images: ['nginx'], releases, hostsDirs: { 'docker.io': text } });
    for (const release of releases) expect(result.images[0]?.versions[release.id]?.chain.length).toBeGreaterThan(0);
  });

  it('lists at most 100 findings per file, then says how many more there are', () => {
    const result = resolve({ registriesYaml: '', images: ['nginx'], releases, hostsDirs: { 'docker.io': 'typo = 1\n'.repeat(5_000) } });
    const inFile = result.diagnostics.filter((found) => found.file === 'docker.io');
    expect(inFile).toHaveLength(101);
    const cut = inFile.filter((found) => found.code === 'output-cut');
    expect(cut).toHaveLength(1);
    expect(cut[0]?.message).toMatch(/^4,9\d\d more findings in this file are not listed/);
  });
});

describe('credentials per request host', () => {
  it('goes with requests to exactly the configs key, never to the upstream name or "*"', async () => {
    const { credentialsFor } = await import('../credentials.ts');
    const yaml = 'mirrors:\n  docker.io:\n    endpoint: ["https://harbor.example.com:8443"]\nconfigs:\n  docker.io:\n    auth: {username: a, password: b}\n  "*":\n    auth: {username: c, password: d}\n  "harbor.example.com:8443":\n    auth: {username: e, password: f}\n';
    const result = resolve({ registriesYaml: yaml, images: ['nginx'], releases: [releaseOf('v1.32.3+k3s1')] });
    const hosts = result.images[0]?.versions['v1.32.3+k3s1']?.chain.map((step) => [step.host.host, credentialsFor(result.credentials, step.host.host)]);
    expect(hosts).toEqual([
      ['harbor.example.com:8443', 'harbor.example.com:8443'],
      ['registry-1.docker.io', null],
    ]);
    expect(JSON.stringify(result.credentials)).not.toMatch(/"[bdf]"/);
  });

  it("with the pod's pull secret, every step gets it and configs are not read", async () => {
    const { credentialSource } = await import('../credentials.ts');
    const credentials = { authKeys: ['harbor.example.com:8443'] };
    expect(credentialSource(credentials, 'harbor.example.com:8443', false)).toEqual({ from: 'configs', key: 'harbor.example.com:8443' });
    expect(credentialSource(credentials, 'harbor.example.com:8443', true)).toEqual({ from: 'pull-secret' });
    expect(credentialSource(credentials, 'registry-1.docker.io', false)).toEqual({ from: 'none' });
  });
});
