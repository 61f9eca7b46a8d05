import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULTS } from '../model/defaults.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { BUNDLED_PROFILES, type ProfileDefinition } from '../model/profiles.js';
import { DiagnosticsUsageError, UsageError } from './io.js';

/** The config file's name (src/load/read-config.ts, which is loaded only when a command runs). */
const CONFIG_FILE = 'iepkit.config.json';

/** What commander hands over for the options addProfileOptions adds. */
export interface ProfileCliOptions {
  profile?: string;
  templates?: string[];
  locales?: string[];
  config?: string;
}

/** The profile and folders a command runs with: the command line over the config file over the defaults. */
export interface ProfileChoice {
  profile: string;
  /** Absolute folders, in the order given. */
  templates: string[];
  locales: string[];
  /** True when the profile was named (--profile, or the config file's `profile`), not the default. */
  named: boolean;
  /** The profile as loadProfile resolved it (absent for a command that takes no --profile). */
  definition?: ProfileDefinition;
}

/** `--templates a,b --templates c`: every folder, in order. */
const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** Said in `iep --help` and in each command's help: the bundled profiles, and how to add one. */
export const PROFILES_HELP =
  `Profiles: ${BUNDLED_PROFILES.join(', ')} are bundled (default ${DEFAULTS.profile}). To add one, make a folder <dir>/<id>/ with a profile.yaml\n` +
  '(it may extend a bundled one) and pass --templates <dir>; a --templates folder may also hold single files of a bundled\n' +
  'profile (e.g. <dir>/ny/official/sections/annual-goals.md), and a --locales folder single labels (<dir>/<lang>/<ns>.json).\n' +
  `The options can be kept in ${CONFIG_FILE} in the current folder (or --config FILE): { "profile", "templates", "locales" }.\n` +
  'See docs/templates.md#profiles.';

/**
 * `--templates`, `--locales` and `--config`, with the same names and help on every command that composes or checks
 * (and `--profile` where the command takes one: `withProfile`). Their values are read with profileChoice.
 */
export function addProfileOptions(command: Command, options: { withProfile?: boolean; profileHelp?: string } = {}): Command {
  if (options.withProfile) {
    command.option('--profile <profile>', options.profileHelp ?? `state profile: ${BUNDLED_PROFILES.join(', ')} (default ${DEFAULTS.profile}), or one in a --templates folder`);
  }
  return command
    .option('--templates <dirs>', 'templates folder searched before the bundled one: profiles, or single layouts and section templates of one (repeatable, or comma-separated)', collect)
    .option('--locales <dirs>', 'locales folder (<dir>/<lang>/<namespace>.json) whose labels override the bundled ones key by key (repeatable, or comma-separated)', collect)
    .option('--config <file>', `config file with "profile", "templates" and "locales" (default: ${CONFIG_FILE} in the current folder, when there is one)`);
}

/**
 * The profile and folders to run with, checked once before any work: the config file (`--config`, else
 * iepkit.config.json in the current folder) is read, the command line overrides it, every folder must exist, and the
 * profile must be one that exists (loadProfile: profile-unknown with its did-you-mean, or the profile's own errors).
 * A problem throws DiagnosticsUsageError (printed as diagnostics, exit 2) or UsageError.
 */
export async function profileChoice(options: ProfileCliOptions, settings: { withProfile?: boolean; cwd?: string } = {}): Promise<ProfileChoice> {
  // Loaded here, not at the top, so that `iep --help` and `iep --version` do not load the profile reader.
  const [{ loadProfile }, { readConfig }] = await Promise.all([import('../load/load-profile.js'), import('../load/read-config.js')]);
  const cwd = settings.cwd ?? process.cwd();
  const configFile = options.config !== undefined ? resolve(cwd, options.config) : resolve(cwd, CONFIG_FILE);
  const config = options.config !== undefined || existsSync(configFile) ? readConfig(configFile) : { config: undefined, diagnostics: [] };
  if (config.diagnostics.length > 0) throw new DiagnosticsUsageError(config.diagnostics);
  const folders = (option: '--templates' | '--locales', given: string[] | undefined, fromConfig: string[] | undefined) => {
    if (given === undefined) return fromConfig ?? [];
    return given.map((dir) => {
      const absolute = resolve(cwd, dir);
      const stat = statSync(absolute, { throwIfNoEntry: false });
      if (!stat) throw new UsageError(`${option} ${dir}: there is no such folder (${absolute})`);
      if (!stat.isDirectory()) throw new UsageError(`${option} ${dir}: not a folder (${absolute})`);
      return absolute;
    });
  };
  const templates = folders('--templates', options.templates, config.config?.templates);
  const locales = folders('--locales', options.locales, config.config?.locales);
  const profile = options.profile ?? config.config?.profile ?? DEFAULTS.profile;
  const named = (options.profile ?? config.config?.profile) !== undefined;
  if (!settings.withProfile) return { profile, named, templates, locales };
  const loaded = loadProfile(profile, { templates, locales });
  if (!loaded.profile) {
    // A profile named in the config file is reported where the file names it.
    const where = options.profile === undefined ? config.config?.located.profile : undefined;
    const located = (d: Diagnostic): Diagnostic => (where && d.code === 'profile-unknown' && d.file === undefined ? { ...d, ...where } : d);
    throw new DiagnosticsUsageError(loaded.diagnostics.map(located));
  }
  return { profile, named, templates, locales, definition: loaded.profile };
}
