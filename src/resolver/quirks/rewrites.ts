import { diagnostic, type SpannedDiagnostic } from '../diagnostics.ts';
import { isLocalhost } from '../go/net.ts';
import { directoryFor } from '../k3s/hostConfigs.ts';
import type { Mirror, Rewrite } from '../registries/model.ts';
import { applyRewrites } from '../rewrite/apply.ts';
import { compileGoRegexp, extractGroupReference } from '../rewrite/goRegexp.ts';
import type { QuirkContext } from './context.ts';
import { storedKey, WILDCARD_KEY } from '../registryNames.ts';

/** Repositories every rewrite set is probed with, besides the sample images'. */
const PROBE_REPOSITORIES = ['library/nginx', 'library/busybox', 'rancher/mirrored-pause', 'rancher/klipper-helm', 'coreos/etcd', 'pause', 'team/app'];

export function checkRewrites(context: QuirkContext): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  for (const mirror of context.registry.mirrors.values()) {
    if (mirror.rewrites.length === 0) continue;
    const dir = directoryFor(storedKey(mirror.key));
    const breaksToml = context.undecodableDirs.get(dir);
    for (const rule of mirror.rewrites) {
      found.push(...checkRule(mirror, rule, breaksToml, context));
    }
    found.push(...checkWithoutEndpoint(mirror, context), ...checkAmbiguity(mirror, context.repositoriesByDir.get(dir) ?? [], context));
  }
  return found;
}

function checkRule(mirror: Mirror, rule: Rewrite, breaksToml: string | undefined, context: QuirkContext): SpannedDiagnostic[] {
  const found: SpannedDiagnostic[] = [];
  const where = `rewrite "${rule.pattern}" of mirrors."${mirror.key}"`;
  if (breaksToml !== undefined && /[\\"]/.test(rule.pattern + rule.replacement)) {
    found.push(
      diagnostic(
        'rewrite-breaks-toml',
        `The ${where} contains \\ or ": K3s writes it into hosts.toml unescaped, containerd cannot decode the file (${breaksToml}) and ignores it completely, so every endpoint of "${mirror.key}" disappears and only the default endpoint is used. Avoid \\ and " (e.g. [0-9] instead of \\d, [a-zA-Z0-9_] instead of \\w).`,
        rule.span,
      ),
    );
  }
  const compiled = compileGoRegexp(rule.pattern, context.regexEngine);
  if (!compiled.ok) {
    found.push(diagnostic('rewrite-invalid-regex', `The ${where} is not a valid Go (RE2) regular expression, so containerd skips it: ${compiled.error}`, rule.span));
    return found;
  }
  const missing = missingGroups(rule.replacement, compiled.value.groupCount, compiled.value.namedGroups);
  if (missing.length > 0) {
    found.push(
      diagnostic(
        'rewrite-missing-group',
        `The replacement "${rule.replacement}" refers to ${missing.map((name) => `$${name}`).join(', ')}, which the pattern does not capture, so it expands to nothing.${missing.some((name) => /^\d+\w/.test(name)) ? ' Go reads "$1x" as a group named "1x": write "${1}x".' : ''}`,
        rule.span,
      ),
    );
  }
  if (/(?<!\(\?|\[\[):(?![\]:])|@/.test(rule.pattern) || looksLikeRegistryPrefix(rule.pattern, mirror.key)) {
    found.push(
      diagnostic(
        'rewrite-matches-tag',
        `The ${where} mentions a tag, digest or registry, but rewrites only see the repository path (e.g. "rancher/mirrored-pause", no registry, no ":tag").`,
        rule.span,
      ),
    );
  }
  return found;
}

/** Group references in a Go replacement template that the pattern does not define. */
function missingGroups(template: string, groupCount: number, named: Readonly<Record<string, number>>): string[] {
  const missing: string[] = [];
  let rest = template;
  for (let dollar = rest.indexOf('$'); dollar >= 0; dollar = rest.indexOf('$')) {
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      rest = rest.slice(1);
      continue;
    }
    const reference = extractGroupReference(rest);
    if (reference === null) continue;
    rest = reference.rest;
    const exists = reference.number !== null ? reference.number <= groupCount : Object.hasOwn(named, reference.name);
    if (!exists) missing.push(reference.name);
  }
  return missing;
}

function looksLikeRegistryPrefix(pattern: string, mirrorKey: string): boolean {
  const literal = pattern.replace(/^\^/, '').replace(/\\\./g, '.');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\//.test(literal) || (mirrorKey !== WILDCARD_KEY && literal.startsWith(`${mirrorKey}/`));
}

function checkWithoutEndpoint(mirror: Mirror, context: QuirkContext): SpannedDiagnostic[] {
  if (mirror.endpoints.length > 0) return [];
  const embeddedOnly = context.embeddedRegistry && !isLocalhost(mirror.key) ? ' (the embedded registry endpoint is never rewritten)' : '';
  return [
    diagnostic(
      'rewrite-without-endpoint',
      `mirrors."${mirror.key}" has rewrites but no endpoints${embeddedOnly}: rewrites apply only to mirror endpoints, never to the registry's default endpoint, so they do nothing.`,
      mirror.rewrites[0]?.span ?? mirror.keySpan,
    ),
  ];
}

function checkAmbiguity(mirror: Mirror, repositories: readonly string[], context: QuirkContext): SpannedDiagnostic[] {
  if (mirror.rewrites.length < 2) return [];
  for (const repository of [...repositories, ...PROBE_REPOSITORIES]) {
    const outcome = applyRewrites(mirror.rewrites, repository, context.regexEngine, context.rewriteBudget);
    if (!outcome.ambiguous) continue;
    const results = outcome.candidates.map((candidate) => `"${candidate.pattern}" -> ${candidate.repository}`).join(', ');
    const span = mirror.rewrites.find((rule) => rule.pattern === outcome.candidates[0]?.pattern)?.span ?? mirror.keySpan;
    return [
      diagnostic(
        'rewrite-ambiguous',
        `Several rewrites of mirrors."${mirror.key}" match "${repository}" (${results}). containerd tries them in Go map order, which is random, so the repository requested can change from pull to pull. Anchor the patterns so only one matches.`,
        span,
      ),
    ];
  }
  return [];
}
