import { resolve, toResolutionJson, type ResolutionJson } from '../resolver/index.ts';
import { UserError } from './errors.ts';
import { resolveInput } from './request.ts';

/** One request of `batch`: `{id, registriesYaml, images, versions?, disableDefaultRegistryEndpoint?, embeddedRegistry?}`. */
export interface BatchRequest {
  id: unknown;
  registriesYaml: string;
  images: string[];
  versions?: string[];
  disableDefaultRegistryEndpoint?: boolean;
  embeddedRegistry?: boolean;
}

export type BatchResult = ({ id: unknown } & ResolutionJson) | { id: unknown; error: string };

/**
 * `batch`: a JSON array of requests in, a JSON array of results out, in the same order.
 * A malformed request gets `{id, error}` in its place; the others are still answered.
 */
export function runBatch(input: string): { output: string; failed: number } {
  let requests: unknown;
  try {
    requests = JSON.parse(input);
  } catch (error) {
    throw new UserError(`batch input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!Array.isArray(requests)) throw new UserError('batch input must be a JSON array of requests');
  const results = requests.map(answer);
  return { output: `${JSON.stringify(results, null, 2)}\n`, failed: results.filter((result) => 'error' in result).length };
}

function answer(raw: unknown): BatchResult {
  const id = isObject(raw) ? raw.id : null;
  try {
    const request = validate(raw);
    return { id, ...toResolutionJson(resolve(resolveInput(request))) };
  } catch (error) {
    if (error instanceof UserError) return { id, error: error.message };
    throw error;
  }
}

function validate(raw: unknown): BatchRequest {
  if (!isObject(raw)) throw new UserError('a request must be an object');
  const { registriesYaml, images, versions, disableDefaultRegistryEndpoint, embeddedRegistry } = raw;
  if (typeof registriesYaml !== 'string') throw new UserError('registriesYaml must be a string');
  if (!isStringArray(images)) throw new UserError('images must be an array of strings');
  if (versions !== undefined && !isStringArray(versions)) throw new UserError('versions must be an array of strings');
  return {
    id: raw.id,
    registriesYaml,
    images,
    ...(versions !== undefined ? { versions } : {}),
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
