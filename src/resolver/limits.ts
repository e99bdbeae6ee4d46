/**
 * How much output the engine produces at most, whatever the input. K3s and containerd
 * would happily write a 1 GB hosts.toml or request a 15 MB URL; a browser tab would not
 * survive showing it. Where a limit cuts real behaviour short, the output is marked `cut`
 * and a diagnostic says so, so nothing is silently wrong.
 *
 * Input size is bounded elsewhere (link and draft caps in src/share), and yaml.v2's own
 * alias budget bounds how far a small file can expand (registries/aliasBudget.ts).
 */
export const limits = {
  /** One request URL, and one rewritten repository. Registries accept names of 255 characters. */
  urlLength: 4_096,
  /** All hosts.toml text of one resolution together. */
  hostsTomlBytes: 4_000_000,
  /** All chain URLs of one resolution together (10,000 images of a real config use about 3 MB). */
  chainBytes: 8_000_000,
  /** Rewrite patterns applied to a repository (or compiled), over the whole resolution. */
  rewriteEvaluations: 50_000,
} as const;

/** A running allowance of characters; once spent, producers stop and mark their output cut. */
export class OutputBudget {
  private spent = 0;

  constructor(readonly capacity: number) {}

  /** Takes `amount` if it fits; false (and nothing taken) when it would overflow. */
  take(amount: number): boolean {
    if (this.spent + amount > this.capacity) {
      this.spent = this.capacity;
      return false;
    }
    this.spent += amount;
    return true;
  }

  get used(): number {
    return this.spent;
  }

  get exhausted(): boolean {
    return this.spent >= this.capacity;
  }
}

/** Cuts text to `max` characters; the caller marks the result as cut. */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  return text.length <= max ? { text, cut: false } : { text: text.slice(0, max), cut: true };
}

/** The allowances of one resolution; every stage that could multiply its input takes from them. */
export interface WorkBudget {
  hostsToml: OutputBudget;
  chainBytes: OutputBudget;
  rewriteEvaluations: OutputBudget;
}

export function newWorkBudget(): WorkBudget {
  return {
    hostsToml: new OutputBudget(limits.hostsTomlBytes),
    chainBytes: new OutputBudget(limits.chainBytes),
    rewriteEvaluations: new OutputBudget(limits.rewriteEvaluations),
  };
}

/** A budget nothing can exhaust, for callers that bound their input themselves. */
export function unlimitedBudget(): WorkBudget {
  return { hostsToml: new OutputBudget(Infinity), chainBytes: new OutputBudget(Infinity), rewriteEvaluations: new OutputBudget(Infinity) };
}
