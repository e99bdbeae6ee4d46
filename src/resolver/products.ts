import type { EmbeddedRegistry } from './k3s/hostConfigs.ts';

/**
 * K3s and RKE2 run the same registry code (RKE2 reuses K3s's agent, version-timeline §7); what
 * differs is where things live on a node, the embedded registry's port, and how options are
 * spelled. One record per product, so nothing else spells a path.
 */
export type Product = 'k3s' | 'rke2';

/** Who sets up containerd's registries on the node: K3s/RKE2 from registries.yaml, or you, by hand (plain containerd). */
export type Distribution = Product | 'containerd';

/** Where a node keeps containerd's hosts directories, and what people call it. */
export interface NodeLayout {
  name: string;
  certsDir: string;
}

export interface ProductLayout extends NodeLayout {
  product: Product;
  /** Shown to people: "K3s", "RKE2". */
  name: string;
  registriesYaml: string;
  /** Where node options are written, and how the two registry options are spelled there. */
  configFile: string;
  options: { disableDefaultRegistryEndpoint: string; embeddedRegistry: string };
  /** The command-line spelling. */
  flags: { disableDefaultRegistryEndpoint: string; embeddedRegistry: string };
  /** How people usually set them: K3s users pass flags, RKE2 users write config.yaml. */
  usualSpelling: 'flags' | 'config';
  embeddedRegistry: EmbeddedRegistry;
}

const options = { disableDefaultRegistryEndpoint: 'disable-default-registry-endpoint', embeddedRegistry: 'embedded-registry' };
const flags = { disableDefaultRegistryEndpoint: '--disable-default-registry-endpoint', embeddedRegistry: '--embedded-registry' };

export const products: Readonly<Record<Product, ProductLayout>> = {
  k3s: {
    product: 'k3s',
    name: 'K3s',
    registriesYaml: '/etc/rancher/k3s/registries.yaml',
    certsDir: '/var/lib/rancher/k3s/agent/etc/containerd/certs.d',
    configFile: '/etc/rancher/k3s/config.yaml',
    options,
    flags,
    usualSpelling: 'flags',
    // The embedded registry (Spegel) is served on the supervisor port (spec §1.3).
    embeddedRegistry: {
      mirrorAddr: '127.0.0.1:6443',
      caFile: '/var/lib/rancher/k3s/agent/server-ca.crt',
      certFile: '/var/lib/rancher/k3s/agent/client-k3s-controller.crt',
      keyFile: '/var/lib/rancher/k3s/agent/client-k3s-controller.key',
    },
  },
  rke2: {
    product: 'rke2',
    name: 'RKE2',
    registriesYaml: '/etc/rancher/rke2/registries.yaml',
    certsDir: '/var/lib/rancher/rke2/agent/etc/containerd/certs.d',
    configFile: '/etc/rancher/rke2/config.yaml',
    options,
    flags,
    usualSpelling: 'config',
    // RKE2's supervisor listens on 9345, not 6443 (version-timeline §7).
    embeddedRegistry: {
      mirrorAddr: '127.0.0.1:9345',
      caFile: '/var/lib/rancher/rke2/agent/server-ca.crt',
      certFile: '/var/lib/rancher/rke2/agent/client-rke2-controller.crt',
      keyFile: '/var/lib/rancher/rke2/agent/client-rke2-controller.key',
    },
  },
};

/** Plain containerd (kubeadm, kind, …): the usual `config_path`. */
export const containerdLayout: NodeLayout = { name: 'containerd', certsDir: '/etc/containerd/certs.d' };

export function layoutOf(distribution: Distribution): NodeLayout {
  return distribution === 'containerd' ? containerdLayout : products[distribution];
}

export function isProduct(distribution: Distribution): distribution is Product {
  return distribution !== 'containerd';
}
