import { products } from './products.ts';
import type { ReleaseResolution } from './resolution.ts';

/** One thing to run on a node to confirm what the playground predicts. */
export interface NodeCheck {
  title: string;
  command: string;
  /** What to expect, and what the command will not show. */
  note: string;
}

/** The node's commands for a distribution: the socket, the binaries, the services, containerd's own log. */
interface NodeTools {
  ctr: string;
  crictl: string;
  services: [server: string, agent: string] | null;
  containerdLog: string | null;
  registriesYaml: string | null;
}

const TOOLS: Readonly<Record<'k3s' | 'rke2' | 'containerd', NodeTools>> = {
  k3s: { ctr: 'k3s ctr -n k8s.io', crictl: 'k3s crictl', services: ['k3s', 'k3s-agent'], containerdLog: '/var/lib/rancher/k3s/agent/containerd/containerd.log', registriesYaml: products.k3s.registriesYaml },
  rke2: {
    ctr: '/var/lib/rancher/rke2/bin/ctr --address /run/k3s/containerd/containerd.sock -n k8s.io',
    crictl: '/var/lib/rancher/rke2/bin/crictl --runtime-endpoint unix:///run/k3s/containerd/containerd.sock',
    services: ['rke2-server', 'rke2-agent'],
    containerdLog: '/var/lib/rancher/rke2/agent/containerd/containerd.log',
    registriesYaml: products.rke2.registriesYaml,
  },
  containerd: { ctr: 'ctr -n k8s.io', crictl: 'crictl', services: null, containerdLog: null, registriesYaml: null },
};

/**
 * Per release, the commands that show on a node what the playground predicts: the files containerd
 * reads, what `crictl info` does (and does not) say, a traced pull against the predicted chain, the
 * log lines of each step, and the restart that applies a change. Never carries credentials.
 */
export function nodeChecks(release: ReleaseResolution, image: string | null): NodeCheck[] {
  const { product } = release.release;
  const tools = TOOLS[product];
  const certsDir = product === 'containerd' ? '/etc/containerd/certs.d' : products[product].certsDir;
  const legacy = release.release.profile.reader.kind === 'legacy-cri';
  const pulled = image ?? 'docker.io/library/nginx:latest';
  const checks: NodeCheck[] = [];
  if (legacy) {
    checks.push({ title: 'The registry section K3s wrote', command: `grep -A30 'registry' ${certsDir.replace(/certs\.d$/, 'config.toml')}`, note: 'Before January 2024 the mirrors live in config.toml; certs.d is not read.' });
  } else {
    const dirs = [...Object.keys(release.hostsToml), ...release.yourDirs.filter((dir) => dir.fate === 'used').map((dir) => dir.dir)];
    checks.push({
      title: 'The hosts.toml files containerd reads',
      command: dirs.length === 0 ? `ls ${certsDir}` : dirs.map((dir) => `cat ${certsDir}/${dir}/hosts.toml`).join('\n'),
      note: dirs.length === 0 ? 'No directory is expected: every registry is pulled from itself.' : 'Compare them with the hosts.toml view, byte for byte.',
    });
  }
  checks.push({
    title: 'What the CRI plugin reports',
    command: `${tools.crictl} info | grep -A12 '"registry"'`,
    note: legacy
      ? 'On this release the mirrors and configs appear here as written into config.toml.'
      : `On this release "configPath" points at ${certsDir} and "mirrors" shows null: that is expected (k3s-io/k3s#9626), the mirrors are in the hosts.toml files.`,
  });
  checks.push({
    title: 'A traced pull against the predicted chain',
    command: legacy ? `${tools.crictl} pull ${pulled}` : `${tools.ctr} images pull --hosts-dir ${certsDir} --http-trace ${pulled}`,
    note: legacy
      ? 'ctr does not read config.toml mirrors: crictl pulls the way the kubelet does.'
      : 'Each HEAD request printed is one step of the chain, in order (ctr ignores the CRI settings unless given --hosts-dir, containerd/containerd#6285). Add --plain-http only for an http:// endpoint.',
  });
  if (tools.containerdLog !== null) {
    checks.push({
      title: 'Each step in containerd\'s log',
      command: `grep -E 'trying next host|failed to decode hosts.toml|PullImage' ${tools.containerdLog} | tail -40`,
      note: '"trying next host" lines name each endpoint that failed and why; the last error is not always the one the kubelet shows (containerd ranks them).',
    });
  }
  if (tools.services !== null && tools.registriesYaml !== null) {
    const [server, agent] = tools.services;
    checks.push({
      title: 'Apply a change',
      command: `sudo cp registries.yaml ${tools.registriesYaml}\nsudo systemctl restart ${server}   # on servers\nsudo systemctl restart ${agent}   # on agents`,
      note: 'registries.yaml is read per node at start-up: put it on every node, servers and agents, and restart each one.',
    });
  } else {
    checks.push({ title: 'Apply a change', command: `sudo cp -r certs.d/* ${certsDir}/`, note: 'containerd reads hosts.toml at each pull: no restart, as long as config_path in /etc/containerd/config.toml points at this directory.' });
  }
  return checks;
}
