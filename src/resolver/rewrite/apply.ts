import { compileGoRegexp, replaceAllString, type RegexEngine } from './goRegexp.ts';

export interface RewriteRule {
  pattern: string;
  replacement: string;
}

export interface RewriteCandidate {
  pattern: string;
  repository: string;
}

export interface RewriteOutcome {
  /** The repository requested from this host. */
  repository: string;
  /** The pattern that produced it, or null when none changed the repository. */
  pattern: string | null;
  /** Every pattern that changes the repository, sorted by pattern. */
  candidates: RewriteCandidate[];
  /**
   * More than one pattern changes the repository. containerd walks a Go map, so which one
   * wins differs from pull to pull; `repository` shows the pattern that sorts first.
   */
  ambiguous: boolean;
  /** Patterns containerd skips because they do not compile as Go RE2. */
  invalid: { pattern: string; error: string }[];
}

/**
 * The K3s containerd fork's per-host rewrite (spec §3.9): the first pattern whose
 * ReplaceAllString changes the repository is used. Only the repository path is rewritten,
 * never the registry or the tag.
 */
export function applyRewrites(rules: readonly RewriteRule[], repository: string, engine: RegexEngine): RewriteOutcome {
  const candidates: RewriteCandidate[] = [];
  const invalid: { pattern: string; error: string }[] = [];
  for (const rule of [...rules].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0))) {
    const regexp = compileGoRegexp(rule.pattern, engine);
    if (!regexp.ok) {
      invalid.push({ pattern: rule.pattern, error: regexp.error });
      continue;
    }
    const rewritten = replaceAllString(regexp.value, repository, rule.replacement);
    if (rewritten !== repository) candidates.push({ pattern: rule.pattern, repository: rewritten });
  }
  const chosen = candidates[0];
  return {
    repository: chosen?.repository ?? repository,
    pattern: chosen?.pattern ?? null,
    candidates,
    ambiguous: candidates.length > 1,
    invalid,
  };
}
