import { useEffect, useMemo, useRef, useState } from 'react';
import { embedLink, embedSnippet, type EmbedChoice, LINK_LENGTH_LIMITS, shareLink, type ShareLink } from '../../share/links.ts';
import { markdownSummary } from '../../share/markdown.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { useClipboard } from '../components/useClipboard.ts';
import { usePlayground } from '../state/context.tsx';
import { resolveDraft } from '../state/recompute.ts';
import type { PlaygroundStore } from '../state/store.ts';

const selectDraft = (state: PlaygroundStore) => state.draft;

/**
 * Copy a link, a Markdown summary or an embed snippet. Credentials stay out unless the user
 * explicitly includes them; when redaction cannot be vouched for, there is no link at all,
 * only the lines to fix. Its own error boundary: whatever happens here, the page stays.
 */
export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="share-dialog" aria-labelledby="share-heading" onClose={onClose} onCancel={onClose}>
      <h2 id="share-heading">Share this playground</h2>
      <ErrorBoundary
        fallback={
          <p className="banner banner-error" role="alert">
            The share options could not be prepared. Your draft is safe; close this dialog and try again.
          </p>
        }
      >
        <ShareOptions />
      </ErrorBoundary>
      <div className="dialog-footer">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function ShareOptions() {
  const draft = usePlayground(selectDraft);
  const [includeCredentials, setIncludeCredentials] = useState(false);
  const { copied, copy } = useClipboard();
  const base = `${location.origin}${location.pathname}`;
  const link = useMemo<ShareLink>(() => shareLink(base, draft, { includeCredentials }), [base, draft, includeCredentials]);
  const markdown = useMemo(() => {
    if (!link.ok) return null;
    const text = markdownSummary(link.url, link.state, resolveDraft(link.state));
    // Belt and braces: the summary is built from the redacted state, and checked again.
    return link.check !== null && link.check.finds(text) ? null : text;
  }, [link]);

  return (
    <>
      <p className="muted">The link holds the whole state in its # fragment; nothing is uploaded, nothing leaves your browser until you paste it somewhere.</p>
      {link.ok ? (
        <LinkActions link={link} markdown={markdown} copied={copied} copy={copy} base={base} />
      ) : (
        <div className="banner banner-warning" role="alert">
          <p>
            No link: a credential could not be redacted safely. It would still be readable at{' '}
            {link.leaks.map((leak, index) => (
              <span key={`${leak.place}-${index}`}>
                {index > 0 && ', '}
                <strong>{leak.place}</strong> ({leak.why})
              </span>
            ))}
            . Remove the value there, or include credentials on purpose below.
          </p>
        </div>
      )}
      <section aria-labelledby="share-contents">
        <h3 id="share-contents">What the link contains</h3>
        <ul>
          <li>registries.yaml ({draft.yaml.split('\n').length} lines)</li>
          <li>
            {draft.images.length} sample image{draft.images.length === 1 ? '' : 's'}, node flags, compared releases and the selected view
          </li>
          {includeCredentials ? (
            <li>Credentials, as written</li>
          ) : link.redacted.length > 0 ? (
            <li>
              Credentials replaced by <code>"&lt;redacted&gt;"</code>:
              <ul className="redacted-list">
                {link.redacted.map((item) => (
                  <li key={`${item.file ?? ''}-${item.line}-${item.label}`}>
                    {item.file !== undefined ? `${item.file}/hosts.toml line` : 'line'} {item.line}: <code>{item.label}</code>
                  </li>
                ))}
              </ul>
            </li>
          ) : (
            <li>No credentials were found.</li>
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
    </>
  );
}

function LinkActions({
  link,
  markdown,
  copied,
  copy,
  base,
}: {
  link: Extract<ShareLink, { ok: true }>;
  markdown: string | null;
  copied: string | null;
  copy: (what: string, text: string) => Promise<void>;
  base: string;
}) {
  const length = link.url.length;
  const level = length > LINK_LENGTH_LIMITS.server ? 'over-server' : length > LINK_LENGTH_LIMITS.chat ? 'over-chat' : 'ok';
  return (
    <>
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
        <button type="button" disabled={markdown === null} onClick={() => markdown !== null && void copy('markdown', markdown)}>
          {copied === 'markdown' ? 'Markdown copied' : 'Copy as Markdown'}
        </button>
      </div>
      <EmbedBuilder fragment={link.fragment} base={base} copied={copied} copy={copy} />
    </>
  );
}

/** The embed snippet with its options, and a live preview of exactly that embed. */
function EmbedBuilder({ fragment, base, copied, copy }: { fragment: string; base: string; copied: string | null; copy: (what: string, text: string) => Promise<void> }) {
  const [choice, setChoice] = useState<EmbedChoice>({ readOnly: true, view: 'summary', maxHeight: 400 });
  const url = embedLink(base, fragment, choice);
  const snippet = embedSnippet(url, choice.maxHeight ?? 480);
  return (
    <details className="embed-builder">
      <summary>Embed in documentation</summary>
      <div className="embed-options">
        <label>
          View{' '}
          <select value={choice.view ?? 'chains'} onChange={(event) => setChoice({ ...choice, view: event.target.value as NonNullable<EmbedChoice['view']> })}>
            <option value="summary">outcome table only</option>
            <option value="chains">YAML and chains</option>
            <option value="hosts">YAML and hosts.toml</option>
          </select>
        </label>
        <label>
          Maximum height (px){' '}
          <input type="number" min={120} max={10_000} step={20} value={choice.maxHeight ?? ''} onChange={(event) => setChoice({ ...choice, ...(event.target.value === '' ? { maxHeight: undefined } : { maxHeight: Number(event.target.value) }) })} />
        </label>
        <label>
          Theme{' '}
          <select value={choice.theme ?? ''} onChange={(event) => setChoice({ ...choice, theme: event.target.value === '' ? undefined : (event.target.value as 'light' | 'dark') })}>
            <option value="">the reader's</option>
            <option value="light">light</option>
            <option value="dark">dark</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={choice.readOnly} onChange={(event) => setChoice({ ...choice, readOnly: event.target.checked })} /> read-only
        </label>
      </div>
      <textarea className="embed-snippet" readOnly value={snippet} rows={4} aria-label="Embed snippet" onFocus={(event) => event.currentTarget.select()} />
      <button type="button" onClick={() => void copy('embed', snippet)}>
        {copied === 'embed' ? 'Embed snippet copied' : 'Copy embed snippet'}
      </button>
      <iframe className="embed-preview" title="Preview of the embed" src={url} style={{ height: `${Math.min(choice.maxHeight ?? 480, 480)}px` }} />
    </details>
  );
}
