/** `k3s-registry-playground/lint`: what the `lint` command does, as functions. */
export { lintFile, renderLint, sarifLog, failsAt, releasesWhereItDiffers, probeImages, type LintedFile, type LintFormat, type FailOn } from '../cli/lint.ts';
export { ruleUrl, rulePath, PUBLISHED_SITE } from '../share/ruleLinks.ts';
