import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { Release, Resolution } from '../../resolver/core.ts';
import { markChainsRendered } from '../perfMarks.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { differenceOf, selectFailure, selectOnlyDiffering, selectPullSecret, selectResolution, selectSeq, selectStale, selectWhatIf } from '../state/selectors.ts';
import { cellText, outcomeOf } from '../../share/outcomes.ts';
import { ReleaseProblems } from './ReleaseProblems.tsx';
import { plural } from '../components/CodeText.tsx';
import type { WhatIf } from '../../share/state.ts';
import { ReleaseColumnsHead } from '../components/ReleaseColumnsHead.tsx';

// A card's chains, what-if selectors and why-trace load when the first card is opened.
const ImageCard = lazy(() => import('./ImageCard.tsx'));
const WhatIfPanel = lazy(() => import('./WhatIfPanel.tsx'));
const ErrorPanel = lazy(() => import('./ErrorPanel.tsx'));

/**
 * Summary first: one row per sample image and one cell per compared release, saying which
 * endpoint serves the pull or why it fails; failing images first. A row opens its card.
 */
export function ChainsPanel() {
  const resolution = usePlayground(selectResolution);
  const stale = usePlayground(selectStale);
  const failure = usePlayground(selectFailure);
  const onlyDiffering = usePlayground(selectOnlyDiffering);
  const whatIf = usePlayground(selectWhatIf);
  const pullSecret = usePlayground(selectPullSecret);
  const seq = usePlayground(selectSeq);
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [failingFirst, setFailingFirst] = useState(true);
  // What the user opened or closed; other cards follow the default.
  const [chosen, setChosen] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [whatIfOpen, setWhatIfOpen] = useState(false);
  const [errorOpen, setErrorOpen] = useState(false);
  // Cards load their code lazily: they open by themselves only once the page is live, so the
  // prerendered first view (the summary) hydrates as it was rendered.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);

  useLayoutEffect(() => {
    if (resolution !== null) markChainsRendered();
  }, [seq, resolution]);

  const releases = useStableReleases(resolution);
  const rows = useMemo(() => rowsOf(resolution, releases, whatIf), [resolution, releases, whatIf]);
  const [limit, setLimit] = useState(PAGE);
  const sentinel = useCallback((element: HTMLTableRowElement | null) => {
    if (element === null || typeof IntersectionObserver !== 'function') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((current) => current + PAGE);
    }, { rootMargin: '800px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const toggle = useCallback((key: string, open: boolean) => setChosen((current) => new Map(current).set(key, !open)), []);
  if (resolution === null) return <p className="muted">Resolving…</p>;

  const failing = rows.filter((row) => row.failing);
  const differing = rows.filter((row) => row.difference !== null);
  const needle = query.trim().toLowerCase();
  const shown = rows
    .filter((row) => (!onlyDiffering || row.difference !== null) && (needle === '' || row.key.toLowerCase().includes(needle)))
    .sort((a, b) => (failingFirst ? rank(a) - rank(b) : 0) || a.index - b.index);
  const visible = shown.slice(0, limit);
  const remaining = shown.length - visible.length;
  // Few images: the ones that fail or differ start open, as the answer to "why?".
  const isOpen = (row: Row) => chosen.get(row.key) ?? (live && rows.length <= AUTO_OPEN && (row.failing || row.difference !== null));
  const [first, second] = releases;

  return (
    <div className={`chains ${stale ? 'is-stale' : ''}`} data-testid="chains" data-seq={seq}>
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
          <strong className={failing.length > 0 ? 'count-failing' : 'count-ok'}>
            {failing.length > 0 ? '✗' : '✓'} {failing.length} of {plural(rows.length, 'image')} {failing.length === 1 ? 'fails' : 'fail'}
            {releases.length > 1 ? ' on a compared release' : ''}
          </strong>
          {first !== undefined && second !== undefined && (
            <>
              {' · '}
              <strong>{differing.length}</strong> {differing.length === 1 ? 'resolves' : 'resolve'} differently between {first.id} and {second.id}
            </>
          )}
          {stale && <span className="stale-note"> (last loadable version)</span>}
        </p>
        {failing.length > 0 && (
          <p className="failing-names">
            Failing: {failing.map((row) => row.key || '(empty)').join(', ')}
          </p>
        )}
      </div>
      <div className="table-tools">
        <label className="search">
          <span className="visually-hidden">Filter images</span>
          <input type="search" placeholder="Filter images…" value={query} onChange={(event) => setQuery(event.target.value)} spellCheck={false} autoCapitalize="off" autoCorrect="off" />
        </label>
        <label className="filter">
          <input type="checkbox" checked={failingFirst} onChange={(event) => setFailingFirst(event.target.checked)} /> Failing first
        </label>
        {first !== undefined && second !== undefined && (
          <label className="filter">
            <input type="checkbox" checked={onlyDiffering} onChange={(event) => actions.setOnlyDiffering(event.target.checked)} /> Only differing
          </label>
        )}
        {resolution.credentials.authKeys.length > 0 && (
          <label className="filter" title="The kubelet passes the pod's pull secret; containerd then sends it to every endpoint and ignores configs.*.auth">
            <input type="checkbox" checked={pullSecret} onChange={(event) => actions.setPullSecret(event.target.checked)} /> Pods have an imagePullSecret
          </label>
        )}
      </div>
      <details className="what-if" open={whatIfOpen} onToggle={(event) => setWhatIfOpen(event.currentTarget.open)}>
        <summary>What if a host is down, lacks images or rejects you?</summary>
        {whatIfOpen && (
          <Suspense fallback={<p className="muted">…</p>}>
            <WhatIfPanel />
          </Suspense>
        )}
      </details>
      <details className="what-if paste-error" open={errorOpen} onToggle={(event) => setErrorOpen(event.currentTarget.open)}>
        <summary>What does this error mean? Paste it from a pod or the journal</summary>
        {errorOpen && (
          <Suspense fallback={<p className="muted">…</p>}>
            <ErrorPanel />
          </Suspense>
        )}
      </details>
      {shown.length === 0 ? (
        <p className="muted">{rows.length === 0 ? 'Add an image to see its endpoint chain.' : 'No image matches.'}</p>
      ) : (
        <table className="summary-table">
          <caption className="visually-hidden">Where each image is pulled from, per release</caption>
          <ReleaseColumnsHead first="Image" releases={releases} />
          {visible.map((row) => (
            <ImageRows key={`${row.index}:${row.key}`} row={row} releases={releases} expanded={isOpen(row)} onToggle={toggle} />
          ))}
          {remaining > 0 && (
            <tbody>
              <tr ref={sentinel} className="more-rows">
                <td colSpan={releases.length + 1}>
                  <button type="button" onClick={() => setLimit((current) => current + PAGE)}>
                    Show {Math.min(PAGE, remaining)} more ({remaining} not shown yet)
                  </button>
                </td>
              </tr>
            </tbody>
          )}
        </table>
      )}
    </div>
  );
}

interface ImageRowsProps {
  row: Row;
  releases: readonly Release[];
  expanded: boolean;
  onToggle(key: string, open: boolean): void;
}

/**
 * One image's summary row and, when open, its card. An edit usually changes few rows' text, so a
 * row re-renders only when what it shows changed (a closed row shows only its cells).
 */
const ImageRows = memo(function ImageRows({ row, releases, expanded, onToggle }: ImageRowsProps) {
  const cardId = `card-${row.index}`;
  return (
    <tbody className="image-entry">
      <tr className={`summary-row ${row.failing ? 'is-failing' : ''} ${row.difference !== null ? 'differs' : ''}`}>
        <th scope="row">
          <button type="button" className="row-toggle" aria-expanded={expanded} aria-controls={cardId} onClick={() => onToggle(row.key, expanded)}>
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> <code>{row.key || '(empty)'}</code>
          </button>
          {row.difference !== null && <span className="differs-badge">Differs</span>}
        </th>
        {row.error !== null ? (
          <td colSpan={releases.length} className="cell-invalid">
            <span aria-hidden="true">⚠</span> invalid reference: {row.error}
          </td>
        ) : (
          row.cells.map((cell, index) => (
            <td key={releases[index]?.id ?? index} className={cell.ok ? 'cell-ok' : 'cell-fail'}>
              <span aria-hidden="true">{cell.ok ? '✓' : '✗'}</span> <span className="visually-hidden">{cell.ok ? 'pulls from' : 'fails:'}</span> <code>{cell.text}</code>
            </td>
          ))
        )}
      </tr>
      {expanded && (
        <tr className="card-row" id={cardId}>
          <td colSpan={releases.length + 1}>
            <Suspense fallback={<p className="muted">…</p>}>
              <ImageCard image={row.image} releases={releases} difference={row.difference} />
            </Suspense>
          </td>
        </tr>
      )}
    </tbody>
  );
}, sameRows);

function sameRows(before: ImageRowsProps, after: ImageRowsProps): boolean {
  if (before.releases !== after.releases || before.expanded !== after.expanded || before.onToggle !== after.onToggle) return false;
  const [a, b] = [before.row, after.row];
  if (after.expanded && a.image !== b.image) return false;
  return (
    a.key === b.key &&
    a.index === b.index &&
    a.error === b.error &&
    a.difference === b.difference &&
    a.failing === b.failing &&
    a.cells.length === b.cells.length &&
    a.cells.every((cell, index) => cell.ok === b.cells[index]?.ok && cell.text === b.cells[index]?.text)
  );
}

/** Rows rendered at first and added per scroll step. */
const PAGE = 60;
/** Up to this many images, failing and differing cards start open. */
const AUTO_OPEN = 8;

interface Row {
  key: string;
  index: number;
  image: Resolution['images'][number];
  error: string | null;
  difference: string | null;
  failing: boolean;
  cells: { ok: boolean; text: string }[];
}

function rank(row: Row): number {
  return row.failing ? 0 : row.difference !== null ? 1 : 2;
}

function rowsOf(resolution: Resolution | null, releases: readonly Release[], whatIf: WhatIf): Row[] {
  if (resolution === null) return [];
  return resolution.images.map((image, index) => {
    const cells = releases.map((release) => {
      const outcome = outcomeOf(image, release.id, whatIf);
      return outcome === null ? { ok: false, text: '' } : { ok: outcome.status === 'pulled', text: cellText(outcome, image, release.id) };
    });
    return {
      key: image.image,
      index,
      image,
      error: image.error,
      difference: differenceOf(resolution, image),
      failing: image.error === null && cells.some((cell) => !cell.ok),
      cells,
    };
  });
}

/** The compared releases as one array per comparison (not per result), so unchanged rows skip re-rendering. */
function useStableReleases(resolution: Resolution | null): Release[] {
  const list = resolution?.releases.map((result) => result.release) ?? [];
  const key = list.map((release) => `${release.product} ${release.id}`).join('\n');
  return useMemo(() => list, [key]);
}

