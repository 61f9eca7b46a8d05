import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { Profile, ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import { textFields, type TextField } from '../model/text-fields.js';
import type { SourceMap } from '../load/source-map.js';
import { resolveProfile } from '../load/load-profile.js';
import { checkExtensions } from '../validate/validate-extensions.js';

/**
 * The profile a translation step reads a record with (`--profile`, `--templates`, `--locales`; the default profile
 * when none is named): its extensions schema says which strings under `extensions.<namespace>` are narrative text.
 */
export type TranslateProfileOptions = { profile?: Profile | ProfileDefinition } & ProfileDirs;

/** The profile as resolved, or undefined when it cannot be read (the CLI has reported that before any work). */
export function translateProfile(options: TranslateProfileOptions): ProfileDefinition | undefined {
  return resolveProfile(options).profile;
}

/**
 * Every narrative field of the record in the profile: the model's, then the profile's own `x-iep: text` fields
 * (`extensions.ma.visionHighSchool`), which are exported, imported, counted and checked exactly as the model's.
 */
export function profileTextFields(iep: Iep, profile: ProfileDefinition | undefined): TextField[] {
  return textFields(iep, undefined, profile?.extensions);
}

/** The record's `extensions` checked against the profile (errors: the profile's schema is broken by the data). */
export function extensionProblems(iep: unknown, profile: ProfileDefinition | undefined, options: { file?: string; sourceMap?: SourceMap } = {}): Diagnostic[] {
  return profile ? checkExtensions(iep, { profile, file: options.file, sourceMap: options.sourceMap }) : [];
}
