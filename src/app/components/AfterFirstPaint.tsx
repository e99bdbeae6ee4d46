import { useEffect, useState, type ReactNode } from 'react';

let painted = false;

/**
 * True once the page has painted its first frame (and stays true for later mounts). What
 * waits for it (Monaco's megabytes, panels below the fold, lazily loaded modules) never lands
 * between the first render and the first chains on screen.
 */
export function useAfterFirstPaint(enabled = true): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // After the frame is painted, not just before it.
      timer = setTimeout(() => {
        painted = true;
        setReady(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, enabled]);
  return ready && enabled;
}

/** Renders its children only after the first paint (see useAfterFirstPaint). */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  return useAfterFirstPaint() ? children : null;
}
