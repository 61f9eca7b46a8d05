import { removeStalePartials } from '../pipeline/index.js';
import { allowedHosts, displayHost, isLoopbackHost } from './allowed-hosts.js';
import { createServer, type IepServer, type ServerOptions } from './create-server.js';
import { ServedFolder } from './served-folder.js';

export interface StartOptions extends Omit<ServerOptions, 'folder' | 'hosts'> {
  /** The folder of IEP files to serve. */
  folder: string;
  /** Default 127.0.0.1. Any other interface needs `token`. */
  host?: string;
  /** Default 4317; 0 picks a free port. */
  port?: number;
}

export interface StartedServer extends IepServer {
  /** The address to open (with `?token=` when there is a token). */
  url: string;
  /** The address without the token. */
  origin: string;
  port: number;
  folder: ServedFolder;
}

export const DEFAULT_PORT = 4317;

/** Why the server did not start, in words for the person who started it. */
export class ServeError extends Error {
  constructor(
    message: string,
    /** `usage`: the options are wrong; `environment`: the machine refused (port in use, folder missing). */
    readonly kind: 'usage' | 'environment',
  ) {
    super(message);
  }
}

/** Opens the folder, binds, and answers where to open the editor. Bound beyond loopback only with a token. */
export async function startServer(options: StartOptions): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.token) {
    throw new ServeError(`serving on ${host} lets other machines reach student records: give an access token (--token or IEP_SERVE_TOKEN)`, 'usage');
  }
  const folder = await ServedFolder.open(options.folder).catch((error: NodeJS.ErrnoException) => {
    throw new ServeError(`cannot serve ${options.folder}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}`, 'environment');
  });
  // Temporary files of saves that a killed server left half-written (never taken for records, but they pile up).
  await removeStalePartials(folder.root);
  await removeStalePartials(folder.draftsDir);
  // Host names are known once the port is: the list is filled in after listening, before any request is answered.
  const hosts = new Set<string>();
  const server = createServer({ ...options, folder, hosts });
  let port: number;
  try {
    await server.app.listen({ host, port: options.port ?? DEFAULT_PORT });
    const address = server.app.server.address();
    port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  } catch (error) {
    await server.close();
    throw new ServeError(listenFailure(host, options.port ?? DEFAULT_PORT, error as NodeJS.ErrnoException), 'environment');
  }
  for (const name of allowedHosts(host, port)) hosts.add(name);
  const origin = `http://${isLoopbackHost(host) ? '127.0.0.1' : displayHost(host)}:${port}`;
  const url = options.token ? `${origin}/?token=${encodeURIComponent(options.token)}` : `${origin}/`;
  return { ...server, url, origin, port, folder };
}

function listenFailure(host: string, port: number, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host} (another iep serve?): stop it or choose another with --port`;
    case 'EACCES':
      return `not allowed to listen on port ${port} (ports below 1024 need privileges): choose another with --port`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `${host} is not an address of this machine: choose one with --host`;
    default:
      return `cannot listen on ${host}:${port}: ${error.code ?? error.message}`;
  }
}
