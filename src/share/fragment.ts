/**
 * Whether a URL fragment is meant as a playground state (`#v1.…`, any version), as opposed to
 * an in-page anchor such as `#results`, which is not a link and must never be treated as a
 * broken one. Kept apart from the codec so a page without a link never loads the codec.
 */
export function isStateFragment(fragment: string): boolean {
  return /^#?v\d+\./.test(fragment);
}
