import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../resolver/index.ts';
import { decodeState } from './codec.ts';
import { embedLink, embedSnippet, shareLink } from './links.ts';
import { markdownSummary } from './markdown.ts';
import { REDACTED, redactState } from './redact.ts';
import { defaultState, type PlaygroundState } from './state.ts';

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

function redacted(yaml: string): string {
  const result = redactState({ ...defaultState, yaml });
  if (!result.safe) throw new Error(`unsafe: ${JSON.stringify(result.leaks)}`);
  return result.state.yaml;
}

/** The link's whole payload as text, decoded the way a recipient would. */
function payloadOf(state: PlaygroundState): string | null {
  const link = shareLink('https://play.example/', state, { includeCredentials: false });
  if (!link.ok) return null;
  const decoded = decodeState(link.fragment);
  return decoded.ok ? JSON.stringify(decoded.state) : null;
}

describe('credential redaction', () => {
  it('replaces every auth value and nothing else', () => {
    const result = redactState({ ...defaultState, yaml: withSecrets });
    expect(result.safe).toBe(true);
    const yaml = result.state?.yaml ?? '';
    for (const secret of ['deploy', 'hunter2', 'ZGVwbG95Omh1bnRlcjI=', 'eyJhbGciOi', 'u2', 'p 2']) expect(yaml).not.toContain(secret);
    expect(yaml).toContain('# keep this comment');
    expect(yaml).toContain('ca_file: /etc/ssl/ca.pem');
    expect(yaml.split(REDACTED)).toHaveLength(7);
    expect(result.redacted).toContainEqual({ line: 8, label: 'configs."mirror.example.com".auth.password' });
  });

  it('keeps the file loadable by K3s, with the same hosts.toml and chains', () => {
    const before = resolve({ registriesYaml: withSecrets, images: defaultState.images });
    const after = resolve({ registriesYaml: redacted(withSecrets), images: defaultState.images });
    expect(after.loadable).toBe(true);
    expect(after.releases.map((release) => release.hostsToml)).toEqual(before.releases.map((release) => release.hostsToml));
    expect(after.images.map((image) => image.versions['v1.32.3+k3s1']?.chain.map((step) => step.url))).toEqual(
      before.images.map((image) => image.versions['v1.32.3+k3s1']?.chain.map((step) => step.url)),
    );
  });

  it('redacts anchored values once, where they are written, and what a credential aliases', () => {
    const yaml = 'configs:\n  gcr.io: &gcr\n    auth:\n      username: _json_key\n      password: secret-1\n  eu.gcr.io:\n    <<: *gcr\n';
    expect(redacted(yaml)).not.toContain('secret-1');
    expect(redacted(yaml)).toContain('<<: *gcr');
    const aliased = 'x-keys:\n  k: &k anchored-secret\nconfigs:\n  a.io:\n    auth:\n      password: *k\n';
    expect(redacted(aliased)).not.toContain('anchored-secret');
  });

  // Every shape the "Safe sharing" issue found leaking.
  it.each([
    ['a second document', 'mirrors:\n  a.io:\n---\nauths:\n  b.io:\n    password: doc2-secret\n', 'doc2-secret'],
    ['content after a ... end marker', 'mirrors:\n  a.io:\n...\nconfigs:\n  x:\n    auth:\n      password: after-end-secret\n', 'after-end-secret'],
    ['a host repeated under configs', 'configs:\n  a.io:\n    auth:\n      password: first-copy\n  a.io:\n    auth:\n      password: second-copy\n', 'first-copy'],
    ['a host repeated under auths', 'auths:\n  a.io:\n    password: auths-first\n  a.io:\n    password: auths-second\n', 'auths-first'],
    ['a repeated password', 'configs:\n  a.io:\n    auth:\n      password: repeated-1\n      password: repeated-2\n', 'repeated-1'],
    ['a merge default overridden later', 'x: &d\n  auth:\n    password: merge-default\nconfigs:\n  a.io:\n    <<: *d\n    auth:\n      password: override\n', 'merge-default'],
    ['Password: in other capitals', 'configs:\n  a.io:\n    auth:\n      Password: Capital-Secret\n', 'Capital-Secret'],
    ['{PASSWORD: x} in a flow map', 'configs:\n  a.io:\n    auth: {PASSWORD: upper-flow}\n', 'upper-flow'],
    ['Auth: as a key', 'configs:\n  a.io:\n    Auth: {username: user-x1, password: pass-x1}\n', 'pass-x1'],
    ['auth: under a mirrors entry', 'mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    auth:\n      password: mirror-auth\n', 'mirror-auth'],
    ['identity_token in the wrong place', 'configs:\n  a.io:\n    identity_token: misplaced-token\n', 'misplaced-token'],
    ['a misspelt top-level key', 'confgis:\n  a.io:\n    auth:\n      password: misspelt-1\n', 'misspelt-1'],
    ['auth: <base64 string>', 'configs:\n  a.io:\n    auth: dXNlcjpiYXNlNjQ=\n', 'dXNlcjpiYXNlNjQ='],
    ['password: [x]', 'configs:\n  a.io:\n    auth:\n      password: [in-a-list]\n', 'in-a-list'],
    ['- password: x', 'configs:\n  a.io:\n    auth:\n      - password: list-item\n', 'list-item'],
    ['password:x without a space', 'configs:\n  a.io:\n    auth:\n      password:no-space\n', 'no-space'],
    ['token in a flow map', 'configs:\n  a.io:\n    auth: {token: flow-token}\n', 'flow-token'],
    ['a quoted token key', 'configs:\n  a.io:\n    auth:\n      "token": quoted-key-token\n', 'quoted-key-token'],
    ['a token block scalar', 'configs:\n  a.io:\n    auth:\n      token: |\n        block-token-1\n        block-token-2\n', 'block-token-2'],
    ['a ? explicit key', 'configs:\n  a.io:\n    auth:\n      ? password\n      : explicit-key\n', 'explicit-key'],
    ['broken YAML with a flow map', 'configs:\n  a.io:\n    auth: {password: broken-flow}\n  *:\n', 'broken-flow'],
    ['broken YAML with a quoted key', 'configs:\n  a.io:\n    auth:\n      "password": broken-quoted\n  *:\n', 'broken-quoted'],
    ['broken YAML with a block scalar', 'configs:\n  a.io:\n    auth:\n      password: >\n        broken-block\n  *:\n', 'broken-block'],
    ['broken YAML with a multi-line quoted value', 'configs:\n  *:\n    auth: {password: "broken-multi\n  line-tail"}\n', 'line-tail'],
    ['broken YAML with a ? key', 'configs:\n  a.io:\n    auth:\n      ? password\n      : broken-explicit\n\t*:\n', 'broken-explicit'],
    ['user and password in an endpoint URL', 'mirrors:\n  docker.io:\n    endpoint:\n      - https://robot:url-password@mirror.example.com\n', 'url-password'],
    ['user and password in a configs key', 'configs:\n  "https://robot:key-password@mirror.example.com":\n    tls: {}\n', 'key-password'],
    ['a bare user:pass@host endpoint', 'mirrors:\n  docker.io:\n    endpoint: [robot:bare-password@mirror.example.com]\n', 'bare-password'],
    ['a key: value comment', 'configs:\n  a.io:\n    auth:\n      # password: old-commented\n      password: new-one\n', 'old-commented'],
  ])('redacts %s', (_name, yaml, secret) => {
    const payload = payloadOf({ ...defaultState, yaml });
    expect(payload, 'a link is offered').not.toBeNull();
    expect(payload).not.toContain(secret);
  });

  it('leaves YAML without credentials byte for byte, including names that look like credentials', () => {
    const yaml =
      'mirrors:\n  token:\n    endpoint: [https://token.example.com]\n    rewrite:\n      "token": "password/$1"\n  password.example.com:\n    endpoint: [https://m.example.com]\nconfigs:\n  secret.example.com:\n    tls:\n      insecure_skip_verify: true\n';
    const result = redactState({ ...defaultState, yaml });
    expect(result.safe && result.state.yaml).toBe(yaml);
    expect(result.redacted).toEqual([]);
  });

  it('offers no link, and names the line, when a secret is also written somewhere it cannot be separated from', () => {
    const yaml = 'configs:\n  a.io:\n    auth:\n      password: hunter2-long\n# the old one was hunter2-long, rotate it\n';
    const result = redactState({ ...defaultState, yaml });
    expect(result.safe).toBe(false);
    expect(!result.safe && result.leaks).toEqual([{ line: 5, place: 'line 5', why: 'a credential value (12 characters) is also written here' }]);
    expect(shareLink('https://play.example/', { ...defaultState, yaml }, { includeCredentials: false }).ok).toBe(false);
    const inImage = redactState({ ...defaultState, yaml: 'configs:\n  a.io:\n    auth:\n      password: imagesecret\n', images: ['nginx', 'imagesecret/app'] });
    expect(!inImage.safe && inImage.leaks).toEqual([{ line: null, place: 'sample image 2', why: 'it contains a credential value' }]);
  });

  it('is what share links contain unless credentials are included on purpose', () => {
    const state = { ...defaultState, yaml: withSecrets };
    const safe = shareLink('https://play.example/k3s/', state, { includeCredentials: false });
    expect(safe.ok).toBe(true);
    if (!safe.ok) return;
    const decoded = decodeState(safe.fragment);
    expect(decoded.ok && decoded.state.yaml).not.toContain('hunter2');
    expect(safe.url.startsWith('https://play.example/k3s/#v3.')).toBe(true);
    const full = shareLink('https://play.example/k3s/#old', state, { includeCredentials: true });
    const kept = full.ok ? decodeState(full.fragment) : null;
    expect(kept?.ok && kept.state.yaml).toContain('hunter2');
    expect(full.ok && full.redacted).toEqual([]);
  });

  it('redacts 6,000 configs in one pass (bytes of output are linear in the input)', () => {
    const yaml = `configs:\n${Array.from({ length: 6_000 }, (_, index) => `  r${index}.example.com:\n    auth:\n      username: user${index}\n      password: pw-${index}-secret\n`).join('')}`;
    const result = redactState({ ...defaultState, yaml });
    expect(result.safe).toBe(true);
    expect(result.redacted).toHaveLength(12_000);
    expect(result.state?.yaml.split(REDACTED)).toHaveLength(12_001);
  });
});

describe('redaction properties', () => {
  it('never lets a secret into the link payload or the Markdown, over 1,000 generated files', () => {
    let linked = 0;
    fc.assert(
      fc.property(secretFileArb, ({ yaml, secrets }) => {
        const state = { ...defaultState, yaml };
        const link = shareLink('https://play.example/', state, { includeCredentials: false });
        if (!link.ok) {
          expect(link.leaks.length).toBeGreaterThan(0);
          return;
        }
        linked++;
        const decoded = decodeState(link.fragment);
        expect(decoded.ok).toBe(true);
        const payload = decoded.ok ? JSON.stringify(decoded.state) : '';
        const markdown = markdownSummary(link.url, link.state, resolve({ registriesYaml: link.state.yaml, images: link.state.images }));
        for (const secret of secrets) {
          expect(payload, `payload holds ${secret}`).not.toContain(secret);
          expect(markdown, `markdown holds ${secret}`).not.toContain(secret);
        }
      }),
      { numRuns: Number(process.env.REDACTION_RUNS ?? 1_000) },
    );
    // Refusing to share is safe but useless: nearly every file must still get a link.
    expect(linked).toBeGreaterThan(Number(process.env.REDACTION_RUNS ?? 1_000) * 0.95);
  });

  it('leaves files without credentials unchanged, byte for byte', () => {
    fc.assert(
      fc.property(cleanFileArb, (yaml) => {
        const result = redactState({ ...defaultState, yaml });
        expect(result.safe && result.state.yaml).toBe(yaml);
      }),
      { numRuns: 500 },
    );
  });

  it('resolves files with credentials to the same hosts.toml and chains after redaction', () => {
    fc.assert(
      fc.property(loadableSecretFileArb, ({ yaml }) => {
        const result = redactState({ ...defaultState, yaml });
        expect(result.safe).toBe(true);
        const images = ['nginx', 'quay.io/a/b:1', 'r0.example.com/x:1', 'localhost:5000/app'];
        const before = resolve({ registriesYaml: yaml, images });
        const after = resolve({ registriesYaml: result.state?.yaml ?? '', images });
        expect(after.loadable).toBe(before.loadable);
        expect(after.releases.map((release) => release.hostsToml)).toEqual(before.releases.map((release) => release.hostsToml));
        const chains = (resolution: typeof before) => resolution.images.map((image) => Object.entries(image.versions).map(([id, version]) => [id, version.chain.map((step) => [step.url, step.kind, step.repository])]));
        expect(chains(after)).toEqual(chains(before));
      }),
      { numRuns: 300 },
    );
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

// ---------------------------------------------------------------------------------------------
// Arbitraries: registries.yaml files built with their secrets, so each case knows what must not leak.

/** A secret: distinctive (so finding it means a leak), never a YAML keyword or a structural word. */
const secretArb = fc.stringMatching(/^[A-Za-z0-9]{6,14}$/).map((body) => `Zq${body}`);

const credentialKeyArb = fc.constantFrom('password', 'Password', 'PASSWORD', 'username', 'auth', 'Auth', 'identity_token', 'token', 'client_secret', 'passwd', 'api_token', 'registryToken');
const hostArb = fc.constantFrom('registry.example.com', 'r0.example.com', 'docker.io', 'quay.io', 'localhost:5000', 'harbor.corp.example.net:8443', '"*"');

/** A credential value in one of YAML's shapes, at indentation `indent` (the key's column). */
function valueShapes(secret: string, indent: number): fc.Arbitrary<string> {
  const pad = ' '.repeat(indent + 2);
  return fc.constantFrom(
    ` ${secret}`,
    ` "${secret}"`,
    ` '${secret}'`,
    ` |\n${pad}${secret}\n${pad}more-${secret}`,
    ` >-\n${pad}${secret}`,
    ` [${secret}]`,
    `\n${pad}- ${secret}`,
    ` {inner: ${secret}}`,
    ` &anc${indent} ${secret}`,
    ` !!str ${secret}`,
  );
}

interface SecretFile {
  yaml: string;
  secrets: string[];
}

/** One place a secret can be written, as lines plus the secrets it holds. */
const placementArb: fc.Arbitrary<SecretFile> = fc.oneof(
  // The documented place, with any key spelling and value shape.
  fc.tuple(hostArb, credentialKeyArb, secretArb).chain(([host, key, secret]) =>
    valueShapes(secret, 6).map((value) => ({ yaml: `configs:\n  ${host}:\n    auth:\n      ${key}:${value}\n`, secrets: [secret] })),
  ),
  // A flow map, a quoted key, an explicit ? key.
  fc.tuple(hostArb, credentialKeyArb, secretArb).map(([host, key, secret]) => ({ yaml: `configs:\n  ${host}:\n    auth: {${key}: ${secret}, other: x}\n`, secrets: [secret] })),
  fc.tuple(hostArb, credentialKeyArb, secretArb).map(([host, key, secret]) => ({ yaml: `configs:\n  ${host}:\n    auth:\n      "${key}": "${secret}"\n`, secrets: [secret] })),
  fc.tuple(hostArb, credentialKeyArb, secretArb).map(([host, key, secret]) => ({ yaml: `configs:\n  ${host}:\n    auth:\n      ? ${key}\n      : ${secret}\n`, secrets: [secret] })),
  // Wrong places: under a mirror, a misspelt section, auths, a list item, a top-level key.
  fc.tuple(hostArb, credentialKeyArb, secretArb).map(([host, key, secret]) => ({ yaml: `mirrors:\n  ${host}:\n    endpoint: [https://m.example.com]\n    auth:\n      ${key}: ${secret}\n`, secrets: [secret] })),
  fc.tuple(fc.constantFrom('confgis', 'Configs', 'config', 'auths'), hostArb, credentialKeyArb, secretArb).map(([section, host, key, secret]) => ({ yaml: `${section}:\n  ${host}:\n    ${key}: ${secret}\n`, secrets: [secret] })),
  fc.tuple(hostArb, credentialKeyArb, secretArb).map(([host, key, secret]) => ({ yaml: `configs:\n  ${host}:\n    auth:\n      - ${key}: ${secret}\n`, secrets: [secret] })),
  fc.tuple(credentialKeyArb, secretArb).map(([key, secret]) => ({ yaml: `${key}: ${secret}\n`, secrets: [secret] })),
  // Duplicates and merges: the discarded copy still holds a secret.
  fc.tuple(hostArb, secretArb, secretArb).map(([host, first, second]) => ({ yaml: `configs:\n  ${host}:\n    auth:\n      password: ${first}\n  ${host}:\n    auth:\n      password: ${second}\n`, secrets: [first, second] })),
  fc.tuple(hostArb, secretArb, secretArb).map(([host, first, second]) => ({
    yaml: `x-defaults: &d\n  auth:\n    password: ${first}\nconfigs:\n  ${host}:\n    <<: *d\n    auth:\n      password: ${second}\n`,
    secrets: [first, second],
  })),
  // URLs with user info, with and without a scheme, in endpoints and keys.
  fc.tuple(secretArb, secretArb).map(([user, password]) => ({ yaml: `mirrors:\n  docker.io:\n    endpoint:\n      - https://${user}:${password}@mirror.example.com\n`, secrets: [user, password] })),
  fc.tuple(secretArb, secretArb).map(([user, password]) => ({ yaml: `mirrors:\n  docker.io:\n    endpoint: [${user}:${password}@mirror.example.com:5000]\n`, secrets: [user, password] })),
  fc.tuple(secretArb, secretArb).map(([user, password]) => ({ yaml: `configs:\n  "http://${user}:${password}@r.example.com":\n    tls: {}\n`, secrets: [user, password] })),
  // Comments holding key: value.
  fc.tuple(credentialKeyArb, secretArb).map(([key, secret]) => ({ yaml: `mirrors:\n  docker.io:\n    # ${key}: ${secret}\n    endpoint: [https://m.example.com]\n`, secrets: [secret] })),
);

/** Ways to break a document, the way people do: a bare *, a tab, an unclosed quote or bracket. */
const breakageArb = fc.constantFrom('  *:\n    x: y\n', '\tbroken: tab\n', 'oops: "unclosed\n', 'oops: [unclosed\n', 'oops: {a: b\n', 'bad indent\n  - x\n');

const secretFileArb: fc.Arbitrary<SecretFile> = fc
  .tuple(fc.array(placementArb, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '---\n', '...\n'), fc.option(breakageArb, { freq: 3 }), fc.nat())
  .map(([placements, separator, breakage, position]) => {
    // Several placements as separate documents, or in one (top-level keys may then repeat).
    const parts = placements.map((placement) => placement.yaml);
    if (breakage !== null) parts.splice(position % (parts.length + 1), 0, breakage);
    return { yaml: parts.join(separator), secrets: placements.flatMap((placement) => placement.secrets) };
  });

/** Loadable files with credentials only where redaction leaves the resolution alone (no user info in URLs). */
const loadableSecretFileArb: fc.Arbitrary<SecretFile> = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('registry.example.com', 'r0.example.com', 'docker.io', 'quay.io', 'localhost:5000'), secretArb, secretArb), { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([entries, withMirror]) => {
    const configs = entries.map(([host, user, password]) => `  ${host}:\n    auth:\n      username: ${user}\n      password: "${password}"\n    tls:\n      insecure_skip_verify: true\n`).join('');
    const mirrors = withMirror ? 'mirrors:\n  docker.io:\n    endpoint: [https://registry.example.com, r0.example.com:5000]\n  "*":\n    endpoint: [https://r0.example.com]\n' : '';
    return { yaml: `${mirrors}configs:\n${configs}`, secrets: entries.flatMap(([, user, password]) => [user, password]) };
  });

/** Files with no credentials, with names that only look like them. */
const cleanFileArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constantFrom('docker.io', 'token', 'password.example.com', 'secret-registry.example.com', '"*"'), fc.array(fc.constantFrom('https://m.example.com', 'token.example.com:5000', 'http://localhost:5000'), { maxLength: 3 })).map(
        ([host, endpoints]) => `mirrors:\n  ${host}:\n    endpoint: [${endpoints.join(', ')}]\n    rewrite:\n      "^token/(.*)": "passwords/$1"\n`,
      ),
      fc.constantFrom('configs:\n  r.example.com:\n    tls:\n      ca_file: /etc/ssl/ca.pem\n', '# a comment about tokens\n', 'configs:\n  secret.example.com:\n'),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

describe('credential redaction in hosts.toml files', () => {
  const tree = (toml: string, dir = 'docker.io'): PlaygroundState => ({ ...defaultState, certsD: [{ dir, toml }] });
  const secretHeader = [
    'server = "https://registry-1.docker.io"',
    '',
    '[host."https://robot:s3cr3t-pw@mirror.example.com"]',
    '  capabilities = ["pull", "resolve"]',
    '  [host."https://robot:s3cr3t-pw@mirror.example.com".header]',
    '    Authorization = "Bearer eyJhbGciOiJIUzI1NiJ9.payload"',
    '    X-Api-Key = ["k-1234567890", "k-0987654321"]',
    '    x-custom = "harmless header"',
    '# token = old-token-value',
    '',
  ].join('\n');

  it('redacts header credentials, URL user info and comments, keeping the file valid TOML', () => {
    const result = redactState(tree(secretHeader));
    if (!result.safe) throw new Error(JSON.stringify(result.leaks));
    const toml = result.state.certsD[0]?.toml ?? '';
    for (const secret of ['eyJhbGciOiJIUzI1NiJ9', 'k-1234567890', 'k-0987654321', 's3cr3t-pw', 'old-token-value']) expect(toml).not.toContain(secret);
    expect(toml).toContain('Authorization = "<redacted>"');
    expect(toml).toContain('x-custom = "harmless header"');
    expect(result.redacted.filter((item) => item.file === 'docker.io').map((item) => item.line)).toEqual([3, 5, 6, 7, 9]);
    // The redacted file still reads as the same hosts, in the same order.
    const chainsOf = (state: PlaygroundState) =>
      resolve({ registriesYaml: '', images: ['nginx'], releases: undefined, hostsDirs: Object.fromEntries(state.certsD.map((file) => [file.dir, file.toml])) }).images[0]?.versions['v1.32.3+k3s1']?.chain.map((step) => step.host.host);
    expect(chainsOf(result.state)).toEqual(chainsOf(tree(secretHeader)));
  });

  it('leaves a hosts.toml without credentials byte for byte', () => {
    const clean = 'server = "https://registry-1.docker.io"\n[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n  skip_verify = true\n  [host."https://mirror.example.com".header]\n    x-custom = "value"\n';
    const result = redactState(tree(clean));
    expect(result.safe && result.state.certsD).toEqual([{ dir: 'docker.io', toml: clean }]);
  });

  it('offers no link when a header secret is also written in registries.yaml, and names the file and line', () => {
    const state = { ...tree(secretHeader), yaml: `# reminder: eyJhbGciOiJIUzI1NiJ9.payload\n${defaultState.yaml}` };
    const link = shareLink('https://play.example/', state, { includeCredentials: false });
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.leaks[0]).toMatchObject({ line: 1 });
  });

  it('never lets a header secret into the link payload or the Markdown', () => {
    fc.assert(
      fc.property(fc.constantFrom('Authorization', 'Proxy-Authorization', 'X-Registry-Token', 'Cookie', 'PRIVATE-TOKEN'), fc.stringMatching(/^[A-Za-z0-9._~+/-]{8,40}$/), fc.constantFrom('Bearer ', 'Basic ', ''), (name, secret, scheme) => {
        const toml = `[host."https://m.example.com"]\n  [host."https://m.example.com".header]\n    "${name}" = "${scheme}${secret}"\n`;
        const link = shareLink('https://play.example/', tree(toml), { includeCredentials: false });
        if (!link.ok) return;
        const decoded = decodeState(link.fragment);
        const payload = decoded.ok ? JSON.stringify(decoded.state) : '';
        expect(payload).not.toContain(secret);
        expect(markdownSummary(link.url, link.state, resolve({ registriesYaml: '', images: ['nginx'], hostsDirs: { 'docker.io': link.state.certsD[0]?.toml ?? '' } }))).not.toContain(secret);
      }),
      { numRuns: 300 },
    );
  });
});
