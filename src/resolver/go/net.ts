/**
 * The few Go `net` behaviours the pipeline depends on. K3s and containerd both decide
 * "is this localhost?" with docker's `IsLocalhost` (net.SplitHostPort, then
 * net.ParseIP(...).IsLoopback()), which is stricter than a string check: "127.1" is not
 * an IP to Go, and "[::1]:5000" is.
 */

/** `net.SplitHostPort`; null where Go returns an error (no port, too many colons, bad brackets). */
export function splitHostPort(hostport: string): { host: string; port: string } | null {
  const colon = hostport.lastIndexOf(':');
  if (colon < 0) return null;
  if (hostport.startsWith('[')) {
    const close = hostport.indexOf(']');
    if (close < 0 || close + 1 !== colon) return null;
    const host = hostport.slice(1, close);
    if (host.includes('[') || host.includes(']')) return null;
    return { host, port: hostport.slice(colon + 1) };
  }
  const host = hostport.slice(0, colon);
  if (host.includes(':') || host.includes('[') || host.includes(']')) return null;
  return { host, port: hostport.slice(colon + 1) };
}

/**
 * net/url's own `splitHostPort` (behind `URL.Hostname()` and `URL.Port()`): the port only if it is
 * numeric, brackets stripped, and never an error. The one place that splits a URL's host and port.
 */
export function urlHostPort(hostport: string): { hostname: string; port: string } {
  let hostname = hostport;
  let port = '';
  const colon = hostname.lastIndexOf(':');
  if (colon !== -1 && /^:[0-9]*$/.test(hostname.slice(colon))) [hostname, port] = [hostname.slice(0, colon), hostname.slice(colon + 1)];
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  return { hostname, port };
}

/** docker.IsLocalhost: "localhost" or a loopback IP, with or without a port. */
export function isLocalhost(hostport: string): boolean {
  const host = splitHostPort(hostport)?.host ?? hostport;
  return host === 'localhost' || isLoopbackIP(host);
}

/** `net.ParseIP(s).IsLoopback()`: 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackIP(text: string): boolean {
  const v4 = parseIPv4(text);
  if (v4 !== null) return v4[0] === 127;
  const v6 = parseIPv6(text);
  if (v6 === null) return false;
  const isV4Mapped = v6.slice(0, 5).every((group) => group === 0) && v6[5] === 0xffff;
  if (isV4Mapped) return (v6[6] ?? 0) >> 8 === 127;
  return v6.slice(0, 7).every((group) => group === 0) && v6[7] === 1;
}

/** Dotted quad with Go's rules: four decimal octets, no leading zeros. */
function parseIPv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    octets.push(value);
  }
  return octets;
}

/** Eight 16-bit groups, with "::" compression and an optional trailing dotted quad. */
function parseIPv6(text: string): number[] | null {
  if (!text.includes(':')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string): number[] | null => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (v4 === null) return null;
        groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) {
        groups.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
