import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** 127.0.0.1, ::1 and localhost: the addresses nothing outside this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

const bracket = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * The Host header values a request may carry (lower case, with the port): the names the server is reached by.
 * Anything else is a DNS-rebinding attempt (a hostile name resolved to this address) or a misdirected request.
 * Bound to every interface (0.0.0.0, ::), the server is reached by this machine's addresses and name.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => names.add(`${bracket(name).toLowerCase()}:${port}`);
  if (isLoopbackHost(host)) LOOPBACK_NAMES.forEach(add);
  add(host);
  if (host === '0.0.0.0' || host === '::' || host === '[::]') {
    LOOPBACK_NAMES.forEach(add);
    add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const address of list ?? []) add(address.address);
  }
  return names;
}

/** The host to put in the URL printed for a person to open. */
export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return hostname();
  return bracket(host);
}
