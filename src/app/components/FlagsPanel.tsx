import { products } from '../../resolver/products.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectFlags, selectMode, selectProduct } from '../state/selectors.ts';

/** The two node options that change what K3s/RKE2 writes, spelled as in the product's config.yaml. */
export function FlagsPanel() {
  const flags = usePlayground(selectFlags);
  const { readOnly } = usePlayground(selectMode);
  const product = usePlayground(selectProduct);
  const actions = useActions();
  // Plain containerd has no node options of K3s's kind.
  if (product === 'containerd') return null;
  const layout = products[product];
  const spelled = (option: 'disableDefaultRegistryEndpoint' | 'embeddedRegistry') => (layout.usualSpelling === 'flags' ? layout.flags[option] : `${layout.options[option]}: true`);
  return (
    <fieldset className="flags" disabled={readOnly}>
      <legend>
        {layout.name} node options{layout.usualSpelling === 'config' && <small className="muted"> ({layout.configFile})</small>}
      </legend>
      <label>
        <input
          type="checkbox"
          checked={flags.disableDefaultRegistryEndpoint}
          onChange={(event) => actions.setFlag('disableDefaultRegistryEndpoint', event.target.checked)}
        />
        <code>{spelled('disableDefaultRegistryEndpoint')}</code>
      </label>
      <label>
        <input type="checkbox" checked={flags.embeddedRegistry} onChange={(event) => actions.setFlag('embeddedRegistry', event.target.checked)} />
        <code>{spelled('embeddedRegistry')}</code>
        <small className="muted"> (Spegel on {layout.embeddedRegistry.mirrorAddr})</small>
      </label>
    </fieldset>
  );
}
