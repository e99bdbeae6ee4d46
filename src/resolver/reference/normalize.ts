import { err, ok, type Result } from '../result.ts';
import { referenceErrors } from './errors.ts';
import { DOCKER_HUB, DOCKER_HUB_LEGACY } from '../registryNames.ts';
import {
  NAME_TOTAL_LENGTH_MAX,
  anchoredIdentifierRegexp,
  anchoredNameRegexp,
  referenceRegexp,
} from './grammar.ts';

/** A parsed image reference: `domain/path[:tag][@digest]`. */
export interface ImageReference {
  domain: string;
  path: string;
  tag: string | null;
  digest: string | null;
}

const DEFAULT_DOMAIN = DOCKER_HUB;
/** The pre-2017 Docker Hub name; still accepted and folded into docker.io. */
const LEGACY_DEFAULT_DOMAIN = DOCKER_HUB_LEGACY;
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';

/** Hex length per digest algorithm that containerd links in (go-digest registers these). */
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128],
]);
/** go-digest's own (looser) digest shape, used only to tell "unsupported" from "malformed". */
const goDigestShape = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;

/** The text form of a reference, as `Reference.String()` prints it. */
export function formatReference(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}${ref.tag !== null ? `:${ref.tag}` : ''}${ref.digest !== null ? `@${ref.digest}` : ''}`;
}

/**
 * Normalises an image name the way containerd's CRI does before pulling
 * (`reference.ParseDockerRef`, spec §3.1): default domain and `library/`,
 * tag dropped when a digest is present, `:latest` when neither is.
 */
export function parseDockerRef(input: string): Result<ImageReference> {
  const named = parseNormalizedNamed(input);
  if (!named.ok) return named;
  const ref = named.value;
  if (ref.digest !== null) return ok({ ...ref, tag: null });
  if (ref.tag === null) return ok({ ...ref, tag: DEFAULT_TAG });
  return ok(ref);
}

/** `ParseNormalizedNamed`: familiar name -> fully qualified reference, without default tag. */
export function parseNormalizedNamed(input: string): Result<ImageReference> {
  if (anchoredIdentifierRegexp.test(input)) return err(referenceErrors.hexIdentifier(input));
  const { domain, remainder } = splitDockerDomain(input);
  const tagSeparator = remainder.indexOf(':');
  const remoteName = tagSeparator > -1 ? remainder.slice(0, tagSeparator) : remainder;
  if (remoteName.toLowerCase() !== remoteName) {
    return err(referenceErrors.remoteNameUppercase(remoteName));
  }
  return parseReference(`${domain}/${remainder}`);
}

/**
 * Splits a familiar name into domain and remainder. The first path component is a
 * domain only if it looks like one; otherwise the whole name lives on Docker Hub.
 */
export function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  let domain: string;
  let remainder: string;
  const first = slash === -1 ? '' : name.slice(0, slash);
  switch (true) {
    case slash === -1:
      // "nginx": no path separator at all, so it is a Docker Hub name.
      [domain, remainder] = [DEFAULT_DOMAIN, name];
      break;
    case first === 'localhost':
      // "localhost" has neither "." nor ":" but is still a registry host.
      [domain, remainder] = [first, name.slice(slash + 1)];
      break;
    case /[.:]/.test(first):
      // A dot or a port marks a hostname: "quay.io/x", "registry:5000/x".
      [domain, remainder] = [first, name.slice(slash + 1)];
      break;
    case first.toLowerCase() !== first:
      // Upper case cannot be a repository component, so v0.5.0 takes it as a host ("Foo/bar").
      [domain, remainder] = [first, name.slice(slash + 1)];
      break;
    default:
      // "rancher/klipper-lb": an organisation on Docker Hub.
      [domain, remainder] = [DEFAULT_DOMAIN, name];
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** `reference.Parse`: the strict grammar check, with the precise error Go reports. */
export function parseReference(input: string): Result<ImageReference> {
  const match = referenceRegexp.exec(input);
  if (match === null) {
    if (input === '') return err(referenceErrors.nameEmpty);
    // Retry lower-cased only to give the more helpful error.
    if (referenceRegexp.test(input.toLowerCase())) return err(referenceErrors.nameContainsUppercase);
    return err(referenceErrors.invalidFormat);
  }
  const [, name = '', tag, digest] = match;
  if (name.length > NAME_TOTAL_LENGTH_MAX) return err(referenceErrors.nameTooLong);
  const nameMatch = anchoredNameRegexp.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  if (digest !== undefined) {
    const digestError = validateDigest(digest);
    if (digestError !== null) return err(digestError);
  }
  return ok({ domain, path, tag: tag ?? null, digest: digest ?? null });
}

/** go-digest `Digest.Validate`: known algorithm, exact hex length, lower-case hex. */
function validateDigest(digest: string): string | null {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoded = digest.slice(colon + 1);
  const hexLength = DIGEST_HEX_LENGTH.get(algorithm);
  if (hexLength === undefined) {
    return goDigestShape.test(digest) ? referenceErrors.digestUnsupported : referenceErrors.digestInvalidFormat;
  }
  if (encoded.length !== hexLength) return referenceErrors.digestInvalidLength;
  return /^[a-f0-9]*$/.test(encoded) ? null : referenceErrors.digestInvalidFormat;
}
