import { useEffect, useId, useState } from 'react';
import { findRelease, type Distribution } from '../../resolver/core.ts';
import { releaseOptions } from './releaseOptions.ts';
import { profileSummaries } from '../../resolver/profiles/summaries.ts';

interface Props {
  /** "Left" / "Right": which column of the comparison. */
  side: string;
  value: string;
  product: Distribution;
  disabled: boolean;
  onChange(name: string): void;
}

/**
 * One compared release: typed (`1.29.3`, `v1.30.5+rke2r1`) or chosen from every patch, grouped
 * by minor line. What it maps to (profile, containerd) shows under it; a name that is not a
 * release is kept in the box with the reason, and the last good release stays compared.
 */
export function ReleasePicker({ side, value, product, disabled, onChange }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const id = useId();
  const found = findRelease(text, product);
  const shown = found.ok ? found.release : null;
  const commit = (name: string) => {
    setText(name);
    if (findRelease(name, product).ok && name !== value) onChange(name);
  };
  return (
    <div className="release-picker">
      <label htmlFor={`${id}-input`} className="release-label">
        {side} release
      </label>
      <div className="release-inputs">
        <input
          id={`${id}-input`}
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          value={text}
          disabled={disabled}
          aria-invalid={!found.ok}
          aria-describedby={`${id}-info`}
          onChange={(event) => commit(event.target.value)}
        />
        <select aria-label={`Choose the ${side.toLowerCase()} release from a list`} value="" disabled={disabled} onChange={(event) => commit(event.target.value)}>
          <option value="" disabled>
            List…
          </option>
          {releaseOptions(product).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.name} value={option.name}>
                  {option.name} · {option.profile}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <p id={`${id}-info`} className={`release-info ${found.ok ? '' : 'field-error'}`} aria-live="polite">
        {shown !== null ? (
          <>
            <span className="profile-badge" title={profileSummaries[shown.profile.id]}>
              {shown.profile.id}
            </span>{' '}
            containerd {shown.containerd}
            {shown.note !== null && <span className="muted"> — {shown.note}</span>}
          </>
        ) : found.ok ? null : (
          found.error
        )}
      </p>
    </div>
  );
}
