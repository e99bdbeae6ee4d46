import { explainImage } from '../../resolver/explain.ts';
import type { ImageResolution } from '../../resolver/core.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';

/** The decisions behind each release's chain; computed only while open. */
export default function WhyTrace({ image }: { image: ImageResolution }) {
  const resolution = usePlayground(selectResolution);
  if (resolution === null) return null;
  return (
    <div className="why-versions">
      {resolution.releases.map((release) => (
        <section key={release.id}>
          <h4>{release.id}</h4>
          <ol>
            {explainImage(resolution, image, release.id).map((step, index) => (
              <li key={index} className={`trace-${step.kind}`}>
                {step.text}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
