import { useSyncExternalStore } from 'react';
import { usePlayground } from '../state/context.tsx';
import { selectTheme } from '../state/selectors.ts';

const query = () => (typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null);

function subscribe(onChange: () => void): () => void {
  const media = query();
  media?.addEventListener('change', onChange);
  return () => media?.removeEventListener('change', onChange);
}

/** 'light' or 'dark': the chosen theme, or the system's when the choice is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const theme = usePlayground(selectTheme);
  const systemDark = useSyncExternalStore(subscribe, () => query()?.matches ?? false, () => false);
  return theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
}
