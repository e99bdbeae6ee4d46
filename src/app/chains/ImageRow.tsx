import { lazy, memo, Suspense, useState } from 'react';
import type { ImageResolution, Release } from '../../resolver/core.ts';
import { VersionColumn } from './VersionColumn.tsx';

// The trace's wording is only needed once someone opens it.
const WhyTrace = lazy(() => import('./WhyTrace.tsx'));

interface Props {
  /** The compared releases; the same array while they do not change, so rows stay memoised. */
  releases: readonly Release[];
  image: ImageResolution;
  difference: string | null;
}

/** One image: where it is pulled from under each release, and why. Re-renders only when its own result changes. */
export const ImageRow = memo(function ImageRow({ releases, image, difference }: Props) {
  const [whyOpen, setWhyOpen] = useState(false);
  return (
    <li className={`image-row ${difference !== null ? 'differs' : ''}`}>
      <div className="image-head">
        <h3 className="image-name">
          <code>{image.image || '(empty)'}</code>
        </h3>
        {image.error !== null ? (
          <p className="field-error">Invalid reference: {image.error}</p>
        ) : (
          <p className="image-meta">
            <span>
              pulled as <code>{image.normalized}</code>
            </span>
          </p>
        )}
        {difference !== null && (
          <p className="difference">
            <span className="differs-badge">Differs</span> {difference}
          </p>
        )}
      </div>
      {image.error === null && (
        <>
          <div className="versions">
            {releases.map((release) => (
              <VersionColumn key={release.id} release={release} image={image} />
            ))}
          </div>
          <details className="why" open={whyOpen} onToggle={(event) => setWhyOpen(event.currentTarget.open)}>
            <summary>Why this chain?</summary>
            {whyOpen && (
              <Suspense fallback={<p className="muted">…</p>}>
                <WhyTrace image={image} />
              </Suspense>
            )}
          </details>
        </>
      )}
    </li>
  );
});
