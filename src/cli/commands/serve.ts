import { InvalidArgumentError, type Command } from 'commander';
import { join, resolve } from 'node:path';
import { EXIT } from '../../model/diagnostic-catalog.js';
import { UsageError, type CliIo } from '../io.js';
import { redisOption } from '../redis-option.js';
import { closePoolOnSignals } from '../shutdown.js';
import { addProfileOptions, profileChoice, PROFILES_HELP, type ProfileCliOptions } from '../profile-options.js';

interface ServeCliOptions extends ProfileCliOptions {
  port: number;
  host: string;
  token?: string;
  browser?: string;
  redis?: string;
  queue?: string;
  jobsOut?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535');
  return port;
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const command = program
    .command('serve')
    .description('serve the IEP editor (write an IEP with a live preview of every copy) and an HTTP API over a folder of IEP files')
    .argument('[folder]', 'the folder of IEP files to edit (.iep.yaml, .yaml, .json)', '.');
  addProfileOptions(command, { withProfile: true, profileHelp: 'the profile of a request that names none (default ny); ?profile= takes any profile in the bundled or --templates folders' })
    .option('--port <port>', 'port to listen on (0: any free port)', parsePort, 4317)
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1/localhost/::1 needs --token', '127.0.0.1')
    .option('--token <token>', 'access token the browser and API clients must present (default: IEP_SERVE_TOKEN)')
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with (default: IEPKIT_CHROMIUM, then usual install locations)')
    .option('--redis <url>', 'also offer POST /api/jobs and GET /api/jobs/:id: render on `iep worker`s over this Redis (redis://HOST:PORT)')
    .option('--queue <name>', 'with --redis: the queue to enqueue to (default: iepkit-render, as iep worker)')
    .option('--jobs-out <folder>', "with --redis: where workers write the jobs' files, a folder per job (default: <folder>/iep-jobs; shared with workers on other machines, at the same path)")
    .addHelpText(
      'after',
      [
        '',
        'Prints the address to open. With a token it carries ?token= once; the browser then keeps it in a cookie,',
        'and API clients send "Authorization: Bearer <token>". Requests that change something need the header',
        '"X-Iepkit: 1" or the bearer token. Student records stay in the folder; nothing is logged.',
        'The HTTP API is described in docs/http-api.md and at /api/openapi.json. Ctrl-C stops the server.',
        'The --templates and --locales folders (and the config file) are read at start; ?profile= may name any profile in them.',
        '',
        PROFILES_HELP,
        'With --redis, /api/jobs renders on the queue\'s workers instead (docs/queue.md); Redis must answer at start.',
        '',
        'Exit codes: 130 stopped by Ctrl-C (143 by kill), 2 usage error (e.g. --host without a token), 5 the port is in use, the folder cannot be served, or (--redis) Redis does not answer.',
      ].join('\n'),
    )
    .action(async (folder: string, options: ServeCliOptions) => {
      const profiles = await profileChoice(options, { withProfile: true });
      const token = options.token ?? (process.env.IEP_SERVE_TOKEN || undefined);
      const [{ startServer, ServeError, isLoopbackHost }, { BrowserPool }] = await Promise.all([import('../../server/index.js'), import('../../pipeline/index.js')]);
      if (!isLoopbackHost(options.host) && !token) {
        io.err(`iep serve: listening on ${options.host} would let other machines reach student records; give an access token with --token or IEP_SERVE_TOKEN\n`);
        setExit(EXIT.usage);
        return;
      }
      if (!options.redis && (options.queue || options.jobsOut)) throw new UsageError('--queue and --jobs-out go with --redis');
      const jobs = options.redis ? await openJobs(options.redis, options.queue, resolve(options.jobsOut ?? join(folder, 'iep-jobs')), io) : undefined;
      if (jobs === null) {
        setExit(EXIT.environment);
        return;
      }
      const browserPool = new BrowserPool({ executablePath: options.browser });
      let server;
      try {
        server = await startServer({ folder, host: options.host, port: options.port, token, browserPool, jobs: jobs?.service, profiles: { profile: profiles.profile, templates: profiles.templates, locales: profiles.locales } });
      } catch (error) {
        await browserPool.close();
        await jobs?.service.close();
        if (!(error instanceof ServeError)) throw error;
        io.err(`iep serve: ${error.message}\n`);
        setExit(error.kind === 'usage' ? EXIT.usage : EXIT.environment);
        return;
      }
      io.out(`iep serve: editing the IEP files in ${server.folder.root}\n`);
      io.out(`Open ${server.url}\n`);
      if (token) io.out('(the address holds the access token: share it only with people who may see these records)\n');
      if (jobs) io.out(`Render jobs go to the queue "${jobs.queueName}" on ${options.redis}; workers write their files in ${jobs.outDir}\n`);
      io.out('Press Ctrl-C to stop.\n');
      // Runs until a signal: close the server (running requests end), then the browser and its profile, then exit.
      const stop = { close: async () => { await server.close(); await jobs?.service.close(); await browserPool.close(); io.out('iep serve: stopped\n'); } };
      await new Promise<never>(() => closePoolOnSignals(stop));
    });
}

/** The render queue for /api/jobs, or null (after saying why) when Redis does not answer: the server does not start. */
async function openJobs(url: string, queue: string | undefined, outDir: string, io: CliIo) {
  const connection = await redisOption(url, '--redis');
  const [{ RenderJobService }, { DEFAULT_QUEUE_NAME }] = await Promise.all([import('../../queue/render-job-service.js'), import('../../queue/render-job-data.js')]);
  try {
    const service = await RenderJobService.connect({ connection, queueName: queue, outDir });
    return { service, queueName: queue ?? DEFAULT_QUEUE_NAME, outDir };
  } catch (error) {
    io.err(`iep serve: ${(error as Error).message}\n`);
    return null;
  }
}
