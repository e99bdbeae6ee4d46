import { useEffect, useState, type ReactNode } from 'react';

let painted = false;

/**
 * Renders its children only after the first chains are on screen. Used for what sits
 * below the fold (explanations, footers), so the first view does not wait for it.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    const frame = requestAnimationFrame(() => {
      painted = true;
      setReady(true);
    });
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  return ready ? children : null;
}
