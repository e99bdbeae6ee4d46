import { useActions, usePlayground } from '../state/context.tsx';
import { selectFlags, selectMode } from '../state/selectors.ts';

/** The two K3s node flags that change what K3s writes. */
export function FlagsPanel() {
  const flags = usePlayground(selectFlags);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  return (
    <fieldset className="flags" disabled={readOnly}>
      <legend>K3s node flags</legend>
      <label>
        <input
          type="checkbox"
          checked={flags.disableDefaultRegistryEndpoint}
          onChange={(event) => actions.setFlag('disableDefaultRegistryEndpoint', event.target.checked)}
        />
        <code>--disable-default-registry-endpoint</code>
      </label>
      <label>
        <input type="checkbox" checked={flags.embeddedRegistry} onChange={(event) => actions.setFlag('embeddedRegistry', event.target.checked)} />
        <code>--embedded-registry</code>
      </label>
    </fieldset>
  );
}
