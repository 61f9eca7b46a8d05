import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.js';
import { redisOption } from '../../src/cli/redis-option.js';
import { runIep } from '../helpers/run-iep.js';

describe('a Redis URL option (iep worker --redis, iep serve --redis, iep batch --queue)', () => {
  it('gives the connection of a redis:// URL', async () => {
    expect(await redisOption('redis://:s3cret@queue.local:6380/2', '--redis')).toEqual({ host: 'queue.local', port: 6380, password: 's3cret', db: 2 });
  });

  it('refuses another URL as a usage error naming the option', async () => {
    await expect(redisOption('http://x', '--queue')).rejects.toThrow(UsageError);
    await expect(redisOption('http://x', '--queue')).rejects.toThrow(/^--queue: expected a URL like redis:\/\/HOST:PORT/);
  });

  it('is exit 2 with that message in each command, before anything is started', async () => {
    for (const args of [['worker', '--redis', 'http://x'], ['serve', '.', '--redis', 'nope'], ['batch', 'examples', '--out', 'never-written', '--queue', 'bad']]) {
      const run = await runIep(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^iep: --(redis|queue): expected a URL like redis:\/\/HOST:PORT/);
    }
  });
});
