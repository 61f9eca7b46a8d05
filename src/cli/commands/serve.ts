import { InvalidArgumentError, type Command } from 'commander';
import { EXIT } from '../../model/diagnostic-catalog.js';
import type { CliIo } from '../io.js';
import { closePoolOnSignals } from '../shutdown.js';

interface ServeCliOptions {
  port: number;
  host: string;
  token?: string;
  browser?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return port;
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('serve the IEP editor (write an IEP with a live preview of every copy) and an HTTP API over a folder of IEP files')
    .argument('[folder]', 'the folder of IEP files to edit (.iep.yaml, .yaml, .json)', '.')
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 4317)
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1/localhost/::1 needs --token', '127.0.0.1')
    .option('--token <token>', 'access token the browser and API clients must present (default: IEP_SERVE_TOKEN)')
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with (default: IEPKIT_CHROMIUM, then usual install locations)')
    .addHelpText(
      'after',
      [
        '',
        'Prints the address to open. With a token it carries ?token= once; the browser then keeps it in a cookie,',
        'and API clients send "Authorization: Bearer <token>". Requests that change something need the header',
        '"X-Iepkit: 1" or the bearer token. Student records stay in the folder; nothing is logged.',
        'The HTTP API is described in docs/http-api.md and at /api/openapi.json. Ctrl-C stops the server.',
        '',
        'Exit codes: 130 stopped by Ctrl-C (143 by kill), 2 usage error (e.g. --host without a token), 5 the port is in use or the folder cannot be served.',
      ].join('\n'),
    )
    .action(async (folder: string, options: ServeCliOptions) => {
      const token = options.token ?? (process.env.IEP_SERVE_TOKEN || undefined);
      const [{ startServer, ServeError, isLoopbackHost }, { BrowserPool }] = await Promise.all([import('../../server/index.js'), import('../../pipeline/index.js')]);
      if (!isLoopbackHost(options.host) && !token) {
        io.err(`iep serve: listening on ${options.host} would let other machines reach student records; give an access token with --token or IEP_SERVE_TOKEN\n`);
        setExit(EXIT.usage);
        return;
      }
      const browserPool = new BrowserPool({ executablePath: options.browser });
      let server;
      try {
        server = await startServer({ folder, host: options.host, port: options.port, token, browserPool });
      } catch (error) {
        await browserPool.close();
        if (!(error instanceof ServeError)) throw error;
        io.err(`iep serve: ${error.message}\n`);
        setExit(error.kind === 'usage' ? EXIT.usage : EXIT.environment);
        return;
      }
      io.out(`iep serve: editing the IEP files in ${server.folder.root}\n`);
      io.out(`Open ${server.url}\n`);
      if (token) io.out('(the address holds the access token: share it only with people who may see these records)\n');
      io.out('Press Ctrl-C to stop.\n');
      // Runs until a signal: close the server (running requests end), then the browser and its profile, then exit.
      const stop = { close: async () => { await server.close(); await browserPool.close(); io.out('iep serve: stopped\n'); } };
      await new Promise<never>(() => closePoolOnSignals(stop));
    });
}
