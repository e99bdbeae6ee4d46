/**
 * Where each diagnostic code's page lives. The page links relatively (it is served beside them);
 * the CLI, GitHub annotations and SARIF need an absolute address: the published site's, or the
 * one given with `--rules-url` (a mirror inside an air-gapped network, a fork's site).
 */
export const PUBLISHED_SITE = 'https://k3s-registry-playground.github.io/';

/** The rules folder, relative to the site root. */
export const RULES_DIR = 'rules/';

/** A code's page in the rules folder: `unknown-key.html`. */
export function ruleFile(code: string): string {
  return `${encodeURIComponent(code)}.html`;
}

/** A code's page, relative to the site root: `rules/unknown-key.html`. */
export function rulePath(code: string): string {
  return `${RULES_DIR}${ruleFile(code)}`;
}

/** A code's page as an absolute URL under `site` (which should end with a slash). */
export function ruleUrl(code: string, site: string = PUBLISHED_SITE): string {
  return new URL(rulePath(code), site.endsWith('/') ? site : `${site}/`).href;
}
