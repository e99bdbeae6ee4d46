/**
 * Writes the page of every diagnostic code into <dist>/rules/ (the Problems panel, lint's
 * output and the SARIF helpUri link to them).
 *
 *   npx tsx scripts/rules.ts [dist]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rulesSite } from '../src/docs/rules/pages.ts';

const dist = process.argv[2] ?? 'dist';
mkdirSync(`${dist}/rules`, { recursive: true });
const site = rulesSite();
for (const [name, html] of Object.entries(site)) writeFileSync(`${dist}/rules/${name}`, html);
console.log(`wrote ${Object.keys(site).length} rule pages into ${dist}/rules/`);
