/**
 * Reads the error text an operator pastes — `kubectl describe pod` events, kubelet or containerd
 * journal lines, `crictl pull` / `ctr` output — into what the playground can check: the image, the
 * request URL or host, and which kind of failure it is. Pure text work, bounded (the input is cut at
 * MAX_PASTE characters), never throws.
 */

/** The failures containerd reports for a pull, by what the last (highest-ranked) error says. */
export type ErrorKind =
  | 'not-found'
  | 'unauthorized'
  | 'http-to-https'
  | 'unknown-authority'
  | 'tls-verify'
  | 'connection-refused'
  | 'timeout'
  | 'dns'
  | 'http-status'
  | 'registries-yaml'
  | 'unknown';

export interface PastedError {
  kind: ErrorKind;
  /** The image as the error names it (the normalised one when both appear); null when none. */
  image: string | null;
  /** The request that failed, when the error names it (`Head "https://…/manifests/…"`). */
  url: string | null;
  /** The host:port that failed (from the URL, `dial tcp: lookup …` or `host="…"`). */
  host: string | null;
  /** An HTTP status the registry answered (`500 Internal Server Error`), when not 401/404. */
  status: number | null;
  /** The pod could not even start its sandbox: the pause image failed (FailedCreatePodSandBox). */
  sandbox: boolean;
  /** What the kubelet shows on the pod, when the text has it. */
  podStatus: 'ErrImagePull' | 'ImagePullBackOff' | 'FailedCreatePodSandBox' | null;
  /** The words that decided the kind, as they appear in the text. */
  evidence: string;
}

/** Longer pastes are cut: a journal excerpt, not a whole journal, is what is read. */
export const MAX_PASTE = 64_000;

/** Most specific first: a TLS error also mentions the request, a 401 also says "failed to resolve". */
const KINDS: readonly (readonly [ErrorKind, RegExp])[] = [
  ['registries-yaml', /(?:error|fail).{0,200}?registries\.yaml|(?:registries\.yaml|private registry configuration).{0,200}?(?:yaml: |error|fail)|yaml: (?:line \d+: |unmarshal errors)/i],
  ['http-to-https', /server gave HTTP response to HTTPS client/i],
  ['unknown-authority', /x509: certificate signed by unknown authority/i],
  ['tls-verify', /tls: failed to verify certificate|x509: certificate (?:is valid for|is not valid|has expired|is not yet valid)|tls: handshake failure|remote error: tls:/i],
  ['unauthorized', /no basic auth credentials|401 Unauthorized|authorization failed|pull access denied|failed to authorize|insufficient_scope|unauthorized: /i],
  ['http-status', /unexpected status.{0,300}?: (?:[45]\d\d)\b|"status\\?"=5\d\d|\b(?:403 Forbidden|429 Too Many Requests|toomanyrequests|50[0-4] [A-Z][a-z]+(?: [A-Z][a-z]+)*)/],
  ['dns', /no such host|dial tcp: lookup [^\s:]+/i],
  ['connection-refused', /connect: connection refused|connection reset by peer|connect: no route to host|network is unreachable/i],
  ['timeout', /i\/o timeout|context deadline exceeded|DeadlineExceeded|TLS handshake timeout|Client\.Timeout exceeded|request canceled while waiting/i],
  ['not-found', /: not found\b|code = NotFound|manifest unknown/i],
];

/** Quoted or bare image names in the phrases containerd and the kubelet use. */
const IMAGE_PATTERNS: readonly RegExp[] = [
  /failed to pull and unpack image \\?"([^"\\]+)\\?"/,
  /failed to resolve reference \\?"([^"\\]+)\\?"/,
  /failed to get sandbox image \\?"([^"\\]+)\\?"/,
  /(?:Failed to pull image|failed to pull image|Pulling image|Back-off pulling image|PullImage) \\?"([^"\\]+)\\?"/,
  /image=\\?"([^"\\\s]+)\\?"/,
];

const URL_PATTERN = /\b(?:Head|Get|GET|HEAD) \\?"?(https?:\/\/[^\s"\\]+)|request to (https?:\/\/[^\s"\\]+)|url=\\?"?(https?:\/\/[^\s"\\]+)/;

export function readPastedError(pasted: string): PastedError {
  const text = pasted.slice(0, MAX_PASTE).replace(/\r/g, '');
  // Wrapped lines (a terminal, an issue) join back into one message.
  const flat = text.replace(/\s*\n\s*/g, ' ');
  let kind: ErrorKind = 'unknown';
  let evidence = '';
  for (const [candidate, pattern] of KINDS) {
    const match = pattern.exec(flat);
    if (match !== null) {
      kind = candidate;
      evidence = match[0];
      break;
    }
  }
  const url = firstUrl(flat);
  return {
    kind,
    image: imageOf(flat) ?? imageOfRequest(url),
    url,
    host: hostOf(flat, url),
    status: statusOf(flat, kind),
    sandbox: /sandbox image|FailedCreatePodSandBox|CreatePodSandbox/.test(flat),
    podStatus: /FailedCreatePodSandBox|CreatePodSandbox/.test(flat) ? 'FailedCreatePodSandBox' : /ImagePullBackOff|Back-off pulling/.test(flat) ? 'ImagePullBackOff' : /ErrImagePull|Failed to pull image/.test(flat) ? 'ErrImagePull' : null,
    evidence,
  };
}

/** The image containerd pulled: the one after "failed to pull and unpack image" (normalised) wins. */
function imageOf(text: string): string | null {
  for (const pattern of IMAGE_PATTERNS) {
    const found = pattern.exec(text)?.[1];
    if (found !== undefined && found.length < 512) return found;
  }
  // "docker.io/x/y:1: not found" names the reference on its own: the word before it.
  const at = text.indexOf(': not found');
  if (at < 0) return null;
  const word = text.slice(Math.max(0, at - 512), at).split(/[\s"'\\]/).at(-1) ?? '';
  return /^[a-z0-9][\w.:/@-]*$/.test(word) && word.includes('/') ? word : null;
}

/**
 * The image a manifest request was for: `https://mirror/v2/<repository>/manifests/<tag>?ns=<registry>`
 * (a request to the registry itself has no `ns`). Mirror path prefixes cannot be told apart, so this
 * is a best guess, used only when the text names no image.
 */
function imageOfRequest(url: string | null): string | null {
  const match = url === null ? null : /^https?:\/\/([^/?#]+)\/v2\/(.+)\/manifests\/([^/?#]+)(?:\?(?:.*&)?ns=([^&#]+))?/.exec(url);
  if (match === null) return null;
  const [, host, repository, object, ns] = match;
  const registry = ns !== undefined ? decodeURIComponent(ns) : host === 'registry-1.docker.io' ? 'docker.io' : (host ?? '');
  return `${registry}/${repository}${object?.startsWith('sha256:') ? `@${object}` : `:${object}`}`;
}

function firstUrl(text: string): string | null {
  const match = URL_PATTERN.exec(text);
  const url = match?.[1] ?? match?.[2] ?? match?.[3] ?? null;
  // `Head https://…/manifests/3.1: dial …` ends in a colon; old containerd glues the error on (`…-alpine:x509:`).
  return url === null ? null : url.replace(/:$/, '').replace(/:(?:x509|dial|tls|net|EOF)$/, '');
}

function hostOf(text: string, url: string | null): string | null {
  if (url !== null) return /^https?:\/\/([^/?#]+)/.exec(url)?.[1] ?? null;
  const lookup = /dial tcp: lookup ([^\s:]+)/.exec(text)?.[1];
  if (lookup !== undefined) return lookup;
  return /\bhost=\\?"?([^\s"\\]+)/.exec(text)?.[1] ?? null;
}

function statusOf(text: string, kind: ErrorKind): number | null {
  if (kind !== 'http-status') return null;
  const match = /unexpected status.{0,300}?: ([45]\d\d)\b|"status\\?"=(\d{3})|\b([45]\d\d) [A-Z][a-z]+/.exec(text);
  const code = match?.[1] ?? match?.[2] ?? match?.[3];
  return code === undefined ? (/toomanyrequests/.test(text) ? 429 : null) : Number(code);
}
