/**
 * What a layout's front matter (templates/<profile>/<layout>/layout.md) may say: the one definition of it. The
 * loader validates the front matter against this schema and the LayoutConfig type is derived from it, so the
 * check and the type cannot drift apart. docs/templates.md documents it.
 */
import { Type, type Static, type TInteger, type TOptional } from '@sinclair/typebox';
import type { PageSize } from './document.js';
import { DOMAIN_PARTS, SHORTENABLE_LISTS, type ShortenableList } from './layouts.js';

/** A closed list of values: `{ type: string, enum: [...] }` in the schema, a literal union in TypeScript. */
const Enum = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

const PAGE_SIZES = ['letter', 'a4'] as const satisfies readonly PageSize[];

const Millimetres = (side: string) => Type.Number({ minimum: 0, description: `The ${side} margin in millimetres; the running header and footer sit in the margins.` });

const listLimits = Object.fromEntries(
  SHORTENABLE_LISTS.map((list) => [list, Type.Optional(Type.Integer({ minimum: 1, description: `How many items of the ${list} list fit on the page.` }))]),
) as { [K in ShortenableList]: TOptional<TInteger> };

const LocaleKey = (what: string) =>
  Type.String({ pattern: '^[a-z]+:[A-Za-z0-9_.]+$', description: `The locale key (namespace:key) of the ${what}; {{name}} in the label is the student's name.` });

export const LayoutConfigSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', description: 'The layout id, lowercase letters, digits and hyphens (e.g. ny-official); written into the document metadata.' }),
    title: LocaleKey('document title'),
    subject: LocaleKey('subject metadata'),
    description: Type.String({ minLength: 1, description: 'What the layout is for, in a sentence or two.' }),
    page: Type.Object(
      {
        size: Enum(PAGE_SIZES, 'The paper size: letter or a4 (`--page-size` overrides it).'),
        margins: Type.Object(
          { top: Millimetres('top'), right: Millimetres('right'), bottom: Millimetres('bottom'), left: Millimetres('left') },
          { additionalProperties: false, description: 'The four margins in millimetres: { top, right, bottom, left }.' },
        ),
      },
      { additionalProperties: false, description: 'The page: size and margins.' },
    ),
    domainParts: Type.Array(Enum(DOMAIN_PARTS, `A part of a present-levels domain: ${DOMAIN_PARTS.join(', ')}.`), {
      uniqueItems: true,
      description: 'Which parts of each present-levels domain the layout prints, in order: the one place strength-first ordering is decided.',
    }),
    sections: Type.Array(Type.String({ minLength: 1, description: 'A section template: sections/<name>.md in the layout folder, or templates/partials/<name>.md.' }), {
      minItems: 1,
      description: 'The section templates, in document order.',
    }),
    limits: Type.Optional(
      Type.Object(listLimits, {
        additionalProperties: false,
        description: `For one-page layouts: how many items of each list fit (${SHORTENABLE_LISTS.join(', ')}); longer lists are shortened with a warning.`,
      }),
    ),
    shrinkOrder: Type.Optional(
      Type.Array(Enum(SHORTENABLE_LISTS, `A list a one-page layout may shorten: ${SHORTENABLE_LISTS.join(', ')}.`), {
        uniqueItems: true,
        description: 'When a one-page layout still overflows: which list loses an item first, then next.',
      }),
    ),
  },
  { additionalProperties: false, description: 'The front matter of a layout.md.' },
);

/** What a layout's front matter declares. */
export type LayoutConfig = Static<typeof LayoutConfigSchema>;
