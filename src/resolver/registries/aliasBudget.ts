/**
 * gopkg.in/yaml.v2's defence against alias bombs (v2.4.0 decode.go `unmarshal` and
 * `allowedAliasRatio`), reproduced exactly because it decides whether K3s starts:
 * every decode step counts, steps taken while expanding an alias count as alias steps,
 * and once there are more than 100 alias steps among more than 1,000 steps, the share of
 * alias steps may not exceed 99 % (falling linearly to 10 % between 400,000 and 4,000,000
 * steps). Beyond that yaml.v2 fails with "document contains excessive aliasing".
 * Counting the same steps also bounds our own work: no file can make the decoder expand
 * more than about a hundred times its own size.
 */
const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

export function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - RATIO_RANGE_LOW) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW));
}

export class AliasBudget {
  /** yaml.v2 `decodeCount`: one per `unmarshal` call. */
  decodeCount = 0;
  /** yaml.v2 `aliasCount`: the calls made while inside an alias. */
  aliasCount = 0;
  private aliasDepth = 0;

  /** Counts one decode step; false when yaml.v2 would stop with "document contains excessive aliasing". */
  step(): boolean {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    return !(this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount));
  }

  enterAlias(): void {
    this.aliasDepth++;
  }

  leaveAlias(): void {
    this.aliasDepth--;
  }
}
