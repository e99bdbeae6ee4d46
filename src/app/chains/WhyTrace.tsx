import { Fragment } from 'react';
import { explainImage, type TraceStep } from '../../resolver/explain.ts';
import { LineIndex, type ImageResolution, type SourceRef } from '../../resolver/core.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCertsD, selectResolution } from '../state/selectors.ts';

/** The decisions behind each release's chain, once per distinct trace; computed only while open. */
export default function WhyTrace({ image }: { image: ImageResolution }) {
  const resolution = usePlayground(selectResolution);
  if (resolution === null) return null;
  const groups = new Map<string, { releases: string[]; steps: TraceStep[] }>();
  for (const release of resolution.releases) {
    const steps = explainImage(resolution, image, release.id);
    // Traces that differ only in naming their release are one trace.
    const key = JSON.stringify(steps.map((step) => step.text.replaceAll(release.id, '').replaceAll(release.release.containerd, '')));
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { releases: [release.id], steps });
    else group.releases.push(release.id);
  }
  return (
    <div className="why-versions">
      {[...groups.values()].map((group) => (
        <section key={group.releases.join(' ')}>
          <h4>{group.releases.join(' and ')}</h4>
          <ul className="trace">
            {group.steps.map((step, index) => (
              <li key={index} className={`trace-${step.kind}`}>
                <Linked text={step.text} />
                {step.sources?.map((source, position) => <FileLink key={position} source={source} />)}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Opens your hosts.toml at the line a step comes from. */
function FileLink({ source }: { source: SourceRef }) {
  const files = usePlayground(selectCertsD);
  const actions = useActions();
  const file = files.find((candidate) => candidate.dir === source.file);
  if (file === undefined) return null;
  const { line, column } = new LineIndex(file.toml).position(source.span.start);
  return (
    <>
      {' '}
      <button type="button" className="link-button file-link" onClick={() => actions.moveCursor(line, column, file.dir)}>
        {file.dir}/hosts.toml line {line}
      </button>
    </>
  );
}

/** Upstream issue references (k3s-io/k3s#11857) become links. */
function Linked({ text }: { text: string }) {
  const parts = text.split(/((?:k3s-io\/k3s|rancher\/rke2|containerd\/containerd)#\d+)/);
  return (
    <>
      {parts.map((part, index) => {
        const match = /^(.+)#(\d+)$/.exec(part);
        if (index % 2 === 0 || match === null) return <Fragment key={index}>{part}</Fragment>;
        return (
          <a key={index} href={`https://github.com/${match[1]}/issues/${match[2]}`} rel="noopener noreferrer" target="_blank">
            {part}
          </a>
        );
      })}
    </>
  );
}
