import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { LOCALES_DIR } from '../model/paths.js';
import type { ProfileDefinition } from '../model/profiles.js';
import { textFields } from '../model/text-fields.js';
import { availableLanguages, loadLocale, loadMergedLocale, type LocaleMeta } from './load-locales.js';
import { compareWithEnglish, baseKey, flattenKeys } from './locale-keys.js';

export interface ParityReport {
  lang: Language;
  locale: {
    name: string;
    reviewed: boolean;
    reviewedBy?: string;
    notes?: string;
  };
  /** Labels, headings and boilerplate from locales/<lang>/ compared with English. */
  labels: { total: number; translated: number; missing: string[] };
  /**
   * Narrative fields of this IEP: which carry a translation for the language, which will print in English, and the
   * English of those (what to hand a translator; `iep i18n export` writes it as XLIFF).
   */
  fields: { total: number; translated: number; percent: number; missing: string[]; translatedPaths: string[]; untranslated: { path: string; english: string }[] };
  /** Per copy (layout) given: the narrative fields it prints and how many of those are translated. */
  copies: { layout: string; total: number; translated: number; percent: number }[];
  /** True when every label and every field is translated: the copy is a complete rendition. */
  complete: boolean;
  /** The profile whose own text fields (`extensions.<namespace>`) are among the fields, when some are untranslated. */
  profile?: string;
}

/**
 * What a copy in `lang` will contain: how many labels the locale translates and which narrative fields of this IEP
 * have a translation, with JSON paths. English is always complete.
 */
export function parityReport(
  iep: Iep,
  lang: Language,
  /**
   * The locales folder, or the folders a profile's labels are merged from, first wins (`ProfileDefinition.localeRoots`:
   * `--locales` overlays, the profile's own, the bundled one).
   */
  localesDir: string | readonly string[] = LOCALES_DIR,
  /** The fields each copy prints, by layout (src/compose/printed-fields.ts); the report gives a percent per copy. */
  printed: ReadonlyMap<string, readonly string[]> = new Map(),
  /**
   * The profile the record is read with: its own text fields (`extensions.<namespace>`, `x-iep: text`) are counted
   * and listed as the model's are. Without it, only the model's fields.
   */
  profile?: Pick<ProfileDefinition, 'extensions' | 'id'>,
): ParityReport {
  const dirs = typeof localesDir === 'string' ? [localesDir] : localesDir;
  const load = (language: Language) => (dirs.length === 1 ? loadLocale(language, dirs[0]) : loadMergedLocale(language, dirs));
  const en = load('en');
  const enBases = new Set([...flattenKeys(en.resources).keys()].map(baseKey));
  const hasLocale = dirs.some((dir) => availableLanguages(dir).includes(lang));
  const own = hasLocale ? load(lang) : { resources: {}, meta: { name: lang, dir: 'ltr', reviewed: false } as LocaleMeta };
  const missingLabels = lang === 'en' ? [] : compareWithEnglish(lang, en.resources, own.resources).missing;

  const fields = textFields(iep, undefined, profile?.extensions);
  const translated = lang === 'en' ? fields : fields.filter((f) => f.translations.includes(lang));
  const missing = lang === 'en' ? [] : fields.filter((f) => !f.translations.includes(lang));
  const translatedSet = new Set(translated.map((f) => formatJsonPath(f.fieldPath)));
  return {
    lang,
    locale: { name: own.meta.name, reviewed: own.meta.reviewed, reviewedBy: own.meta.reviewedBy, notes: own.meta.notes },
    labels: { total: enBases.size, translated: enBases.size - missingLabels.length, missing: missingLabels },
    fields: {
      total: fields.length,
      translated: translated.length,
      percent: percent(translated.length, fields.length),
      missing: missing.map((f) => formatJsonPath(f.fieldPath)),
      translatedPaths: translated.map((f) => formatJsonPath(f.fieldPath)),
      untranslated: missing.map((f) => ({ path: formatJsonPath(f.fieldPath), english: f.text })),
    },
    copies: [...printed].map(([layout, paths]) => {
      const done = paths.filter((p) => translatedSet.has(p)).length;
      return { layout, total: paths.length, translated: done, percent: percent(done, paths.length) };
    }),
    complete: missingLabels.length === 0 && missing.length === 0,
    ...(profile && missing.some((f) => f.extension) ? { profile: profile.id } : {}),
  };
}

/** Whole percent, rounded down (99% until the last field is done); 100 when there is nothing to translate. */
function percent(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done / total) * 100);
}

/** The report as text for a person. */
export function formatParityReport(report: ParityReport, file: string): string {
  const pct = percent;
  const lines = [
    `${file}: ${report.lang} (${report.locale.name})`,
    `  labels and boilerplate: ${report.labels.translated}/${report.labels.total} translated (${pct(report.labels.translated, report.labels.total)}%)`,
    `  locale reviewed by a professional translator: ${report.locale.reviewed ? `yes${report.locale.reviewedBy ? ` (${report.locale.reviewedBy})` : ''}` : 'no'}`,
    `  IEP narrative fields: ${report.fields.translated}/${report.fields.total} translated (${pct(report.fields.translated, report.fields.total)}%)`,
  ];
  if (report.labels.missing.length) lines.push('  labels missing (printed in English):', ...report.labels.missing.map((k) => `    ${k}`));
  for (const copy of report.copies) lines.push(`  ${copy.layout} copy: ${copy.translated}/${copy.total} of the narrative fields it prints translated (${copy.percent}%)`);
  if (report.fields.untranslated.length) {
    lines.push(
      '  fields without a translation (printed in English, marked as not yet translated), with their English:',
      ...report.fields.untranslated.flatMap((f) => [`    ${f.path}`, `      ${f.english.replace(/\s*\n\s*/g, ' ')}`]),
      `  to hand them to a translator: iep i18n export ${file} --lang ${report.lang}${report.profile ? ` --profile ${report.profile}` : ''} --out <name>.xlf`,
    );
  }
  lines.push(report.complete ? '  complete: every label and field is translated' : '  not complete');
  return lines.join('\n') + '\n';
}
