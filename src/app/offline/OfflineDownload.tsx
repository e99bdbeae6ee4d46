import { useEffect, useState } from 'react';

interface OfflineFile {
  file: string;
  bytes: number;
  sha256: string;
}

/** The single-file build beside the site (dist/offline.json, written by scripts/offline/build.ts); null when there is none. */
async function offlineFile(): Promise<OfflineFile | null> {
  try {
    const response = await fetch('./offline.json');
    if (!response.ok) return null;
    const info = (await response.json()) as Partial<OfflineFile>;
    return typeof info.file === 'string' && /^[\w.-]+\.html$/.test(info.file) && typeof info.bytes === 'number' && typeof info.sha256 === 'string' ? (info as OfflineFile) : null;
  } catch {
    return null;
  }
}

/** "Download for offline use": the whole playground as one HTML file that runs from disk. */
export function OfflineDownload() {
  const [file, setFile] = useState<OfflineFile | null>(null);
  useEffect(() => {
    let live = true;
    void offlineFile().then((found) => live && setFile(found));
    return () => {
      live = false;
    };
  }, []);
  if (file === null) return null;
  return (
    <p className="offline-download">
      <a href={`./${file.file}`} download={file.file}>
        Download for offline use
      </a>{' '}
      ({(file.bytes / 1e6).toFixed(1)} MB, one HTML file that runs from disk with no network;{' '}
      <span title={`SHA-256 ${file.sha256}`}>
        SHA-256 <code>{file.sha256.slice(0, 12)}…</code>
      </span>
      )
    </p>
  );
}
