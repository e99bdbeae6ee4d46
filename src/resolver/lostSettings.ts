import type { HostConfig } from './k3s/hostConfigs.ts';

/**
 * What a certs.d directory carries beyond the registry itself, in words: what is lost when
 * containerd rejects its hosts.toml and falls back to the registry with system trust.
 */
export function lostSettings(host: HostConfig | undefined): { mirrors: number; tls: string[]; rewrites: boolean } {
  if (host === undefined) return { mirrors: 0, tls: [], rewrites: false };
  const tls = [host.default, ...host.endpoints].flatMap((endpoint) => (endpoint?.config.tls ? [endpoint.config.tls] : []));
  return {
    mirrors: host.endpoints.length,
    tls: [
      tls.some((settings) => settings.caFile !== '') ? 'the CA' : '',
      tls.some((settings) => settings.certFile !== '' || settings.keyFile !== '') ? 'the client certificate' : '',
      tls.some((settings) => settings.insecureSkipVerify) ? 'skip_verify' : '',
    ].filter((item) => item !== ''),
    rewrites: host.endpoints.some((endpoint) => (endpoint.rewrites?.length ?? 0) > 0),
  };
}

/** The same as one list: "2 mirror endpoints", "the CA", …, "the rewrites". */
export function lostSettingsList(host: HostConfig | undefined): string[] {
  const lost = lostSettings(host);
  return [lost.mirrors > 0 ? `${lost.mirrors} mirror endpoint${lost.mirrors === 1 ? '' : 's'}` : '', ...lost.tls, lost.rewrites ? 'the rewrites' : ''].filter((item) => item !== '');
}
