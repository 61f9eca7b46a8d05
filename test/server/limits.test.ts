/**
 * Issue 16, bounded render concurrency as Gotenberg does it: with every slot busy and the queue full a render is
 * answered 429 with Retry-After at once; a queued render is answered 503 with Retry-After when the server stops;
 * a browser that cannot start is a 503 too, with the diagnostic that says why. Limits are made small here.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserPool } from '../../src/pipeline/index.js';
import { examplePath, post, serve, type Served } from './server-helpers.js';

const MAYA = readFileSync(examplePath(), 'utf8');
let served: Served | undefined;
afterEach(async () => {
  await served?.stop();
  served = undefined;
});

/** Waits (without asserting any time) until the server has `running` renders running and `waiting` waiting. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('render concurrency', () => {
  it('429 with Retry-After when the one slot is busy and no render may wait; the running render completes', async () => {
    served = await serve({ renderConcurrency: 1, renderQueue: 0 });
    const limiter = served.server.limiter;
    const first = post(served, '/api/render?layout=student&format=pdf', MAYA);
    await until(() => limiter.running === 1);
    const refused = await post(served, '/api/render?layout=student&format=pdf', MAYA);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.json().error.code).toBe('busy');
    const done = await first;
    expect(done.status).toBe(200);
    expect(done.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a render waits its turn in the queue, then completes', async () => {
    served = await serve({ renderConcurrency: 1, renderQueue: 1 });
    const limiter = served.server.limiter;
    const first = post(served, '/api/render?layout=student&format=pdf', MAYA);
    await until(() => limiter.running === 1);
    const second = post(served, '/api/render?layout=student&format=docx', MAYA);
    await until(() => limiter.waiting === 1);
    expect((await post(served, '/api/render?layout=student&format=html', MAYA)).status).toBe(429);
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('503 with Retry-After for a queued render when the server stops; the running one still completes', async () => {
    served = await serve({ renderConcurrency: 1, renderQueue: 1 });
    const limiter = served.server.limiter;
    const first = post(served, '/api/render?layout=student&format=pdf', MAYA);
    await until(() => limiter.running === 1);
    const queued = post(served, '/api/render?layout=student&format=docx', MAYA);
    await until(() => limiter.waiting === 1);
    const closing = served.server.close();
    const stopped = await queued;
    expect(stopped.status).toBe(503);
    expect(stopped.headers['retry-after']).toBe('5');
    expect((await first).status).toBe(200);
    await closing;
  });

  it('503 with Retry-After and the diagnostic when the browser cannot start', async () => {
    const browserPool = new BrowserPool({ executablePath: '/nonexistent/chromium' });
    try {
      served = await serve({ browserPool });
      const answer = await post(served, '/api/render?layout=student&format=pdf', MAYA);
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('30');
      expect(answer.json()).toMatchObject({ error: { code: 'unavailable' }, diagnostics: expect.arrayContaining([expect.objectContaining({ code: 'browser-not-found', severity: 'error' })]) });
    } finally {
      await browserPool.close();
    }
  });

  it('503 timeout when a render takes longer than the request may', async () => {
    served = await serve({ renderTimeoutMs: 1 });
    const answer = await post(served, '/api/render?layout=official&format=pdf', MAYA);
    expect(answer.status).toBe(503);
    expect(answer.json().error.code).toBe('timeout');
    expect(answer.headers['retry-after']).toBe('10');
  });
});
