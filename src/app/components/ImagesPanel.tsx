import { useState, type ClipboardEvent, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { publicImages, systemImages } from '../../share/state.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectImageErrors, selectImages, selectMode } from '../state/selectors.ts';

/** Splits pasted text into image references: one per line, comma or space. */
export function splitImages(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((image) => image.trim())
    .filter((image) => image !== '' && !image.startsWith('#'));
}

export function ImagesPanel() {
  const images = usePlayground(selectImages);
  const imageErrors = usePlayground(useShallow(selectImageErrors));
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const [draft, setDraft] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const added = splitImages(draft);
    if (added.length > 0) actions.addImages(added);
    setDraft('');
  };
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const added = splitImages(event.clipboardData.getData('text'));
    if (added.length > 1) {
      event.preventDefault();
      actions.addImages(added);
    }
  };
  const errors = new Map<string | null, string | null>();
  for (let index = 0; index < imageErrors.length; index += 2) errors.set(imageErrors[index] ?? null, imageErrors[index + 1] ?? null);

  return (
    <section className="panel images-panel" aria-labelledby="images-heading">
      <h2 id="images-heading">Sample images</h2>
      <ul className="image-list">
        {images.map((image, index) => {
          const error = errors.get(image) ?? null;
          return (
            <li key={index} className={error !== null ? 'has-error' : undefined}>
              <input
                aria-label={`Image ${index + 1}`}
                value={image}
                readOnly={readOnly}
                spellCheck={false}
                autoCapitalize="off"
                autoCorrect="off"
                autoComplete="off"
                aria-invalid={error !== null}
                aria-describedby={error !== null ? `image-error-${index}` : undefined}
                onChange={(event) => actions.setImage(index, event.target.value)}
              />
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove ${image || `image ${index + 1}`}`} onClick={() => actions.removeImage(index)}>
                  ×
                </button>
              )}
              {error !== null && (
                <p className="field-error" id={`image-error-${index}`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {!readOnly && (
        <>
          <form className="add-image" onSubmit={submit}>
            <label>
              <span className="visually-hidden">Add images (paste many at once)</span>
              <input value={draft} placeholder="Add image, or paste many…" spellCheck={false} autoCapitalize="off" autoCorrect="off" autoComplete="off" onChange={(event) => setDraft(event.target.value)} onPaste={paste} />
            </label>
            <button type="submit">Add</button>
          </form>
          <div className="presets" role="group" aria-label="Image presets">
            <button type="button" onClick={() => actions.setImages(systemImages)}>
              K3s v1.32 system images
            </button>
            <button type="button" onClick={() => actions.setImages(publicImages)}>
              Common public images
            </button>
            {/* Through replaceDraft, so the header's Undo brings the images back. */}
            <button type="button" onClick={() => actions.replaceDraft({ images: [] })} disabled={images.length === 0}>
              Clear
            </button>
          </div>
        </>
      )}
    </section>
  );
}
