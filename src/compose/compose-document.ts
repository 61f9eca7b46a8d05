import { DEFAULT_LANGUAGE, DEFAULTS } from '../model/defaults.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DocumentTree, PageSize } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import type { ComplianceSummary } from '../model/compliance.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { trackFallbacks } from '../i18n/track-fallbacks.js';
import { formatNumber } from '../i18n/format.js';
import type { LayoutName, LayoutSource } from '../load/load-layout.js';
import type { Profile, ProfileDefinition } from '../model/profiles.js';
import { resolveProfile } from '../load/load-profile.js';
import { cachedLayout } from './cached-layout.js';
import { sanitizeText } from '../model/sanitize-text.js';
import { escapeInline } from './escape-markdown.js';
import { HeldText } from './held-text.js';
import { expandTemplate, TemplateError, type TemplateEnvironment } from './expand-template.js';
import { layoutEnvironment } from './layout-environment.js';
import { parseSections } from './parse-sections.js';
import type { ExpandedTemplate } from './locate-in-template.js';
import { shortenForOnePage } from './shorten-for-one-page.js';
import { UNTRANSLATED_PATH_ATTRIBUTE, ViewModelBuilder, type UntranslatedField } from './view-model.js';
import type { Root } from 'mdast';
import type { Placeholder } from '../model/placeholder.js';
import { markPlaceholders } from './mark-placeholders.js';
import { composeBilingual } from './compose-bilingual.js';
import { BILINGUAL_LAYOUT, isProgressLayout } from '../model/layouts.js';
import { progressView } from './progress-view.js';
import { CHANGES_LAYOUT } from '../model/layouts.js';
import { diffIeps } from '../diff/diff-ieps.js';
import { baseRequired, changesView } from './changes-view.js';
import { composeRedline } from './redline/compose-redline.js';

export interface ComposeOptions {
  layout?: LayoutName;
  /** The state profile, by name (looked for in `templates` and the bundled folder) or as loadProfile resolved it. */
  profile?: Profile | ProfileDefinition;
  lang?: Language;
  /** Overrides the layout's page size (Letter by default). */
  pageSize?: PageSize;
  /**
   * The timestamp written into files (the CLI passes SOURCE_DATE_EPOCH here). Default: the IEP's finalized date,
   * else its meeting date, at noon UTC: the same IEP gives the same bytes.
   */
  timestamp?: Date;
  /** Templates folders searched before the bundled one (`--templates`): profiles, layouts, single section templates. */
  templates?: readonly string[];
  /** Locales folders whose labels override the bundled ones key by key (`--locales`). */
  locales?: readonly string[];
  /** The templates folder used instead of templates/ of the package. */
  templatesDir?: string;
  /** The locales folder used instead of locales/ of the package. */
  localesDir?: string;
  /** A compliance check summary to append (drafts of the official layout, `--with-compliance`). */
  compliance?: ComplianceSummary;
  /** Tighter list limits than the layout's front matter states (the one-page summary when it still overflows). */
  limits?: Record<string, number>;
  /**
   * The placeholders of an incomplete draft (src/validate/complete-draft.ts): each is printed, visibly marked, as
   * "[to be written: ...]" in the copy's language. Only a draft's preview passes them.
   */
  placeholders?: readonly Placeholder[];
  /** The progress layouts: the reporting period to print (a report's `period`); the latest report when absent. */
  progressPeriod?: number;
  /**
   * An earlier version of this student's IEP (issue 20), checked by the caller with checkVersions: the `changes`
   * letter explains what changed since it, and with `redline` the official layout marks those changes.
   */
  base?: Iep;
  /** The official layout with the changes since `base` marked: insertions underlined, deletions struck through. */
  redline?: boolean;
}

export interface ComposedDocument {
  /** Absent when a template failed; the diagnostics say why. */
  document?: DocumentTree;
  /** The expanded Markdown, for debugging and golden tests. */
  markdown?: string;
  layout?: LayoutSource;
  /** Narrative fields printed in English because the IEP has no translation for the copy's language. */
  untranslated: UntranslatedField[];
  diagnostics: Diagnostic[];
}

/**
 * Compose: pick the profile's layout, order the sections as its front matter says (strength-first), build the
 * localized view model, expand each section template, and parse the Markdown into ONE document tree. The bilingual
 * layout is the official one composed in English and in `lang`, zipped into one tree (compose-bilingual.ts).
 */
export function composeDocument(iep: Iep, options: ComposeOptions = {}): ComposedDocument {
  // The redline of the official IEP: the base and this record composed alike and compared (src/compose/redline/).
  if (options.redline && options.base && (options.layout ?? DEFAULTS.layouts[0]) === 'official') {
    const plain = { ...options, base: undefined, redline: false };
    const resolved = resolveProfile(options);
    if (!resolved.profile) return { untranslated: [], diagnostics: resolved.diagnostics };
    return composeRedline(iep, options.base, options.lang ?? DEFAULT_LANGUAGE, (record) => composeLayout(record, { ...plain, profile: resolved.profile }), resolved.profile.localeRoots);
  }
  if (options.layout === BILINGUAL_LAYOUT) {
    return composeBilingual(iep, options.lang ?? DEFAULT_LANGUAGE, (layout, lang) => composeLayout(iep, { ...options, layout, lang }));
  }
  return composeLayout(iep, options);
}

/** One layout in one language (the bilingual copy is two of these, zipped). */
function composeLayout(iep: Iep, options: ComposeOptions): ComposedDocument {
  const layoutName = options.layout ?? DEFAULTS.layouts[0]!;
  const resolved = resolveProfile(options);
  if (!resolved.profile) return { untranslated: [], diagnostics: resolved.diagnostics };
  const profile = resolved.profile;
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const diagnostics: Diagnostic[] = [];
  const loaded = cachedLayout(profile, layoutName);
  if (!loaded.layout) return { untranslated: [], diagnostics: loaded.diagnostics };
  const layout = loaded.layout;
  let env: TemplateEnvironment;
  try {
    env = layoutEnvironment(layout);
  } catch (error) {
    // A partial that does not parse is found when the layout's environment is made, before any section is expanded.
    if (error instanceof TemplateError) return { untranslated: [], diagnostics: [templateDiagnostic(error)] };
    throw error;
  }
  // Labels the copy's language lacks are printed in English and reported, as untranslated data is.
  const tracked = trackFallbacks(createTranslator(lang, profile.localeRoots));
  const tr = tracked.translator;
  // Data values are held out of the Markdown parser (held-text.ts), whose runs of blocks are then parsed once for any
  // data (held-blocks.ts); data holding the placeholder characters themselves is written in full instead.
  let expanded = expandSections(iep, layout, env, tr, options, profile, new HeldText());
  if (expanded.held && !expanded.held.intact(expanded.parts.map((p) => p.markdown).join('\n'))) {
    expanded = expandSections(iep, layout, env, tr, options, profile, undefined);
  }
  const { builder, view, parts, held } = expanded;
  diagnostics.push(...expanded.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { untranslated: [], diagnostics, layout };

  const { markdown, body, diagnostics: treeDiagnostics } = parseSections(parts, layout.partials, held);
  if (treeDiagnostics.length > 0) return { untranslated: [], diagnostics: [...diagnostics, ...treeDiagnostics], layout };
  // Metadata is plain text that reaches the running header, the PDF title and the DOCX properties: each piece that
  // holds data passes through the one sanitiser as one line, the label around it included.
  const line = (text: string) => sanitizeText(text, { lines: 'join' });
  const name = line(`${iep.student.firstName} ${iep.student.lastName}`);
  const draft = iep.document.status === 'draft';
  const document: DocumentTree = {
    meta: {
      layout: layout.config.id,
      title: line(tr.t(layout.config.title, { name })),
      subject: line(tr.t(layout.config.subject, { name })),
      lang,
      dir: tr.dir,
      page: { size: options.pageSize ?? layout.config.page.size, margins: layout.config.page.margins },
      header: line(tr.t('common:header', { name, dateOfBirth: view.student.dateOfBirth ? unescape(held ? held.restore(view.student.dateOfBirth) : view.student.dateOfBirth) : '', id: line(iep.student.id) })),
      pageCounter: tr.t('common:pageCounter'),
      notice: lang === DEFAULT_LANGUAGE ? undefined : tr.t('common:translationNotice'),
      watermark: draft ? tr.t('common:draft') : undefined,
      created: options.timestamp ?? documentDate(iep),
      creator: line(iep.student.district ?? iep.student.school),
    },
    body,
  };
  if (options.placeholders) {
    const placeholders = options.placeholders;
    markPlaceholders(document, (i) => `[${tr.t('common:placeholder', { field: placeholders[i]?.label ?? '...' })}]`);
  }
  return { document, markdown, layout, untranslated: printedUntranslated(document.body, builder), diagnostics: [...diagnostics, ...untranslatedLabels(tracked.fellBack(), lang)] };
}

/** `labels-untranslated`: the labels of this copy printed in English because its locales lack them. */
function untranslatedLabels(keys: readonly string[], lang: Language): Diagnostic[] {
  if (keys.length === 0) return [];
  const named = keys.slice(0, 5).join(', ') + (keys.length > 5 ? `, and ${keys.length - 5} more` : '');
  const [namespace, ...path] = keys[0]!.includes(':') ? keys[0]!.split(':') : ['common', keys[0]!];
  return [
    {
      code: 'labels-untranslated',
      severity: 'warning',
      message: `${keys.length} label${keys.length === 1 ? ' has' : 's have'} no ${lang} translation in the locales and ${keys.length === 1 ? 'is' : 'are'} printed in English: ${named}`,
      hint: `add ${keys.length === 1 ? 'it' : 'them'} to the ${lang} locale, e.g. "${path.join(':')}" in ${lang}/${namespace}.json (dots are nested keys), with the English in en/${namespace}.json as the source`,
    },
  ];
}

/** The view model and each section expanded with it; `held`, when given, holds the long data values. */
function expandSections(iep: Iep, layout: LayoutSource, env: TemplateEnvironment, tr: Translator, options: ComposeOptions, profile: ProfileDefinition, held: HeldText | undefined) {
  const diagnostics: Diagnostic[] = [];
  const builder = new ViewModelBuilder(iep, tr, held);
  let view = builder.build({ domainParts: layout.config.domainParts, profile });
  const limits = options.limits ?? layout.config.limits;
  if (limits) {
    const shortened = shortenForOnePage(view, limits);
    view = shortened.view;
    diagnostics.push(...shortened.diagnostics);
  }

  if (isProgressLayout(layout.layout)) {
    const progress = progressView(iep, builder, view.goals, tr, { period: options.progressPeriod });
    diagnostics.push(...progress.diagnostics);
    if (progress.progress) view = { ...view, progress: progress.progress } as typeof view;
    else return { builder, view, parts: [], held, diagnostics };
  }
  if (layout.layout === CHANGES_LAYOUT) {
    // The letter about an amendment explains the changes since the version it amends: without it, there is none.
    if (!options.base) return { builder, view, parts: [], held, diagnostics: [...diagnostics, baseRequired()] };
    const baseBuilder = new ViewModelBuilder(options.base, tr, held);
    const baseView = baseBuilder.build({ domainParts: layout.config.domainParts, profile });
    const changes = changesView({ iep, base: options.base, diff: diffIeps(options.base, iep), view, builder, baseView }, tr);
    view = { ...view, changes } as typeof view;
  }
  const sections = [...layout.sections];
  if (options.compliance) {
    const partial = layout.partials.find((p) => p.name === 'compliance-summary');
    if (partial) sections.push(partial);
    view = { ...view, compliance: complianceView(options.compliance, tr) } as typeof view;
  }
  const parts: ExpandedTemplate[] = [];
  for (const section of sections) {
    try {
      parts.push({ ...section, markdown: expandTemplate(env, section.file, section.source, view, tr).trim() });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push(templateDiagnostic(error));
    }
  }
  return { builder, view, parts, held, diagnostics };
}

/**
 * The untranslated fields this document prints: those whose `:untranslated` marker is in the tree, and those given
 * unmarked to a directive attribute (a signer's role) that is in the tree. The view model holds every field of
 * the IEP; a layout prints only some (the family copy leaves out evaluations, the student summary most things).
 */
function printedUntranslated(body: Root, builder: ViewModelBuilder): UntranslatedField[] {
  const marked = new Set<string>();
  const attributeValues = new Set<string>();
  const walk = (node: { type: string; name?: string; attributes?: Record<string, string | null | undefined> | null; children?: unknown[] }) => {
    if (node.type.endsWith('Directive') && node.attributes) {
      if (node.name === 'untranslated') {
        const path = node.attributes[UNTRANSLATED_PATH_ATTRIBUTE];
        if (path) marked.add(path);
      } else {
        for (const value of Object.values(node.attributes)) if (value) attributeValues.add(value);
      }
    }
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(body);
  return builder.untranslated.filter(({ path }) => {
    if (marked.has(path)) return true;
    const attribute = builder.untranslatedAttributes.get(path);
    return attribute !== undefined && attributeValues.has(attribute);
  });
}

function templateDiagnostic(error: TemplateError): Diagnostic {
  return {
    code: 'template-error',
    severity: 'error',
    file: error.file,
    line: error.line,
    column: error.column,
    message: error.message,
    hint: 'templates may use only the fields and helpers docs/template-fields.md lists (it is in the installed package too)',
  };
}

/** The compliance summary as inert Markdown for the summary partial (`compliance.*` in docs/template-fields.md). */
export function complianceView(summary: ComplianceSummary, tr: Translator) {
  return {
    passed: summary.passed,
    errors: formatNumber(summary.errors, tr),
    warnings: formatNumber(summary.warnings, tr),
    items: summary.items.map((item) => ({
      code: escapeInline(item.code),
      error: item.severity === 'error',
      path: escapeInline(item.path ?? ''),
      message: escapeInline(item.message),
      hint: escapeInline(item.hint ?? ''),
      source: escapeInline(item.source ?? ''),
    })),
  };
}

/** Reverses escapeInline for metadata, which is plain text, not Markdown. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The timestamp when none is given: the IEP's own dates, so the same IEP gives the same bytes. */
function documentDate(iep: Iep): Date {
  const date = new Date(`${iep.document.finalizedDate ?? iep.meeting.date}T12:00:00Z`);
  // A draft's meeting date still to be written (a placeholder): the start of the epoch, still the same every time.
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

