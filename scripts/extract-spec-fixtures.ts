/**
 * Extracts the golden cases of ../shared/spec/resolver-spec.md (Appendix A: K3s unit tests,
 * Appendix B: worked scenarios, Appendix C: containerd parser cases) into
 * test/fixtures/spec-cases.json. The spec's literals came from running the real K3s and
 * containerd code; the fixtures are regenerated from the spec, never from our engine.
 *
 *   npx tsx scripts/extract-spec-fixtures.ts [path/to/resolver-spec.md]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface SpecFlags {
  disableDefaultRegistryEndpoint: boolean;
  embeddedRegistry: boolean;
}
export interface SpecChainEntry {
  url: string;
  kind: 'mirror' | 'default';
  httpFallback: boolean;
  parseFailure: boolean;
}
export interface SpecImage {
  image: string;
  normalized: string;
  hostsDir: string | null;
  chains: Record<'v1.32.2+k3s1' | 'v1.32.3+k3s1', SpecChainEntry[]>;
}
export interface SpecCase {
  id: string;
  name: string;
  flags: SpecFlags;
  registriesYaml: string;
  hostsToml: Record<string, string>;
  images: SpecImage[];
}

const here = fileURLToPath(new URL('.', import.meta.url));

function section(text: string, startHeading: string, endHeading: string | null): string {
  const start = text.indexOf(startHeading);
  if (start < 0) throw new Error(`missing ${startHeading}`);
  const end = endHeading === null ? text.length : text.indexOf(endHeading, start);
  return text.slice(start, end < 0 ? text.length : end);
}

function splitCases(text: string, heading: RegExp): { header: string; body: string }[] {
  const matches = [...text.matchAll(heading)];
  return matches.map((match, index) => ({
    header: match[0],
    body: text.slice((match.index ?? 0) + match[0].length, matches[index + 1]?.index ?? text.length),
  }));
}

function parseFlags(body: string): SpecFlags {
  const line = /^Flags: (.*)$/m.exec(body)?.[1] ?? 'none';
  return {
    disableDefaultRegistryEndpoint: line.includes('--disable-default-registry-endpoint'),
    embeddedRegistry: line.includes('--embedded-registry'),
  };
}

function fencedBlocks(body: string, language: string): { before: string; code: string }[] {
  const blocks: { before: string; code: string }[] = [];
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  let last = 0;
  for (const match of body.matchAll(fence)) {
    blocks.push({ before: body.slice(last, match.index), code: match[1] ?? '' });
    last = (match.index ?? 0) + match[0].length;
  }
  return blocks;
}

function parseYaml(body: string): string {
  const yaml = fencedBlocks(body, 'yaml')[0]?.code ?? '';
  // "# (empty registries.yaml / no file)" and "# no registries.yaml" stand for an absent file.
  return /^# \(?(empty|no) registries\.yaml/.test(yaml) ? '' : yaml;
}

function parseHostsToml(body: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const block of fencedBlocks(body, 'toml')) {
    const dir = [...block.before.matchAll(/`certs\.d\/(.+)\/hosts\.toml`/g)].pop()?.[1];
    if (dir !== undefined) files[dir] = block.code;
  }
  return files;
}

function parseChainLines(lines: string[]): SpecChainEntry[] {
  return lines.map((line) => {
    const match = /^\s+\d+\. `([^`]+)` — (mirror|default)(.*)$/.exec(line);
    if (match === null) throw new Error(`unparsed chain line: ${line}`);
    return {
      url: match[1] ?? '',
      kind: match[2] as 'mirror' | 'default',
      httpFallback: (match[3] ?? '').includes('falls back to plain HTTP'),
      parseFailure: (match[3] ?? '').includes('failed to parse'),
    };
  });
}

function parseImages(body: string): SpecImage[] {
  const images: SpecImage[] = [];
  const bullets = splitCases(body, /^- \*\*`(.+?)`\*\* → normalized `(.+?)`; hosts dir used: `(.+?)`$/gm);
  for (const { header, body: rest } of bullets) {
    const head = /^- \*\*`(.+?)`\*\* → normalized `(.+?)`; hosts dir used: `(.+?)`$/.exec(header);
    if (head === null) continue;
    const groups: Record<string, string[]> = {};
    let current = '';
    for (const line of rest.split('\n')) {
      if (/^\s+- v1\.32\.2 = v1\.32\.3:/.test(line)) current = 'both';
      else if (/^\s+- \*\*v1\.32\.2\*\*/.test(line)) current = 'v1.32.2';
      else if (/^\s+- \*\*v1\.32\.3\*\*/.test(line)) current = 'v1.32.3';
      else if (/^\s+\d+\. /.test(line)) (groups[current] ??= []).push(line);
    }
    const both = groups.both;
    const v2 = parseChainLines(both ?? groups['v1.32.2'] ?? []);
    const v3 = parseChainLines(both ?? groups['v1.32.3'] ?? []);
    const dir = head[3] ?? '';
    images.push({
      image: head[1] ?? '',
      normalized: head[2] ?? '',
      hostsDir: dir.startsWith('(none') ? null : dir,
      chains: { 'v1.32.2+k3s1': v2, 'v1.32.3+k3s1': v3 },
    });
  }
  return images;
}

export function extract(specText: string): { appendixA: SpecCase[]; appendixB: SpecCase[]; appendixC: unknown } {
  const a = section(specText, '## Appendix A', '## Appendix B');
  const b = section(specText, '## Appendix B', '## Appendix C');
  const c = section(specText, '## Appendix C', null);
  const appendixA = splitCases(a, /^#### (T\d+)\. `(.+)`$/gm).map(({ header, body }) => {
    const [, id = '', name = ''] = /^#### (T\d+)\. `(.+)`$/.exec(header) ?? [];
    return { id, name, flags: parseFlags(body), registriesYaml: parseYaml(body), hostsToml: parseHostsToml(body), images: [] };
  });
  const appendixB = splitCases(b, /^### ((?:S|E)\d+b?) (.+)$/gm).map(({ header, body }) => {
    const [, id = '', name = ''] = /^### ((?:S|E)\d+b?) (.+)$/.exec(header) ?? [];
    return { id, name, flags: parseFlags(body), registriesYaml: parseYaml(body), hostsToml: parseHostsToml(body), images: parseImages(body) };
  });
  const json = fencedBlocks(c, 'json').map((block) => JSON.parse(block.code) as unknown);
  const parseHostFileToml = fencedBlocks(c, 'toml')[0]?.code ?? '';
  const appendixC = {
    defaultHosts: json[0],
    parseHostFile: { toml: parseHostFileToml, expected: json[1] },
    loadCertFiles: json[2],
    httpFallback: json[3],
  };
  return { appendixA, appendixB, appendixC };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const specPath = process.argv[2] ?? `${here}/../../shared/spec/resolver-spec.md`;
  const fixtures = extract(readFileSync(specPath, 'utf8'));
  writeFileSync(`${here}/../test/fixtures/spec-cases.json`, `${JSON.stringify(fixtures, null, 1)}\n`);
  console.log(`appendix A: ${fixtures.appendixA.length} cases; appendix B: ${fixtures.appendixB.length} scenarios, ${fixtures.appendixB.reduce((n, s) => n + s.images.length, 0)} images`);
}
