import { explainPastedError, imageOfError, readPastedError, resolve, type ErrorExplanation, type Release } from '../resolver/index.ts';
import { resolveInput } from './request.ts';
import { terminalJson } from './terminal.ts';

/** What `explain-error` reads the error against: the node's files and the releases to compare. */
export interface ExplainRequest {
  errorText: string;
  registriesYaml: string;
  hostsDirs?: Record<string, string> | undefined;
  releases: Release[];
  images: string[];
}

/** `explain-error`: the pasted error read against each release's chain for its image. */
export function explainError(request: ExplainRequest): ErrorExplanation {
  const error = readPastedError(request.errorText);
  const image = imageOfError(error);
  const images = image === null || request.images.includes(image) ? request.images : [...request.images, image];
  const resolution = resolve(resolveInput({ registriesYaml: request.registriesYaml, hostsDirs: request.hostsDirs, images, releases: request.releases }));
  return explainPastedError(error, resolution);
}

const FIT_WORDS: Readonly<Record<ErrorExplanation['releases'][number]['fit'], string>> = {
  fits: 'fits this chain',
  'not-in-chain': 'NOT in this chain',
  'not-reported': 'in this chain, but not the error this containerd would report',
  'no-request': 'no request',
};

export function renderExplanation(explained: ErrorExplanation, format: 'text' | 'json'): string {
  if (format === 'json') return `${terminalJson(explained)}\n`;
  const { error } = explained;
  const out = [`Error: ${error.kind}${error.evidence === '' ? '' : ` ("${error.evidence}")`}`, `Cause: ${explained.cause}`];
  if (explained.image !== null) out.push(`Image: ${explained.image}${error.sandbox ? ' (the sandbox/pause image: the pod cannot start at all)' : ''}`);
  if (error.url !== null) out.push(`Request: ${error.url}`);
  else if (error.host !== null) out.push(`Host: ${error.host}`);
  for (const release of explained.releases) {
    out.push('', `${release.id}: ${FIT_WORDS[release.fit]}`);
    for (const step of release.steps) out.push(`  step ${step.index + 1} ${step.kind.padEnd(8)} ${step.url}`);
    out.push(`  ${release.situation}`);
  }
  if (explained.fixes.length > 0) out.push('', 'Fix:', ...explained.fixes.map((fix) => `  - ${fix}`));
  return `${out.join('\n')}\n`;
}
