import type { KeyboardEvent, ReactNode } from 'react';

export interface Tab<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * An ARIA tab list with the keyboard behaviour people expect: arrows move to the previous or
 * next tab (wrapping), Home and End to the first and last, and focus follows the selection.
 * The panel is the caller's: give both the same `idPrefix` (a `useId()`), and the panel the ids
 * from `panelId` and `tabId`.
 */
export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix: prefix,
  className = 'tabs',
}: {
  tabs: readonly Tab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  idPrefix: string;
  className?: string;
}) {
  const index = Math.max(0, tabs.findIndex((tab) => tab.id === selected));
  const onKeyDown = (event: KeyboardEvent) => {
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (target === undefined || tabs.length === 0) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next === undefined) return;
    onSelect(next.id);
    document.getElementById(tabId(prefix, next.id))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabId(prefix, tab.id)}
          type="button"
          role="tab"
          aria-selected={tab.id === selected}
          aria-controls={panelId(prefix)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The element ids a TabList gives its tabs and expects of its panel (pass the same `useId()` prefix). */
export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id.replace(/[^\w-]/g, '_')}`;
}

export function panelId(prefix: string): string {
  return `${prefix}-panel`;
}
