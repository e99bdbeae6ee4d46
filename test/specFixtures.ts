import { readFileSync } from 'node:fs';
import type { SpecCase } from '../scripts/extract-spec-fixtures.ts';

/** The golden cases transcribed from the spec's appendices (see scripts/extract-spec-fixtures.ts). */
export interface SpecFixtures {
  appendixA: SpecCase[];
  appendixB: SpecCase[];
  appendixC: {
    defaultHosts: { host: string; expected: { scheme: string; host: string; path: string; capabilities: string }[] }[];
    parseHostFile: { toml: string; expected: ParsedHostExpectation[] };
    loadCertFiles: unknown[];
    httpFallback: { host: string; opts: Record<string, unknown>; scheme: string; fallback: boolean }[];
  };
}

export interface ParsedHostExpectation {
  scheme: string;
  host: string;
  path: string;
  caps: string[] | 'allCaps';
  ca?: string[];
  client?: [string, string][];
  skip_verify?: boolean;
  header?: Record<string, string[]>;
}

export const specFixtures: SpecFixtures = JSON.parse(
  readFileSync(new URL('./fixtures/spec-cases.json', import.meta.url), 'utf8'),
) as SpecFixtures;

/** Test placeholders K3s's own unit tests pass to InjectMirror. */
export const testEmbeddedRegistry = {
  mirrorAddr: '127.0.0.1:6443',
  caFile: 'server-ca',
  certFile: 'client-cert',
  keyFile: 'client-key',
};
