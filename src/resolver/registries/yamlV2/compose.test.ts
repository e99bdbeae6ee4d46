import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { parseRegistriesYaml } from '../parse.ts';
import { firstYamlV2SyntaxError, readFirstYamlV2Document, type YamlNode } from './compose.ts';

describe('yaml.v2 syntax errors, as K3s logs them', () => {
  // go-yaml v2.4.0 decode_test.go unmarshalErrorTests: the syntax cases, message for message.
  it.each([
    ['v: [A,', 'line 1: did not find expected node content'],
    ['v:\n- [A,', 'line 2: did not find expected node content'],
    ['a:\n- b: *,', 'line 2: did not find expected alphabetic or numeric character'],
    ['value: -', 'block sequence entries are not allowed in this context'],
    ["%TAG !%79! tag:yaml.org,2002:\n---\nv: !%79!int '1'", 'did not find expected whitespace'],
    ['a:\n  1:\nb\n  2:', "line 4: could not find expected ':'"],
  ])('%j: %s', (text, message) => {
    expect(firstYamlV2SyntaxError(text)?.message).toBe(message);
  });

  // The mistakes operators make in registries.yaml, with libyaml's own wording and line quirk
  // (scanner errors count lines from 1; parser errors print the 0-based line of the token).
  it.each([
    ['a bare * key', 'mirrors:\n  *:\n    endpoint: [x]\n', 'line 2: did not find expected alphabetic or numeric character', 2],
    ['a key without its colon', 'mirrors:\n  docker.io\n    endpoint: [x]\n', 'line 3: mapping values are not allowed in this context', 3],
    ['a key indented one space less', 'mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com"\n   rewrite:\n', 'line 4: did not find expected key', 5],
    ['a tab used for indentation', 'mirrors:\n\tdocker.io:\n', 'line 2: found character that cannot start any token', 2],
    ['an unclosed quote', 'mirrors:\n  docker.io:\n    endpoint: ["https://m.example.com]\n', 'line 4: found unexpected end of stream', 4],
    ['a value after a value', 'mirrors: docker.io: x\n', 'mapping values are not allowed in this context', 1],
    ['a list item after a mapping', 'mirrors:\n  docker.io: {}\n- x\n', "line 2: did not find expected key", 3],
  ])('%s', (_name, text, message, line) => {
    const found = firstYamlV2SyntaxError(text);
    expect(found?.message).toBe(message);
    expect(text.slice(0, found?.start).split('\n').length).toBe(line);
  });

  it('accepts what yaml.v2 accepts, and stops at the end of the first document', () => {
    expect(firstYamlV2SyntaxError('mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com"\n')).toBeNull();
    expect(firstYamlV2SyntaxError('')).toBeNull();
    expect(firstYamlV2SyntaxError('# only a comment\n')).toBeNull();
    expect(firstYamlV2SyntaxError('a: 1\n---\nb: [\n')).toBeNull();
    expect(firstYamlV2SyntaxError('\ufeffmirrors: {}\n')).toBeNull();
  });

  it('rejects control characters without a line, as the reader does', () => {
    expect(firstYamlV2SyntaxError('mirrors:\u0007\n')?.message).toBe('control characters are not allowed');
  });

  it('gives a bad indentation exactly one error, in yaml.v2 words, at its line', () => {
    const parsed = parseRegistriesYaml('mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example.com"\n   rewrite:\n     "^(.*)$": "x/$1"\n');
    expect(parsed.loadable).toBe(false);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]?.message).toMatch(/^K3s cannot load registries\.yaml and the agent fails to start: yaml: line 4: did not find expected key\./);
  });

  it('stays linear on deep and long input', () => {
    expect(firstYamlV2SyntaxError('['.repeat(20_000))?.message).toBe('exceeded max depth of 10000');
    expect(firstYamlV2SyntaxError(`a: ${'x'.repeat(200_000)}\n`)).toBeNull();
  });

  it('ends the first document where yaml.v2 stops reading', () => {
    const ending = (text: string) => {
      const read = readFirstYamlV2Document(text);
      return read.error === null ? { end: read.end, endedBy: read.endedBy } : read.error;
    };
    const dedent = '  mirrors:\n    docker.io:\n      endpoint: [https://m.example.com]\nconfigs:\n  m.example.com: {}\n';
    expect(ending(dedent)).toEqual({ end: dedent.indexOf('configs'), endedBy: 'dedent' });
    const twoDocuments = 'mirrors: {}\n---\nconfigs: {}\n';
    expect(ending(twoDocuments)).toEqual({ end: twoDocuments.indexOf('---'), endedBy: 'document-start' });
    expect(ending('mirrors: {}\n...\n')).toEqual({ end: 'mirrors: {}\n...'.length, endedBy: 'document-end' });
    expect(ending('mirrors: {}\n')).toEqual({ end: 'mirrors: {}\n'.length, endedBy: 'end-of-text' });
  });

  it('reads what comes before a less-indented line and ignores the rest, as K3s does', () => {
    const parsed = parseRegistriesYaml('  mirrors:\n    docker.io:\n      endpoint: [https://m.example.com]\nconfigs:\n  m.example.com:\n    tls: {insecure_skip_verify: true}\n');
    expect(parsed.loadable).toBe(true);
    expect([...parsed.registry.mirrors.keys()]).toEqual(['docker.io']);
    expect(parsed.registry.configs.size).toBe(0);
    expect(parsed.diagnostics.map((found) => found.code)).toEqual(['yaml-document-ends-early']);
  });
});

/** The tree as plain data: scalars as their text, mappings as key/value lists, aliases by name. */
function shape(node: YamlNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias':
      return { alias: node.name };
    case 'sequence':
      return node.items.map(shape);
    case 'mapping':
      return node.pairs.map((pair) => [shape(pair.key), shape(pair.value)]);
  }
}

function valueOf(text: string): unknown {
  const read = readFirstYamlV2Document(text);
  if (read.error !== null) throw new Error(read.error.message);
  return shape(read.root);
}

describe('yaml.v2 values, as libyaml scans them', () => {
  it('folds plain and quoted scalars across lines', () => {
    expect(valueOf('a: one\n  two\n\n  three\n')).toEqual([['a', 'one two\nthree']]);
    expect(valueOf('a: "x\n  y"\n')).toEqual([['a', 'x y']]);
    expect(valueOf("a: 'it''s'\n")).toEqual([['a', "it's"]]);
    // libyaml does not check the indentation of a quoted scalar's continuation lines.
    expect(valueOf('mirrors:\n  docker.io:\n    endpoint:\n      - "https://m.example\n.com"\n')).toEqual([['mirrors', [['docker.io', [['endpoint', ['https://m.example .com']]]]]]]);
  });

  it('decodes double-quoted escapes, including an escaped line break', () => {
    expect(valueOf('a: "t\\tn\\n\\x41\\u00e9\\U0001F600\\\\ \\"q\\""\n')).toEqual([['a', 't\tn\nAé😀\\ "q"']]);
    expect(valueOf('a: "one\\\n   two"\n')).toEqual([['a', 'onetwo']]);
  });

  it('reads literal and folded block scalars with their chomping', () => {
    expect(valueOf('a: |\n  x\n  y\n\nb: 1\n')).toEqual([['a', 'x\ny\n'], ['b', '1']]);
    expect(valueOf('a: |-\n  x\n\n')).toEqual([['a', 'x']]);
    expect(valueOf('a: |+\n  x\n\n')).toEqual([['a', 'x\n\n']]);
    expect(valueOf('a: >\n  x\n  y\n\n  z\n')).toEqual([['a', 'x y\nz\n']]);
    expect(valueOf('a: >\n  x\n    more\n  y\n')).toEqual([['a', 'x\n  more\ny\n']]);
    // A comment right after the indicator, without a space, is fine for libyaml.
    expect(valueOf('a: |# note\n  x\n')).toEqual([['a', 'x\n']]);
  });

  it('resolves tags and ties every alias to the anchor defined before it', () => {
    const read = readFirstYamlV2Document('a: &x [1]\nb: *x\nc: &x [2]\nd: *x\ne: !!str 3\n');
    if (read.error !== null || read.root?.kind !== 'mapping') throw new Error('not a mapping');
    const [a, b, c, d, e] = read.root.pairs.map((pair) => pair.value);
    expect(b?.kind === 'alias' && b.target).toBe(a);
    expect(d?.kind === 'alias' && d.target).toBe(c);
    expect(e?.kind === 'scalar' && e.tag).toBe('tag:yaml.org,2002:str');
    expect(readFirstYamlV2Document('a: *nope\n')).toMatchObject({ unknownAlias: { name: 'nope' } });
  });

  it('places block collections from their first entry to the end of their last line', () => {
    const text = 'mirrors:\n  - a\n  - b # note\nconfigs: {}\n';
    const read = readFirstYamlV2Document(text);
    if (read.error !== null || read.root?.kind !== 'mapping') throw new Error('not a mapping');
    const list = read.root.pairs[0]?.value;
    expect(text.slice(list?.start, list?.end)).toBe('- a\n  - b # note\n');
  });

  it('builds the same tree as a YAML 1.1 parser on real files and seeded mutations of them (anchors aside)', () => {
    // Anchors are left out: for `&name:` libyaml and the yaml package disagree, and yaml.v2 follows libyaml.
    const corpus = (JSON.parse(readFileSync(new URL('../../../../../shared/data/real-world-configs.json', import.meta.url), 'utf8')) as { registries_yaml: string }[]).map((entry) => entry.registries_yaml);
    const inserts = [' ', ':', '-', '"', "'", '\n', '[', ']', '{', '}', '#', '|', '>', '?', ',', '\t', 'a', '\\', '*a', '!!str ', '|-\n  ', '>\n   '];
    let seed = 5;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % below;
    };
    let compared = 0;
    for (let round = 0; round < 6000; round++) {
      let text = corpus[random(corpus.length)] ?? '';
      for (let edits = random(3); edits > 0; edits--) {
        const at = random(text.length + 1);
        const insert = inserts[random(inserts.length)] ?? '';
        text = [text.slice(0, at) + insert + text.slice(at), text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + insert + text.slice(at + 1)][random(3)] ?? text;
      }
      if (text.includes('&')) continue;
      const read = readFirstYamlV2Document(text);
      if (read.error !== null) continue;
      const other = parseAllDocuments(text.slice(0, read.end), { version: '1.1', uniqueKeys: false, merge: false }) as Document[];
      if (other[0] === undefined || other[0].errors.length > 0) continue;
      expect(shape(read.root) ?? '', JSON.stringify(text)).toEqual(otherShape(other[0].contents));
      compared++;
    }
    expect(compared).toBeGreaterThan(4000);
  });
});

function otherShape(node: unknown): unknown {
  if (node === null || node === undefined) return '';
  if (isScalar(node)) return node.source !== undefined ? String(node.source) : node.value === null ? '' : String(node.value);
  if (isAlias(node)) return { alias: node.source };
  if (isSeq(node)) return node.items.map(otherShape);
  if (isMap(node)) return node.items.map((pair) => [otherShape(pair.key), otherShape(pair.value)]);
  return '?';
}
