import { memo } from 'react';
import { products, type Distribution } from '../../resolver/core.ts';
import { useActions, usePlayground } from '../state/context.tsx';
import { selectMode, selectProduct, selectVersions } from '../state/selectors.ts';
import { ReleasePicker } from './ReleasePicker.tsx';

const SIDES = ['Left', 'Right'] as const;

/** K3s and RKE2 read registries.yaml (and keep some of your files); plain containerd reads only your certs.d. */
const distributions: { id: Distribution; name: string }[] = [
  { id: 'k3s', name: products.k3s.name },
  { id: 'rke2', name: products.rke2.name },
  { id: 'containerd', name: 'containerd' },
];

/** K3s or RKE2, and the two releases compared side by side (memo: a new result does not touch the pickers). */
export default memo(function ReleaseBar() {
  const product = usePlayground(selectProduct);
  const versions = usePlayground(selectVersions);
  const { readOnly } = usePlayground(selectMode);
  const actions = useActions();
  const setSide = (index: number, name: string) => actions.setVersions(versions.map((current, position) => (position === index ? name : current)));
  return (
    <div className="release-bar" role="group" aria-label="Compared releases">
      <fieldset className="product-switch" disabled={readOnly}>
        <legend className="visually-hidden">Product</legend>
        {distributions.map(({ id, name }) => (
          <label key={id} className={product === id ? 'is-selected' : ''} title={id === 'containerd' ? 'Plain containerd: your certs.d files only, no registries.yaml' : undefined}>
            <input type="radio" name="product" value={id} checked={product === id} onChange={() => actions.setProduct(id)} />
            {name}
          </label>
        ))}
      </fieldset>
      {SIDES.map((side, index) =>
        versions[index] === undefined ? null : (
          <ReleasePicker key={side} side={side} value={versions[index] ?? ''} product={product} disabled={readOnly} onChange={(name) => setSide(index, name)} />
        ),
      )}
      {versions.length === 2 && (
        <button type="button" className="swap" disabled={readOnly} onClick={() => actions.setVersions([...versions].reverse())} aria-label="Swap the compared releases">
          ⇄
        </button>
      )}
    </div>
  );
});
