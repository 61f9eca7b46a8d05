/**
 * The form's words: i18next resources in labels.en.json, and labels made from property names and values when the
 * resources have none ("dateOfBirth" -> "Date of birth", "not-yet-started" -> "Not yet started").
 * Keys are looked up by schema path without indexes (`goals.criteria`), then by property name.
 */
import i18next, { type i18n } from 'i18next';
import resources from './labels.en.json';
import { humanize, singular } from '../../model/humanize.js';

export interface Labels {
  /** Interface text (labels.en.json `ui`). */
  ui(key: string, values?: Record<string, unknown>): string;
  /** The label of the property at `schemaPath` (e.g. `student.guardians.contact.email`); `title` (the schema's) before a made-up one. */
  field(schemaPath: string, title?: string): string;
  /** The form's own help for the field at `schemaPath`, where the schema's description is written for programmers. */
  help(schemaPath: string): string | undefined;
  /** The noun for one item of a list, lower case ("goal", "team member"). */
  item(schemaPath: string): string;
  /** The human label of a closed-list value. */
  value(value: unknown): string;
  /** The label of the object choice of a field that is a closed list or an object (frequency, duration). */
  variant(schemaPath: string): string | undefined;
  /** A language's name from its code. */
  language(code: string): string;
}

export function createLabels(): Labels {
  const t: i18n = i18next.createInstance();
  // Synchronous: the resources are bundled. '/' separates levels so schema paths (with dots) stay whole keys.
  void t.init({
    lng: 'en',
    resources: { en: { translation: resources } },
    keySeparator: '/',
    nsSeparator: false,
    initAsync: false,
    interpolation: { escapeValue: false }, // every label is set with textContent
  });
  const lookup = (key: string): string | undefined => (t.exists(key) ? t.t(key) : undefined);
  const last = (schemaPath: string): string => schemaPath.slice(schemaPath.lastIndexOf('.') + 1);
  return {
    ui: (key, values) => t.t(`ui/${key}`, values ?? {}),
    field: (schemaPath, title) => lookup(`labels/${schemaPath}`) ?? lookup(`labels/${last(schemaPath)}`) ?? title ?? humanize(last(schemaPath)),
    help: (schemaPath) => lookup(`help/${schemaPath}`),
    item: (schemaPath) =>
      lookup(`items/${schemaPath}`) ?? lookup(`items/${last(schemaPath)}`) ?? singular(humanize(last(schemaPath)).toLowerCase()),
    value: (value) => (typeof value === 'string' ? (lookup(`values/${value}`) ?? humanize(value)) : String(value)),
    variant: (schemaPath) => lookup(`variants/${schemaPath}`) ?? lookup(`variants/${last(schemaPath)}`),
    language: (code) => lookup(`languages/${code}`) ?? code,
  };
}
