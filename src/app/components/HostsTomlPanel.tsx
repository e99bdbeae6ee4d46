import { useId, useState, type KeyboardEvent } from 'react';
import { CERTS_D } from '../../resolver/core.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';
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
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (current + step + files.length) % files.length;
    setSelected(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };
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
      <div role="tablist" aria-label="certs.d directories" className="tabs" onKeyDown={onKeyDown}>
        {files.map(([name], index) => (
          <button
            key={name}
            id={`${id}-tab-${index}`}
            role="tab"
            type="button"
            aria-selected={index === current}
            aria-controls={`${id}-panel`}
            tabIndex={index === current ? 0 : -1}
            onClick={() => setSelected(index)}
          >
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`} className="hosts-file">
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
