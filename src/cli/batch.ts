import { resolve, toResolutionJson, type Product, type ResolutionJson } from '../resolver/index.ts';
import { UserError } from './errors.ts';
import { hostsDirsProblem, releasesFor, resolveInput } from './request.ts';
import { terminalJson } from './terminal.ts';

/**
 * One request of `batch`: `{id, registriesYaml?, hostsDirs?, images, versions?, product?,
 * disableDefaultRegistryEndpoint?, embeddedRegistry?}`. `versions` are any K3s/RKE2 release names or
 * `containerd vX.Y.Z`; results are keyed by them as given. `hostsDirs` is a certs.d tree you wrote
 * (`{directory: hosts.toml text}`); without `registriesYaml`, the default releases are plain containerd's.
 */
export interface BatchRequest {
  id: unknown;
  registriesYaml: string;
  hostsDirs?: Record<string, string>;
  images: string[];
  versions?: string[];
  /** What a bare version number (`1.29.3`) means: k3s (default) or rke2. */
  product?: Product;
  disableDefaultRegistryEndpoint?: boolean;
  embeddedRegistry?: boolean;
}

export type BatchResult = ({ id: unknown } & ResolutionJson) | { id: unknown; error: string };

/**
 * `batch`: a JSON array of requests in, a JSON array of results out, in the same order.
 * A malformed request gets `{id, error}` in its place; the others are still answered.
 */
export function runBatch(input: string, engine: typeof resolve = resolve): { output: string; failed: number } {
  let requests: unknown;
  try {
    requests = JSON.parse(input);
  } catch {
    // The parser's message quotes the input, which may be binary: say where, not what.
    throw new UserError(`batch input is not valid JSON (${input.length.toLocaleString('en-US')} characters read)`);
  }
  if (!Array.isArray(requests)) throw new UserError('batch input must be a JSON array of requests');
  const results = requests.map((request) => answer(request, engine));
  return { output: `${terminalJson(results)}\n`, failed: results.filter((result) => 'error' in result).length };
}

function answer(raw: unknown, engine: typeof resolve): BatchResult {
  const id = isObject(raw) ? raw.id : null;
  try {
    const request = validate(raw);
    // A tree without a registries.yaml is a plain containerd question unless releases say otherwise.
    const releases = releasesFor(request.versions, request.product ?? (request.containerdOnly ? 'containerd' : 'k3s'));
    return { id, ...toResolutionJson(engine(resolveInput({ ...request, releases }))) };
  } catch (error) {
    // One bad request never stops the others: a bug on this input is reported in its place.
    if (error instanceof UserError) return { id, error: error.message };
    return { id, error: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function validate(raw: unknown): BatchRequest & { containerdOnly: boolean } {
  if (!isObject(raw)) throw new UserError('a request must be an object');
  const { registriesYaml, hostsDirs, images, versions, product, disableDefaultRegistryEndpoint, embeddedRegistry } = raw;
  if (hostsDirs !== undefined) {
    const problem = hostsDirsProblem(hostsDirs);
    if (problem !== null) throw new UserError(problem);
  }
  if (registriesYaml !== undefined && typeof registriesYaml !== 'string') throw new UserError('registriesYaml must be a string');
  if (registriesYaml === undefined && hostsDirs === undefined) throw new UserError('a request needs registriesYaml, hostsDirs or both');
  if (!isStringArray(images)) throw new UserError('images must be an array of strings');
  if (versions !== undefined && !isStringArray(versions)) throw new UserError('versions must be an array of strings');
  if (product !== undefined && product !== 'k3s' && product !== 'rke2') throw new UserError('product must be "k3s" or "rke2"');
  return {
    id: raw.id,
    registriesYaml: registriesYaml ?? '',
    containerdOnly: registriesYaml === undefined,
    ...(hostsDirs !== undefined ? { hostsDirs: hostsDirs as Record<string, string> } : {}),
    images,
    ...(versions !== undefined ? { versions } : {}),
    ...(product !== undefined ? { product } : {}),
    disableDefaultRegistryEndpoint: optionalFlag('disableDefaultRegistryEndpoint', disableDefaultRegistryEndpoint),
    embeddedRegistry: optionalFlag('embeddedRegistry', embeddedRegistry),
  };
}

function optionalFlag(name: string, value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') throw new UserError(`${name} must be true or false`);
  return value === true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
