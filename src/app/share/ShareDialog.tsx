import { useEffect, useMemo, useRef, useState } from 'react';
import { embedLink, embedSnippet, LINK_LENGTH_LIMITS, shareLink } from '../../share/links.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';
import type { PlaygroundStore } from '../state/store.ts';
import { markdownSummary } from './markdown.ts';

const selectDraft = (state: PlaygroundStore) => state.draft;

/** Copy a link, a Markdown summary or an embed snippet; credentials stay out unless chosen. */
export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const draft = usePlayground(selectDraft);
  const resolution = usePlayground(selectResolution);
  const [includeCredentials, setIncludeCredentials] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const base = `${location.origin}${location.pathname}`;
  const link = useMemo(() => shareLink(base, draft, { includeCredentials }), [base, draft, includeCredentials]);
  const embedUrl = embedLink(base, link.fragment, false);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  const length = link.url.length;
  const level = length > LINK_LENGTH_LIMITS.server ? 'over-server' : length > LINK_LENGTH_LIMITS.chat ? 'over-chat' : 'ok';

  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-heading" onClose={onClose} onCancel={onClose}>
      <h2 id="share-heading">Share this playground</h2>
      <p className="muted">The link holds the whole state in its # fragment; nothing is uploaded, nothing leaves your browser until you paste it somewhere.</p>
      <label className="share-link">
        <span>Link</span>
        <input readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <p className={`link-meter meter-${level}`} role="status">
        {length.toLocaleString('en-US')} characters
        {level === 'over-chat' && ` — longer than ${LINK_LENGTH_LIMITS.chat.toLocaleString('en-US')}: some chat apps cut it`}
        {level === 'over-server' && ` — longer than ${LINK_LENGTH_LIMITS.server.toLocaleString('en-US')}: many servers and proxies reject it`}
      </p>
      <div className="share-actions">
        <button type="button" onClick={() => void copy('link', link.url)}>
          {copied === 'link' ? 'Link copied' : 'Copy link'}
        </button>
        <button type="button" onClick={() => void copy('markdown', markdownSummary(link.url, resolution))}>
          {copied === 'markdown' ? 'Markdown copied' : 'Copy as Markdown'}
        </button>
        <button type="button" onClick={() => void copy('embed', embedSnippet(embedUrl))}>
          {copied === 'embed' ? 'Embed snippet copied' : 'Copy embed snippet'}
        </button>
      </div>
      <section aria-labelledby="share-contents">
        <h3 id="share-contents">What the link contains</h3>
        <ul>
          <li>registries.yaml ({draft.yaml.split('\n').length} lines)</li>
          <li>
            {draft.images.length} sample image{draft.images.length === 1 ? '' : 's'}, node flags, compared releases and the selected view
          </li>
          {link.redacted.length > 0 ? (
            <li>
              Credentials replaced by <code>"&lt;redacted&gt;"</code>: {link.redacted.map((path) => <code key={path}>{path} </code>)}
            </li>
          ) : (
            <li>{includeCredentials ? 'Credentials, as written' : 'No credentials were found.'}</li>
          )}
        </ul>
      </section>
      <label className="include-credentials">
        <input type="checkbox" checked={includeCredentials} onChange={(event) => setIncludeCredentials(event.target.checked)} />
        Include credentials (usernames, passwords, tokens) in the link
      </label>
      {includeCredentials && (
        <p className="banner banner-warning" role="alert">
          Anyone who sees this link can read the credentials, and links end up in chat logs, browser history and server logs. Share it only with people who may
          have them.
        </p>
      )}
      <div className="dialog-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
