import { median, measureLinkLengths } from './linkLength.ts';
import { ELEMENT_BUDGET_BYTES, measureElement } from './docs.ts';
import { FIRST_VIEW_BUDGET_BYTES, measureTransfer } from './transfer.ts';

/**
 * `npm run bench:check`: fails only on deterministic budgets (bytes and link lengths),
 * never on timings. Run after `npm run build`.
 */
const failures: string[] = [];

const transfer = measureTransfer();
const firstView = transfer.firstView.js + transfer.firstView.css;
console.log(`first-view JS + CSS (gzip): ${firstView} bytes (budget ${FIRST_VIEW_BUDGET_BYTES}) — ${transfer.firstView.files.join(', ')}`);
if (firstView > FIRST_VIEW_BUDGET_BYTES) failures.push(`first-view JavaScript and CSS is ${firstView} bytes gzipped, over the ${FIRST_VIEW_BUDGET_BYTES}-byte budget`);
if (transfer.firstView.files.some((file) => /Monaco|worker/i.test(file))) failures.push('Monaco is part of the first view; it must stay in lazy chunks');

const element = measureElement();
console.log(`element.js + static imports (gzip): ${element.eager} bytes (budget ${ELEMENT_BUDGET_BYTES}) — ${element.eagerFiles.join(', ')}`);
if (element.eager > ELEMENT_BUDGET_BYTES) failures.push(`element.js loads ${element.eager} bytes gzipped before drawing, over the ${ELEMENT_BUDGET_BYTES}-byte budget`);
if (element.regexEngineEager) failures.push('element.js loads re2js before drawing; it must load only for files with rewrites');

const lengths = measureLinkLengths();
const ours = median(lengths.map((entry) => entry.ours));
const lz = median(lengths.map((entry) => entry.lzString));
console.log(`median link length over ${lengths.length} real-world files: ${ours} (lz-string ${lz}; budget ${lz / 2})`);
if (ours > lz / 2) failures.push(`median link length ${ours} is more than half of lz-string's ${lz}`);
const longest = Math.max(...lengths.map((entry) => entry.ours));
if (longest > 2_000) failures.push(`a real-world file makes a ${longest}-character link, over the 2,000 characters chat apps keep`);

if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exitCode = 1;
} else {
  console.log('bench:check: all deterministic budgets met');
}
