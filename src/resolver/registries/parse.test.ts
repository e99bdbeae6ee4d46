import { describe, expect, it } from 'vitest';
import { parseRegistriesYaml } from './parse.ts';

function load(text: string) {
  const parsed = parseRegistriesYaml(text);
  return {
    ...parsed,
    codes: parsed.diagnostics.map((found) => found.code),
    mirrors: Object.fromEntries([...parsed.registry.mirrors].map(([key, mirror]) => [key, mirror.endpoints.map((endpoint) => endpoint.value)])),
  };
}

describe('registries.yaml is read with gopkg.in/yaml.v2 semantics', () => {
  it('treats an empty file, a comment-only file and an empty document as no registries', () => {
    for (const text of ['', '# nothing\n', '---\n']) {
      const parsed = load(text);
      expect(parsed.loadable).toBe(true);
      expect(parsed.registry.mirrors.size + parsed.registry.configs.size).toBe(0);
    }
  });

  it('accepts YAML 1.1 booleans in every casing for bool fields', () => {
    for (const value of ['yes', 'Yes', 'YES', 'on', 'ON', 'y', 'TRUE', 'true']) {
      const parsed = load(`configs:\n  r.example.com:\n    tls:\n      insecure_skip_verify: ${value}\n`);
      expect(parsed.loadable, value).toBe(true);
      expect(parsed.registry.configs.get('r.example.com')?.tls?.insecureSkipVerify, value).toBe(true);
    }
  });

  it('rejects a quoted "true" for a bool, with yaml.v2 wording: the agent does not start', () => {
    const parsed = load('configs:\n  r.example.com:\n    tls:\n      insecure_skip_verify: "true"\n');
    expect(parsed.loadable).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'yaml-type', severity: 'error' });
    expect(parsed.diagnostics[0]?.message).toContain('cannot unmarshal !!str `true` into bool');
  });

  it('keeps any scalar verbatim in a string field', () => {
    const parsed = load('configs:\n  r.example.com:\n    auth:\n      username: 0x10\n      password: yes\n');
    expect(parsed.registry.configs.get('r.example.com')?.auth).toMatchObject({ username: '0x10', password: 'yes' });
  });

  it('shortens long values in type errors the way yaml.v2 does', () => {
    const parsed = load('mirrors:\n  docker.io:\n    endpoint: https://mirror.example.com\n');
    expect(parsed.diagnostics[0]?.message).toContain('cannot unmarshal !!str `https:/...` into []string');
  });

  it('rejects a list where a map belongs', () => {
    const parsed = load('mirrors:\n  - docker.io\n');
    expect(parsed.diagnostics[0]?.message).toContain('cannot unmarshal !!seq into map[string]registries.Mirror');
  });

  it('says how to write the value a type error wanted', () => {
    const fix = (text: string) => load(text).diagnostics[0]?.message ?? '';
    expect(fix('mirrors:\n  docker.io:\n    endpoint: https://m.example.com\n')).toMatch(/`endpoint` takes a list: `endpoint: \["https:\/\/mirror\.example\.com"\]`/);
    expect(fix('mirrors:\n  docker.io:\n    rewrite:\n      - "^(.*)": "x/$1"\n')).toMatch(/`rewrite` takes pattern: replacement pairs, without `- `/);
    expect(fix('mirrors:\n  - docker.io\n')).toMatch(/`mirrors` takes registry names as keys, without `- `/);
    expect(fix('configs:\n  r.io:\n    tls:\n      insecure_skip_verify: "true"\n')).toMatch(/Write `true` or `false`, without quotes\.$/);
  });

  it('keeps a null mirror as present with no endpoints', () => {
    expect(load('mirrors:\n  docker.io:\n').mirrors).toEqual({ 'docker.io': [] });
  });

  it('merges a repeated top-level section into the earlier one and says so', () => {
    const parsed = load('mirrors:\n  a.io:\n    endpoint: [x]\nmirrors:\n  b.io:\n    endpoint: [y]\n');
    expect(parsed.mirrors).toEqual({ 'a.io': ['x'], 'b.io': ['y'] });
    expect(parsed.codes).toEqual(['duplicate-key']);
  });

  it('replaces a repeated map entry and a repeated list', () => {
    expect(load('mirrors:\n  a.io:\n    endpoint: [x]\n  a.io:\n    endpoint: [y]\n').mirrors).toEqual({ 'a.io': ['y'] });
    expect(load('mirrors:\n  a.io:\n    endpoint: [x]\n    endpoint: [y]\n').mirrors).toEqual({ 'a.io': ['y'] });
  });

  it('applies anchors and << merge keys in key order, like yaml.v2', () => {
    const parsed = load('configs:\n  gcr.io: &gcr\n    auth:\n      username: _json_key\n  eu.gcr.io:\n     <<: *gcr\n');
    expect(parsed.registry.configs.get('eu.gcr.io')?.auth?.username).toBe('_json_key');
    // A key written before << is overridden by the merge (yaml.v2 merges in place).
    const order = load('base: &b\n  endpoint: [from-merge]\nmirrors:\n  a.io:\n    endpoint: [explicit]\n    <<: *b\n');
    expect(order.mirrors).toEqual({ 'a.io': ['from-merge'] });
  });

  it('warns about unknown keys with a suggestion, and about auth.token', () => {
    const parsed = load('mirrors:\n  docker.io:\n    endoint:\n      - x\nconfigs:\n  r.io:\n    insecure_skip_verify: true\n    auth:\n      token: abc\n');
    expect(parsed.codes).toEqual(['unknown-key', 'unknown-key', 'auth-token-field']);
    expect(parsed.diagnostics[0]?.message).toContain('Did you mean `endpoint`?');
    expect(parsed.diagnostics[1]?.message).toContain('belongs under `tls:`');
    expect(parsed.mirrors).toEqual({ 'docker.io': [] });
  });

  it('explains an unquoted * key', () => {
    const parsed = load('mirrors:\n  *:\n    endpoint: [x]\n');
    expect(parsed.loadable).toBe(false);
    expect(parsed.diagnostics.some((found) => found.message.includes('Quote the wildcard key'))).toBe(true);
  });

  it('reports a syntax error at its position and loads nothing', () => {
    const text = 'mirrors:\n registry.example.com\n   endpoint:\n     - "https://registry.example.com:443"\n';
    const parsed = load(text);
    expect(parsed.loadable).toBe(false);
    expect(parsed.codes[0]).toBe('yaml-syntax');
    expect(parsed.diagnostics[0]?.span.start).toBeGreaterThan(0);
  });

  it('reads only the first document', () => {
    const parsed = load('mirrors:\n  a.io:\n---\nmirrors:\n  b.io:\n');
    expect(parsed.mirrors).toEqual({ 'a.io': [] });
    expect(parsed.codes).toEqual(['yaml-multiple-documents']);
  });
});
