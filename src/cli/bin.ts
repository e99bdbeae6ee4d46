import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2), {
  readStdin: () => text(process.stdin),
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
});
