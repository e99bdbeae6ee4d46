import { examples } from '../examples.ts';
import { useActions } from '../state/context.tsx';

/** Loads a worked example into the editor (the replaced draft can be undone). */
export default function ExamplesMenu() {
  const actions = useActions();
  return (
    <label className="examples">
      <span className="visually-hidden">Load an example</span>
      <select
        value=""
        onChange={(event) => {
          const example = examples.find((candidate) => candidate.id === event.target.value);
          if (example === undefined) return;
          actions.replaceDraft({ yaml: example.yaml, flags: example.flags, ...(example.images ? { images: example.images } : {}) });
        }}
      >
        <option value="" disabled>
          Examples…
        </option>
        {examples.map((example) => (
          <option key={example.id} value={example.id} title={example.summary}>
            {example.title}
          </option>
        ))}
      </select>
    </label>
  );
}
