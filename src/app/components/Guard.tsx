import type { ReactNode } from 'react';
import { usePlayground } from '../state/context.tsx';
import { selectSeq } from '../state/selectors.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/**
 * One part of the page behind its own error boundary: if it fails to render, it says so in
 * its place and the rest of the page keeps working. Each new result gives it another try.
 */
export function Guard({ name, children }: { name: string; children: ReactNode }) {
  const seq = usePlayground(selectSeq);
  return (
    <ErrorBoundary
      resetKey={seq}
      fallback={
        <p className="banner banner-error" role="alert">
          The {name} failed to show. Your draft is safe; edit it or reload the page.
        </p>
      }
    >
      {children}
    </ErrorBoundary>
  );
}
