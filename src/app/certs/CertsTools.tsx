import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { CertsFile } from '../../share/state.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCertsD, selectMode } from '../state/selectors.ts';
import { MAX_TREE_FILES, splitPastedTree } from './pasteTree.ts';

/** Largest single file read from a drop or a picker (an archive is bounded again inside). */
const MAX_INPUT_BYTES = 16_000_000;

/**
 * Real trees in and out: paste several files at once, open a folder or a .tar/.tgz of certs.d
 * (or drop one on the editor), download the tree as a tar for `tar -C /etc/containerd -xf`.
 */
export function CertsTools() {
  const files = usePlayground(selectCertsD);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const [pasting, setPasting] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const archiveInput = useRef<HTMLInputElement>(null);
  const id = useId();

  const load = (result: TreeResult) => {
    if (!result.ok) return setMessage({ tone: 'error', text: result.error });
    actions.replaceCertsD(result.files);
    setMessage({ tone: 'info', text: `Read ${result.files.length} director${result.files.length === 1 ? 'y' : 'ies'}${result.notes.length > 0 ? `. ${result.notes.join(' ')}` : '.'} (Undo brings the previous files back.)` });
  };

  const onFolder = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    load(await treeFromFiles(chosen.map((file) => ({ path: file.webkitRelativePath || file.name, file }))));
  };
  const onArchive = async (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = [...(event.target.files ?? [])];
    event.target.value = '';
    if (file !== undefined) load(await treeFromArchive(file));
  };
  const download = async () => {
    const { certsToTar } = await import('../../share/certsTar.ts');
    const url = URL.createObjectURL(new Blob([certsToTar(files)], { type: 'application/x-tar' }));
    const anchor = Object.assign(document.createElement('a'), { href: url, download: 'certs.d.tar' });
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  if (readOnly) return null;
  return (
    <div className="certs-tools">
      <button type="button" onClick={() => setPasting((open) => !open)} aria-expanded={pasting} aria-controls={`${id}-paste`}>
        Paste files…
      </button>
      <button type="button" onClick={() => folderInput.current?.click()}>
        Open folder…
      </button>
      <button type="button" onClick={() => archiveInput.current?.click()}>
        Open .tar…
      </button>
      {files.length > 0 && (
        <button type="button" onClick={() => void download()}>
          Download .tar
        </button>
      )}
      <input ref={folderInput} type="file" hidden {...{ webkitdirectory: '' }} multiple onChange={(event) => void onFolder(event)} />
      <input ref={archiveInput} type="file" hidden accept=".tar,.tgz,.gz,application/x-tar,application/gzip" onChange={(event) => void onArchive(event)} />
      {pasting && (
        <PasteFiles
          id={`${id}-paste`}
          onDone={(pasted) => {
            setPasting(false);
            if (pasted !== null) load(pasted);
          }}
        />
      )}
      {message !== null && (
        <p className={message.tone === 'error' ? 'field-error' : 'muted'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}

function PasteFiles({ id, onDone }: { id: string; onDone(result: TreeResult | null): void }) {
  const [text, setText] = useState('');
  const files = text.trim() === '' ? null : splitPastedTree(text);
  return (
    <div id={id} className="paste-files">
      <label htmlFor={`${id}-text`}>
        Paste the output of <code>head -n 1000 /etc/containerd/certs.d/*/hosts.toml</code> or <code>grep -r '' certs.d</code>:
      </label>
      <textarea id={`${id}-text`} rows={6} spellCheck={false} autoCapitalize="off" autoCorrect="off" value={text} onChange={(event) => setText(event.target.value)} />
      <p className="muted" role="status">
        {text.trim() === '' ? 'Each file starts with a line naming it (==> certs.d/docker.io/hosts.toml <==, or # certs.d/docker.io/hosts.toml).' : files === null ? 'No line names a certs.d/<dir>/hosts.toml file.' : `${files.length} file${files.length === 1 ? '' : 's'}: ${files.map((file) => file.dir).join(', ')}`}
      </p>
      <button type="button" disabled={files === null || files.length === 0} onClick={() => onDone(files === null ? null : { ok: true, files, notes: [] })}>
        Use these files
      </button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
    </div>
  );
}

export type TreeResult = { ok: true; files: CertsFile[]; notes: string[] } | { ok: false; error: string };

/** A .tar or .tgz of certs.d. */
export async function treeFromArchive(file: Blob): Promise<TreeResult> {
  if (file.size > MAX_INPUT_BYTES) return { ok: false, error: `The file is ${file.size.toLocaleString('en-US')} bytes; a certs.d archive is far smaller.` };
  const { certsFromTar } = await import('../../share/certsTar.ts');
  return certsFromTar(new Uint8Array(await file.arrayBuffer()));
}

/** Files of a dropped or chosen folder, by their path inside it. */
export async function treeFromFiles(entries: readonly { path: string; file: Blob }[]): Promise<TreeResult> {
  const { placeInCertsD } = await import('../../share/certsTar.ts');
  const placed = placeInCertsD(entries.map((entry) => entry.path));
  const texts = new Map<string, string>();
  const notes: string[] = [];
  for (const [index, entry] of entries.entries()) {
    const place = placed[index];
    if (place === null || place === undefined) continue;
    if (!texts.has(place.dir)) texts.set(place.dir, '');
    if (!place.isHostsToml) continue;
    if (entry.file.size > 256_000) notes.push(`${place.dir}/hosts.toml is too large to be one; it was left empty.`);
    else texts.set(place.dir, await entry.file.text());
  }
  if (texts.size === 0) return { ok: false, error: 'No <registry>/hosts.toml in what was chosen: pick the certs.d folder itself, or the folders inside it.' };
  return { ok: true, files: [...texts].slice(0, MAX_TREE_FILES).map(([dir, toml]) => ({ dir, toml })), notes };
}

/** Everything a drop on the editor can carry: a folder (walked, bounded), an archive, or pasted text. */
export async function treeFromDrop(data: DataTransfer): Promise<TreeResult | null> {
  const roots = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null).filter((entry): entry is FileSystemEntry => entry !== null);
  if (roots.some((entry) => entry.isDirectory)) return treeFromFiles(await walk(roots));
  const [file] = [...data.files];
  if (file !== undefined && /\.(tar|tgz|tar\.gz)$/i.test(file.name)) return treeFromArchive(file);
  const text = data.getData('text/plain');
  const pasted = text === '' ? null : splitPastedTree(text);
  return pasted === null ? null : { ok: true, files: pasted, notes: [] };
}

/** The files under dropped folders, at most 2,000, at most six levels down. */
async function walk(roots: readonly FileSystemEntry[]): Promise<{ path: string; file: Blob }[]> {
  const found: { path: string; file: Blob }[] = [];
  const queue: { entry: FileSystemEntry; depth: number }[] = roots.map((entry) => ({ entry, depth: 0 }));
  while (queue.length > 0 && found.length < 2_000) {
    const { entry, depth } = queue.shift() as { entry: FileSystemEntry; depth: number };
    if (entry.isFile) {
      const file = await new Promise<File | null>((resolve) => (entry as FileSystemFileEntry).file(resolve, () => resolve(null)));
      if (file !== null) found.push({ path: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory && depth < 6) {
      const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
      queue.push(...children.map((child) => ({ entry: child, depth: depth + 1 })));
    }
  }
  return found;
}

async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (let batch = 0; batch < 50; batch++) {
    const entries = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (entries.length === 0) break;
    all.push(...entries);
  }
  return all;
}
