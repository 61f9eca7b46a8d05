import type { RedisOptions } from 'ioredis';
import { UsageError } from './io.js';

/** The connection named by a Redis URL option (`--redis`, `--queue`): a malformed URL is a usage error naming it. */
export async function redisOption(url: string, option: string): Promise<RedisOptions> {
  // Loaded when used, so that commands without a queue do not load ioredis.
  const { redisConnection, RedisUrlError } = await import('../queue/redis-connection.js');
  try {
    return redisConnection(url);
  } catch (error) {
    if (error instanceof RedisUrlError) throw new UsageError(`${option}: ${error.message}`);
    throw error;
  }
}
