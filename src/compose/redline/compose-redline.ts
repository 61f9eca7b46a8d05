/**
 * The redline of the official IEP (`iep render NEW --layout official --redline OLD`): the official layout composed
 * for the earlier version and for this one, in the same language, by the ordinary compose step, and compared block
 * by block (diff-blocks.ts). What changed is marked with `:inserted` / `:deleted` (added text underlined, removed
 * text struck through, each with its label), under a legend that names the version compared with.
 */
import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Iep } from '../../model/iep.js';
import type { Language } from '../../model/languages.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { checkDocumentTree } from '../check-document-tree.js';
import type { ComposedLayout } from '../compose-bilingual.js';
import type { ChangeMarks } from './change-mark.js';
import { BlockDiff } from './diff-blocks.js';

/** Composes the official layout of a record in the copy's language (compose-document.ts passes its own). */
export type ComposeOfficial = (iep: Iep) => ComposedLayout;

export function composeRedline(iep: Iep, base: Iep, lang: Language, compose: ComposeOfficial, localesDirs?: readonly string[]): ComposedLayout {
  const newer = compose(iep);
  const older = compose(base);
  // The earlier version's warnings were its own when it was written; only an error that stops it matters here.
  const diagnostics = [...newer.diagnostics, ...older.diagnostics.filter((d) => d.severity === 'error')];
  if (!newer.document || !older.document) return { untranslated: [], diagnostics, layout: newer.layout };
  const tr = createTranslator(lang, localesDirs);
  const marks = changeMarks(iep, tr);
  const changed = new BlockDiff(lang, marks).blocks(older.document.body.children, newer.document.body.children);
  const legend = legendCallout(base, tr);
  // The legend under the title, before the form's first part.
  const at = changed[0]?.type === 'heading' && changed[0].depth === 1 ? 1 : 0;
  const body: Root = { type: 'root', children: [...changed.slice(0, at), legend, ...changed.slice(at)] };
  const [problem] = checkDocumentTree(body);
  if (problem) throw new Error(`the redline tree is not a valid document tree: ${problem.message}`);
  return { document: { ...newer.document, body }, layout: newer.layout, untranslated: newer.untranslated, diagnostics };
}

/** Who made the changes and when: the case manager (else the IEP team) on the amendment's date. */
function changeMarks(iep: Iep, tr: Translator): ChangeMarks {
  const caseManager = iep.team.find((member) => member.caseManager);
  return {
    labels: { inserted: tr.t('redline:added'), deleted: tr.t('redline:removed') },
    author: caseManager?.name ?? tr.t('redline:author'),
    date: iep.document.amendment?.date ?? iep.document.finalizedDate ?? iep.meeting.date,
  };
}

/**
 * "This copy shows the changes since version 1 of <date>: added text is underlined, removed text is struck
 * through." The amendment's date and summary follow it: the official layout prints them (marked added when the
 * earlier version had none).
 */
function legendCallout(base: Iep, tr: Translator): ContainerDirective {
  const legend = tr.t('redline:legend', {
    version: formatNumber(base.document.version, tr),
    date: formatDate(base.document.finalizedDate ?? base.meeting.date, tr),
  });
  return { type: 'containerDirective', name: 'callout', attributes: { kind: 'notice' }, children: [{ type: 'paragraph', children: [{ type: 'text', value: legend }] }] };
}
