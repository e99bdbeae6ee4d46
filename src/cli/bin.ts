#!/usr/bin/env node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { main } from './main.ts';

// `… | head -1` closes the pipe early: stop writing, quietly, like any Unix tool.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  readStdin: () => text(process.stdin),
  readFile: (path) => readFileSync(path, 'utf8'),
  // A symlink to a directory counts as one: containerd follows it too (os.Stat).
  readDir: (path) =>
    readdirSync(path, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: entry.isDirectory() || (entry.isSymbolicLink() && statSync(`${path}/${entry.name}`, { throwIfNoEntry: false })?.isDirectory() === true),
    })),
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  // Run as the package's bin (not `npm run cli` in a checkout): name the command as installed.
  ...(process.env.npm_lifecycle_event === 'cli' ? {} : { program: 'k3s-registry-playground' }),
});
