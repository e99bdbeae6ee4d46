import { useMemo } from 'react';
import type { Resolution } from '../../resolver/core.ts';
import { hostConditions, type HostCondition } from '../../share/state.ts';
import { isPlaceholderHost } from '../../share/whatIf.ts';
import { conditionLabels } from '../state/whatIfLabels.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectMode, selectResolution, selectWhatIf } from '../state/selectors.ts';

interface HostEntry {
  host: string;
  kinds: Set<string>;
  /** Sample images whose chains go through the host. */
  images: string[];
}

/**
 * "What if Harbor is down?": every endpoint host in the chains, and what it answers for every
 * image. Answers are part of the draft, so links and embeds carry them.
 */
export default function WhatIfPanel() {
  const resolution = usePlayground(selectResolution);
  const whatIf = usePlayground(selectWhatIf);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const hosts = useMemo(() => hostsOf(resolution), [resolution]);
  const placeholders = hosts.filter((entry) => isPlaceholderHost(entry.host) && !entry.kinds.has('registry itself'));
  return (
    <div className="what-if-panel">
      {placeholders.length > 0 && (
        <p className="placeholder-note">
          {placeholders.map((entry) => entry.host).join(', ')} {placeholders.length === 1 ? 'is a placeholder host' : 'are placeholder hosts'} (reserved example
          names): assumed <strong>{whatIf.placeholdersUp ? 'up' : 'not to have the images'}</strong>.{' '}
          <button type="button" disabled={readOnly} onClick={() => actions.setPlaceholdersUp(!whatIf.placeholdersUp)}>
            {whatIf.placeholdersUp ? 'Treat placeholders as missing the images' : 'Treat placeholders as up'}
          </button>
        </p>
      )}
      <table className="what-if-hosts">
        <caption className="visually-hidden">What each endpoint host answers</caption>
        <thead>
          <tr>
            <th scope="col">Host</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {hosts.map((entry) => {
            const condition = whatIf.hosts[entry.host];
            const assumed = isPlaceholderHost(entry.host) && !whatIf.placeholdersUp && !entry.kinds.has('registry itself') ? 'assumed: placeholder host, images not found' : 'assumed: has the images';
            return (
              <tr key={entry.host}>
                <th scope="row">
                  <code>{entry.host}</code> <small className="muted">{[...entry.kinds].join(', ')}</small>
                </th>
                <td>
                  <label>
                    <span className="visually-hidden">What {entry.host} answers</span>
                    <select
                      value={condition ?? ''}
                      disabled={readOnly}
                      onChange={(event) => actions.setHostCondition(entry.host, event.target.value === '' ? null : (event.target.value as HostCondition))}
                    >
                      <option value="">{assumed}</option>
                      {hostConditions.map((option) => (
                        <option key={option} value={option}>
                          {conditionLabels[option]}
                        </option>
                      ))}
                    </select>
                  </label>
                  {condition === 'lacks-some' && (
                    <fieldset className="lacking" disabled={readOnly}>
                      <legend>Images {entry.host} lacks</legend>
                      {entry.images.map((image) => {
                        const lacking = whatIf.lacking[entry.host] ?? [];
                        return (
                          <label key={image}>
                            <input
                              type="checkbox"
                              checked={lacking.includes(image)}
                              onChange={(event) => actions.setHostCondition(entry.host, 'lacks-some', event.target.checked ? [...lacking, image] : lacking.filter((other) => other !== image))}
                            />{' '}
                            <code>{image}</code>
                          </label>
                        );
                      })}
                    </fieldset>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(Object.keys(whatIf.hosts).length > 0 || Object.keys(whatIf.endpoints).length > 0 || whatIf.placeholdersUp) && (
        <button type="button" disabled={readOnly} onClick={actions.resetWhatIf}>
          Reset every answer
        </button>
      )}
    </div>
  );
}

/** Endpoint hosts in the chains of every image and release, in first-seen order. */
function hostsOf(resolution: Resolution | null): HostEntry[] {
  const hosts = new Map<string, HostEntry>();
  for (const image of resolution?.images ?? []) {
    for (const version of Object.values(image.versions)) {
      for (const step of version.chain) {
        let entry = hosts.get(step.host.host);
        if (entry === undefined) hosts.set(step.host.host, (entry = { host: step.host.host, kinds: new Set(), images: [] }));
        entry.kinds.add(step.kind === 'default' ? 'registry itself' : step.kind);
        if (!entry.images.includes(image.image)) entry.images.push(image.image);
      }
    }
  }
  return [...hosts.values()];
}
