import { useId, useState, type FormEvent } from 'react';
import { directoryNameProblem } from '../../resolver/core.ts';
import { CertsTools } from '../certs/CertsTools.tsx';
import { nextDirName, SUGGESTED_DIRS, starterHostsToml } from '../certs/newFile.ts';
import { TabList, type Tab } from '../components/TabList.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectActiveFile, selectCertsD, selectDiagnostics, selectMode, selectProduct } from '../state/selectors.ts';

const YAML_TAB = 'yaml';

/**
 * The files in the editor: registries.yaml (not on plain containerd) and each `certs.d/<dir>/hosts.toml`
 * you wrote, as tabs with their error counts; adding, renaming and deleting the open hosts.toml.
 */
export function FileTabs({ panelPrefix }: { panelPrefix: string }) {
  const files = usePlayground(selectCertsD);
  const active = usePlayground(selectActiveFile);
  const product = usePlayground(selectProduct);
  const diagnostics = usePlayground(selectDiagnostics);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const [editing, setEditing] = useState<'add' | 'rename' | null>(null);
  const errorsIn = (file: string | null) => diagnostics.filter((found) => found.severity === 'error' && (found.file ?? null) === file).length;
  const label = (name: string, file: string | null) => {
    const errors = errorsIn(file);
    return (
      <>
        {name}
        {errors > 0 && (
          <span className="tab-errors" aria-label={`${errors} error${errors === 1 ? '' : 's'}`}>
            {errors}
          </span>
        )}
      </>
    );
  };
  const tabs: Tab<string>[] = [
    ...(product === 'containerd' ? [] : [{ id: YAML_TAB, label: label('registries.yaml', null) }]),
    ...files.map((file, index) => ({ id: `file-${index}`, label: label(`${file.dir}/hosts.toml`, file.dir) })),
  ];
  const activeIndex = files.findIndex((file) => file.dir === active);
  const selected = activeIndex >= 0 ? `file-${activeIndex}` : YAML_TAB;
  const select = (id: string) => actions.setActiveFile(id === YAML_TAB ? null : (files[Number(id.slice('file-'.length))]?.dir ?? null));
  const taken = new Set(files.map((file) => file.dir));
  return (
    <div className="file-tabs">
      {tabs.length > 0 && <TabList tabs={tabs} selected={selected} onSelect={select} label="Files" idPrefix={panelPrefix} className="tabs file-tab-list" />}
      {!readOnly && (
        <div className="file-actions">
          {editing === null && (
            <>
              <button type="button" onClick={() => setEditing('add')}>
                + hosts.toml
              </button>
              {active !== null && (
                <>
                  <button type="button" onClick={() => setEditing('rename')}>
                    Rename
                  </button>
                  <button type="button" onClick={() => actions.removeHostsFile(active)} aria-label={`Delete ${active}/hosts.toml`}>
                    Delete
                  </button>
                </>
              )}
              <details className="certs-menu">
                <summary>Import / export</summary>
                <CertsTools />
              </details>
            </>
          )}
          {editing === 'add' && (
            <DirectoryForm
              verb="Add file"
              initial={nextDirName(taken)}
              taken={taken}
              onDone={(dir) => {
                setEditing(null);
                if (dir !== null) actions.addHostsFile(dir, starterHostsToml(dir));
              }}
            />
          )}
          {editing === 'rename' && active !== null && (
            <DirectoryForm
              verb="Rename file"
              initial={active}
              taken={new Set([...taken].filter((dir) => dir !== active))}
              onDone={(dir) => {
                setEditing(null);
                if (dir !== null) actions.renameHostsFile(active, dir);
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** A certs.d directory name, checked as containerd would look it up, with the usual names offered. */
function DirectoryForm({ verb, initial, taken, onDone }: { verb: string; initial: string; taken: ReadonlySet<string>; onDone(dir: string | null): void }) {
  const [dir, setDir] = useState(initial);
  const id = useId();
  const trimmed = dir.trim();
  const problem = directoryNameProblem(trimmed) ?? (taken.has(trimmed) ? `certs.d/${trimmed} exists already` : null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem === null) onDone(trimmed);
  };
  return (
    <form className="directory-form" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onDone(null)}>
      <label htmlFor={`${id}-dir`}>certs.d/</label>
      <input
        id={`${id}-dir`}
        list={`${id}-names`}
        value={dir}
        autoFocus
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={problem !== null}
        aria-describedby={`${id}-help`}
        onChange={(event) => setDir(event.target.value)}
      />
      <datalist id={`${id}-names`}>
        {SUGGESTED_DIRS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <span className="muted">/hosts.toml</span>
      <button type="submit" disabled={problem !== null}>
        {verb}
      </button>
      <button type="button" onClick={() => onDone(null)}>
        Cancel
      </button>
      <small id={`${id}-help`} className={problem === null ? 'muted' : 'field-error'}>
        {problem ?? 'The registry host, with host:port as host_port_ (registry.example.com_5000_), or _default for every other registry.'}
      </small>
    </form>
  );
}
