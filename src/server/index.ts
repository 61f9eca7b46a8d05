/**
 * `iep serve`: the editor and the HTTP API over one folder of IEP files. The server stage sits above the pipeline
 * (and may use batch); only src/cli starts it.
 */
export { startServer, ServeError, DEFAULT_PORT, type StartOptions, type StartedServer } from './start-server.js';
export { createServer, type IepServer, type ServerOptions } from './create-server.js';
export { isLoopbackHost } from './allowed-hosts.js';
