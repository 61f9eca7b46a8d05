import { formatJsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { LayoutName } from '../model/layouts.js';
import { textFields } from '../model/text-fields.js';
import { resolveProfile } from '../load/load-profile.js';
import { composeDocument, type ComposeOptions } from './compose-document.js';

/**
 * The narrative fields a copy (layout) prints, as JSON paths: the copy composed from the record with every
 * translation taken away, in a language other than English, reports exactly the fields it printed as untranslated.
 * Which fields a copy prints does not depend on its language, so one compose per layout serves every language.
 * Undefined when the layout cannot be composed for this record.
 */
export function printedFields(iep: Iep, layout: LayoutName, options: Pick<ComposeOptions, 'profile' | 'templates' | 'locales' | 'templatesDir' | 'localesDir'> = {}): string[] | undefined {
  // The profile's own text fields (`extensions.<namespace>`, `x-iep: text`) count as the model's do.
  const extensions = resolveProfile(options).profile?.extensions;
  const english = structuredClone(iep) as unknown as Record<string | number, unknown>;
  for (const field of textFields(iep, undefined, extensions)) {
    if (field.translations.length === 0) continue;
    const parent = field.fieldPath.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, english);
    parent[field.fieldPath[field.fieldPath.length - 1]!] = field.text;
  }
  const composed = composeDocument(english as unknown as Iep, { ...options, layout, lang: 'es' });
  if (!composed.document) return undefined;
  const printed = new Set(composed.untranslated.map((u) => u.path));
  return textFields(iep, undefined, extensions).map((f) => formatJsonPath(f.fieldPath)).filter((path) => printed.has(path));
}
