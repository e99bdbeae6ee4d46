import { parseAllDocuments, Parser } from 'yaml';
for (const n of [1000, 5000, 10000, 10001, 50000]) {
  const src = 'mirrors: ' + '['.repeat(n) + ']'.repeat(n) + '\n';
  try { const d = parseAllDocuments(src, { version: '1.1', uniqueKeys: false, merge: false }); console.log(n, 'ok', d[0].errors.length); } catch (e) { console.log(n, 'throw', e.message.slice(0,80)); }
  const src2 = 'a:\n' + Array.from({length: Math.min(n, 3000)}, (_, i) => ' '.repeat(i+1) + 'k:').join('\n') + ' x\n';
  try { const d = parseAllDocuments(src2, { version: '1.1', uniqueKeys: false, merge: false }); console.log(n, 'block ok', d[0].errors.length); } catch (e) { console.log(n, 'block throw', e.message.slice(0,80)); }
}
