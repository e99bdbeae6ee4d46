import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../scripts/package.ts';

const run = promisify(execFile);
const SEED = 'mirrors:\n  "*":\n    endpoint:\n      - "example.com"\n';

/** Runs a command in the folder, and returns its exit code with its output (a failing exit is an answer, not a throw). */
async function exec(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, maxBuffer: 20_000_000, env: { ...process.env, npm_lifecycle_event: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('the npm package', () => {
  it('packs, installs from the tarball alone, runs lint and resolve with node, and imports typed ESM', { timeout: 300_000 }, async () => {
    const tarball = buildPackage();
    const packed = (await exec('tar', ['tzf', tarball], tmpdir())).stdout.trim().split('\n');
    // Only what the package needs: compiled JavaScript, its types, the manifest and the README.
    expect(packed.every((path) => /^package\/(package\.json|README\.md|dist\/.+\.(js|d\.ts))$/.test(path)), packed.filter((path) => !/\.(js|d\.ts)$/.test(path)).join(' ')).toBe(true);
    expect(packed.some((path) => /\.test\.|\/app\/|\/element\//.test(path))).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), 'k3s-rp-install-'));
    const install = await exec('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], dir);
    expect(install.code, install.stderr).toBe(0);
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules/k3s-registry-playground/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // No tsx, no dev dependencies at run time.
    expect(Object.keys(installed.dependencies).sort()).toEqual(['fflate', 're2js', 'smol-toml', 'yaml']);

    writeFileSync(join(dir, 'registries.yaml'), SEED);
    const bin = join(dir, 'node_modules/.bin/k3s-registry-playground');
    const lint = await exec(process.execPath, [bin, 'lint', 'registries.yaml', '--format', 'github', '--fail-on', 'warning'], dir);
    expect(lint.code).toBe(1);
    expect(lint.stdout).toMatch(/^::warning file=registries\.yaml,line=2,col=3,.*title=wildcard-no-fallback::/);
    const resolved = await exec(process.execPath, [bin, 'resolve', '--config', 'registries.yaml', '--image', 'nginx:1.27', '--format', 'json'], dir);
    expect(resolved.code).toBe(0);
    const json = JSON.parse(resolved.stdout) as { results: Record<string, { images: { chain: { url: string }[] }[] }> };
    expect(json.results['v1.32.3+k3s1']?.images[0]?.chain.map((step) => step.url)).toEqual([
      'https://example.com/v2/library/nginx/manifests/1.27?ns=docker.io',
      'https://registry-1.docker.io/v2/library/nginx/manifests/1.27',
    ]);
    expect((await exec(process.execPath, [bin, '--help'], dir)).stdout).toContain('k3s-registry-playground lint FILE...');

    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { resolve, releaseOf, type Resolution } from 'k3s-registry-playground';
import { lintFile, renderLint, type LintedFile } from 'k3s-registry-playground/lint';
import { encodeState, decodeState, defaultState } from 'k3s-registry-playground/share';

const resolution: Resolution = resolve({ registriesYaml: ${JSON.stringify(SEED)}, images: ['nginx:1.27'], releases: [releaseOf('v1.32.2+k3s1'), releaseOf('v1.32.3+k3s1')] });
const lengths: number[] = resolution.images.map((image) => Object.keys(image.versions).length);
const files: LintedFile[] = lintFile('registries.yaml', ${JSON.stringify(SEED)}, { images: ['nginx'] });
const decoded = decodeState(encodeState({ ...defaultState, images: ['busybox'] }));
const images: string[] = decoded.ok ? decoded.state.images : [];
export const summary = { lengths, codes: files.flatMap((file) => file.diagnostics.map((found) => found.code)), images, github: renderLint(files, 'github').length > 0 };
`,
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }));
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const typecheck = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
    expect(typecheck.stdout + typecheck.stderr).toBe('');
    expect(typecheck.code).toBe(0);

    writeFileSync(
      join(dir, 'check.mjs'),
      `import { resolve, releaseOf } from 'k3s-registry-playground';
import { lintFile } from 'k3s-registry-playground/lint';
import { encodeState, decodeState, defaultState } from 'k3s-registry-playground/share';
const resolution = resolve({ registriesYaml: ${JSON.stringify(SEED)}, images: ['nginx:1.27'], releases: [releaseOf('v1.32.2+k3s1'), releaseOf('v1.32.3+k3s1')] });
const decoded = decodeState(encodeState({ ...defaultState, images: ['busybox'] }));
console.log(JSON.stringify({
  chains: resolution.images[0].versions['v1.32.2+k3s1'].chain.length + '/' + resolution.images[0].versions['v1.32.3+k3s1'].chain.length,
  codes: lintFile('registries.yaml', ${JSON.stringify(SEED)}, { images: ['nginx'] }).flatMap((file) => file.diagnostics.map((found) => found.code)),
  images: decoded.ok ? decoded.state.images : null,
}));
`,
    );
    const imported = await exec(process.execPath, ['check.mjs'], dir);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ chains: '1/2', codes: ['wildcard-no-fallback'], images: ['busybox'] });
  });
});
