import { Redis, type RedisOptions } from 'ioredis';

/** `--redis` is not a redis:// or rediss:// URL. */
export class RedisUrlError extends Error {
  constructor(url: string) {
    super(`expected a URL like redis://HOST:PORT (or rediss:// for TLS, redis://:PASSWORD@HOST:PORT/DB), not ${JSON.stringify(url)}`);
    this.name = 'RedisUrlError';
  }
}

/** The connection options for `redis://[USER:PASSWORD@]HOST[:PORT][/DB]` (see connectRedis). */
export function redisConnection(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(url);
  }
  if ((parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') || !parsed.hostname) throw new RedisUrlError(url);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new RedisUrlError(url);
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A Redis connection for BullMQ (passed as a client: BullMQ's ES module build cannot load ioredis itself).
 * `maxRetriesPerRequest: null`, as BullMQ requires for workers (and the batch waits on the queue as long as it runs):
 * while Redis restarts, commands wait for ioredis to reconnect instead of failing, so a restart mid-run is survived.
 * The caller quits it after closing what uses it.
 */
export function connectRedis(options: RedisOptions): Redis {
  return new Redis({ ...options, maxRetriesPerRequest: null });
}

/** Redis did not answer when a batch started: nothing was enqueued. */
export class RedisUnreachableError extends Error {
  constructor(options: RedisOptions, timeoutMs: number, cause: string | undefined) {
    super(`cannot reach Redis at ${options.host}:${options.port} within ${timeoutMs / 1000} s${cause ? ` (${cause})` : ''}: is redis-server running there, and is the URL right?`);
    this.name = 'RedisUnreachableError';
  }
}

/**
 * Waits until the connection is ready. A batch asks this first so that a wrong URL is an answer, not a wait without
 * end (afterwards, a lost connection is waited for: Redis restarting mid-run is survived).
 */
export function waitForRedis(redis: Redis, options: RedisOptions, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError: string | undefined;
    const onError = (error: Error) => (lastError = error.message);
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.removeListener('ready', onReady);
      redis.removeListener('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => done();
    const timer = setTimeout(() => done(new RedisUnreachableError(options, timeoutMs, lastError)), timeoutMs);
    redis.on('ready', onReady);
    redis.on('error', onError);
  });
}
