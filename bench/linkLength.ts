import { deflateSync } from 'fflate';
import { readFileSync } from 'node:fs';
import LZString from 'lz-string';
import { encodeBase64Url } from '../src/share/base64url.ts';
import { encodeState } from '../src/share/codec.ts';
import { defaultState } from '../src/share/state.ts';
import type { BenchRow } from './measure.ts';

export interface LinkLengths {
  id: string;
  ours: number;
  lzString: number;
  deflate: number;
}

const corpusPath = new URL('../../shared/data/real-world-configs.json', import.meta.url);

/**
 * Fragment lengths over the real-world corpus: our v1 links against the TypeScript
 * playground's scheme (lz-string compressToEncodedURIComponent of the text) and Mermaid's
 * (deflate + base64url of the text, no dictionary). The others get the YAML alone, ours
 * carries the whole state.
 */
export function measureLinkLengths(): LinkLengths[] {
  const corpus = JSON.parse(readFileSync(corpusPath, 'utf8')) as { id: string; registries_yaml: string; images: string[] }[];
  return corpus.map((entry) => {
    const state = { ...defaultState, yaml: entry.registries_yaml, images: entry.images.length > 0 ? entry.images : defaultState.images };
    const text = entry.registries_yaml;
    return {
      id: entry.id,
      ours: `#${encodeState(state)}`.length,
      lzString: `#code/${LZString.compressToEncodedURIComponent(text)}`.length,
      deflate: `#pako:${encodeBase64Url(deflateSync(new TextEncoder().encode(text), { level: 9 }))}`.length,
    };
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function linkLengthRows(lengths = measureLinkLengths()): BenchRow[] {
  const ours = median(lengths.map((entry) => entry.ours));
  const lz = median(lengths.map((entry) => entry.lzString));
  const deflate = median(lengths.map((entry) => entry.deflate));
  const max = Math.max(...lengths.map((entry) => entry.ours));
  return [
    { benchmark: 'link length', case: `median over ${lengths.length} real-world files: ours (v1)`, figure: `${ours} chars`, goal: `<= ${Math.floor(lz / 2)} (half of lz-string)` },
    { benchmark: 'link length', case: 'median: lz-string (TypeScript playground)', figure: `${lz} chars (ours = ${((ours / lz) * 100).toFixed(0)}%)` },
    { benchmark: 'link length', case: 'median: deflate + base64url (Mermaid)', figure: `${deflate} chars (ours = ${((ours / deflate) * 100).toFixed(0)}%)` },
    { benchmark: 'link length', case: 'longest real-world link (ours)', figure: `${max} chars`, goal: '< 2,000 (chat apps)' },
  ];
}
