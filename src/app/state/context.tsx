import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundStore, PlaygroundStoreApi } from './store.ts';

const StoreContext = createContext<PlaygroundStoreApi | null>(null);

export function PlaygroundProvider({ store, children }: { store: PlaygroundStoreApi; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and one-off reads outside rendering. */
export function usePlaygroundApi(): PlaygroundStoreApi {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('usePlayground must be used inside <PlaygroundProvider>');
  return store;
}

/**
 * Reads from the store; re-renders only when the selected value changes (Object.is).
 * Keep selectors at module scope, and return stable values (or use useShallow).
 */
export function usePlayground<T>(selector: (state: PlaygroundStore) => T): T {
  return useStore(usePlaygroundApi(), selector);
}

/** Actions never change, so components can take them without subscribing to anything. */
export function useActions(): PlaygroundStore {
  return usePlaygroundApi().getState();
}
