import { useId, useState } from 'react';
import { layoutOf, lostSettingsList, releasesWritingTheSame, type ReleaseResolution } from '../../resolver/core.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';
import { panelId, TabList, tabId } from './TabList.tsx';
import { useClipboard } from './useClipboard.ts';

/**
 * What each compared release writes for containerd: hosts.toml per certs.d directory (or, before
 * January 2024, the registry section of config.toml). Releases that write the same files share
 * one view; files a release's containerd rejects say so, with what is lost.
 */
export function HostsTomlPanel() {
  const resolution = usePlayground(selectResolution);
  if (resolution === null) return null;
  const groups = releasesWritingTheSame(resolution.releases);
  return (
    <div className={`hosts-toml ${groups.length > 1 ? 'is-split' : ''}`}>
      {groups.length === 1 && resolution.releases.length > 1 && (
        <p className="muted">
          {resolution.releases.map((release) => release.id).join(' and ')} write the same files; only their containerd reads them differently.
        </p>
      )}
      {groups.map((group) => (
        <WrittenFiles key={group.map((release) => release.id).join(' ')} group={group} titled={groups.length > 1} />
      ))}
    </div>
  );
}

interface File {
  name: string;
  path: string;
  text: string;
  rejections: { release: string; error: string; lost: string[] }[];
}

function filesOf(group: readonly ReleaseResolution[]): File[] {
  const [first] = group;
  if (first === undefined) return [];
  const layout = layoutOf(first.release.product);
  if (first.configToml !== null) {
    const configPath = layout.certsDir.replace(/certs\.d$/, 'config.toml');
    return [{ name: 'config.toml', path: `${configPath} (registry section)`, text: first.configToml, rejections: [] }];
  }
  return Object.entries(first.hostsToml).map(([dir, text]) => ({
    name: dir,
    path: `${layout.certsDir}/${dir}/hosts.toml`,
    text,
    rejections: group.flatMap((release) => {
      const rejected = release.rejectedFiles.find((file) => file.dir === dir);
      return rejected === undefined ? [] : [{ release: release.id, error: rejected.error, lost: lostSettingsList(release.hostConfigs.get(dir)) }];
    }),
  }));
}

function WrittenFiles({ group, titled }: { group: readonly ReleaseResolution[]; titled: boolean }) {
  const files = filesOf(group);
  const [selected, setSelected] = useState(0);
  const id = useId();
  const { copied, copy } = useClipboard();
  const names = group.map((release) => release.id).join(' and ');
  const problems = group.flatMap((release) => [...release.startupErrors, ...(release.containerdError !== null ? [`containerd cannot load it and does not start: ${release.containerdError}`] : [])].map((text) => `${release.id}: ${text}`));
  return (
    <section className="written-files" aria-label={`Files ${names} write`}>
      {titled && <h3 className="written-heading">{names} write</h3>}
      {problems.map((text) => (
        <p key={text} className="banner banner-error" role="note">
          {text}
        </p>
      ))}
      {files.length === 0 ? (
        <p className="muted">No hosts.toml is written for this file: containerd pulls every image straight from its registry.</p>
      ) : (
        <FileTabs files={files} selected={Math.min(selected, files.length - 1)} onSelect={setSelected} id={id} copied={copied} copy={copy} />
      )}
    </section>
  );
}

function FileTabs({ files, selected, onSelect, id, copied, copy }: { files: File[]; selected: number; onSelect(index: number): void; id: string; copied: string | null; copy(key: string, text: string): Promise<void> }) {
  const file = files[selected] as File;
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/toml' }));
    link.download = file.name === 'config.toml' ? 'config.toml' : `${file.name.replaceAll('/', '_')}.hosts.toml`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <>
      <TabList
        tabs={files.map((entry) => ({ id: entry.name, label: entry.rejections.length > 0 ? `${entry.name} ✕ rejected` : entry.name }))}
        selected={file.name}
        onSelect={(name) => onSelect(files.findIndex((entry) => entry.name === name))}
        label="certs.d directories"
        idPrefix={id}
      />
      <div role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id, file.name)} className="hosts-file">
        {file.rejections.map((rejection) => (
          <p key={rejection.release} className="banner banner-error rejected-file" role="note">
            Rejected by {rejection.release}'s containerd: <code>{rejection.error}</code>.{' '}
            {rejection.lost.length > 0 ? `Lost: ${rejection.lost.join(', ')}.` : ''} Pulls use the registry itself with system trust.
          </p>
        ))}
        <div className="file-bar">
          <code className="file-path">{file.path}</code>
          <span className="file-actions">
            <button type="button" onClick={() => void copy(file.path, file.text)}>
              {copied === file.path ? 'Copied' : 'Copy'}
            </button>
            <button type="button" onClick={download}>
              Download
            </button>
          </span>
        </div>
        <pre tabIndex={0} aria-label={file.path}>
          <code>{file.text}</code>
        </pre>
      </div>
    </>
  );
}
