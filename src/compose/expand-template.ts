import Handlebars from 'handlebars';
import type { Translator } from '../i18n/translator.js';
import { escapeAttribute } from './escape-markdown.js';

/**
 * Handlebars, set up for Markdown templates: strict (a missing field is an error, not a blank), only the helpers
 * registered here (an unknown helper is a compile error), no HTML escaping (the view model already made every
 * data value inert Markdown).
 */
const HELPERS = {
  /** `{{t "family:goalsHeading" name=student.preferredName}}`: a label in the copy's language. */
  t(this: unknown, key: string, options: Handlebars.HelperOptions) {
    return translate(key, options);
  },
  /** `{{ta "common:yes"}}`: a label for a directive attribute value. */
  ta(this: unknown, key: string, options: Handlebars.HelperOptions) {
    return escapeAttribute(translate(key, options));
  },
  eq: (a: unknown, b: unknown) => a === b,
  not: (a: unknown) => !a,
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  gt: (a: number, b: number) => a > b,
  /** `{{count list}}`: the number of items, for "{{count goals}} goals" style labels. */
  count: (list: unknown) => (Array.isArray(list) ? list.length : 0),
} as const;

/** The helpers a template may call besides Handlebars' own block helpers (docs/template-fields.md lists them). */
export type TemplateHelper = keyof typeof HELPERS;
export const TEMPLATE_HELPERS = Object.keys(HELPERS) as TemplateHelper[];

const KNOWN_HELPERS = Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true]));

/**
 * One Handlebars environment with its own helpers, partials and compiled templates: a layout gets one (see
 * layoutEnvironment), so layouts never see each other's partials and nothing is shared between documents.
 */
export interface TemplateEnvironment {
  readonly hb: typeof Handlebars;
  /** Compiled templates by file and source. */
  readonly compiled: Map<string, Handlebars.TemplateDelegate>;
}

export interface TemplateFile {
  name: string;
  file: string;
  source: string;
}

/**
 * Creates an environment where `{{> name}}` finds exactly `partials`. A partial that does not parse throws a
 * TemplateError naming it; a mistake inside a partial at run time is reported with the partial's file and line,
 * not those of the template that included it (the line would point at the wrong file).
 */
export function createTemplateEnvironment(partials: readonly TemplateFile[] = []): TemplateEnvironment {
  const env: TemplateEnvironment = { hb: Handlebars.create(), compiled: new Map() };
  for (const [name, fn] of Object.entries(HELPERS)) env.hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  for (const p of partials) {
    const template = compile(env, p.file, p.source);
    const partial = (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return template(context, options);
      } catch (error) {
        throw error instanceof TemplateError ? error : toTemplateError(error, p.file);
      }
    };
    env.hb.registerPartial(p.name, partial as Handlebars.TemplateDelegate);
  }
  return env;
}

function translate(key: string, options: Handlebars.HelperOptions): string {
  try {
    const tr = (options.data as { tr?: Translator }).tr;
    if (!tr) throw new Error('no translator in template data');
    if (!tr.isKnown(key)) throw new Error(`unknown label "${key}": add it to locales/en/${key.split(':')[0]}.json`);
    const hash = options.hash as Record<string, unknown>;
    // Without values the label is the same in every document: the translator looks it up once.
    return tr.t(key, Object.keys(hash).length > 0 ? hash : undefined);
  } catch (error) {
    throw located(error, options);
  }
}

/**
 * Handlebars locates its own errors (strict lookups, parse errors) but not those a helper throws; a helper's
 * options carry where it was called, so the error gets that line and column (0-based, as Handlebars counts).
 */
function located(error: unknown, options: Handlebars.HelperOptions): unknown {
  const loc = (options as { loc?: { start?: { line: number; column: number } } }).loc?.start;
  if (error instanceof Error && loc && (error as { lineNumber?: number }).lineNumber === undefined) {
    Object.assign(error, { lineNumber: loc.line, column: loc.column });
  }
  return error;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

function compile(env: TemplateEnvironment, file: string, source: string): Handlebars.TemplateDelegate {
  const key = `${file}\0${source}`;
  let template = env.compiled.get(key);
  if (!template) {
    try {
      // compile() is lazy; parse now so a syntax error names this file, not the template that first uses it.
      env.hb.parse(source);
      template = env.hb.compile(source, { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, preventIndent: true });
    } catch (error) {
      throw toTemplateError(error, file);
    }
    env.compiled.set(key, template);
  }
  return template;
}

/** Expands one template in `env` with the view model and the translator. Errors name the template file and line. */
export function expandTemplate(env: TemplateEnvironment, file: string, source: string, view: unknown, tr: Translator): string {
  const template = compile(env, file, source);
  try {
    return template(view, { data: { tr }, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (error) {
    throw error instanceof TemplateError ? error : toTemplateError(error, file);
  }
}

function toTemplateError(error: unknown, file: string): TemplateError {
  const e = error as Error & { lineNumber?: number; column?: number };
  // Handlebars appends " - line:column" to runtime (strict lookup) messages and sets lineNumber on parse errors.
  const where = /\s-\s(\d+):(\d+)\s*$/.exec(e.message);
  const parseLine = /^Parse error on line (\d+)/.exec(e.message);
  const line = e.lineNumber ?? (where ? Number(where[1]) : parseLine ? Number(parseLine[1]) : undefined);
  const column = e.column ?? (where ? Number(where[2]) : undefined);
  const message = e.message
    .replace(/\s-\s\d+:\d+\s*$/, '')
    .replace(/ in undefined$/, '')
    .replace(/^Parse error on line \d+:\n/, 'parse error: ')
    .split('\n')
    .filter((l) => !/^-*\^$/.test(l))
    .join(' ');
  return new TemplateError(message, file, line, column === undefined ? undefined : column + 1);
}
