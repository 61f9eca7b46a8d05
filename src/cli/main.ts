import { Command, CommanderError } from 'commander';
import { EXIT, EXIT_MEANINGS, type ExitCodeName } from '../model/diagnostic-catalog.js';
import { DiagnosticsUsageError, processIo, UsageError, type CliIo } from './io.js';
import { formatDiagnostics } from './print-diagnostics.js';
import { PROFILES_HELP } from './profile-options.js';
import { registerValidate } from './commands/validate.js';
import { registerLint } from './commands/lint.js';
import { registerCheck } from './commands/check.js';
import { registerRules } from './commands/rules.js';
import { registerRender } from './commands/render.js';
import { registerI18n } from './commands/i18n.js';
import { registerBatch } from './commands/batch.js';
import { registerServe } from './commands/serve.js';
import { registerInit } from './commands/init.js';
import { registerWorker } from './commands/worker.js';
import { registerDiff } from './commands/diff.js';
import { PACKAGE_VERSION } from '../model/paths.js';

const version = PACKAGE_VERSION;

const EXIT_HELP = `\nExit codes:\n${(Object.keys(EXIT) as ExitCodeName[]).map((name) => `  ${EXIT[name]}  ${EXIT_MEANINGS[name]}\n`).join('')}`;

/** Runs the CLI and answers an exit code. The only place that turns errors into text for a person. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('iep')
    .description('iepkit: turn one structured IEP record into the official IEP, parent copies and a student summary')
    .version(version, '-v, --version')
    // Options after a command's name are that command's (`iep i18n apply-memory --lang` is apply-memory's, not i18n's).
    .enablePositionalOptions()
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .addHelpText('after', `\n${PROFILES_HELP}\n${EXIT_HELP}`);

  registerInit(program, io, setExit);
  registerValidate(program, io, setExit);
  registerLint(program, io, setExit);
  registerCheck(program, io, setExit);
  registerRules(program, io, setExit);
  registerRender(program, io, setExit);
  registerI18n(program, io, setExit);
  registerBatch(program, io, setExit);
  registerServe(program, io, setExit);
  registerWorker(program, io, setExit);
  registerDiff(program, io, setExit);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof DiagnosticsUsageError) {
      io.err(formatDiagnostics(error.diagnostics, { color: io.color }));
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.err(`iep: ${error.message}\n`);
      return EXIT.usage;
    }
    io.err(`iep: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.IEP_DEBUG) io.err(`${(error as Error)?.stack ?? ''}\n`);
    else io.err('This is a bug in iepkit. Run again with IEP_DEBUG=1 and report the output (remove student data first).\n');
    return EXIT.internal;
  }
}
