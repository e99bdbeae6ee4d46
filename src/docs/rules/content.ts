import type { DiagnosticCode } from '../../resolver/index.ts';

/**
 * Why K3s or containerd behave as a diagnostic says, and what to do about it. Inline `code` in
 * backticks. What it means comes from the code's summary and from the engine's own message for
 * the rule's example; the affected releases are computed (affected.ts), never written here.
 */
export interface RuleText {
  why: string;
  fix: string;
}

export const ruleTexts: Readonly<Record<DiagnosticCode, RuleText>> = {
  'yaml-syntax': {
    why: 'K3s reads registries.yaml with go-yaml v2 when the agent starts. A syntax error is fatal: the agent logs `failed to load registries.yaml` and exits, so no pod on the node starts.',
    fix: 'Correct the YAML at the line shown: usually a missing `:` after a key, a tab used for indentation, or an unclosed quote or bracket.',
  },
  'yaml-type': {
    why: 'go-yaml v2 decodes into K3s\'s Go structs and refuses a value of the wrong shape, for example a single string where `endpoint` needs a list. The whole file is refused and the agent does not start.',
    fix: 'Give the value the type K3s expects: `endpoint` is a list (`endpoint: ["https://m.example.com"]` or one `- item` per line), `rewrite` a map of pattern to replacement, `auth` and `tls` maps of strings or booleans.',
  },
  'yaml-merge': {
    why: 'go-yaml v2 accepts `<<` only with a mapping or a list of mappings (an alias to one). Anything else is a decoding error and the agent does not start.',
    fix: 'Merge a mapping (`<<: *anchor`) or remove the `<<` key.',
  },
  'yaml-alias': {
    why: 'go-yaml v2 fails on an alias to an anchor that is not defined before it, or that refers to itself: the agent does not start.',
    fix: 'Define the anchor (`&name`) before every `*name`, and never refer to a mapping from inside itself.',
  },
  'yaml-multiple-documents': {
    why: 'K3s decodes the file once: go-yaml reads the first document and never looks past the first `---` separator.',
    fix: 'Keep one document: remove the `---` and merge what follows it into the first document.',
  },
  'yaml-document-ends-early': {
    why: 'When the first key is indented, a later line indented less closes that mapping. go-yaml v2 ends the document there and K3s ignores every line after it without an error.',
    fix: 'Start every top-level key (`mirrors:`, `configs:`) in column 1.',
  },
  'unknown-key': {
    why: 'go-yaml v2 drops keys that match no field of K3s\'s structs without a word, so a typo such as `endoint` silently disables the setting.',
    fix: 'Use the key K3s knows (the message suggests the closest one): under a mirror `endpoint` and `rewrite`; under a config `auth` and `tls`.',
  },
  'auth-token-field': {
    why: 'K3s\'s auth has `username`, `password`, `auth` and `identitytoken`; there is no `token`, so go-yaml drops it and no credentials are sent.',
    fix: 'Use `identitytoken` for an OAuth refresh token, or `username` and `password` (a registry token usually goes in `password`).',
  },
  'section-misplaced': {
    why: 'Under `mirrors:` every key is a registry name. A `configs:` indented under it becomes a mirror for a registry called "configs", and its contents are ignored.',
    fix: 'Move the section back to the top level (column 1).',
  },
  'duplicate-key': {
    why: 'go-yaml v2 keeps the last of repeated keys in a mapping for K3s\'s structs, so the first block is silently replaced (or, for maps of registries, merged key by key).',
    fix: 'Write each key once; put all registries under one `mirrors:` and one `configs:`.',
  },
  'invalid-registry-key': {
    why: 'K3s turns each registry key into a certs.d directory name and a host; a key it cannot parse as a host (spaces, a path) is skipped with only a log line.',
    fix: 'Key mirrors and configs by the bare registry host, with a port if it has one: `registry.example.com:5000`.',
  },
  'registry-key-never-matches': {
    why: 'containerd looks a registry up by the host of the normalised image reference (`docker.io`, `quay.io`, `registry.example.com:5000`). A key with a scheme, a path, or a name that is no host never equals one, so the mirror is never used.',
    fix: 'Key the mirror by the registry host as it appears in image names, without `https://` or a path; use `"*"` for every registry.',
  },
  'invalid-endpoint': {
    why: 'K3s parses each endpoint as a URL; one that does not parse (a non-numeric port, a stray space) is skipped and the next endpoint is used.',
    fix: 'Write the endpoint as `https://host[:port][/path]`.',
  },
  'empty-endpoint': {
    why: 'An empty string is not an endpoint: K3s skips it.',
    fix: 'Remove the empty item, or fill in the mirror\'s URL.',
  },
  'duplicate-endpoint': {
    why: 'K3s normalises endpoints (adds `https://`, removes a trailing `/v2`) and writes each URL once on releases that deduplicate; older generators wrote it twice, which containerd 1.7 rejects as duplicated tables.',
    fix: 'List each mirror once.',
  },
  'default-endpoint-not-last': {
    why: 'K3s appends the registry\'s own endpoint as the fallback. Listed before a mirror it becomes an ordinary host in the chain: the mirror is tried after the upstream registry, and the upstream may be tried twice.',
    fix: 'Remove the registry\'s own endpoint from the list (K3s already falls back to it), or move it last.',
  },
  'default-endpoint-redundant': {
    why: 'K3s already writes the registry\'s own endpoint as the `server` fallback; listing it last changes nothing on the releases that recognise it.',
    fix: 'Nothing is wrong; you may remove the last item.',
  },
  'mirror-no-endpoints': {
    why: 'K3s writes a hosts.toml only for a mirror with endpoints (or for the embedded registry): an entry without them changes nothing.',
    fix: 'Add `endpoint:` with the mirror URLs, or remove the entry (keep it only to opt the registry into the embedded registry).',
  },
  'wildcard-config-tls-lost': {
    why: 'K3s stores `configs."*"` TLS under the `_default` directory, then writes `mirrors."*"` into the same directory, which replaces it: the TLS settings never reach containerd.',
    fix: 'Put the TLS settings under the mirror endpoint\'s host (`configs."m.example.com":`).',
  },
  'wildcard-auth-unused': {
    why: 'containerd\'s CRI looks credentials up by the exact host of the request; no request goes to a host called `*`.',
    fix: 'Put the credentials under each endpoint host the pulls go to.',
  },
  'wildcard-no-fallback': {
    why: 'The containerd shipped with v1.32.2+k3s1 and v1.31.6+k3s1 (k3s-io/k3s#11857) never appends the registry itself after a `"*"` mirror\'s `_default/hosts.toml`, and the January 2024 generator writes `_default` without a `server` line: an image the mirror lacks is `not found`.',
    fix: 'Upgrade to a release that falls back (v1.32.3+k3s1, v1.31.7+k3s1 and later), or also list the registries you pull from under `mirrors:` with their own keys.',
  },
  'disable-default-ignored': {
    why: 'With `--disable-default-registry-endpoint`, K3s leaves out the `server` line only when it builds the file from the mirror alone; a key also under `configs` writes the registry as server anyway.',
    fix: 'Key the config by the mirror endpoint\'s host instead of the upstream registry, or accept the fallback.',
  },
  'disable-default-no-endpoints': {
    why: 'A mirror without endpoints writes no hosts.toml, so there is nothing to disable: pulls go to the registry itself.',
    fix: 'Give the mirror endpoints.',
  },
  'config-keyed-by-upstream': {
    why: 'containerd applies `configs` (TLS and credentials) to the host it is talking to. Keyed by the upstream registry they apply to the fallback only, not to the mirror that needs them.',
    fix: 'Key the config by the mirror endpoint\'s host (and port): `configs."m.example.com":`.',
  },
  'config-host-mismatch': {
    why: 'K3s and containerd compare config keys with endpoint hosts as written, port included: `m.example.com` is not `m.example.com:443`.',
    fix: 'Write the config key exactly as the endpoint\'s host and port.',
  },
  'tls-client-pair-incomplete': {
    why: 'A client certificate needs its key; containerd writes `client = [cert, key]` only for the pair, so one of them alone is dropped.',
    fix: 'Set both `cert_file` and `key_file`.',
  },
  'http-endpoint-with-tls': {
    why: 'For an `http://` host with TLS settings, containerd first tries HTTPS and falls back to plain HTTP only when the TLS handshake fails.',
    fix: 'Use an `https://` endpoint if the registry serves TLS; otherwise remove the TLS settings.',
  },
  'auth-over-http': {
    why: 'Credentials for a plain-HTTP endpoint travel in the clear.',
    fix: 'Serve the registry over HTTPS, or accept the risk on a trusted network.',
  },
  'rewrite-breaks-toml': {
    why: 'K3s writes rewrite patterns into hosts.toml between double quotes without escaping them; a `\\` or `"` produces invalid TOML, and containerd ignores the whole file (on config.toml releases it cannot start).',
    fix: 'Avoid backslashes and quotes: `[a-zA-Z0-9_]` instead of `\\w`, `[.]` instead of `\\.`.',
  },
  'rewrite-invalid-regex': {
    why: 'containerd compiles rewrites with Go\'s regexp (RE2), which has no look-around or backreferences; a pattern that does not compile is skipped.',
    fix: 'Rewrite the pattern in RE2 syntax.',
  },
  'rewrite-ambiguous': {
    why: 'containerd stores rewrites in a Go map and applies the first that matches in map order, which Go randomises: two matching patterns give different repositories from pull to pull.',
    fix: 'Make the patterns exclusive (anchor them, or exclude each other\'s repositories).',
  },
  'rewrite-missing-group': {
    why: 'Go\'s `Regexp.ReplaceAllString` expands a `$n` without that group to the empty string.',
    fix: 'Add the capture group to the pattern, or drop `$n` from the replacement.',
  },
  'rewrite-matches-tag': {
    why: 'Rewrites see only the repository path (`library/nginx`), never the registry host or the tag.',
    fix: 'Match the repository path alone.',
  },
  'rewrite-without-endpoint': {
    why: 'K3s writes rewrites into the mirror endpoints\' host tables; with no endpoint there is nowhere to write them.',
    fix: 'Add the endpoint the rewritten repositories should come from.',
  },
  'hosts-file-rejected': {
    why: 'Some K3s generators wrote hosts.toml files that the containerd of the same release refuses (the message names the construct, such as duplicated tables on containerd 1.7). containerd then ignores the directory: no mirrors and no TLS settings.',
    fix: 'Upgrade to the release named in the message, or avoid the construct it names.',
  },
  'directory-dropped': {
    why: 'The first hosts.toml generators (late 2023 to early 2024) skip a registry\'s directory in some cases, such as a mirror list that ends with the default endpoint.',
    fix: 'Upgrade to the release named in the message, or change the entry as it suggests.',
  },
  'wildcard-config-replaces-mirror': {
    why: 'In January 2024 releases the `configs."*"` entry rewrote `_default/hosts.toml` with `server = "https://*/v2"` after the mirror was written, so every registry without its own entry is pulled from a host that does not exist.',
    fix: 'Upgrade to v1.29.3+k3s1 (or that line\'s fix), or move the TLS settings to the mirror host\'s key.',
  },
  'containerd-cannot-start': {
    why: 'Releases that write registries into config.toml put rewrite patterns in TOML strings unescaped; an invalid string stops containerd from starting, so nothing is pulled on the node.',
    fix: 'Remove backslashes from the pattern, or upgrade to a hosts.toml release.',
  },
  'rewrite-on-default-endpoint': {
    why: 'In config.toml releases, rewrites belong to the registry\'s mirror entry, and the fork applies them to every endpoint including the registry itself.',
    fix: 'Make sure the rewritten repository also exists upstream, or upgrade.',
  },
  'output-cut': {
    why: 'The page keeps each output within a bound so that a huge value cannot hang it; the CLI writes the whole output.',
    fix: 'Use the CLI to see the full output, or shorten the value.',
  },
  'hosts-toml-syntax': {
    why: 'containerd parses hosts.toml with go-toml; a file that does not parse is logged and ignored, so the registry is pulled directly, without TLS settings from the file.',
    fix: 'Correct the TOML at the line shown (a table header needs its closing `]`, strings their quotes).',
  },
  'hosts-toml-rejected': {
    why: 'containerd decodes the file into typed fields: a value of the wrong type, a bad `dial_timeout`, or (containerd 1.7) a file without any `host` table is refused, and the registry is pulled directly.',
    fix: 'Give each key its type: `skip_verify` a boolean, `ca` a string or list, `capabilities` a list of strings, `dial_timeout` a Go duration such as `"5s"`.',
  },
  'hosts-toml-unknown-capability': {
    why: 'containerd knows the capabilities `pull`, `resolve` and `push`; any other makes it refuse the whole file.',
    fix: 'Use only `pull`, `resolve` and `push`.',
  },
  'hosts-toml-tls-shape': {
    why: '`ca` is a path or a list of paths, `client` a path, a pair, or a list of pairs; containerd refuses any other shape and ignores the whole file.',
    fix: 'Write `ca = "/path/ca.pem"` and `client = [["/path/cert.pem", "/path/key.pem"]]`.',
  },
  'hosts-toml-no-fallback': {
    why: 'The K3s fork appends the registry itself only when the file sets `server` (non-empty on some releases); upstream containerd always appends it.',
    fix: 'Add `server = "https://<registry>"` at the top of the file if pulls should fall back to the registry.',
  },
  'hosts-toml-unknown-key': {
    why: 'containerd ignores keys it does not know, so a typo silently disables the setting.',
    fix: 'Use the key containerd knows (the message suggests one).',
  },
  'hosts-toml-rewrite-ignored': {
    why: '`rewrite` exists only in the K3s fork of containerd, and only on `host` tables; upstream containerd and the root `server` ignore it.',
    fix: 'Use rewrites only with K3s/RKE2 releases, on mirror host tables.',
  },
  'hosts-toml-server-no-scheme': {
    why: 'containerd treats a host without a scheme as `https://`.',
    fix: 'Write the scheme explicitly: `http://` if the registry is plain HTTP.',
  },
  'hosts-toml-host-unreachable': {
    why: 'containerd uses a host for pulls only when its capabilities include `pull`.',
    fix: 'Add `"pull"` (and `"resolve"`) to `capabilities`, or leave `capabilities` out for all three.',
  },
  'hosts-toml-no-resolve': {
    why: 'Without `resolve`, containerd never asks the host to resolve a tag to a digest: pulls by tag go to the next host for that step.',
    fix: 'Add `"resolve"` unless the mirror serves content by digest only on purpose.',
  },
  'hosts-toml-override-path-no-path': {
    why: 'With `override_path = true`, containerd uses the URL\'s path instead of `/v2`; a URL without a path sends requests to the host root.',
    fix: 'Give the URL the registry API path (`https://m.example.com/v2/proxy`), or remove `override_path`.',
  },
  'hosts-dir-replaced': {
    why: 'At start-up K3s writes a directory for every registry in registries.yaml, replacing a hosts.toml of the same name.',
    fix: 'Configure the registry in registries.yaml only, or remove it from registries.yaml to keep your file.',
  },
  'hosts-dir-deleted': {
    why: 'K3s releases before the managed-only clean-up (k3s-io/k3s#10823) delete the whole certs.d at start-up; later ones delete only directories whose hosts.toml starts with K3s\'s header.',
    fix: 'Upgrade to a release with the managed-only clean-up, or configure the registry in registries.yaml.',
  },
  'hosts-dir-not-read': {
    why: 'Releases before January 2024 configure registries in containerd\'s config.toml and never set a hosts directory.',
    fix: 'Configure the registry in registries.yaml for these releases.',
  },
  'hosts-dir-never-used': {
    why: 'containerd looks up only directories named after the normalised registry host (`docker.io`, never `index.docker.io`); a directory no lookup produces is never read.',
    fix: 'Name the directory after the registry host as it appears in normalised image names.',
  },
  'hosts-default-shadows-nothing': {
    why: 'containerd reads `_default` only for a registry without a directory of its own; every sample image here has one.',
    fix: 'Nothing is wrong if other registries need it; otherwise remove it.',
  },
};
