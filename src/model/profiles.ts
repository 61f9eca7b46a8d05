/**
 * State profiles. A profile is data: a folder `<templates root>/<id>/` with its `profile.yaml` (settings, rule set,
 * the profile it extends, its own data under `extensions`), its layouts, its labels and its rules, found by name in
 * the bundled templates/ and in any `--templates` folder (src/load/load-profile.ts reads it). This file holds what
 * the stages share about a profile once it is read: its resolved definition and the settings compose and the rules
 * read. New York is the default; federal is IDEA alone; Massachusetts is the second state.
 */
import type { DISABILITIES } from './iep.js';
import type { RuleSet } from './profile-config.js';

/** A profile's id: any profile that exists (checked at run time by loadProfile, with a did-you-mean). */
export type Profile = string;

/** The profiles bundled with the package, in the order the docs list them. */
export const BUNDLED_PROFILES = ['ny', 'federal', 'ma'] as const;

/** A disability classification as the IEP data holds it (federal, Ed-Fi-aligned values). */
export type Classification = (typeof DISABILITIES)[number];

/** A profile's settings, every one resolved (its own, else those of the profile it extends). */
export interface ProfileSettings {
  /** Transition planning from the first IEP in effect at this age (16 under IDEA, 15 in New York). */
  transitionAge: number;
  /**
   * Whether IDEA rights transfer from the parents to the student at the age of majority, so that the IEP must say
   * the student was told of them (34 CFR 300.320(c), 300.520). A State may, but need not, provide for the transfer
   * (20 U.S.C. 1415(m)); where that is not established the profile says false and no layout states a transfer.
   */
  rightsTransferAtMajority: boolean;
  /** The age of majority at which the rights transfer, when they do (an IEP may state its own). */
  ageOfMajority?: number;
  /** The length of the school day in minutes the service rules assume (a district may give its own). */
  schoolDayMinutes: number;
  /** How the official form names the classification: the label key prefix and the profile's own terms. */
  classification: { labels: string; terms: Partial<Record<Classification, string>> };
}

/** A profile as loadProfile resolved it: where its files are and what it says, with what it inherits filled in. */
export interface ProfileDefinition {
  id: Profile;
  name: string;
  description: string;
  /** The profile and those it extends, most specific first: layouts and labels are looked for in this order. */
  chain: readonly Profile[];
  /** The bundled compliance rules that run in it (those whose `Rule.profiles` lists this set). */
  ruleSet: RuleSet;
  settings: ProfileSettings;
  /** The folder of its profile.yaml. */
  dir: string;
  /** Templates folders, searched in order: the `--templates` overlays, then the bundled templates/. */
  templateRoots: readonly string[];
  /** Locales folders merged label by label, first wins: `--locales` overlays, the chain's locales/ folders, then the bundled locales/. */
  localeRoots: readonly string[];
  /** The rule files of the chain (`<profile>/rules/*.{js,mjs,ts}`), most specific profile first. */
  ruleFiles: readonly string[];
  /** The profile's own data in IEP records, when it declares any (`extensions.<namespace>`). */
  extensions?: { namespace: string; schema: Record<string, unknown>; file: string };
}

/** Where to look for profiles and labels besides the bundled folders. */
export interface ProfileDirs {
  /** Templates folders searched before the bundled templates/ (profiles, single layouts or section templates). */
  templates?: readonly string[];
  /** Locales folders (`<dir>/<lang>/<namespace>.json`) whose labels override the bundled ones key by key. */
  locales?: readonly string[];
  /** The templates folder used instead of the bundled one (a fork, or a test's copy). */
  templatesDir?: string;
  /** The locales folder used instead of the bundled one. */
  localesDir?: string;
}

/** The label key of the term the profile's official form prints for a classification. */
export function classificationLabel(settings: ProfileSettings, classification: Classification): string {
  return `${settings.classification.labels}.${settings.classification.terms[classification] ?? classification}`;
}
