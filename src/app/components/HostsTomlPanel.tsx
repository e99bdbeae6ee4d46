import { useId, useState } from 'react';
import { layoutOf, lostSettingsList, releasesWritingTheSame, type ReleaseResolution } from '../../resolver/core.ts';
import { nodeChecks } from '../../resolver/nodeChecks.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCertsD, selectResolution } from '../state/selectors.ts';
import { panelId, TabList, tabId } from './TabList.tsx';
import { useClipboard } from './useClipboard.ts';
import { ReleaseColumnsHead } from './ReleaseColumnsHead.tsx';

/**
 * What each compared release writes for containerd: hosts.toml per certs.d directory (or, before
 * January 2024, the registry section of config.toml). Releases that write the same files share
 * one view; files a release's containerd rejects say so, with what is lost.
 */
export function HostsTomlPanel() {
  const resolution = usePlayground(selectResolution);
  if (resolution === null) return null;
  // Plain containerd writes nothing: its side is the table of your files below.
  const groups = releasesWritingTheSame(resolution.releases.filter((release) => release.release.product !== 'containerd'));
  return (
    <div className={`hosts-toml ${groups.length > 1 ? 'is-split' : ''}`}>
      <YourFiles releases={resolution.releases} />
      {groups.length === 1 && resolution.releases.length > 1 && (
        <p className="muted">
          {resolution.releases.map((release) => release.id).join(' and ')} write the same files; only their containerd reads them differently.
        </p>
      )}
      {groups.map((group) => (
        <WrittenFiles key={group.map((release) => release.id).join(' ')} group={group} titled={groups.length > 1} />
      ))}
      <NodeChecks releases={resolution.releases} image={resolution.images.find((image) => image.normalized !== null)?.normalized ?? null} />
    </div>
  );
}

/** "Check it on the node": per release, the commands that confirm the prediction, copyable. */
function NodeChecks({ releases, image }: { releases: readonly ReleaseResolution[]; image: string | null }) {
  const { copied, copy } = useClipboard();
  return (
    <section className="node-checks" aria-labelledby="node-checks-heading">
      <h3 id="node-checks-heading">Check it on the node</h3>
      {releases.map((release) => (
        <details key={release.id}>
          <summary>{release.id}</summary>
          <ol>
            {nodeChecks(release, image).map((check) => (
              <li key={check.title}>
                <strong>{check.title}</strong>{' '}
                <button type="button" onClick={() => void copy(`${release.id}:${check.title}`, check.command)}>
                  {copied === `${release.id}:${check.title}` ? 'Copied' : 'Copy'}
                </button>
                <pre tabIndex={0}>
                  <code>{check.command}</code>
                </pre>
                <p className="muted">{check.note}</p>
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}

const fateWords = { used: '✓ read', replaced: '✗ replaced by K3s', deleted: '✗ deleted at start-up', 'not-read': '– certs.d not read' } as const;

/** What each compared release does with each hosts.toml you wrote: read it, replace it, delete it, or never look. */
function YourFiles({ releases }: { releases: readonly ReleaseResolution[] }) {
  const files = usePlayground(selectCertsD);
  const actions = useActions();
  if (files.length === 0) return null;
  return (
    <section className="your-files" aria-labelledby="your-files-heading">
      <h3 id="your-files-heading">Your certs.d files</h3>
      <table>
        <ReleaseColumnsHead first="File" releases={releases} />
        <tbody>
          {files.map((file) => (
            <tr key={file.dir}>
              <th scope="row">
                <button type="button" className="link-button file-link" onClick={() => actions.setActiveFile(file.dir)}>
                  {file.dir}/hosts.toml
                </button>
              </th>
              {releases.map((release) => {
                const fate = release.yourDirs.find((entry) => entry.dir === file.dir);
                const rejected = fate?.fate === 'used' ? release.rejectedFiles.find((entry) => entry.dir === file.dir) : undefined;
                return (
                  <td key={release.id} className={`fate-${rejected === undefined ? (fate?.fate ?? 'used') : 'deleted'}`} title={fate?.why}>
                    {rejected !== undefined ? (
                      <>
                        ✗ rejected: <code>{rejected.error}</code>
                      </>
                    ) : (
                      fateWords[fate?.fate ?? 'used']
                    )}
                    {fate !== undefined && fate.fate !== 'used' && <small className="muted fate-why"> {fate.why}</small>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
  const files: File[] = Object.entries(first.hostsToml).map(([dir, text]) => ({
    name: dir,
    path: `${layout.certsDir}/${dir}/hosts.toml`,
    text,
    rejections: group.flatMap((release) => {
      const rejected = release.rejectedFiles.find((file) => file.dir === dir);
      return rejected === undefined ? [] : [{ release: release.id, error: rejected.error, lost: lostSettingsList(release.hostConfigs.get(dir)) }];
    }),
  }));
  // Credentials do not go to hosts.toml: K3s writes them into config.toml, one section per configs key.
  const sections = [...new Set(group.map((release) => release.authSection).filter((text): text is string => text !== null))];
  sections.forEach((text, index) => {
    const configPath = layout.certsDir.replace(/certs\.d$/, 'config.toml');
    files.push({ name: sections.length === 1 ? 'config.toml auth' : `config.toml auth ${index + 1}`, path: `${configPath} (registry auth section, values hidden)`, text, rejections: [] });
  });
  return files;
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
