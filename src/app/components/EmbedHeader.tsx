import { useEffect, useState } from 'react';
import { products } from '../../resolver/products.ts';
import { usePlayground } from '../state/context.tsx';
import type { PlaygroundStore } from '../state/store.ts';
import { useAfterFirstPaint } from './AfterFirstPaint.tsx';

const selectDraft = (state: PlaygroundStore) => state.draft;

/** The compact header of an embed: a title and the way out to the full playground. */
export function EmbedHeader() {
  const draft = usePlayground(selectDraft);
  const base = `${location.origin}${location.pathname}`;
  const [href, setHref] = useState(base);
  const ready = useAfterFirstPaint();
  // The same page without ?embed, carrying the embed's current state. Credentials never leave
  // in a link: when redaction cannot be vouched for, the link opens the playground without a
  // state. The link code loads after the first paint, so the embed's first view stays small.
  useEffect(() => {
    if (!ready) return;
    let current = true;
    void import('../../share/links.ts').then(({ shareLink }) => {
      if (!current) return;
      try {
        const link = shareLink(base, draft, { includeCredentials: false });
        setHref(link.ok ? link.url : base);
      } catch {
        setHref(base);
      }
    });
    return () => {
      current = false;
    };
  }, [ready, draft, base]);
  const flagNames = draft.product === 'containerd' ? null : products[draft.product].flags;
  const options = flagNames === null ? [] : [draft.flags.disableDefaultRegistryEndpoint && flagNames.disableDefaultRegistryEndpoint, draft.flags.embeddedRegistry && flagNames.embeddedRegistry].filter((flag): flag is string => typeof flag === 'string');
  return (
    <header className="embed-header">
      <strong>K3s Registry Playground</strong>
      <span className="embed-context">
        {draft.versions.join(' vs ')}
        {options.map((option) => (
          <code key={option}> {option}</code>
        ))}
      </span>
      <a href={href} target="_blank" rel="noopener">
        Open in playground ↗
      </a>
    </header>
  );
}
