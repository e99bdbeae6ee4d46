import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { certsFromTar, certsToTar, TAR_LIMITS } from './certsTar.ts';

const tree = [
  { dir: '_default', toml: '[host."https://cache.example.com"]\n  capabilities = ["pull", "resolve"]\n' },
  { dir: 'docker.io', toml: 'server = "https://registry-1.docker.io"\n# ünïcødé\n' },
  { dir: `${'long-registry-name.'.repeat(6)}example.com_5000_`, toml: '' },
];

describe('certs.d as tar', () => {
  it('writes an archive the system tar reads back byte for byte', () => {
    const folder = mkdtempSync(join(tmpdir(), 'certs-tar-'));
    writeFileSync(join(folder, 'certs.tar'), certsToTar(tree));
    execFileSync('tar', ['-xf', 'certs.tar'], { cwd: folder });
    for (const file of tree) expect(readFileSync(join(folder, 'certs.d', file.dir, 'hosts.toml'), 'utf8')).toBe(file.toml);
  });

  it('reads what the system tar makes, gzipped or not; a directory with only certificates counts, empty', () => {
    const folder = mkdtempSync(join(tmpdir(), 'certs-tar-'));
    for (const file of tree) {
      mkdirSync(join(folder, 'etc', 'containerd', 'certs.d', file.dir), { recursive: true });
      writeFileSync(join(folder, 'etc', 'containerd', 'certs.d', file.dir, 'hosts.toml'), file.toml);
    }
    mkdirSync(join(folder, 'etc', 'containerd', 'certs.d', 'quay.io'));
    writeFileSync(join(folder, 'etc', 'containerd', 'certs.d', 'quay.io', 'ca.crt'), '-----BEGIN CERTIFICATE-----\n');
    execFileSync('tar', ['-czf', 'certs.tgz', '-C', join(folder, 'etc'), 'containerd'], { cwd: folder });
    const read = certsFromTar(readFileSync(join(folder, 'certs.tgz')));
    if (!read.ok) throw new Error(read.error);
    expect(Object.fromEntries(read.files.map((file) => [file.dir, file.toml]))).toEqual({ ...Object.fromEntries(tree.map((file) => [file.dir, file.toml])), 'quay.io': '' });
    execFileSync('tar', ['-cf', 'inner.tar', '.'], { cwd: join(folder, 'etc', 'containerd', 'certs.d') });
    const inner = certsFromTar(readFileSync(join(folder, 'etc', 'containerd', 'certs.d', 'inner.tar')));
    expect(inner.ok && inner.files.map((file) => file.dir).sort()).toEqual([...tree.map((file) => file.dir), 'quay.io'].sort());
  });

  it('round-trips its own archives', () => {
    const read = certsFromTar(certsToTar(tree));
    expect(read.ok && read.files).toEqual(tree);
  });

  it('refuses what is not a tar, a damaged one and a gzip bomb, with a message', () => {
    expect(certsFromTar(new TextEncoder().encode('server = "x"\n'.repeat(100)))).toMatchObject({ ok: false });
    const archive = certsToTar(tree);
    expect(certsFromTar(archive.subarray(0, 700))).toMatchObject({ ok: false, error: expect.stringContaining('cut short') });
    const bomb = gzipSync(new Uint8Array(TAR_LIMITS.expandedBytes + 1_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    expect(certsFromTar(bomb)).toMatchObject({ ok: false, error: expect.stringContaining('expands to more than') });
    expect(certsFromTar(new Uint8Array([0x1f, 0x8b, 1, 2, 3]))).toMatchObject({ ok: false });
  });
});
