import type { Command } from 'commander';
import type { ProfileDefinition } from '../model/profiles.js';
import { addProfileOptions, profileChoice, type ProfileCliOptions } from './profile-options.js';

/** Said in the help of `iep i18n` and of each subcommand: which fields are narrative text depends on the profile. */
export const PROFILE_TEXT_HELP =
  "Narrative fields are the data model's text fields and the profile's own (extensions.<namespace>, declared\n" +
  'with "x-iep": "text" in its extensions schema, e.g. extensions.ma.visionHighSchool): give the profile the record\n' +
  'was written for (--profile ma, or "profile" in iepkit.config.json); with another profile its extension text is left\n' +
  'out and reported (extension-unknown).';

/** `--profile`, `--templates`, `--locales`, `--config` on an `iep i18n` subcommand. */
export function addI18nProfileOptions(command: Command): Command {
  return addProfileOptions(command, { withProfile: true, profileHelp: 'the state profile the records were written for, whose own text fields (extensions) are translated too (default ny), or one in a --templates folder' });
}

/**
 * The profile an `iep i18n` subcommand runs with, checked once before any work: its own options, or `iep i18n`'s
 * when written before the subcommand's name (`iep i18n --profile ma export ...`), over the config file.
 */
export async function i18nProfile(command: Command): Promise<ProfileDefinition> {
  const { definition } = await profileChoice(command.optsWithGlobals<ProfileCliOptions>(), { withProfile: true });
  return definition!;
}
