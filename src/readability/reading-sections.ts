/**
 * The sections of the family copy and the student summary, as text to grade for reading level.
 *
 * `readingSections` composes the real document (src/compose/, English) and reads its sections with
 * `documentSections`, so the grades describe exactly what the family and the student read: labels, boilerplate,
 * plain-language service sentences, the student's version of each goal, one-page shortening. When the layout cannot
 * be composed, it falls back to `layoutSections`, which builds the sections from the IEP data alone, following what
 * those layouts print; each of those sections keeps the JSON path of every field it is made from.
 */
import type { Root } from 'mdast';
import { composeDocument } from '../compose/compose-document.js';
import type { JsonPath } from '../model/diagnostic.js';
import { DOMAIN_KEYS, type Iep, type StrengthItem, type Text } from '../model/iep.js';
import type { ReadingSection } from './reading-level.js';

import { READING_LAYOUTS, READING_TARGETS, type ReadingLayout } from './reading-targets.js';
export { READING_LAYOUTS, READING_TARGETS, type ReadingLayout };

/** A field the section prints, with its path in the IEP data. */
export interface SectionPart {
  path: JsonPath;
  text: string;
}

export interface LayoutSection extends ReadingSection {
  /** The fields the section's text is made of, in order; `text` is their texts joined as paragraphs. */
  parts: SectionPart[];
}

/** The English text of a narrative field, and the path of that English text (`.en` for a translations map). */
export function englishText(value: Text, path: JsonPath): SectionPart {
  return typeof value === 'string' ? { path, text: value } : { path: [...path, 'en'], text: value.en };
}

/** The name the family and student copies use. */
export function displayName(iep: Iep): string {
  return iep.student.preferredName ?? iep.student.firstName;
}

/** The sections of a layout that have text, in the order the layout prints them. */
export function layoutSections(iep: Iep, layout: ReadingLayout): LayoutSection[] {
  const name = displayName(iep);
  const items = (list: 'strengths' | 'interests' | 'preferences') =>
    DOMAIN_KEYS.flatMap((domain) =>
      ((iep.presentLevels[domain][list] ?? []) as StrengthItem[]).map((item, i) =>
        englishText(item.text, ['presentLevels', domain, list, i, 'text']),
      ),
    );
  const goals = iep.goals.map((goal, g) => englishText(goal.goal, ['goals', g, 'goal']));
  // The student summary prints the goal in the student's words when there is one.
  const studentGoals = iep.goals.map((goal, g) =>
    goal.studentVersion ? englishText(goal.studentVersion, ['goals', g, 'studentVersion']) : englishText(goal.goal, ['goals', g, 'goal']),
  );

  const sections: { id: string; title: string; parts: SectionPart[] }[] =
    layout === 'family'
      ? [
          { id: 'about', title: `About ${name}`, parts: [...items('strengths'), ...items('interests'), ...items('preferences')] },
          { id: 'working-on', title: 'What we are working on', parts: goals },
          {
            id: 'needs',
            title: `What ${name} is learning next`,
            parts: DOMAIN_KEYS.flatMap((domain) =>
              iep.presentLevels[domain].needs.map((need, i) => englishText(need, ['presentLevels', domain, 'needs', i])),
            ),
          },
          {
            id: 'parent-concerns',
            title: 'Your concerns',
            parts: [
              englishText(iep.parentConcerns, ['parentConcerns']),
              ...DOMAIN_KEYS.flatMap((domain) => {
                const concern = iep.presentLevels[domain].parentConcerns;
                return concern ? [englishText(concern, ['presentLevels', domain, 'parentConcerns'])] : [];
              }),
            ],
          },
        ]
      : [
          { id: 'student-voice', title: 'In my own words', parts: iep.studentVoice ? [englishText(iep.studentVoice, ['studentVoice'])] : [] },
          { id: 'strengths', title: 'What I am good at', parts: items('strengths') },
          { id: 'interests', title: 'What I like', parts: items('interests') },
          { id: 'goals', title: 'My goals', parts: studentGoals },
          {
            id: 'accommodations',
            title: 'What helps me',
            parts: [
              ...iep.services.supplementaryAids.map((aid, i) => englishText(aid.description, ['services', 'supplementaryAids', i, 'description'])),
              ...iep.testingAccommodations.map((t, i) => englishText(t.accommodation, ['testingAccommodations', i, 'accommodation'])),
            ],
          },
        ];
  return sections
    .filter((s) => s.parts.length > 0)
    .map((s) => ({ ...s, text: s.parts.map((p) => p.text.trim()).join('\n\n') }));
}

// ------------------------------------------------------------------------------------------ composed documents

export interface ReadingSections {
  sections: ReadingSection[];
  /** `composed`: read from the composed document; `data`: built from the IEP data (`layoutSections`). */
  from: 'composed' | 'data';
  /** Why the document could not be composed, when `from` is `data`. */
  reason?: string;
}

/**
 * The sections of a layout as printed: from the composed English document, or from the data when composing fails
 * (a template error, a missing layout).
 */
export function readingSections(iep: Iep, layout: ReadingLayout): ReadingSections {
  let reason: string;
  try {
    const composed = composeDocument(iep, { layout, lang: 'en' });
    if (composed.document) return { sections: documentSections(composed.document.body), from: 'composed' };
    reason = composed.diagnostics.find((d) => d.severity === 'error')?.message ?? 'the layout could not be composed';
  } catch (error) {
    reason = (error as Error)?.message ?? String(error);
  }
  return { sections: layoutSections(iep, layout), from: 'data', reason };
}

interface AnyNode {
  type: string;
  value?: string;
  depth?: number;
  children?: AnyNode[];
}

/** Blocks whose text is read as one unit (a paragraph, a list item, a table cell). */
const UNIT_TYPES = new Set(['paragraph', 'tableCell', 'leafDirective', 'code', 'html']);

/**
 * The sections of a composed document (src/model/document.ts): a new section at each heading of depth 1 or 2, with
 * the heading as title. Each paragraph, list item paragraph and table cell is one unit of text (so list items
 * without a period count as sentences). Text before the first heading is a section titled "Introduction".
 * Labels are left out, since they are not read as sentences: headings below level 2, and name-and-title lines
 * ("Priya Raman, Speech-Language Pathologist": no final punctuation, most words capitalized).
 */
export function documentSections(body: Root): ReadingSection[] {
  const sections: ReadingSection[] = [];
  let current: { title: string; units: string[] } | undefined;
  const finish = () => {
    if (current && current.units.length) {
      sections.push({ id: slug(current.title) || `section-${sections.length + 1}`, title: current.title, text: current.units.join('\n\n') });
    }
  };
  const collect = (node: AnyNode) => {
    if (node.type === 'heading' && (node.depth ?? 9) <= 2) {
      finish();
      current = { title: plainText(node).trim(), units: [] };
      return;
    }
    if (node.type === 'heading') return;
    if (UNIT_TYPES.has(node.type)) {
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      if (text && !isLabel(text)) (current ??= { title: 'Introduction', units: [] }).units.push(text);
      return;
    }
    for (const child of node.children ?? []) collect(child);
  };
  for (const child of (body as unknown as AnyNode).children ?? []) collect(child);
  finish();
  return sections;
}

/** A name, title or label line rather than a sentence: no final punctuation, and most words capitalized. */
export function isLabel(text: string): boolean {
  if (/[.!?:;]["'\u201d\u2019)]*$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capitalized = words.filter((w) => /^[("'\u201c]?\p{Lu}/u.test(w)).length;
  return capitalized / words.length >= 0.6;
}

function plainText(node: AnyNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  if (node.type === 'break') return '\n';
  return (node.children ?? []).map(plainText).join('');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
