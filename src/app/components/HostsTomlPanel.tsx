import { useId, useState } from 'react';
import { CERTS_D } from '../../resolver/core.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';
import { panelId, TabList, tabId } from './TabList.tsx';
import { useClipboard } from './useClipboard.ts';

/** The files K3s writes, one tab per certs.d directory, with the path on a node. */
export function HostsTomlPanel() {
  const resolution = usePlayground(selectResolution);
  const files = Object.entries(resolution?.hostsToml ?? {});
  const [selected, setSelected] = useState(0);
  const id = useId();
  const { copied, copy } = useClipboard();
  if (resolution === null) return null;
  if (files.length === 0) {
    return <p className="muted">K3s writes no hosts.toml for this file: containerd pulls every image straight from its registry.</p>;
  }
  const current = Math.min(selected, files.length - 1);
  const [dir, text] = files[current] ?? ['', ''];
  const path = `${CERTS_D}/${dir}/hosts.toml`;
  const download = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/toml' }));
    link.download = `${dir.replaceAll('/', '_')}.hosts.toml`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <div className="hosts-toml">
      <p className="muted">
        K3s writes the same files for {resolution.profiles.map((profile) => profile.id).join(' and ')}; only containerd reads them differently.
      </p>
      <TabList tabs={files.map(([name]) => ({ id: name, label: name }))} selected={dir} onSelect={(name) => setSelected(files.findIndex(([other]) => other === name))} label="certs.d directories" idPrefix={id} />
      <div role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id, dir)} className="hosts-file">
        <div className="file-bar">
          <code className="file-path">{path}</code>
          <span className="file-actions">
            <button type="button" onClick={() => void copy(dir, text)}>
              {copied === dir ? 'Copied' : 'Copy'}
            </button>
            <button type="button" onClick={download}>
              Download
            </button>
          </span>
        </div>
        <pre tabIndex={0} aria-label={path}>
          <code>{text}</code>
        </pre>
      </div>
    </div>
  );
}
