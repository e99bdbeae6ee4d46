import { lazy, Suspense, useState } from 'react';
import type { ImageResolution, Release } from '../../resolver/core.ts';
import { VersionColumn } from './VersionColumn.tsx';

// The trace's wording is only needed once someone opens it.
const WhyTrace = lazy(() => import('./WhyTrace.tsx'));

interface Props {
  image: ImageResolution;
  releases: readonly Release[];
  difference: string | null;
}

/**
 * One image in detail: what it is pulled as, the chain per release (one shared chain when the
 * releases agree), how each pull ends, and why.
 */
export default function ImageCard({ image, releases, difference }: Props) {
  const [whyOpen, setWhyOpen] = useState(false);
  if (image.error !== null) return <p className="field-error">Invalid reference: {image.error}</p>;
  return (
    <div className={`image-card ${difference !== null ? 'differs' : ''}`}>
      <p className="image-meta">
        pulled as <code>{image.normalized}</code>
      </p>
      {difference !== null && (
        <p className="difference">
          <span className="differs-badge">Differs</span> {difference}
        </p>
      )}
      <div className="versions">
        {sameChains(image, releases).map((group) => (
          <VersionColumn key={group.map((release) => release.id).join(' ')} releases={group} image={image} />
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
    </div>
  );
}

/** Releases whose chain for this image is the same (requests, kinds, where it looks), together. */
function sameChains(image: ImageResolution, releases: readonly Release[]): Release[][] {
  const groups = new Map<string, Release[]>();
  for (const release of releases) {
    const version = image.versions[release.id];
    const key = JSON.stringify([version?.hostsDir, version?.decodeError, version?.pullError, release.profile.reader.kind, version?.chain.map((step) => [step.kind, step.url, step.repository, step.httpFallback])]);
    groups.set(key, [...(groups.get(key) ?? []), release]);
  }
  return [...groups.values()];
}
