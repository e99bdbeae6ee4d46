/**
 * Builds the npm package into build/package and packs it into build/: the engine, lint, the share
 * codec and the CLI compiled to ESM with .d.ts (tsconfig.package.json), a package.json whose
 * runtime dependencies are exactly the root's pinned versions, and the package README. Prints the
 * tarball's path. Nothing is published.
 *
 *   npx tsx scripts/package.ts
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { listFiles } from './files.ts';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'build/package');
/** What the compiled code imports at run time (checked below against the compiled files). */
const RUNTIME_DEPENDENCIES = ['fflate', 're2js', 'smol-toml', 'yaml'] as const;

export function buildPackage(): string {
  rmSync(join(root, 'build'), { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.package.json')], { cwd: root, stdio: 'inherit' });
  const files = listFiles(join(out, 'dist'));
  for (const file of files.filter((path) => path.endsWith('.d.ts'))) {
    // tsc keeps the sources' `.ts` specifiers in declarations; consumers resolve the emitted `.js`.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]*?)\.ts(['"])/g, '$1.js$2'));
  }
  checkImports(files);
  chmodSync(join(out, 'dist/cli/bin.js'), 0o755);
  const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; description: string; dependencies: Record<string, string> };
  const entry = (name: string) => ({ types: `./dist/package/${name}.d.ts`, import: `./dist/package/${name}.js` });
  const manifest = {
    name: 'k3s-registry-playground',
    version: rootPackage.version,
    description: rootPackage.description,
    type: 'module',
    license: 'UNLICENSED',
    keywords: ['k3s', 'rke2', 'containerd', 'registries.yaml', 'hosts.toml', 'registry mirror', 'lint', 'sarif'],
    engines: { node: '>=20' },
    bin: { 'k3s-registry-playground': 'dist/cli/bin.js' },
    exports: { '.': entry('index'), './lint': entry('lint'), './share': entry('share'), './package.json': './package.json' },
    types: './dist/package/index.d.ts',
    files: ['dist'],
    sideEffects: ['./dist/cli/bin.js'],
    dependencies: Object.fromEntries(RUNTIME_DEPENDENCIES.map((name) => [name, rootPackage.dependencies[name]])),
  };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyFileSync(join(root, 'src/package/README.md'), join(out, 'README.md'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', join(root, 'build')], { cwd: out, encoding: 'utf8' })) as { filename: string }[];
  if (packed === undefined) throw new Error('npm pack wrote nothing');
  return join(root, 'build', packed.filename);
}


/** Every bare import of the compiled code is Node's own or a declared dependency: nothing from devDependencies. */
function checkImports(files: readonly string[]): void {
  for (const file of files) {
    for (const [, fromStatement, dynamic] of readFileSync(file, 'utf8').matchAll(/^(?:import|export|\})[^'"\n]*from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const specifier = fromStatement ?? dynamic;
      if (specifier === undefined || specifier.startsWith('.') || specifier.startsWith('node:')) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
      if (!(RUNTIME_DEPENDENCIES as readonly string[]).includes(name)) throw new Error(`${file} imports ${specifier}, which is not a runtime dependency of the package`);
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(buildPackage());
}
