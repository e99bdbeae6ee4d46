// The first-view baseline: the same Vite + React setup rendering one static element.
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Baseline() {
  useLayoutEffect(() => {
    performance.mark('baseline:rendered');
  }, []);
  return <p>Baseline</p>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Baseline />
  </StrictMode>,
);
