import { availabilities, credentialSource, simulatePull, type Availability, type ImageResolution, type Release, type ResolvedEndpoint } from '../../resolver/core.ts';
import { availabilityOf } from '../../share/whatIf.ts';
import { availabilityLabels } from '../state/whatIfLabels.ts';
import { profileSummaries } from '../../resolver/profiles/summaries.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectCertsD, selectCredentials, selectMode, selectPullSecret, selectWhatIf } from '../state/selectors.ts';

const kindLabel = { mirror: 'mirror', embedded: 'embedded', default: 'default' } as const;

/**
 * One release's chain for one image (or several releases', when they agree): where containerd
 * looks, what it tries, and how the pull ends.
 */
export function VersionColumn({ releases, image }: { releases: readonly Release[]; image: ImageResolution }) {
  const whatIf = usePlayground(selectWhatIf);
  const yourFiles = usePlayground(selectCertsD);
  const actions = useActions();
  const release = releases[0] as Release;
  const names = releases.map((each) => each.id).join(' and ');
  const version = image.versions[release.id];
  const chain = version?.chain ?? [];
  const answers = chain.map((endpoint) => availabilityOf(endpoint, image.image, whatIf));
  const outcome = simulatePull(chain, image.normalized ?? image.image, (index) => answers[index] ?? 'not-found', version?.errorRanking);
  const legacy = release.profile.reader.kind === 'legacy-cri';
  return (
    <section className="version" aria-label={`${image.image} with ${names}`}>
      <h4>
        {releases.map((each, index) => (
          <span key={each.id} className="version-name">
            {index > 0 && ' = '}
            {each.id}{' '}
            <small>
              <span className="profile-badge" title={profileSummaries[each.profile.id]}>
                {each.profile.id}
              </span>{' '}
              containerd {each.containerd}
            </small>
          </span>
        ))}
      </h4>
      {releases.length > 1 && <p className="muted agree-note">These releases resolve this image the same way.</p>}
      <p className="version-dir">
        {legacy ? (
          'config.toml registry.mirrors'
        ) : version?.hostsDir ? (
          <>
            certs.d/<code>{version.hostsDir}</code>
            {/* The directory is yours when no compared release wrote one of that name for this chain. */}
            {yourFiles.some((file) => file.dir === version.hostsDir) && chain.some((endpoint) => endpoint.sources.some((source) => source.file === version.hostsDir)) && (
              <>
                {' '}
                <button type="button" className="link-button" onClick={() => actions.setActiveFile(version.hostsDir)}>
                  (your file)
                </button>
              </>
            )}
          </>
        ) : (
          'no certs.d directory: built-in default'
        )}
      </p>
      {version?.decodeError ? (
        <p className="field-error">
          containerd rejects certs.d/{version.hostsDir}/hosts.toml ({version.decodeError}): only the registry itself, with system trust.
        </p>
      ) : null}
      {version?.pullError ? (
        <p className="field-error">No pull: {version.pullError}.</p>
      ) : chain.length === 0 ? (
        <p className="muted">Nothing is tried.</p>
      ) : (
        <ol className="chain">
          {chain.map((endpoint, index) => (
            <EndpointItem key={index} endpoint={endpoint} availability={answers[index] ?? 'not-found'} tried={index < outcome.attempts.length} readsConfigs={release.product !== 'containerd'} />
          ))}
        </ol>
      )}
      {outcome.status === 'pulled' ? (
        <p className="outcome outcome-ok">
          <span className="outcome-label">Pulls from</span> <code>{chain[outcome.servedBy]?.host.host ?? outcome.url}</code> (step {outcome.servedBy + 1})
        </p>
      ) : (
        <div className="outcome outcome-fail">
          <p>
            <span className="outcome-label">Pull fails:</span> <code className="error-text">{outcome.error}</code>
          </p>
          <p>{outcome.podSymptom}</p>
        </div>
      )}
    </section>
  );
}

function EndpointItem({ endpoint, availability, tried, readsConfigs }: { endpoint: ResolvedEndpoint; availability: Availability; tried: boolean; readsConfigs: boolean }) {
  const actions = useActions();
  const { readOnly } = usePlayground(selectMode);
  const credentials = usePlayground(selectCredentials);
  const pullSecret = usePlayground(selectPullSecret);
  const source = credentials === null ? null : credentialSource(credentials, endpoint.host.host, pullSecret);
  const show = () => actions.setHighlight(endpoint.sources);
  const hide = () => actions.setHighlight([]);
  return (
    <li className={`endpoint kind-${endpoint.kind} ${tried ? '' : 'not-tried'}`} tabIndex={0} onMouseEnter={show} onMouseLeave={hide} onFocus={show} onBlur={hide}>
      <span className={`badge badge-${endpoint.kind}`}>{kindLabel[endpoint.kind]}</span>
      <code className="url">{endpoint.url}</code>
      {endpoint.rewrite?.pattern && (
        <span className="note">
          rewritten to <code>{endpoint.repository}</code> by <code>{endpoint.rewrite.pattern}</code>
          {endpoint.rewrite.ambiguous && <strong> — ambiguous: {endpoint.rewrite.candidates.length} rewrites match, containerd picks one at random</strong>}
        </span>
      )}
      {endpoint.httpFallback && <span className="note">HTTPS first, then plain HTTP if the server does not speak TLS</span>}
      {readsConfigs && credentials !== null && source !== null && (pullSecret || credentials.authKeys.length > 0) && (
        <span className="note credentials-note">
          {source.from === 'pull-secret' ? (
            <>credentials: the pod's imagePullSecret (containerd sends it to every step and reads no configs)</>
          ) : source.from === 'configs' ? (
            <>
              credentials: <code>configs."{source.key}".auth</code> (a pod's pull secret replaces them)
            </>
          ) : (
            <>
              no credentials sent (auth is keyed by {credentials.authKeys.map((key) => `"${key}"`).join(', ')}, not {endpoint.host.host})
            </>
          )}
        </span>
      )}
      <label className="availability">
        <span className="visually-hidden">What {endpoint.url} returns</span>
        <select value={availability} disabled={readOnly} onChange={(event) => actions.setAvailability(endpoint.url, event.target.value as Availability)}>
          {availabilities.map((option) => (
            <option key={option} value={option}>
              {availabilityLabels[option]}
            </option>
          ))}
        </select>
      </label>
    </li>
  );
}
