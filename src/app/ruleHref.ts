import { rulePath, ruleUrl } from '../share/ruleLinks.ts';
import { isOfflineFile } from './buildMode.ts';

/** A diagnostic code's page: beside the hosted site; from the offline file, on the published site (nothing is beside it). */
export function ruleHref(code: string): string {
  return isOfflineFile() ? ruleUrl(code) : rulePath(code);
}
