import { useLayoutEffect, useMemo } from 'react';
import { markChainsRendered } from '../perfMarks.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { comparedPair, differenceOf, selectFailure, selectOnlyDiffering, selectResolution, selectSeq, selectStale } from '../state/selectors.ts';
import { ImageRow } from './ImageRow.tsx';

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

  const rows = useMemo(
    () => (resolution === null ? [] : resolution.images.map((image, index) => ({ image, index, difference: differenceOf(resolution, image) }))),
    [resolution],
  );
  if (resolution === null) return <p className="muted">Resolving…</p>;
  const pair = comparedPair(resolution);
  const differing = rows.filter((row) => row.difference !== null).length;
  const shown = onlyDiffering ? rows.filter((row) => row.difference !== null) : rows;

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
        // Long lists let the browser skip laying out rows that are off screen.
        <ol className={`image-rows ${shown.length > 50 ? 'is-long' : ''}`}>
          {shown.map((row) => (
            <ImageRow key={`${row.index}:${row.image.image}`} resolution={resolution} image={row.image} difference={row.difference} />
          ))}
        </ol>
      )}
    </div>
  );
}
