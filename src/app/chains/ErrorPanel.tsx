import { useId, useMemo, useState } from 'react';
import { explainPastedError, imageOfError } from '../../resolver/errors/explain.ts';
import { readPastedError } from '../../resolver/errors/pastedError.ts';
import { CodeText } from '../components/CodeText.tsx';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectImages, selectMode, selectResolution } from '../state/selectors.ts';

const FIT_WORDS = {
  fits: 'the error fits this chain',
  'not-in-chain': 'the error names a request this release never makes',
  'not-reported': 'the request is in this chain, but this containerd would report another error',
  'no-request': 'no request is made',
} as const;

/**
 * "What does this error mean?": the text from `kubectl describe pod`, the kubelet or the journal,
 * read against the chains on screen. The pasted text stays in this panel: it is not part of the
 * draft, the link or the Markdown.
 */
export default function ErrorPanel() {
  const [text, setText] = useState('');
  const resolution = usePlayground(selectResolution);
  const images = usePlayground(selectImages);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const id = useId();
  const error = useMemo(() => (text.trim() === '' ? null : readPastedError(text)), [text]);
  const image = error === null ? null : imageOfError(error);
  const explained = useMemo(() => (error === null || resolution === null ? null : explainPastedError(error, resolution)), [error, resolution]);
  const missing = image !== null && explained !== null && explained.releases.length === 0;
  return (
    <div className="error-panel">
      <label htmlFor={`${id}-text`}>The error, as kubectl describe pod, the kubelet or the K3s/containerd journal shows it:</label>
      <textarea id={`${id}-text`} rows={4} spellCheck={false} autoCapitalize="off" autoCorrect="off" value={text} onChange={(event) => setText(event.target.value)} placeholder='Failed to pull image "…": failed to pull and unpack image "…": failed to resolve reference "…": …' />
      {explained !== null && (
        <div className="error-reading" role="status" aria-live="polite">
          <p>
            <strong>{explained.error.kind}</strong>: <CodeText text={explained.cause} />
          </p>
          {image !== null && (
            <p>
              Image <code>{image}</code>
              {explained.error.sandbox && ' — the pause (sandbox) image: the pod cannot start at all (FailedCreatePodSandBox)'}
              {explained.error.url !== null && (
                <>
                  , request <code className="url">{explained.error.url}</code>
                </>
              )}
            </p>
          )}
          {missing && (
            <p>
              <code>{image}</code> is not among the sample images.{' '}
              {!readOnly && !images.includes(image) && (
                <button type="button" onClick={() => actions.addImages([image])}>
                  Add it to see its chains
                </button>
              )}
            </p>
          )}
          {explained.releases.length > 0 && (
            <ul className="error-releases">
              {explained.releases.map((release) => (
                <li key={release.id}>
                  <strong>{release.id}</strong>: {FIT_WORDS[release.fit]}.
                  {release.steps.length > 0 && (
                    <ol>
                      {release.steps.map((step) => (
                        <li key={step.index} value={step.index + 1}>
                          <span className={`badge badge-${step.kind}`}>{step.kind}</span> <code className="url">{step.url}</code>
                        </li>
                      ))}
                    </ol>
                  )}
                  <p className="muted">
                    <CodeText text={release.situation} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          {explained.fixes.length > 0 && (
            <>
              <p>
                <strong>Fix</strong>
              </p>
              <ul>
                {explained.fixes.map((fix) => (
                  <li key={fix}>
                    <CodeText text={fix} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
