import { describe, expect, it } from 'vitest';
import { specFixtures, type ParsedHostExpectation } from '../../../test/specFixtures.ts';
import { ALL_CAPABILITIES, parseHostsFile, type HostEntry } from './hostsFile.ts';
import { sortedHostKeys } from './tomlHeaders.ts';
import { emptyHost, fillDefaultHost, loadHostDir, withTransport, type HostsReading } from './configureHosts.ts';
import { profiles, type RootHostRule } from '../profiles/index.ts';
import { unlimitedBudget } from '../limits.ts';
import { createContainerdReader } from './index.ts';
import { missingRegexEngine } from '../rewrite/goRegexp.ts';

/** The fields containerd's hosts_test.go compares, in its notation. */
function asExpectation(host: HostEntry): ParsedHostExpectation {
  const caps = host.capabilities;
  const allCaps = caps.pull && caps.resolve && caps.push;
  return {
    scheme: host.scheme,
    host: host.host,
    path: host.path,
    caps: allCaps ? 'allCaps' : (['pull', 'resolve', 'push'] as const).filter((name) => caps[name]),
    ...(host.ca !== null ? { ca: host.ca } : {}),
    ...(host.client !== null ? { client: host.client } : {}),
    ...(host.skipVerify !== null ? { skip_verify: host.skipVerify } : {}),
    ...(Object.keys(host.header).length > 0 ? { header: host.header } : {}),
  };
}


/** containerd 2.x reading rules with a given root-host rule. */
function reading(rootHost: RootHostRule): HostsReading {
  return { ...profiles.P5.reader, rootHost };
}

describe('containerd TestParseHostFile (Appendix C.2)', () => {
  it('reads every host in file order, then the root', () => {
    const parsed = parseHostsFile('', specFixtures.appendixC.parseHostFile.toml);
    if (!parsed.ok) throw new Error(parsed.error);
    const hosts = [...parsed.value.hosts, parsed.value.root].map(asExpectation);
    expect(hosts).toEqual(specFixtures.appendixC.parseHostFile.expected);
  });

  it('appends the root for a non-empty server under every release rule', () => {
    for (const rule of ['always', 'when-server-key-present', 'when-server-non-empty'] as const) {
      const loaded = loadHostDir('x', specFixtures.appendixC.parseHostFile.toml, reading(rule));
      expect(loaded.hosts.at(-1)?.host).toBe('test-default.registry');
    }
  });
});

describe('containerd TestDefaultHosts (Appendix C.1)', () => {
  it.each(specFixtures.appendixC.defaultHosts.map((testCase) => [testCase.host, testCase] as const))('%s', (host, testCase) => {
    const hosts = fillDefaultHost([emptyHost()], host);
    expect(hosts.map((entry) => ({ scheme: entry.scheme, host: entry.host, path: entry.path, capabilities: entry.capabilities }))).toEqual(
      testCase.expected.map((expected) => ({ ...expected, capabilities: ALL_CAPABILITIES })),
    );
  });
});

describe('containerd TestLoadCertFiles (Appendix C.3)', () => {
  // Certificate files are not modelled (K3s never writes them); what is modelled is that a
  // directory without hosts.toml yields exactly one host with no address, i.e. the default endpoint.
  it('a directory without hosts.toml means one default host', () => {
    const reader = createContainerdReader({ hostsToml: { 'registry.example.com': '' }, configToml: null }, { behaviour: profiles.P5.reader }, { embeddedAddr: null, engine: missingRegexEngine, budget: unlimitedBudget() });
    const resolved = reader.resolve({ host: 'registry.example.com', repository: 'a/b', object: '1', isDigest: false });
    expect(resolved.hostsDir).toBe('registry.example.com');
    expect(resolved.chain.map((endpoint) => [endpoint.kind, endpoint.url])).toEqual([['default', 'https://registry.example.com/v2/a/b/manifests/1']]);
  });
});

describe('containerd TestHTTPFallback (Appendix C.4)', () => {
  // K3s's CRI path never sets DefaultScheme or DefaultTLS, so only rows with empty options apply.
  const applicable = specFixtures.appendixC.httpFallback.filter((row) => Object.keys(row.opts).length === 0);

  it('keeps the 11 rows that apply to K3s', () => {
    expect(applicable).toHaveLength(11);
  });

  it.each(applicable.map((row) => [row.host, row] as const))('%s', (host, row) => {
    const [resolved] = fillDefaultHost([emptyHost()], host).map(withTransport);
    expect({ scheme: resolved?.scheme, fallback: resolved?.httpFallback }).toEqual({ scheme: row.scheme, fallback: row.fallback });
  });
});

describe('hosts.toml reading details', () => {
  it('lists a host again when its sub-table follows a different host, as containerd does', () => {
    expect(sortedHostKeys('[host."a"]\n[host."b"]\n[host."a".header]\n  x = "y"\n')).toEqual(['a', 'b', 'a']);
    expect(sortedHostKeys('[host]\n[host."a"]\n[host."a".rewrite]\n')).toEqual(['a']);
  });

  it('ignores table-like lines inside multi-line strings', () => {
    expect(sortedHostKeys('x = """\n[host."nope"]\n"""\n[host."yes"]\n')).toEqual(['yes']);
  });

  it('rejects the whole file on an unknown capability or a wrong type', () => {
    expect(parseHostsFile('', '[host."https://a"]\n  capabilities = ["pull", "fetch"]\n')).toEqual({ ok: false, error: 'unknown capability fetch' });
    expect(parseHostsFile('', '[host."https://a"]\n  skip_verify = "yes"\n').ok).toBe(false);
    expect(parseHostsFile('', '[host."https://a"]\n  client = [["a", "b", "c"]]\n').ok).toBe(false);
  });

  it('falls back to the default endpoint when the file does not decode', () => {
    const loaded = loadHostDir('docker.io', '[host."https://m/v2"]\n  [host."https://m/v2".rewrite]\n    "^(\\d+)$" = "x"\n', reading('when-server-key-present'));
    expect(loaded.decodeError).toMatch(/invalid escaped character U\+0064 'd'/);
    expect(loaded.hosts).toHaveLength(1);
    expect(loaded.hosts[0]?.host).toBe('');
  });

  it('decides the root host by profile: the only v1.32.2 / v1.32.3 difference', () => {
    const wildcard = 'server = ""\ncapabilities = ["pull", "resolve", "push"]\n\n[host]\n\n[host."https://example.com/v2"]\n  capabilities = ["pull", "resolve"]\n';
    expect(loadHostDir('_default', wildcard, reading('when-server-non-empty')).hosts.map((host) => host.isRoot)).toEqual([false]);
    expect(loadHostDir('_default', wildcard, reading('when-server-key-present')).hosts.map((host) => host.isRoot)).toEqual([false, true]);
    const noServer = '[host]\n\n[host."https://example.com/v2"]\n';
    expect(loadHostDir('_default', noServer, reading('when-server-key-present')).hosts).toHaveLength(1);
    expect(loadHostDir('_default', noServer, reading('always')).hosts).toHaveLength(2);
  });
});
