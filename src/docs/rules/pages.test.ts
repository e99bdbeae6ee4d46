import { describe, expect, it } from 'vitest';
import { decodeState } from '../../share/codec.ts';
import { diagnosticCodes, type DiagnosticCode } from '../../resolver/index.ts';
import { ruleUrl } from '../../share/ruleLinks.ts';
import { affectedReleases } from './affected.ts';
import { ruleExamples } from './examples.ts';
import { rulePage, rulesSite } from './pages.ts';

describe('rule pages', () => {
  const site = rulesSite();

  it('has one page per diagnostic code, and an index linking to each', () => {
    const codes = Object.keys(diagnosticCodes);
    expect(Object.keys(site).sort()).toEqual(['index.html', ...codes.map((code) => `${code}.html`)].sort());
    for (const code of codes) expect(site['index.html']).toContain(`href="./${code}.html"`);
  });

  it('shows, for each code, what it means, why, an example, the fix and the affected releases', () => {
    for (const code of Object.keys(diagnosticCodes)) {
      const html = site[`${code}.html`] ?? '';
      for (const heading of ['What it means', 'Why', 'Minimal example', 'Fix', 'Affected releases']) expect(html, `${code}: ${heading}`).toContain(`<h2>${heading}</h2>`);
      expect(html).toContain('<mark>');
    }
  });

  it('opens the example in the playground with its files and releases', () => {
    const page = rulePage('hosts-dir-deleted');
    const html = site['hosts-dir-deleted.html'] ?? '';
    const fragment = /href="\.\.\/#([^"]+)"/.exec(html)?.[1] ?? '';
    const decoded = decodeState(fragment);
    expect(decoded.ok && decoded.state.certsD).toEqual([{ dir: 'quay.io', toml: '[host."https://m.example.com"]\n' }]);
    expect(decoded.ok && decoded.state.versions).toEqual(page.example.releases);
  });

  it('computes affected releases from the engine: #11857 on exactly v1.31.6 and v1.32.2 among 1.31 and 1.32', () => {
    const affected = affectedReleases('wildcard-no-fallback', ruleExamples['wildcard-no-fallback']);
    expect(affected.k3s.filter((run) => run.line === '1.31' || run.line === '1.32')).toEqual([
      { line: '1.31', first: 'v1.31.6+k3s1', last: 'v1.31.6+k3s1' },
      { line: '1.32', first: 'v1.32.2+k3s1', last: 'v1.32.2+k3s1' },
    ]);
    expect(affected.allK3s).toBe(false);
    // config.toml releases never read certs.d, so a finding inside your hosts.toml does not affect them.
    const unknownKey = affectedReleases('hosts-toml-unknown-key', ruleExamples['hosts-toml-unknown-key']);
    expect(unknownKey.allContainerd).toBe(true);
    expect(unknownKey.k3s.some((run) => run.line === '1.25')).toBe(false);
  });

  it('addresses each page under a site, relative or absolute', () => {
    expect(ruleUrl('unknown-key', 'https://docs.example.com/playground')).toBe('https://docs.example.com/playground/rules/unknown-key.html');
    const code: DiagnosticCode = 'yaml-syntax';
    expect(ruleUrl(code)).toMatch(/^https:\/\/.+\/rules\/yaml-syntax\.html$/);
  });
});
