import './timeline.css';
import { useLayoutEffect, useMemo } from 'react';
import { markViewRendered } from '../perfMarks.ts';
import { RE2JS } from 're2js';
import { olderReleases } from '../../resolver/older/index.ts';
import { buildTimeline, type CellStatus, type TimelineCell } from '../../resolver/timeline.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCertsD, selectDraftYaml, selectFlags, selectImages, selectMode, selectProduct } from '../state/selectors.ts';
import { hostsDirsOf } from '../../share/state.ts';

const statusWords: Record<CellStatus, string> = { same: 'as the newest release', differs: 'differs', broken: 'breaks' };

/**
 * "Where does this file break?": one bar per release line, one segment per run of patches that
 * behave alike, coloured by how the sample images fare against the newest release. A segment
 * compares its first release with the newest one.
 */
export default function TimelinePanel() {
  const yaml = usePlayground(selectDraftYaml);
  const images = usePlayground(selectImages);
  const flags = usePlayground(selectFlags);
  const product = usePlayground(selectProduct);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const certsD = usePlayground(selectCertsD);
  const timeline = useMemo(
    () =>
      buildTimeline({
        // Plain containerd: the K3s releases, reading your files with no registries.yaml.
        registriesYaml: product === 'containerd' ? '' : yaml,
        hostsDirs: hostsDirsOf(certsD),
        images,
        product: product === 'containerd' ? 'k3s' : product,
        disableDefaultRegistryEndpoint: flags.disableDefaultRegistryEndpoint,
        embeddedRegistry: flags.embeddedRegistry,
        regexEngine: RE2JS,
        olderReleases,
      }),
    [yaml, images, flags, product, certsD],
  );
  useLayoutEffect(() => markViewRendered(), [timeline]);
  if (!timeline.loadable) return <p className="banner banner-error">K3s cannot load this registries.yaml on any release; fix the problems first.</p>;
  const cells = timeline.lines.flatMap((line) => line.cells);
  const bad = cells.filter((cell) => cell.status !== 'same');
  const compare = (cell: TimelineCell) => {
    actions.setVersions([cell.first, timeline.newest]);
    actions.setView('chains');
  };
  return (
    <div className="timeline" data-testid="timeline">
      <p className="summary" role="status">
        {bad.length === 0 ? (
          <>Every release from v1.26 on resolves these images as {timeline.newest} does.</>
        ) : (
          <>
            <strong>{bad.filter((cell) => cell.status === 'broken').length}</strong> release ranges break and <strong>{bad.filter((cell) => cell.status === 'differs').length}</strong> differ from {timeline.newest}.
          </>
        )}
      </p>
      <ul className="timeline-legend" aria-label="Legend">
        {(['same', 'differs', 'broken'] as const).map((status) => (
          <li key={status}>
            <span className={`swatch status-${status}`} aria-hidden="true" /> {status === 'same' ? `resolves as ${timeline.newest}` : statusWords[status]}
          </li>
        ))}
      </ul>
      <ol className="timeline-lines">
        {timeline.lines.map((line) => (
          <li key={line.line} className="timeline-line">
            <span className="line-label">v{line.line}</span>
            <span className="line-bar">
              {line.cells.map((cell) => (
                <button
                  key={cell.first}
                  type="button"
                  className={`cell status-${cell.status}`}
                  style={{ flexGrow: cell.to - cell.from + 1 }}
                  disabled={readOnly}
                  title={describe(cell)}
                  aria-label={`${describe(cell)} Compare with ${timeline.newest}.`}
                  onClick={() => compare(cell)}
                >
                  <span className="cell-patches">{cell.from === cell.to ? `.${cell.from}` : `.${cell.from}–${cell.to}`}</span>
                  <span className="cell-profile">{cell.profile}</span>
                </button>
              ))}
            </span>
          </li>
        ))}
      </ol>
      {bad.length > 0 && (
        <ul className="timeline-details" aria-label="Release ranges that differ">
          {bad.map((cell) => (
            <li key={cell.first} className={`status-${cell.status}`}>
              <button type="button" className="link-button" disabled={readOnly} onClick={() => compare(cell)}>
                {span(cell)}
              </button>{' '}
              <span className="profile-badge">{cell.profile}</span> {cell.problems.map((problem) => problem.text).join('; ')}.{' '}
              {cell.fixedIn !== null ? <strong>Fixed in {cell.fixedIn}.</strong> : <span className="muted">Not fixed on this line.</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function span(cell: TimelineCell): string {
  return cell.first === cell.last ? cell.first : `${cell.first} – ${cell.last}`;
}

function describe(cell: TimelineCell): string {
  const what = cell.status === 'same' ? 'resolves every sample image as the newest release.' : `${cell.problems.map((problem) => problem.text).join('; ')}.`;
  const fixed = cell.fixedIn !== null ? ` Fixed in ${cell.fixedIn}.` : '';
  return `${span(cell)} (${cell.profile}, containerd ${cell.containerd}): ${what}${fixed}`;
}
