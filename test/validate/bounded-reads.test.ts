/**
 * Issue 13 part 2, "reads without a bound": `iep validate /dev/zero` grew to 10 GB and never answered; a 1.9 GB
 * sparse file was read whole before `file-too-large`; a 4 MB text aliased in 10 fields passed validation and took
 * minutes to render. Each case is answered with a located diagnostic after reading at most the limit plus one byte.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_IEP_BYTES } from '../../src/load/decode-text.js';
import { readBounded } from '../../src/load/read-bounded.js';
import { loadIep, loadIepFile } from '../../src/validate/load-iep.js';
import { loadInput } from '../../src/pipeline/load-input.js';
import { minimalText } from '../load/minimal-text.js';

const SPARSE_BYTES = 1900 * 1024 * 1024;
const tmp = mkdtempSync(join(tmpdir(), 'iepkit-bounded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reads without a bound', () => {
  it.runIf(existsSync('/dev/zero'))('/dev/zero is refused as file-too-large after reading at most the limit plus one byte', async () => {
    const before = process.memoryUsage().rss;
    const read = await readBounded('/dev/zero', MAX_IEP_BYTES);
    expect(read).toEqual({ tooLarge: true });
    const loaded = await loadIepFile('/dev/zero');
    expect(loaded.diagnostics).toMatchObject([{ code: 'file-too-large', file: '/dev/zero', line: 1, column: 1, message: expect.stringContaining(`more than ${MAX_IEP_BYTES} bytes`) }]);
    // Memory grows by a few buffers of the limit at most, not by what the device could give.
    expect(process.memoryUsage().rss - before).toBeLessThan(20 * MAX_IEP_BYTES);
  });

  it('a 1.9 GB sparse file is refused from its size, without being read', async () => {
    const file = join(tmp, 'sparse.iep.yaml');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, SPARSE_BYTES);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const loaded = await loadInput(file);
    expect(process.memoryUsage().rss - before).toBeLessThan(20 * MAX_IEP_BYTES);
    expect(loaded.diagnostics).toMatchObject([{ code: 'file-too-large', message: expect.stringContaining(`is ${SPARSE_BYTES} bytes`) }]);
    expect(loaded.iep).toBeUndefined();
  });

  it('a pipe that gives more than the limit is cut off at the limit plus one byte', async () => {
    const fifo = join(tmp, 'pipe.iep.yaml');
    const made = spawn('mkfifo', [fifo]);
    await new Promise((resolve) => made.on('exit', resolve));
    // A writer that would go on for ever: `yes` into the FIFO.
    const writer = spawn('sh', ['-c', `yes "student: a long line of text" > '${fifo}'`]);
    try {
      expect(await readBounded(fifo, 1000)).toEqual({ tooLarge: true });
    } finally {
      writer.kill();
    }
  });

  it('a file at the limit is read whole; a file one byte over is refused', async () => {
    const at = join(tmp, 'at-limit.txt');
    writeFileSync(at, Buffer.alloc(1000, 0x61));
    expect(await readBounded(at, 1000)).toEqual({ bytes: Buffer.alloc(1000, 0x61) });
    writeFileSync(at, Buffer.alloc(1001, 0x61));
    expect(await readBounded(at, 1000)).toEqual({ tooLarge: true, size: 1001 });
  });

  it('a 4 MB text aliased in 10 fields is refused for the size it expands to, not for the number of aliases', () => {
    const big = 'x'.repeat(4 * 1024 * 1024);
    const source = minimalText
      .replace(/^parentConcerns: .*$/m, `parentConcerns: &big ${big}`)
      .concat(Array.from({ length: 10 }, (_, i) => `x${i}: *big`).join('\n'));
    const loaded = loadIep(source, { file: 'aliases.iep.yaml' });
    expect(loaded.iep).toBeUndefined();
    expect(loaded.diagnostics).toMatchObject([{ code: 'too-many-aliases', line: 1, column: 1, message: expect.stringContaining('expand to more than') }]);
  });

  it('a few short aliases still read', () => {
    const source = minimalText.replace(/^parentConcerns: .*$/m, 'parentConcerns: &pc Her parents want her to enjoy reading.');
    expect(source).toContain('&pc');
    const loaded = loadIep(`${source}\n`, { file: 'few.iep.yaml' });
    expect(loaded.diagnostics.filter((d) => d.code === 'too-many-aliases')).toEqual([]);
  });
});
