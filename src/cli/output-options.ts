import { Option, type Command } from 'commander';
import { DEFAULT_LANGUAGE, PAGE_SIZES, type Defaults, type LanguageChoice } from '../model/defaults.js';
import type { PageSize } from '../model/document.js';
import { FORMATS, type OutputFormat } from '../model/formats.js';
import { LANGUAGES } from '../model/languages.js';
import { BILINGUAL_LAYOUT, LAYOUTS, type LayoutName } from '../model/layouts.js';
import { parseList } from './parse-list.js';
import { UsageError } from './io.js';
import { addProfileOptions, PROFILES_HELP, type ProfileCliOptions } from './profile-options.js';

/** What `iep render` and `iep batch` both take, as commander hands it over. */
export interface OutputCliOptions extends ProfileCliOptions {
  layouts: string;
  langs: string;
  formats: string;
  pageSize?: PageSize;
  out: string;
  final?: boolean;
  withCompliance?: boolean;
  browser?: string;
}

/**
 * The options of the commands that write documents, with the same names, help and checks in each: `--layout` and
 * `--layouts` (likewise `--lang(s)`, `--format(s)`) are one option, so a user need not remember which command
 * takes which. Defaults come from src/model/defaults.ts.
 */
export function addOutputOptions(command: Command, defaults: Defaults, outHelp: string): Command {
  return addProfileOptions(command, { withProfile: true, profileHelp: `state profile: the official layout and the compliance rules (default ${defaults.profile}; see below)` })
    .option('--layout, --layouts <layouts>', `comma-separated: ${LAYOUTS.join(', ')}, or all`, defaults.layouts.join(','))
    .option('--lang, --langs <languages>', `comma-separated: ${LANGUAGES.join(', ')}, all, or family (each parent's preferred language)`, defaults.langs.join(','))
    .option('--format, --formats <formats>', `comma-separated: ${FORMATS.join(', ')}`, defaults.formats.join(','))
    .addOption(new Option('--page-size <size>', "paper size (default: the layout's, letter for the bundled layouts)").choices([...PAGE_SIZES]))
    .option('--out <dir>', outHelp, defaults.outDir)
    .option('--final', 'the final official IEP: refuse it (exit 1, nothing written) when the IEP is a draft or breaks an error-level compliance rule')
    .option('--with-compliance', 'append the compliance check summary to a draft official IEP')
    .option('--browser <path>', 'Chrome/Chromium to print PDFs with (default: IEPKIT_CHROMIUM, then usual install locations)')
    .addHelpText('after', `\n${PROFILES_HELP}`);
}

/** The comma-separated lists, checked: an unknown value is a usage error. */
export function parseOutputOptions(options: OutputCliOptions): { layouts: LayoutName[]; langs: LanguageChoice[]; formats: OutputFormat[]; everyLayout: boolean } {
  const lists = {
    everyLayout: options.layouts.trim() === 'all',
    layouts: parseList<LayoutName>(options.layouts, LAYOUTS, 'layout'),
    langs: parseList<LanguageChoice>(options.langs, [...LANGUAGES, 'family'], 'language'),
    formats: parseList<OutputFormat>(options.formats, FORMATS, 'format'),
  };
  // Named on its own (not through `all`), the bilingual copy needs a language beside English.
  if (options.layouts.split(',').map((s) => s.trim()).includes(BILINGUAL_LAYOUT) && lists.langs.every((lang) => lang === DEFAULT_LANGUAGE)) {
    throw new UsageError(`the bilingual layout prints English beside another language: give that language with --lang (e.g. --layout bilingual --lang ar, or --lang family for each parent's language), not only en`);
  }
  return lists;
}
