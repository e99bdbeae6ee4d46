import { memo, useState } from 'react';
import { explainImage, type ImageResolution, type VersionProfile } from '../../resolver/core.ts';
import { usePlayground } from '../state/context.tsx';
import { selectResolution } from '../state/selectors.ts';
import { VersionColumn } from './VersionColumn.tsx';

interface Props {
  profiles: readonly VersionProfile[];
  image: ImageResolution;
  difference: string | null;
}

/** One image: where it is pulled from under each release, and why. Re-renders only when its own result changes. */
export const ImageRow = memo(function ImageRow({ profiles, image, difference }: Props) {
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
            <span>
              {image.hostsDir === null ? 'no certs.d directory: built-in default' : <>certs.d/<code>{image.hostsDir}</code></>}
            </span>
          </p>
        )}
        {difference !== null && (
          <p className="difference">
            <span className="differs-badge">Differs</span> {difference}
          </p>
        )}
        {image.hostsTomlError !== null && (
          <p className="field-error">
            containerd ignores certs.d/{image.hostsDir}/hosts.toml ({image.hostsTomlError}), so only the default endpoint is used.
          </p>
        )}
      </div>
      {image.error === null && (
        <>
          <div className="versions">
            {profiles.map((profile) => (
              <VersionColumn key={profile.id} profile={profile} image={image} />
            ))}
          </div>
          <details className="why" open={whyOpen} onToggle={(event) => setWhyOpen(event.currentTarget.open)}>
            <summary>Why this chain?</summary>
            {whyOpen && <WhyTrace image={image} />}
          </details>
        </>
      )}
    </li>
  );
});

/** The decisions behind each release's chain; computed only while open. */
function WhyTrace({ image }: { image: ImageResolution }) {
  const resolution = usePlayground(selectResolution);
  if (resolution === null) return null;
  return (
    <div className="why-versions">
      {resolution.profiles.map((profile) => (
        <section key={profile.id}>
          <h4>{profile.id}</h4>
          <ol>
            {explainImage(resolution, image, profile.id).map((step, index) => (
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
