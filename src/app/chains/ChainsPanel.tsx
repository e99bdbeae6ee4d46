import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import type { Release, Resolution } from '../../resolver/core.ts';
import { markChainsRendered } from '../perfMarks.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { comparedPair, differenceOf, selectFailure, selectOnlyDiffering, selectResolution, selectSeq, selectStale } from '../state/selectors.ts';
import { ImageRow } from './ImageRow.tsx';
import { ReleaseProblems } from './ReleaseProblems.tsx';

/** Every sample image with its endpoint chain per release, differences first in mind. */
export function ChainsPanel() {
  const resolution = usePlayground(selectResolution);
  const stale = usePlayground(selectStale);
  const failure = usePlayground(selectFailure);
  const onlyDiffering = usePlayground(selectOnlyDiffering);
  const seq = usePlayground(selectSeq);
  const actions = useActions();

  useLayoutEffect(() => {
    if (resolution !== null) markChainsRendered();
  }, [seq, resolution]);

  const rows = useMemo(() => rowsOf(resolution), [resolution]);
  const releases = useStableReleases(resolution);
  // Long lists grow as they are scrolled: a thousand rows are not rendered on every keystroke.
  const [limit, setLimit] = useState(PAGE);
  // Observes the "show more" row only while it is mounted (a React 19 callback ref with cleanup),
  // rather than re-creating an observer on every render.
  const sentinel = useCallback((element: HTMLDivElement | null) => {
    if (element === null || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((current) => current + PAGE);
    }, { rootMargin: '800px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  if (resolution === null) return <p className="muted">Resolving…</p>;
  const pair = comparedPair(resolution);
  const differing = rows.filter((row) => row.difference !== null).length;
  const shown = onlyDiffering ? rows.filter((row) => row.difference !== null) : rows;
  const visible = shown.slice(0, limit);
  const remaining = shown.length - visible.length;

  return (
    <div className={`chains ${stale ? 'is-stale' : ''}`} aria-busy={false} data-testid="chains" data-seq={seq}>
      {failure !== null && (
        <p className="banner banner-error" role="alert">
          The engine failed on this input: {failure}. The last result is shown.
        </p>
      )}
      {!resolution.loadable && (
        <p className="banner banner-error" role="alert">
          K3s cannot load this registries.yaml: the agent does not start, so nothing is pulled. See the problems list.
        </p>
      )}
      <ReleaseProblems resolution={resolution} />
      <div className="summary" role="status">
        <p>
          {pair === null ? (
            `${rows.length} image${rows.length === 1 ? '' : 's'}`
          ) : (
            <>
              <strong>
                {differing} of {rows.length}
              </strong>{' '}
              image{rows.length === 1 ? '' : 's'} resolve{differing === 1 ? 's' : ''} differently between {pair[0]} and {pair[1]}
            </>
          )}
          {stale && <span className="stale-note"> (last loadable version)</span>}
        </p>
        {pair !== null && (
          <label className="filter">
            <input type="checkbox" checked={onlyDiffering} onChange={(event) => actions.setOnlyDiffering(event.target.checked)} /> Show only differing
          </label>
        )}
      </div>
      {shown.length === 0 ? (
        <p className="muted">{rows.length === 0 ? 'Add an image to see its endpoint chain.' : 'No image resolves differently.'}</p>
      ) : (
        <>
          <ol className="image-rows">
            {visible.map((row) => (
              <ImageRow key={`${row.index}:${row.image.image}`} releases={releases} image={row.image} difference={row.difference} />
            ))}
          </ol>
          {remaining > 0 && (
            <div ref={sentinel} className="more-rows">
              <button type="button" onClick={() => setLimit((current) => current + PAGE)}>
                Show {Math.min(PAGE, remaining)} more ({remaining} not shown yet)
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** The compared releases as one array per comparison (not per result), so unchanged rows skip re-rendering. */
function useStableReleases(resolution: Resolution | null): Release[] {
  const list = resolution?.releases.map((result) => result.release) ?? [];
  const key = list.map((release) => `${release.product} ${release.id}`).join('\n');
  return useMemo(() => list, [key]);
}

/** Rows rendered at first and added per scroll step. */
const PAGE = 40;

interface Row {
  image: Resolution['images'][number];
  index: number;
  difference: string | null;
}

function rowsOf(resolution: Resolution | null): Row[] {
  return resolution === null ? [] : resolution.images.map((image, index) => ({ image, index, difference: differenceOf(resolution, image) }));
}
