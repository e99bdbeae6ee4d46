import { err, ok, type Result } from '../result.ts';

/** Nanoseconds per unit, as Go's time.unitMap has them (both micro signs included). */
const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const MAX_DURATION = (1n << 63n) - 1n;

/**
 * Go's `time.ParseDuration`, for containerd's `dial_timeout`: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, with
 * Go's error texts (which quote the input). Returns nanoseconds.
 */
export function parseGoDuration(text: string): Result<bigint> {
  const invalid = err<bigint>(`time: invalid duration ${quote(text)}`);
  let rest = text;
  let negative = false;
  if (rest[0] === '-' || rest[0] === '+') {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return ok(0n);
  if (rest === '') return invalid;
  let total = 0n;
  while (rest !== '') {
    if (!/^[0-9.]/.test(rest)) return invalid;
    const whole = /^[0-9]*/.exec(rest)?.[0] ?? '';
    rest = rest.slice(whole.length);
    let fraction = '';
    let hasFraction = false;
    if (rest[0] === '.') {
      fraction = /^[0-9]*/.exec(rest.slice(1))?.[0] ?? '';
      hasFraction = fraction.length > 0;
      rest = rest.slice(1 + fraction.length);
    }
    if (whole === '' && !hasFraction) return invalid;
    const unitText = /^[^0-9.]*/.exec(rest)?.[0] ?? '';
    if (unitText === '') return err(`time: missing unit in duration ${quote(text)}`);
    rest = rest.slice(unitText.length);
    const unit = UNITS[unitText];
    if (unit === undefined) return err(`time: unknown unit ${quote(unitText)} in duration ${quote(text)}`);
    const wholeValue = whole === '' ? 0n : BigInt(whole);
    if (wholeValue > MAX_DURATION / unit) return invalid;
    let value = wholeValue * unit;
    if (hasFraction) value += (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length);
    total += value;
    if (total > MAX_DURATION) return invalid;
  }
  return ok(negative ? -total : total);
}

/** Go's time.quote: the text between double quotes, with `"` and `\` escaped. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
