import { directoryNameProblem } from '../../resolver/core.ts';
import type { CertsFile } from '../../share/state.ts';

/** At most this many files from one paste or drop (a link carries as many). */
export const MAX_TREE_FILES = 200;

/**
 * Several hosts.toml files pasted at once, as people copy them from a terminal:
 * - `head -n 1000 certs.d/*\/hosts.toml` (`==> certs.d/docker.io/hosts.toml <==` before each);
 * - `grep -r '' certs.d` (`certs.d/docker.io/hosts.toml:server = …` on every line);
 * - a comment line naming the file (`# /etc/containerd/certs.d/docker.io/hosts.toml`) before each.
 * Returns the files in order (a directory named twice keeps its last text), or null when the text
 * names no file (then it is one file's text).
 */
export function splitPastedTree(text: string): CertsFile[] | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const grepped = lines.filter((line) => line !== '').every((line) => GREP_LINE.test(line));
  if (grepped && lines.some((line) => line !== '')) {
    // grep prints a file's lines together: gather them per directory.
    const gathered = new Map<string, string[]>();
    for (const line of lines) {
      const match = GREP_LINE.exec(line);
      if (match !== null) gathered.set(match[1] ?? '', [...(gathered.get(match[1] ?? '') ?? []), match[2] ?? '']);
    }
    return usable([...gathered].map(([dir, body]) => [dir, finish(body)]));
  }
  const files: [string, string][] = [];
  let current: { dir: string; lines: string[] } | null = null;
  for (const line of lines) {
    const dir = HEADER_LINE.exec(line)?.[1] ?? HEAD_LINE.exec(line)?.[1];
    if (dir !== undefined) {
      if (current !== null) files.push([current.dir, finish(current.lines)]);
      current = { dir, lines: [] };
    } else if (current !== null) current.lines.push(line);
  }
  if (current !== null) files.push([current.dir, finish(current.lines)]);
  return files.length === 0 ? null : usable(files);
}

const GREP_LINE = /^(?:.*\/)?([^/\s:]+)\/hosts\.toml:(.*)$/;
const HEAD_LINE = /^==> (?:.*\/)?([^/\s]+)\/hosts\.toml <==$/;
const HEADER_LINE = /^\s*#+\s*(?:.*\/)?([^/\s]+)\/hosts\.toml\s*$/;

/** In first-seen order, a directory named twice keeping its last text; names containerd could not use are left out. */
function usable(files: readonly [string, string][]): CertsFile[] {
  const texts = new Map<string, string>();
  for (const [dir, toml] of files) if (directoryNameProblem(dir) === null) texts.set(dir, toml);
  return [...texts].slice(0, MAX_TREE_FILES).map(([dir, toml]) => ({ dir, toml }));
}

/** One file's lines as text: `head` puts a blank line between files, which is not the file's. */
function finish(lines: readonly string[]): string {
  const text = lines.join('\n').replace(/\n+$/, '');
  return text === '' ? '' : `${text}\n`;
}
