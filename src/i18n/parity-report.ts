import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import { LOCALES_DIR } from '../model/paths.js';
import { textFields } from '../model/text-fields.js';
import { availableLanguages, loadLocale, type LocaleMeta } from './load-locales.js';
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
  /** Narrative fields of this IEP: which carry a translation for the language, which will print in English. */
  fields: { total: number; translated: number; missing: string[]; translatedPaths: string[] };
  /** True when every label and every field is translated: the copy is a complete rendition. */
  complete: boolean;
}

/**
 * What a copy in `lang` will contain: how many labels the locale translates and which narrative fields of this IEP
 * have a translation, with JSON paths. English is always complete.
 */
export function parityReport(iep: Iep, lang: Language, localesDir = LOCALES_DIR): ParityReport {
  const en = loadLocale('en', localesDir);
  const enBases = new Set([...flattenKeys(en.resources).keys()].map(baseKey));
  const hasLocale = availableLanguages(localesDir).includes(lang);
  const own = hasLocale ? loadLocale(lang, localesDir) : { resources: {}, meta: { name: lang, dir: 'ltr', reviewed: false } as LocaleMeta };
  const missingLabels = lang === 'en' ? [] : compareWithEnglish(lang, en.resources, own.resources).missing;

  const fields = textFields(iep);
  const translated = lang === 'en' ? fields : fields.filter((f) => f.translations.includes(lang));
  const missing = lang === 'en' ? [] : fields.filter((f) => !f.translations.includes(lang));
  return {
    lang,
    locale: { name: own.meta.name, reviewed: own.meta.reviewed, reviewedBy: own.meta.reviewedBy, notes: own.meta.notes },
    labels: { total: enBases.size, translated: enBases.size - missingLabels.length, missing: missingLabels },
    fields: {
      total: fields.length,
      translated: translated.length,
      missing: missing.map((f) => formatJsonPath(f.fieldPath)),
      translatedPaths: translated.map((f) => formatJsonPath(f.fieldPath)),
    },
    complete: missingLabels.length === 0 && missing.length === 0,
  };
}

/** The report as text for a person. */
export function formatParityReport(report: ParityReport, file: string): string {
  const pct = (a: number, b: number) => (b === 0 ? 100 : Math.floor((a / b) * 100));
  const lines = [
    `${file}: ${report.lang} (${report.locale.name})`,
    `  labels and boilerplate: ${report.labels.translated}/${report.labels.total} translated (${pct(report.labels.translated, report.labels.total)}%)`,
    `  locale reviewed by a professional translator: ${report.locale.reviewed ? `yes${report.locale.reviewedBy ? ` (${report.locale.reviewedBy})` : ''}` : 'no'}`,
    `  IEP narrative fields: ${report.fields.translated}/${report.fields.total} translated (${pct(report.fields.translated, report.fields.total)}%)`,
  ];
  if (report.labels.missing.length) lines.push('  labels missing (printed in English):', ...report.labels.missing.map((k) => `    ${k}`));
  if (report.fields.missing.length) lines.push('  fields without a translation (printed in English, marked as not yet translated):', ...report.fields.missing.map((p) => `    ${p}`));
  lines.push(report.complete ? '  complete: every label and field is translated' : '  not complete');
  return lines.join('\n') + '\n';
}
