import { limits, type OutputBudget } from '../limits.ts';
import { compileGoRegexp, replaceAllString, type RegexEngine } from './goRegexp.ts';

export interface RewriteRule {
  pattern: string;
  replacement: string;
}

export interface RewriteCandidate {
  pattern: string;
  repository: string;
  /** The rewritten repository is longer than the playground shows (limits.urlLength); `repository` is its start. */
  cut?: true;
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
  /** The playground stopped short: a result longer than limits.urlLength, or the evaluation budget ran out. */
  cut: boolean;
}

/**
 * The K3s containerd fork's per-host rewrite (spec §3.9): the first pattern whose
 * ReplaceAllString changes the repository is used. Only the repository path is rewritten,
 * never the registry or the tag.
 */
export function applyRewrites(rules: readonly RewriteRule[], repository: string, engine: RegexEngine, budget?: OutputBudget): RewriteOutcome {
  const candidates: RewriteCandidate[] = [];
  const invalid: { pattern: string; error: string }[] = [];
  let outOfBudget = false;
  for (const rule of sortedByPattern(rules)) {
    if (budget !== undefined && !budget.take(1)) {
      outOfBudget = true;
      break;
    }
    const regexp = compileGoRegexp(rule.pattern, engine);
    if (!regexp.ok) {
      invalid.push({ pattern: rule.pattern, error: regexp.error });
      continue;
    }
    const rewritten = replaceAllString(regexp.value, repository, rule.replacement, limits.urlLength);
    if (rewritten.cut) candidates.push({ pattern: rule.pattern, repository: rewritten.text, cut: true });
    else if (rewritten.text !== repository) candidates.push({ pattern: rule.pattern, repository: rewritten.text });
  }
  const chosen = candidates[0];
  return {
    repository: chosen?.repository ?? repository,
    pattern: chosen?.pattern ?? null,
    candidates,
    ambiguous: candidates.length > 1,
    invalid,
    cut: outOfBudget || chosen?.cut === true,
  };
}

const sortedMemo = new WeakMap<readonly RewriteRule[], readonly RewriteRule[]>();

/** Rules in pattern order, sorted once per rule list (it is applied to every image). */
function sortedByPattern(rules: readonly RewriteRule[]): readonly RewriteRule[] {
  let sorted = sortedMemo.get(rules);
  if (sorted === undefined) sortedMemo.set(rules, (sorted = [...rules].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0))));
  return sorted;
}
