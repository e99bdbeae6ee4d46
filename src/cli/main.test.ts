import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { resolve } from '../resolver/index.ts';
import { runBatch } from './batch.ts';
import { imagesFromFile, main } from './main.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
const SEED = readFileSync(fixture('seed.yaml'), 'utf8');

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    readStdin: async () => stdin,
    readFile: (path) => readFileSync(path, 'utf8'),
    readDir: (path) => readdirSync(path, { withFileTypes: true }).map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() })),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('cli resolve', () => {
  it('prints a readable report of files, chains and the difference', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--images-file', fixture('images.txt'), '--image', 'NGINX']);
    expect(result.code).toBe(0);
    await expect(result.stdout.replace(fixture('seed.yaml'), 'seed.yaml')).toMatchFileSnapshot('./__snapshots__/resolve-seed.txt');
  });

  it('prints the JSON result with --format json', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--format', 'json', '--k3s', '1.32.2']);
    const json = JSON.parse(result.stdout);
    // Results are keyed by the release as asked for.
    expect(Object.keys(json.results)).toEqual(['1.32.2']);
    expect(json.results['1.32.2'].profile).toBe('P5a');
    expect(json.results['1.32.2'].images[0]).toEqual({
      image: 'nginx',
      normalized: 'docker.io/library/nginx:latest',
      error: null,
      hostsDir: '_default',
      chain: [{ url: 'https://example.com/v2/library/nginx/manifests/latest?ns=docker.io', kind: 'mirror', repository: 'library/nginx', rewriteAmbiguous: false, httpFallback: false }],
    });
  });

  it('applies the node flags', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--format', 'json', '--disable-default-registry-endpoint', '--embedded-registry']);
    const json = JSON.parse(result.stdout);
    expect(json.results['v1.32.3+k3s1'].images[0].chain.map((entry: { kind: string }) => entry.kind)).toEqual(['embedded', 'mirror']);
    expect(json.results['v1.32.3+k3s1'].hostsToml['127.0.0.1:6443']).toContain('/var/lib/rancher/k3s/agent/server-ca.crt');
  });

  it.each([
    [['resolve'], 'resolve needs --config FILE'],
    [['resolve', '--config', '/nonexistent/registries.yaml'], 'cannot read /nonexistent/registries.yaml: no such file'],
    [['resolve', '--config', fixture('seed.yaml'), '--k3s', 'latest'], '"latest" is not a K3s or RKE2 release'],
    [['resolve', '--config', fixture('seed.yaml'), '--rke2', 'v1.19.3'], 'v1.19 is older than the releases the playground models'],
    [['resolve', '--config', fixture('seed.yaml'), '--format', 'xml'], '--format must be text or json'],
    [['resolve', '--config', fixture('seed.yaml'), '--bogus'], "Unknown option '--bogus'"],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 1 with the diagnostics when K3s cannot load the file', async () => {
    const result = await run(['resolve', '--config', fixture('broken.yaml'), '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics.map((found: { code: string }) => found.code)).toContain('yaml-syntax');
    expect(result.stderr).toContain('the agent would not start');
  });
});

describe('cli batch', () => {
  it('answers a JSON array of requests in order, in one process', async () => {
    const requests = [
      { id: 'seed', registriesYaml: SEED, images: ['nginx'] },
      { id: 2, registriesYaml: '', images: ['nginx'], versions: ['v1.32.3'], disableDefaultRegistryEndpoint: true, embeddedRegistry: false },
    ];
    const result = await run(['batch'], JSON.stringify(requests));
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.map((item: { id: unknown }) => item.id)).toEqual(['seed', 2]);
    expect(Object.keys(output[0].results)).toEqual(['v1.32.2+k3s1', 'v1.32.3+k3s1']);
    expect(output[0].results['v1.32.3+k3s1'].images[0].chain).toHaveLength(2);
    expect(Object.keys(output[1].results)).toEqual(['v1.32.3']);
  });

  it('answers an invalid request with an error in its place and exits 1', async () => {
    const result = await run(['batch'], JSON.stringify([{ id: 'a', registriesYaml: 1, images: [] }, { id: 'b', registriesYaml: '', images: [], versions: ['v9'] }, { id: 'c', registriesYaml: '', images: [] }]));
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout);
    expect(output[0]).toEqual({ id: 'a', error: 'registriesYaml must be a string' });
    expect(output[1].error).toContain('"v9" is not a K3s or RKE2 release');
    expect(output[2].results).toBeDefined();
  });

  it('rejects input that is not a JSON array, without echoing it', async () => {
    expect((await run(['batch'], '{')).code).toBe(2);
    expect((await run(['batch'], '{}')).stderr).toContain('must be a JSON array');
    const binary = await run(['batch'], '\u0000\u001b]0;pwned\u0007\u00ff\u00fe');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('error: batch input is not valid JSON (13 characters read)\n\nRun with --help for usage.\n');
  });

  it('carries on past a request the engine fails on, reporting it in its place', () => {
    const requests = JSON.stringify([{ id: 'a', registriesYaml: 'boom', images: [] }, { id: 'b', registriesYaml: '', images: ['nginx'] }]);
    const engine: typeof resolve = (input) => {
      if (input.registriesYaml === 'boom') throw new RangeError('Maximum call stack size exceeded');
      return resolve(input);
    };
    const { output, failed } = runBatch(requests, engine);
    const results = JSON.parse(output);
    expect(failed).toBe(1);
    expect(results[0]).toEqual({ id: 'a', error: 'internal error: Maximum call stack size exceeded' });
    expect(results[1].results['v1.32.3+k3s1'].images[0].chain).toHaveLength(1);
  });

  it('answers a self-merge, a merge fan-out and a rewrite blow-up, each with its message', async () => {
    const fanOut = `a: &a {x: 1}\n${Array.from({ length: 9 }, (_, level) => `${String.fromCharCode(98 + level)}: &${String.fromCharCode(98 + level)} {<<: [${Array(10).fill(`*${String.fromCharCode(97 + level)}`).join(', ')}]}`).join('\n')}\nmirrors:\n  docker.io:\n    <<: *j\n`;
    const requests = [
      { id: 'self', registriesYaml: 'mirrors:\n  docker.io: &a\n    <<: *a\n', images: ['nginx'] },
      { id: 'fan', registriesYaml: fanOut, images: ['nginx'] },
      { id: 'blow', registriesYaml: `mirrors:\n  docker.io:\n    endpoint: [https://m.example.com]\n    rewrite:\n      "^(.*)$": "${'x'.repeat(900_000)}"\n`, images: ['nginx', 'redis'] },
    ];
    const result = await run(['batch'], JSON.stringify(requests));
    expect(result.code).toBe(0);
    const [self, fan, blow] = JSON.parse(result.stdout);
    expect(self.diagnostics[0].message).toContain("yaml: anchor 'a' value contains itself");
    expect(fan.diagnostics.at(-1).message).toContain('yaml: document contains excessive aliasing');
    expect(blow.results['v1.32.3+k3s1'].images[1].chain[0]).toMatchObject({ kind: 'mirror', cut: true });
    expect(blow.results['v1.32.3+k3s1'].images[1].chain[0].url.length).toBeLessThanOrEqual(4_096);
  });
});

describe('cli output is safe on a terminal', () => {
  it('escapes control characters from keys and image names in text and JSON', async () => {
    const escape = '\u001b[2J\u001b]0;title\u0007';
    const text = await run(['resolve', '--config', fixture('seed.yaml'), '--image', `nginx${escape}`, '--image', `x\u009bq`]);
    expect(text.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(text.stdout).toContain('nginx\\x1b[2J\\x1b]0;title\\x07');
    const json = await run(['resolve', '--config', fixture('seed.yaml'), '--image', `x\u009bq`, '--format', 'json']);
    expect(json.stdout).not.toMatch(/\u009b/);
    expect(JSON.parse(json.stdout).results['v1.32.2+k3s1'].images[0].image).toBe('x\u009bq');
  });
});

describe('images file', () => {
  it('skips blank lines and comments', () => {
    expect(imagesFromFile('# header\nnginx\n\n  quay.io/a/b:1  # note\n')).toEqual(['nginx', 'quay.io/a/b:1']);
  });
});

describe('npm run cli', () => {
  it('stops quietly when the reader closes the pipe early', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const images = Array.from({ length: 3_000 }, (_, index) => `--image=team/app${index}`).join(' ');
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', `set -o pipefail; npx tsx src/cli/bin.ts resolve --config ${fixture('seed.yaml')} ${images} | head -1; echo "exit=$?"`], { cwd: root, maxBuffer: 1 << 24 });
    expect(stdout).toBe(`registries.yaml: ${fixture('seed.yaml')}\nexit=0\n`);
    expect(stderr).toBe('');
  }, 60_000);

  it('runs straight from a checkout with no build step', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'cli', '--', 'resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--format', 'json'], { cwd: root });
    expect(JSON.parse(stdout).results['v1.32.2+k3s1'].images[0].hostsDir).toBe('_default');
  }, 60_000);
});

describe('cli releases', () => {
  it('resolves any K3s and RKE2 releases, in the order given, keyed as asked', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--format', 'json', '--k3s', 'v1.29.2+k3s1', '--rke2', '1.32.3']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json.results)).toEqual(['v1.29.2+k3s1', '1.32.3']);
    expect(json.results['v1.29.2+k3s1'].profile).toBe('P2');
    // January 2024: the wildcard mirror's directory has no server, so no fallback.
    expect(json.results['v1.29.2+k3s1'].images[0].chain.map((step: { kind: string }) => step.kind)).toEqual(['mirror']);
    expect(json.results['1.32.3'].profile).toBe('P5');
  });

  it('shows the config.toml section and the start-up error of a release without the node options', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--k3s', '1.25.16', '--embedded-registry']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('config.toml registry section K3s writes (1.25.16)');
    expect(result.stdout).toContain('has no --embedded-registry option');
  });

  it('puts the RKE2 paths and port in what it writes', async () => {
    const result = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--format', 'json', '--rke2', '1.32.3', '--embedded-registry']);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json.results['1.32.3'].hostsToml)).toContain('127.0.0.1:9345');
    expect(json.results['1.32.3'].hostsToml['127.0.0.1:9345']).toContain('/var/lib/rancher/rke2/agent/server-ca.crt');
    const text = await run(['resolve', '--config', fixture('seed.yaml'), '--image', 'nginx', '--rke2', '1.32.3']);
    expect(text.stdout).toContain('/var/lib/rancher/rke2/agent/etc/containerd/certs.d/_default/hosts.toml');
  });

  it('lists every release line with its profiles, as text and JSON', async () => {
    const text = await run(['versions']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/v1\.29\.3\+k3s1\s+P3\s+1\.7\.11-k3s2/);
    expect(text.stdout).toMatch(/v1\.32\.2\+k3s1\s+P5a\s+2\.0\.2-k3s2/);
    const json = JSON.parse((await run(['versions', '--rke2', '--format', 'json'])).stdout);
    expect(json.find((range: { first: string }) => range.first === 'v1.31.6+rke2r1')).toMatchObject({ last: 'v1.31.6+rke2r1', profile: 'P5a' });
    expect((await run(['versions', '--format', 'xml'])).code).toBe(2);
  });

  it('answers batch requests for any releases, with rejected files and the P1 containerd error', async () => {
    const backslash = 'mirrors:\n  docker.io:\n    endpoint: [https://mirror.example.com]\n    rewrite:\n      "^library/(\\\\w+)$": "hub/$1"\n';
    const requests = [{ id: 'old', registriesYaml: backslash, images: ['nginx'], versions: ['v1.29.0+k3s1', 'v1.29.3', 'v1.30.5+rke2r1'] }];
    const [answer] = JSON.parse((await run(['batch'], JSON.stringify(requests))).stdout);
    expect(Object.keys(answer.results)).toEqual(['v1.29.0+k3s1', 'v1.29.3', 'v1.30.5+rke2r1']);
    expect(answer.results['v1.29.0+k3s1']).toMatchObject({ profile: 'P1', containerdError: 'failed to load TOML: (10, 5): parsing error: invalid escape sequence: \\w', hostsToml: {} });
    expect(answer.results['v1.29.0+k3s1'].configToml).toContain('[plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]');
    expect(answer.results['v1.29.0+k3s1'].images[0].chain).toEqual([]);
    expect(answer.results['v1.29.3'].rejectedFiles).toEqual([{ dir: 'docker.io', error: 'failed to parse TOML: (11, 5): parsing error: invalid escape sequence: \\w' }]);
    expect(answer.results['v1.30.5+rke2r1'].profile).toBe('P4');
  });
});

describe('cli and batch with certs.d trees', () => {
  const tree = {
    _default: '[host."https://cache.example.com"]\n  capabilities = ["pull", "resolve"]\n',
    'docker.io': 'server = "https://registry-1.docker.io"\n\n[host."https://mirror.example.com"]\n  capabilities = ["pull", "resolve"]\n',
  };

  it('batch takes hostsDirs without registriesYaml, and containerd releases beside K3s ones', async () => {
    const request = { id: 'tree', registriesYaml: '', hostsDirs: tree, images: ['nginx', 'ghcr.io/x/y'], versions: ['v1.32.2+k3s1', 'v1.32.3+k3s1', 'containerd v2.0.4'] };
    const result = await run(['batch'], JSON.stringify([request, { id: 'no-yaml', hostsDirs: tree, images: ['ghcr.io/x/y'] }]));
    expect(result.code).toBe(0);
    const [withYaml, containerdOnly] = JSON.parse(result.stdout) as { results: Record<string, { images: { hostsDir: string | null; chain: { url: string }[] }[] }> }[];
    const urls = (id: string, image: number) => withYaml?.results[id]?.images[image]?.chain.map((step) => step.url);
    expect(withYaml?.results['containerd v2.0.4']?.images[1]?.hostsDir).toBe('_default');
    expect(urls('containerd v2.0.4', 1)).toEqual(['https://cache.example.com/v2/x/y/manifests/latest?ns=ghcr.io', 'https://ghcr.io/v2/x/y/manifests/latest']);
    // No server line: the fork never falls back, upstream does.
    expect(urls('v1.32.3+k3s1', 1)).toEqual(['https://cache.example.com/v2/x/y/manifests/latest?ns=ghcr.io']);
    expect(urls('v1.32.2+k3s1', 0)).toEqual(['https://mirror.example.com/v2/library/nginx/manifests/latest?ns=docker.io', 'https://registry-1.docker.io/v2/library/nginx/manifests/latest']);
    // Without registriesYaml, the default releases are plain containerd's.
    expect(Object.keys(containerdOnly?.results ?? {})).toEqual(['containerd v1.7.25', 'containerd v2.0.4']);
  });

  it('batch refuses a directory name containerd could not look up, in its place', async () => {
    const result = await run(['batch'], JSON.stringify([{ id: 1, hostsDirs: { '../etc': '' }, images: [] }, { id: 2, hostsDirs: { a: 1 }, images: [] }]));
    const answers = JSON.parse(result.stdout) as { id: number; error?: string }[];
    expect(answers.map((answer) => answer.error)).toEqual([expect.stringContaining('one directory name'), expect.stringContaining('must be the hosts.toml text')]);
    expect(result.code).toBe(1);
  });

  it('resolve --hosts-dir reads a real certs.d folder, with or without --config', async () => {
    const alone = await run(['resolve', '--hosts-dir', fixture('certs.d'), '--image', 'ghcr.io/x/y', '--image', 'quay.io/a/b:1', '--containerd', '2.0.4', '--k3s', 'v1.32.3+k3s1', '--format', 'json']);
    expect(alone.code).toBe(0);
    const json = JSON.parse(alone.stdout) as { results: Record<string, { yourDirs?: { dir: string; fate: string }[]; images: { hostsDir: string | null }[] }> };
    expect(Object.keys(json.results)).toEqual(['2.0.4', 'v1.32.3+k3s1']);
    // quay.io holds only a ca.crt: the directory still shadows _default.
    expect(json.results['2.0.4']?.images.map((image) => image.hostsDir)).toEqual(['_default', 'quay.io']);
    const withConfig = await run(['resolve', '--config', fixture('seed.yaml'), '--hosts-dir', fixture('certs.d'), '--image', 'nginx', '--k3s', 'v1.29.4', '--k3s', 'v1.31.5']);
    expect(withConfig.code).toBe(0);
    expect(withConfig.stdout).toContain('v1.29.4: docker.io/hosts.toml deleted: deleted at start-up on v1.29.4+k3s1');
    expect(withConfig.stdout).toMatch(/_default\/hosts.toml:1:1 warning hosts-dir-replaced/);
  });
});

describe('cli explain-error', () => {
  const notFound = 'rpc error: code = NotFound desc = failed to pull and unpack image "quay.io/coreos/etcd:v3.6.0-rc.1": failed to resolve reference "quay.io/coreos/etcd:v3.6.0-rc.1": quay.io/coreos/etcd:v3.6.0-rc.1: not found';
  it('reads the #11857 error on the seed: the v1.32.2 chain has no fallback, v1.32.3 has one', async () => {
    const result = await run(['explain-error', '--config', fixture('seed.yaml')], notFound);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Error: not-found');
    expect(result.stdout).toContain('Image: quay.io/coreos/etcd:v3.6.0-rc.1');
    expect(result.stdout).toMatch(/v1\.32\.2\+k3s1: fits this chain\n {2}step 1 mirror {3}https:\/\/example\.com\/v2\/coreos\/etcd\/manifests\/v3\.6\.0-rc\.1\?ns=quay\.io/);
    expect(result.stdout).toContain('v1.32.2+k3s1 never fall back to quay.io');
    const json = JSON.parse((await run(['explain-error', '--config', fixture('seed.yaml'), '--format', 'json'], notFound)).stdout) as { releases: { id: string; steps: unknown[] }[] };
    expect(json.releases.map((release) => [release.id, release.steps.length])).toEqual([
      ['v1.32.2+k3s1', 1],
      ['v1.32.3+k3s1', 2],
    ]);
  });

  it('asks for the error text when stdin is empty', async () => {
    const result = await run(['explain-error'], '   ');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reads the error text on stdin');
  });
});

describe('cli lint', () => {
  const lintArgs = ['lint', fixture('lint.yaml'), '--k3s', 'v1.32.2+k3s1', '--k3s', 'v1.32.3+k3s1'];
  const relative = (text: string) => text.replaceAll(fixture('lint.yaml'), 'lint.yaml');

  it('prints GitHub workflow annotations at each finding', async () => {
    const result = await run([...lintArgs, '--format', 'github']);
    expect(result.code).toBe(1);
    await expect(relative(result.stdout)).toMatchFileSnapshot('./__snapshots__/lint-github.txt');
    for (const line of result.stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/);
  });

  it('prints SARIF 2.1.0 that the schema accepts, one rule per code with its help, regions per result', async () => {
    const result = await run([...lintArgs, '--format', 'sarif']);
    await expect(relative(result.stdout)).toMatchFileSnapshot('./__snapshots__/lint.sarif.json');
    const { default: Ajv } = await import('ajv-draft-04');
    const { default: addFormats } = await import('ajv-formats');
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/sarif/sarif-2.1.0-rtm.5.json', import.meta.url)), 'utf8')) as object;
    // The schema's language pattern is not valid with the u flag (a stray ]): compile patterns as the schema's authors did.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [firstRun] = log.runs;
    expect(new Set(firstRun?.tool.driver.rules.map((rule) => rule.id)).size).toBe(firstRun?.tool.driver.rules.length);
    expect(firstRun?.tool.driver.rules.every((rule) => rule.help.text.length > 10)).toBe(true);
    expect(firstRun?.results.length).toBeGreaterThan(2);
    expect(firstRun?.results.every((item) => item.locations[0]?.physicalLocation.region.startLine !== undefined)).toBe(true);
  });

  it('links every finding to its code\'s page in each format, under --rules-url when given', async () => {
    const site = 'https://mirror.internal.example/playground/';
    const page = (code: string) => `${site}rules/${code}.html`;
    const github = (await run([...lintArgs, '--format', 'github', '--rules-url', site])).stdout.trim().split('\n');
    for (const line of github) expect(line).toContain(`(${page(/title=([a-z-]+)::/.exec(line)?.[1] ?? '?')})`);
    const sarif = JSON.parse((await run([...lintArgs, '--format', 'sarif', '--rules-url', site])).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } } }[] };
    for (const rule of sarif.runs[0]?.tool.driver.rules ?? []) expect(rule.helpUri).toBe(page(rule.id));
    const json = JSON.parse((await run([...lintArgs, '--format', 'json', '--rules-url', site])).stdout) as { diagnostics: { code: string; help: string }[] }[];
    for (const found of json.flatMap((file) => file.diagnostics)) expect(found.help).toBe(page(found.code));
    const text = (await run([...lintArgs, '--rules-url', site])).stdout;
    for (const found of json.flatMap((file) => file.diagnostics)) expect(text).toContain(`  ${found.code}  ${page(found.code)}\n`);
    expect((await run([...lintArgs, '--rules-url', 'javascript:alert(1)'])).code).toBe(2);
  });

  it('sets the exit code by --fail-on', async () => {
    const clean = ['lint', fixture('seed.yaml'), '--k3s', 'v1.32.3+k3s1'];
    expect((await run([...lintArgs, '--fail-on', 'error'])).code).toBe(1);
    expect((await run(clean)).code).toBe(0);
    const seedWarns = ['lint', fixture('seed.yaml'), '--k3s', 'v1.32.2+k3s1'];
    expect((await run([...seedWarns, '--fail-on', 'error'])).code).toBe(0);
    expect((await run([...seedWarns, '--fail-on', 'warning'])).code).toBe(1);
    expect((await run([...seedWarns, '--fail-on', 'note'])).code).toBe(1);
    expect((await run([...lintArgs, '--fail-on', 'sometimes'])).code).toBe(2);
    expect((await run(['lint'])).code).toBe(2);
  });

  it('checks against the newest release and each release where the file behaves differently when none are named', async () => {
    const result = await run(['lint', fixture('seed.yaml'), '--format', 'json']);
    const [file] = JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] }[];
    const message = file?.diagnostics.find((found) => found.code === 'wildcard-no-fallback')?.message ?? '';
    expect(message).toContain('v1.32.2+k3s1 (fixed in v1.32.3+k3s1)');
    expect(message).toContain('v1.31.6+k3s1 (fixed in v1.31.7+k3s1)');
  });
});

describe('cli render', () => {
  it('writes the element\'s markup with inline styles, and a Markdown table, linking to the playground without credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-'));
    const config = join(dir, 'registries.yaml');
    writeFileSync(config, `${SEED}configs:\n  example.com:\n    auth:\n      username: robot\n      password: hunter2-very-secret\n`);
    const html = await run(['render', '--config', config, '--image', 'nginx:1.27', '--playground', 'https://docs.example/pg/']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<strong>Differs:</strong> v1.32.2+k3s1 never falls back to registry-1.docker.io');
    expect(html.stdout).not.toContain('class=');
    const link = /href="(https:\/\/docs\.example\/pg\/#[^"]+)"/.exec(html.stdout)?.[1] ?? '';
    const { decodeState } = await import('../share/codec.ts');
    const decoded = decodeState(link.slice(link.indexOf('#') + 1));
    expect(decoded.ok && decoded.state.yaml).toContain('password: "<redacted>"');
    expect(html.stdout).not.toContain('hunter2');
    const md = await run(['render', '--config', config, '--image', 'nginx:1.27', '--k3s', 'v1.32.3+k3s1', '--format', 'md']);
    expect(md.stdout.split('\n').slice(0, 2)).toEqual(['| Image | v1.32.3+k3s1 |', '|---|---|']);
    expect(md.stdout).toContain('✓ pulled from registry-1.docker.io');
    expect((await run(['render', '--config', config, '--format', 'pdf'])).code).toBe(2);
    expect((await run(['render', '--config', config, '--playground', 'javascript:alert(1)'])).code).toBe(2);
  });
});
