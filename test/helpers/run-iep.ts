import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface IepRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (`node bin/iep.js`, built by test/global-setup.ts) from the package root (or `cwd`, for a test of
 * what the current folder holds, e.g. iepkit.config.json), without colour.
 */
export function runIep(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<IepRun> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete fullEnv.IEP_DEBUG;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin/iep.js'), ...args], { cwd, env: fullEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
