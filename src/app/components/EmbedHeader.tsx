import { useMemo } from 'react';
import { shareLink } from '../../share/links.ts';
import { usePlayground } from '../state/context.tsx';
import type { PlaygroundStore } from '../state/store.ts';

const selectDraft = (state: PlaygroundStore) => state.draft;

/** The compact header of an embed: a title and the way out to the full playground. */
export function EmbedHeader() {
  const draft = usePlayground(selectDraft);
  // The same page without ?embed, carrying the embed's current state. Credentials never leave in
  // a link: if redaction cannot be vouched for, the link opens the playground without a state.
  const href = useMemo(() => {
    const base = `${location.origin}${location.pathname}`;
    try {
      const link = shareLink(base, draft, { includeCredentials: false });
      return link.ok ? link.url : base;
    } catch {
      return base;
    }
  }, [draft]);
  return (
    <header className="embed-header">
      <strong>K3s Registry Playground</strong>
      <a href={href} target="_blank" rel="noopener">
        Open in playground ↗
      </a>
    </header>
  );
}
