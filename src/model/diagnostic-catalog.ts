/**
 * The diagnostics catalog: every code iepkit can report except the compliance rules', with its severity, a title,
 * what it means, the usual fix, the exit code it leads to and, where the message has parts, a builder that writes
 * it (as Astro's errors-data). docs/errors.md is generated from it (`npm run generate`; a test fails on drift), the
 * `code` of a Diagnostic is typed by it (a misspelled code does not compile), and the CLI's exit codes come from it
 * through `exitCodeFor`, never from comparing code strings in a command.
 *
 * Compliance rules define their own codes in src/rules (each with its citation; docs/rules.md is generated from
 * them). The model sits below the rules and cannot import them, so a rule code is a branded string (`RuleCode`)
 * that only the compliance runner mints; test/model/diagnostic-catalog.test.ts keeps the two sets apart.
 *
 * To add a code: add one entry to CATALOG below, in its group (the section of docs/errors.md it is listed in), then
 * run `npm run generate` to rewrite docs/errors.md. Write `meaning` and `hint` for a case manager: they are printed
 * in the docs as written (Markdown). Give a `message` builder when the message has parts worth keeping the same at
 * every call site; call it as `CATALOG['code'].message({ ... })`.
 */

import { TEXT_LIMITS } from './text-limits.js';

/** A count with thousands separators, for messages and docs. */
const n = (count: number) => count.toLocaleString('en-US');

/** Stable exit codes, documented in the README, docs/errors.md and `iep --help`. */
export const EXIT = {
  ok: 0,
  /** Invalid input or failed checks. */
  invalid: 1,
  /** Wrong command-line usage (unknown option, missing file). */
  usage: 2,
  /** A document could not be rendered. */
  renderFailed: 3,
  /** A bug in iepkit: please report it. */
  internal: 4,
  /** The machine stopped the run, not the input: an output folder that cannot be written, a full disk, no browser. */
  environment: 5,
} as const;
export type ExitCodeName = keyof typeof EXIT;

/** What each exit code means, for `iep --help` and docs/errors.md. */
export const EXIT_MEANINGS: Record<ExitCodeName, string> = {
  ok: 'success',
  invalid: 'invalid input or failed checks',
  usage: 'usage error (unknown option, missing file)',
  renderFailed: 'a document could not be rendered',
  internal: 'internal error in iepkit (please report it; set IEP_DEBUG=1 for details)',
  environment: 'the machine stopped the run: the output folder cannot be written (a file in its way, read-only, no permission, disk full) or no browser could be found or started',
};

export type Severity = 'error' | 'warning' | 'info';

/** The sections of docs/errors.md, in order. */
export const GROUPS = {
  read: { title: 'Reading a file' },
  validate: { title: 'Validation against the data model' },
  render: { title: 'Rendering' },
  batch: { title: 'Batch rendering' },
  lint: {
    title: 'Strength-based wording and reading level',
    intro:
      'Reported by `iep lint`. Findings are warnings (exit code 0); with `--strict` they are errors (exit code 1). ' +
      'The word list with its rewrites and the reading-level targets are in [lint.md](lint.md).',
  },
  translate: {
    title: 'Translation office: XLIFF',
    intro:
      'Reported by `iep i18n import` (and `iep i18n export`). An error leaves the IEP file exactly as it was. ' +
      'The workflow is in [translation.md](translation.md).',
  },
  versions: {
    title: 'Versions and amendments',
    intro: 'Reported by `iep diff OLD NEW`, and by `iep render` with `--redline OLD` or `--base OLD`: the two records must be versions of one student\'s IEP, the earlier one first. See [amendments.md](amendments.md).',
  },
  profiles: {
    title: 'Profiles, overlays, outside rules and extensions',
    intro:
      'Reported when a profile is read (`--profile`, `--templates`, `--locales`, a config file): its profile.yaml, the rules in its folder and the schema of its own data (`extensions`). See [templates.md](templates.md#profiles).',
  },
  memory: {
    title: 'Translation memory',
    intro: 'Reported by `iep i18n apply-memory` and `iep i18n import`, which read and write the translation memory (a TMX file); see [translation-memory.md](translation-memory.md).',
  },
} as const satisfies Record<string, { title: string; intro?: string }>;
export type DiagnosticGroup = keyof typeof GROUPS;

export interface CatalogEntry {
  group: DiagnosticGroup;
  /** The usual severity; a call site may lower or raise it (lint's `--strict`, the student's own words). */
  severity: Severity;
  /** A short title. */
  title: string;
  /** What a diagnostic with this code means (Markdown). */
  meaning: string;
  /** The usual fix (Markdown); a diagnostic gives one for its own case. */
  hint: string;
  /** What a command exits with when a diagnostic with this code is an error. */
  exit: ExitCodeName;
  /** Writes the message from typed parameters. */
  message?: (params: never) => string;
}

const UNREADABLE_REASONS: Record<string, string> = {
  ENOENT: 'there is no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
};

export const CATALOG = {
  // Reading a file
  'file-unreadable': {
    group: 'read',
    severity: 'error',
    title: 'File cannot be read',
    meaning: 'The file does not exist, is a folder, or cannot be read.',
    hint: 'Check the path.',
    exit: 'usage',
    message: ({ path, errno }: { path: string; errno?: string }) =>
      `cannot read ${path}: ${UNREADABLE_REASONS[errno ?? ''] ?? `it could not be read (${errno ?? 'unknown error'})`}`,
  },
  'file-too-large': {
    group: 'read',
    severity: 'error',
    title: 'File too large',
    meaning: 'The file is over 5 MB: not an IEP record.',
    hint: 'Check that this is the IEP file, not an export or archive.',
    exit: 'invalid',
    message: ({ bytes, max }: { bytes?: number; max: number }) =>
      bytes === undefined ? `the file holds more than ${max} bytes; an IEP record is at most ${max} bytes` : `the file is ${bytes} bytes; an IEP record is at most ${max} bytes`,
  },
  'empty-file': {
    group: 'read',
    severity: 'error',
    title: 'Empty file',
    meaning: 'The file is empty or only whitespace.',
    hint: 'Start from a file in `examples/`.',
    exit: 'invalid',
  },
  'binary-file': {
    group: 'read',
    severity: 'error',
    title: 'Binary file',
    meaning: 'The file contains binary data (a NUL byte): a DOCX, PDF or image, not YAML or JSON.',
    hint: 'Open the right file.',
    exit: 'invalid',
  },
  'unsupported-encoding': {
    group: 'read',
    severity: 'error',
    title: 'UTF-16 file',
    meaning: 'The file is UTF-16.',
    hint: 'Save it as UTF-8.',
    exit: 'invalid',
  },
  'invalid-utf8': {
    group: 'read',
    severity: 'error',
    title: 'Not UTF-8',
    meaning: 'The file has bytes that are not UTF-8.',
    hint: 'Save it as UTF-8.',
    exit: 'invalid',
  },
  'byte-order-mark': {
    group: 'read',
    severity: 'error',
    title: 'Byte-order mark',
    meaning: 'The file starts with a byte-order mark (U+FEFF).',
    hint: 'Save as "UTF-8", not "UTF-8 with BOM".',
    exit: 'invalid',
  },
  'syntax-error': {
    group: 'read',
    severity: 'error',
    title: 'Syntax error',
    meaning: 'YAML or JSON syntax: bad indentation, an unclosed quote or bracket (often a truncated file), a duplicate key, two documents in one file.',
    hint: 'Fix the syntax at the line shown.',
    exit: 'invalid',
  },
  'unsupported-yaml-tag': {
    group: 'read',
    severity: 'error',
    title: 'YAML tag',
    meaning: 'A YAML tag such as `!!js/function` or `!include`.',
    hint: 'Write plain values.',
    exit: 'invalid',
  },
  'too-many-aliases': {
    group: 'read',
    severity: 'error',
    title: 'Too many aliases',
    meaning: 'The file uses YAML aliases (`*name`) so heavily it would expand enormously.',
    hint: 'Write the values out.',
    exit: 'invalid',
  },
  'too-deeply-nested': {
    group: 'read',
    severity: 'error',
    title: 'Nested too deeply',
    meaning: 'Lists or mappings nested more than 64 levels deep.',
    hint: 'An IEP is never that deep; the file is damaged or hostile.',
    exit: 'invalid',
  },
  'complex-key': {
    group: 'read',
    severity: 'error',
    title: 'Complex key',
    meaning: 'A key that is a list or mapping (`? [a]`).',
    hint: 'Keys are plain names.',
    exit: 'invalid',
  },
  'forbidden-key': {
    group: 'read',
    severity: 'error',
    title: 'Forbidden key',
    meaning: 'A key named `__proto__`, `constructor` or `prototype`.',
    hint: 'Remove it; it is not an IEP field.',
    exit: 'invalid',
  },
  'not-a-record': {
    group: 'read',
    severity: 'error',
    title: 'Not a record',
    meaning: 'The file holds a list or a single value, not one IEP record.',
    hint: 'Start from a file in `examples/`.',
    exit: 'invalid',
  },

  // Issue 21 part 6: text YAML split at a colon or comma (src/load/unquoted-text.ts, src/validate/what-to-type.ts)
  'text-needs-quotes': {
    group: 'read',
    severity: 'error',
    title: 'Text split by a colon or comma',
    meaning:
      'A text written without quotes holds a colon followed by a space (`en: Note: see the plan`), so YAML reads a new field there; or a translation is written on its field\'s line (`summary: en: ...`); or a comma inside `{ en: ..., es: ... }` ends the text early (`{ en: Reads well, likes maps }` makes `likes maps` a field of its own). The message shows the line as it should be written.',
    hint: 'Put the text in double quotes (`en: "Note: see the plan"`), or write each language on its own line under the field, indented.',
    exit: 'invalid',
  },

  // Validation against the data model
  'missing-required-field': {
    group: 'validate',
    severity: 'error',
    title: 'Required field missing',
    meaning: 'A required field is missing; the message says what it holds.',
    hint: 'Add it (see [data-model.md](data-model.md)).',
    exit: 'invalid',
  },
  'unknown-field': {
    group: 'validate',
    severity: 'error',
    title: 'Unknown field',
    meaning: 'A field the model does not have, often a typo; the hint suggests the nearest name.',
    hint: 'Rename or remove it.',
    exit: 'invalid',
  },
  'wrong-type': {
    group: 'validate',
    severity: 'error',
    title: 'Wrong type',
    meaning: 'Text where a list is expected, a number where text is expected, and so on.',
    hint: 'Write the value in the form shown.',
    exit: 'invalid',
  },
  'invalid-value': {
    group: 'validate',
    severity: 'error',
    title: 'Value not allowed',
    meaning: 'A value outside a closed list (grade, disability, location...); the hint suggests the nearest.',
    hint: 'Use one of the listed values.',
    exit: 'invalid',
  },
  'invalid-date': {
    group: 'validate',
    severity: 'error',
    title: 'Invalid date',
    meaning: 'A date that does not exist (2025-02-30) or is not written YYYY-MM-DD.',
    hint: 'Write a real date as YYYY-MM-DD.',
    exit: 'invalid',
  },
  'invalid-format': {
    group: 'validate',
    severity: 'error',
    title: 'Invalid format',
    meaning: 'A value not written the expected way (IDs, ratios like 12:1+1, email).',
    hint: "Follow the field's description.",
    exit: 'invalid',
  },
  'empty-value': {
    group: 'validate',
    severity: 'error',
    title: 'Empty text',
    meaning: 'Text that is empty.',
    hint: 'Write the text, or remove an optional field.',
    exit: 'invalid',
  },
  'too-few-items': {
    group: 'validate',
    severity: 'error',
    title: 'Empty list',
    meaning: 'A list that needs at least one entry is empty (team, goals, guardians).',
    hint: 'Add the entries.',
    exit: 'invalid',
  },
  'out-of-range': {
    group: 'validate',
    severity: 'error',
    title: 'Number out of range',
    meaning: 'A number outside its range (minutes, group size, age of majority).',
    hint: 'Use a value in range.',
    exit: 'invalid',
  },
  'text-too-long': {
    group: 'validate',
    severity: 'error',
    title: 'Text too long',
    meaning:
      `A text is longer than its field allows: ${n(TEXT_LIMITS.narrative)} characters for a narrative field (in each language), ${n(TEXT_LIMITS.name)} for a name, ${n(TEXT_LIMITS.label)} for a short label such as a school. Longer text is almost always a paste gone wrong, and a document could not print it in time.`,
    hint: 'Shorten the text, or move detail to an attached report.',
    exit: 'invalid',
    message: ({ field, length, max }: { field: string; length: number; max: number }) =>
      `${field} is ${n(length)} characters long; it may hold at most ${n(max)}`,
  },
  'invisible-character': {
    group: 'validate',
    severity: 'warning',
    title: 'Invisible control character',
    meaning:
      'A text holds a character that prints nothing but could break or disguise a document: a control character (U+0000-U+001F other than tab and line break, U+007F-U+009F), a bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) that would show the text in another order than it is written, or another invisible character that hides text (U+206A-U+206F, U+FEFF, U+FFF9-U+FFFB, tag characters). Documents print the text without them (a vertical tab, form feed or U+0085 becomes a line break). Joiners, non-joiners and the left-to-right and right-to-left marks that Bengali, Arabic and Urdu need are kept and not reported.',
    hint: 'Retype the text at the position shown, or remove the character (it often comes from copying out of another program).',
    exit: 'invalid',
    message: ({ field, characters, count }: { field: string; characters: string[]; count: number }) =>
      `${field} holds ${count === 1 ? 'an invisible character' : `${count} invisible characters`} (${characters.join(', ')}); documents print the text without ${count === 1 ? 'it' : 'them'}`,
  },
  'unwritten-text': {
    group: 'validate',
    severity: 'warning',
    title: 'Text still to be written',
    meaning:
      'A text still begins with "TO WRITE:", as the starter (`iep init`, the editor\'s new IEP) wrote it: the documents would print the starter\'s words as if the team had written them. A warning while the IEP is a draft (the live preview shows it as a placeholder); `--final` refuses the official IEP while any is left.',
    hint: 'Write it, or remove the field if it does not apply.',
    exit: 'invalid',
    message: ({ field, path, label }: { field: string; path: string; label: string }) =>
      `${field} (${path}) is still to be written: it says "TO WRITE: ${label.length > 60 ? `${label.slice(0, 60)}...` : label}"`,
  },
  'duplicate-id': {
    group: 'validate',
    severity: 'error',
    title: 'Duplicate id',
    meaning: 'Two strengths, interests, preferences or goals share an id.',
    hint: 'Give each its own id.',
    exit: 'invalid',
  },
  'unknown-strength-reference': {
    group: 'validate',
    severity: 'error',
    title: 'Unknown strength',
    meaning: "A goal's `buildsOn` names an id that no strength, interest or preference has.",
    hint: 'Use an existing id (the hint suggests the nearest).',
    exit: 'invalid',
  },
  'impossible-measure-value': {
    group: 'validate',
    severity: 'error',
    title: 'Impossible value on the goal\'s scale',
    meaning:
      "A number cannot be a result on its goal's `measure`: a percent above 100; on out-of, more than `outOf` or a fraction of a trial; a rubric level below 1, above `outOf` or a fraction; a count that is not a whole number. Also a `measure` with the scale out-of or level but no `outOf`. Checked for measurements and for the measure's own baseline and target.",
    hint: "Write the number as the goal's criteria count it; for \"7 of 10\" write `value: 7` on a measure with `scale: out-of` and `outOf: 10`.",
    exit: 'invalid',
  },
  'measure-direction-mismatch': {
    group: 'validate',
    severity: 'error',
    title: 'Target on the wrong side of the baseline',
    meaning:
      "A goal's `measure` has its target below the baseline while progress means the number going up (the default), or above it with `direction: decrease`: the chart and the report would call a step back progress.",
    hint: 'Add `direction: decrease` when a lower number is better (fewer prompts, a lower stress rating), or check the numbers.',
    exit: 'invalid',
  },
  'unknown-goal-reference': {
    group: 'validate',
    severity: 'error',
    title: 'Unknown goal',
    meaning: "A progress report's `goal` names an id that no annual goal has.",
    hint: 'Use the id of a goal under `goals` (the hint suggests the nearest).',
    exit: 'invalid',
  },
  'progress-without-measure': {
    group: 'validate',
    severity: 'error',
    title: 'Measurements without a measure',
    meaning: "A progress report gives measurements for a goal that has no `measure`, so nothing says what the numbers count or where the goal's target is.",
    hint: 'Add `measure:` to the goal: its scale, baseline and target, the criteria in figures.',
    exit: 'invalid',
  },
  'measurement-outside-iep-period': {
    group: 'validate',
    severity: 'error',
    title: 'Measurement outside the IEP\'s dates',
    meaning: 'A measurement is dated before `meeting.implementationDate` or after `meeting.annualReviewDate`: progress is reported on the goals of this IEP while it is in effect.',
    hint: 'Check the date (often the year); data from before the IEP belongs in the goal\'s baseline.',
    exit: 'invalid',
  },
  'measurement-outside-report-period': {
    group: 'validate',
    severity: 'error',
    title: 'Measurement outside its reporting period',
    meaning: "A measurement is dated outside its progress report's `from` .. `to`.",
    hint: 'Put it under the report whose period it falls in, or check the date.',
    exit: 'invalid',
  },
  'unknown-objective-reference': {
    group: 'validate',
    severity: 'error',
    title: 'Unknown objective',
    meaning: "A progress report gives a status for an objective number the goal does not have (objectives are numbered from 1, as they are listed under the goal).",
    hint: "Use the objective's number in the goal's list: 1 for the first.",
    exit: 'invalid',
  },
  'objective-status-without-objectives': {
    group: 'validate',
    severity: 'error',
    title: 'Objective statuses for a goal without objectives',
    meaning: "A progress report gives objectives' statuses for a goal that has no short-term objectives.",
    hint: "Remove `objectives:` from the report's entry, or add the objectives to the goal.",
    exit: 'invalid',
  },
  'duplicate-progress-entry': {
    group: 'validate',
    severity: 'error',
    title: 'Reported twice',
    meaning: 'The same goal appears twice in one progress report, the same objective twice under one goal, or two progress reports have the same `period` number.',
    hint: "Keep one: put all of a period's measurements of a goal in one entry, and number the reports 1, 2, 3... in order.",
    exit: 'invalid',
  },
  'report-dates-reversed': {
    group: 'validate',
    severity: 'error',
    title: 'Reporting period dates reversed',
    meaning: "A progress report's `to` is before its `from`, or its `reportDate` is before its period begins.",
    hint: 'Check the dates; `from` and `to` may be swapped.',
    exit: 'invalid',
  },
  'report-periods-overlap': {
    group: 'validate',
    severity: 'error',
    title: 'Reporting periods overlap',
    meaning: 'A progress report begins on or before the last day of the report listed above it: each day belongs to one reporting period.',
    hint: 'Begin each period after the one before it ends.',
    exit: 'invalid',
  },
  'progress-out-of-order': {
    group: 'validate',
    severity: 'error',
    title: 'Progress data out of order',
    meaning:
      'Progress reports are listed oldest first, numbered in that order, and each goal\'s measurements are listed oldest first (the chart joins them in that order). A report begins before the one above it, has a lower `period` than it, or a measurement is dated before the one above it.',
    hint: 'Reorder them oldest first.',
    exit: 'invalid',
  },

  // Rendering
  'template-error': {
    group: 'render',
    severity: 'error',
    title: 'Template error',
    meaning: 'A template uses a field or helper that does not exist, or has a syntax error; names the template file and line.',
    hint: "Fix the template (templates may use only the view model's fields and the registered helpers).",
    exit: 'renderFailed',
  },
  'layout-error': {
    group: 'render',
    severity: 'error',
    title: 'Layout error',
    meaning: "A layout's front matter is missing or wrong.",
    hint: 'Fix `templates/<profile>/<layout>/layout.md`.',
    exit: 'renderFailed',
  },
  'student-summary-shortened': {
    group: 'render',
    severity: 'warning',
    title: 'Student summary shortened',
    meaning: 'The one-page student summary left items out to fit; says which list and how many.',
    hint: 'Put the items that matter most to the student first.',
    exit: 'invalid',
  },
  'no-progress-reports': {
    group: 'render',
    severity: 'error',
    title: 'No progress reports to print',
    meaning: 'The `progress` and `progress-official` layouts print the IEP\'s `progressReports`; this IEP has none, so nothing is written (not an empty report).',
    hint: 'Add a `progressReports` entry (period, from, to, reportDate, and each goal\'s measurements and rating), and a `measure` on each goal it reports on; see docs/data-model.md.',
    exit: 'invalid',
  },
  'unknown-progress-period': {
    group: 'render',
    severity: 'error',
    title: 'No progress report for that period',
    meaning: '`--period` asks for a reporting period the IEP\'s `progressReports` do not have.',
    hint: 'Use one of the periods listed in the message, or leave `--period` out for the latest report.',
    exit: 'invalid',
  },
  'untranslated-fields': {
    group: 'render',
    severity: 'warning',
    title: 'Fields not translated',
    meaning: "Narrative fields without a translation in the copy's language are printed in English, marked as not yet translated.",
    hint: 'Add the translations: `iep i18n export <file> --lang <lang> --out <file>.xlf` makes an XLIFF file for a translator, `iep i18n import` merges it back; `iep i18n <file> --lang <lang>` lists the fields with their English.',
    exit: 'invalid',
  },
  'versions-different-student': {
    group: 'versions',
    severity: 'error',
    title: 'Not the same student',
    meaning: 'The two records compared are different students\' IEPs (their `student.id` differ): there is nothing to compare.',
    hint: 'Compare two versions of one student\'s IEP.',
    exit: 'invalid',
  },
  'versions-out-of-order': {
    group: 'versions',
    severity: 'error',
    title: 'Versions given in the wrong order',
    meaning: 'The record given as the new one has a lower `document.version` than the one it is compared with.',
    hint: 'Give the earlier version first: `iep diff OLD NEW`, `iep render NEW --redline OLD`, `--layout changes --base OLD`.',
    exit: 'invalid',
  },
  'base-required': {
    group: 'versions',
    severity: 'error',
    title: 'The letter about changes needs the earlier version',
    meaning: 'The `changes` layout is a letter to the family about what an amendment changed; it compares the IEP with the version it amends, and none was given.',
    hint: 'Name the earlier version: `iep render NEW --layout changes --base OLD`.',
    exit: 'usage',
  },
  'labels-untranslated': {
    group: 'render',
    severity: 'warning',
    title: 'Labels printed in English',
    meaning: 'The copy\'s language lacks some of the labels its layout prints (headings, column names, boilerplate), so they are printed in English. The bundled locales have every label; this is reported for a locales folder from elsewhere, or one still being translated.',
    hint: 'Add the labels named to `<lang>/<namespace>.json` of the locales folder; the English is in `en/<namespace>.json`.',
    exit: 'ok',
  },
  'bilingual-language': {
    group: 'render',
    severity: 'error',
    title: 'Bilingual copy without a second language',
    meaning: 'The bilingual copy prints English beside another language; it was asked for in English only.',
    hint: 'Give the other language: `--layout bilingual --lang ar` (or `--lang family` for the parents\' languages).',
    exit: 'usage',
  },
  'bilingual-english-family': {
    group: 'render',
    severity: 'warning',
    title: 'No bilingual copy for an English-speaking family',
    meaning: "`--layout bilingual --lang family` found no parent whose preferred language is one iepkit writes other than English, so no bilingual copy was made for this file.",
    hint: 'Name the language the interpreter needs: `--lang bn`.',
    exit: 'ok',
  },
  'bilingual-misaligned': {
    group: 'render',
    severity: 'error',
    title: 'Bilingual copy does not line up',
    meaning: 'The English and the translated official IEP, composed from the same templates and data, do not have the same headings (one more, or of another level), so their sections cannot be printed side by side. Headings come only from templates and labels: a bug in a template or a label.',
    hint: 'Report it with the message: it names the section and the block where the two differ.',
    exit: 'internal',
  },
  'missing-glyph': {
    group: 'render',
    severity: 'error',
    title: 'Character cannot be printed',
    meaning: 'A character no bundled font can draw (it would print as an empty box); names the character and the field.',
    hint: 'Remove or replace the character.',
    exit: 'invalid',
  },
  'final-from-draft': {
    group: 'render',
    severity: 'error',
    title: 'Final copy of a draft',
    meaning: '`iep render --final` or `iep batch --final` on an IEP whose status is still draft: the official IEP is not written (located at `document.status`).',
    hint: 'Set `document.status: final` once the team agrees.',
    exit: 'invalid',
  },
  'browser-not-found': {
    group: 'render',
    severity: 'error',
    title: 'No browser',
    meaning: 'No Chrome or Chromium to print PDFs with; the hint says how to install one.',
    hint: '`sudo apt-get install -y chromium`, or set `IEPKIT_CHROMIUM`.',
    exit: 'environment',
  },
  'browser-launch-failed': {
    group: 'render',
    severity: 'error',
    title: 'Browser did not start',
    meaning: 'The browser was found but did not start.',
    hint: 'Check the path, or run with `IEP_DEBUG=1`.',
    exit: 'environment',
  },
  'render-failed': {
    group: 'render',
    severity: 'error',
    title: 'Document not rendered',
    meaning: 'A document could not be printed or written (the browser crashed twice, or timed out).',
    hint: 'Try again; if it persists, report it.',
    exit: 'renderFailed',
  },
  'output-unwritable': {
    group: 'render',
    severity: 'error',
    title: 'Output cannot be written',
    meaning:
      'A rendered document, or a batch manifest, could not be saved: the message names the folder and the cause (a file where the folder should be, a symbolic link to nothing, a read-only file system, no permission, a full disk).',
    hint: 'Check the `--out` folder and the free disk space.',
    exit: 'environment',
  },

  // Batch rendering
  'internal-error': {
    group: 'batch',
    severity: 'error',
    title: 'Bug in iepkit',
    meaning: 'A file could not be loaded because of a bug in iepkit; the batch records it and goes on.',
    hint: 'Report it with the message (remove student data first).',
    exit: 'internal',
  },
  'output-locked': {
    group: 'batch',
    severity: 'error',
    title: 'Output folder in use',
    meaning: 'Another batch is writing to the same `--out` folder (its lock file names the process, machine and start time); two at once would leave a manifest that disagrees with the files.',
    hint: 'Wait for it, or use another folder; delete `.iepkit-batch.lock` only if that batch is gone.',
    exit: 'environment',
  },
  'duplicate-student-id': {
    group: 'batch',
    severity: 'error',
    title: 'Same student twice',
    meaning: 'Two input files have the same student ID and version, so their documents would overwrite each other. (Two versions of one IEP, e.g. an amendment and the original, are written side by side: file names carry the version.)',
    hint: 'Give each record its own `student.id` (or an amendment its `document.version`), or render them in separate batches.',
    exit: 'invalid',
  },

  // Strength-based wording and reading level (`iep lint`)
  'deficit-wording': {
    group: 'lint',
    severity: 'warning',
    title: 'Deficit wording',
    meaning:
      "A narrative field uses a word from the deficit-wording list; the message quotes it. In `studentVoice` or `parentConcerns` (the student's or the parents' own words) it is a note (info), never an error.",
    hint: 'Use the strength-based rewrite in the hint.',
    exit: 'invalid',
  },
  'needs-without-strengths': {
    group: 'lint',
    severity: 'warning',
    title: 'Needs without strengths',
    meaning: 'A present-levels domain lists needs but no strengths (34 CFR 300.324(a)(1)(i)).',
    hint: 'Add what the student does well in that domain.',
    exit: 'invalid',
  },
  'goal-without-strength': {
    group: 'lint',
    severity: 'warning',
    title: 'Goal builds on no strength',
    meaning: "An annual goal's `buildsOn` is empty.",
    hint: 'Name the strength, interest or preference the goal builds on.',
    exit: 'invalid',
  },
  'reading-level-above-target': {
    group: 'lint',
    severity: 'warning',
    title: 'Reads above the target grade',
    meaning: 'With `--layout`: a section of the family copy (grade 8) or student summary (grade 6) reads above its target.',
    hint: 'Shorten or split the hardest sentences the hint quotes, and use everyday words.',
    exit: 'invalid',
  },
  'wording-check-english-only': {
    group: 'lint',
    severity: 'info',
    title: 'Translations not checked',
    meaning: 'Some fields have translations; the word list is English, so translations are not checked. Reported once per run.',
    hint: 'Ask the translator to carry the strength-based wording over.',
    exit: 'invalid',
  },
  // Translation office: XLIFF
  'xliff-unreadable': {
    group: 'translate',
    severity: 'error',
    title: 'Not a readable XLIFF file',
    meaning:
      'The file is not XLIFF 1.2 as `iep i18n export` writes it: not well-formed XML (line and column given), binary, over 20 MB, ' +
      'another XLIFF version, a target language iepkit does not have, or a `<!DOCTYPE>`/entity declaration (refused: it can ' +
      'make an XML reader expand text without end).',
    hint: 'Import the `.xlf` file the translation tool gives back for the file `iep i18n export` wrote; save it as XLIFF 1.2.',
    exit: 'invalid',
  },
  'xliff-no-units': {
    group: 'translate',
    severity: 'error',
    title: 'No units for this IEP',
    meaning: 'The XLIFF file has no `<file original="...">` for this IEP file\'s name: it was exported for another student.',
    hint: 'Import the XLIFF file exported for this IEP (or a batch that includes it).',
    exit: 'invalid',
  },
  'xliff-unknown-unit': {
    group: 'translate',
    severity: 'error',
    title: 'Unknown unit',
    meaning:
      'A unit id (`<file name>#<JSON path>/<n>`) names no narrative field of the IEP, or no sentence of it, or two units share an id: ' +
      'the id was changed, or the IEP lost the field since the export. Nothing is written.',
    hint: 'Do not edit unit ids in the translation tool; if the IEP changed, export again and carry the translations over.',
    exit: 'invalid',
  },
  'xliff-source-changed': {
    group: 'translate',
    severity: 'error',
    title: 'English changed since the export',
    meaning:
      "A unit's English source is not the field's English now (the IEP was edited after the export, or the source was edited in " +
      'the translation tool): its translation would not match. Nothing is written.',
    hint: 'Export again (`iep i18n export`) and translate the changed sentences; a translation memory fills the others.',
    exit: 'invalid',
  },
  'xliff-target-markup': {
    group: 'translate',
    severity: 'error',
    title: 'Markup in a translation',
    meaning: 'A target holds XLIFF inline elements (`<g>`, `<x/>`, `<bpt>`, ...): iepkit exports plain text, so a target must be plain text too.',
    hint: "Remove the tags in the translation tool (iepkit's sources have none).",
    exit: 'invalid',
  },
  'xliff-unit-incomplete': {
    group: 'translate',
    severity: 'warning',
    title: 'Field partly translated',
    meaning: 'Some sentences of a field have a translation and others do not: the field is left as it was, so no copy prints half a translation.',
    hint: 'Translate the remaining sentences and import again.',
    exit: 'invalid',
  },

  // Translation memory (`iep i18n apply-memory`, `iep i18n import`)
  'memory-unreadable': {
    group: 'memory',
    severity: 'error',
    title: 'Translation memory cannot be read',
    meaning: 'The TMX file named by `--memory`, or `iepkit-memory.tmx` in the IEP\'s folder, does not exist or cannot be read.',
    hint: 'Import translations first (`iep i18n import`), which creates the memory, or name it with `--memory`.',
    exit: 'usage',
  },
  'memory-malformed': {
    group: 'memory',
    severity: 'error',
    title: 'Translation memory is not a TMX file',
    meaning:
      'The TMX file is not well-formed XML, is not TMX, is larger than 32 MB, or declares a DTD subset or entities (refused: an entity can expand without end or read other files). The file is never overwritten.',
    hint: 'Restore the file from a backup, or move it away to start a new memory.',
    exit: 'invalid',
  },
  'memory-not-yaml': {
    group: 'memory',
    severity: 'error',
    title: 'JSON record not filled',
    meaning: 'Translations from memory are marked with a YAML comment so that a person reviews them; a JSON file cannot carry one, so nothing is filled.',
    hint: 'Keep IEP records as YAML (`.iep.yaml`) to fill them from memory.',
    exit: 'invalid',
  },
  'profile-unknown': {
    group: 'profiles',
    severity: 'error',
    title: 'Unknown profile',
    meaning: 'No templates folder has a profile of this name (a folder `<name>/` with a `profile.yaml`): not the bundled templates, nor any `--templates` folder.',
    hint: 'Use a bundled profile (ny, federal, ma), or give the folder that holds yours with `--templates DIR`.',
    exit: 'usage',
  },
  'profile-error': {
    group: 'profiles',
    severity: 'error',
    title: 'Profile error',
    meaning: "A profile's `profile.yaml` is missing a setting, breaks its schema, extends a profile that does not exist or extends itself in a circle, or its extensions schema cannot be read; names the file and line.",
    hint: 'Fix `<templates>/<profile>/profile.yaml` as docs/templates.md#profiles describes.',
    exit: 'usage',
  },
  'rule-load-failed': {
    group: 'profiles',
    severity: 'error',
    title: 'Rule file not loaded',
    meaning: "A rule file in a profile's `rules/` folder could not be loaded: a syntax error, an import that fails, or an error thrown while it loads; names the file and, when known, the line.",
    hint: 'Fix the rule file; it must be an ES module whose default export is a rule or a list of rules.',
    exit: 'usage',
  },
  'rule-invalid': {
    group: 'profiles',
    severity: 'error',
    title: 'Rule breaks the rule API',
    meaning: "A rule in a profile's `rules/` folder lacks a field of the rule API, has one of the wrong kind, reuses a code, or replaces a rule that does not exist; names the file and the rule.",
    hint: 'See the rule API in docs/rules-api.md: code, severity, title, checks, citation, hint, example and check(iep, ctx).',
    exit: 'usage',
  },
  'rule-failed': {
    group: 'profiles',
    severity: 'error',
    title: 'Rule failed',
    meaning: "A rule from a profile's folder threw an error or answered something other than a list of findings while checking a record; the other rules still ran.",
    hint: 'Fix the rule: its check must return a list of findings ({ path, message }) and never throw.',
    exit: 'usage',
  },
  'extension-invalid': {
    group: 'profiles',
    severity: 'error',
    title: 'Extension data invalid',
    meaning: "A value under `extensions.<namespace>` breaks the schema the profile declares for it; located by JSON path and line.",
    hint: "Fix the value as the profile's extensions schema describes (docs of the profile).",
    exit: 'invalid',
  },
  'extension-unknown': {
    group: 'profiles',
    severity: 'warning',
    title: 'Extension not used',
    meaning: 'The record has data under `extensions.<namespace>` that the profile in use does not declare, so no document prints it.',
    hint: 'Render with the profile that declares it (`--profile`), or remove the data.',
    exit: 'invalid',
  },
  'config-error': {
    group: 'profiles',
    severity: 'error',
    title: 'Config file error',
    meaning: 'The config file (`iepkit.config.json`, or the one given with `--config`) is not valid JSON, has an unknown key, or names a folder that does not exist; names the file and line.',
    hint: 'Fix the config file as docs/templates.md#config-file describes.',
    exit: 'usage',
  },
  'memory-not-filled': {
    group: 'memory',
    severity: 'error',
    title: 'Field not filled',
    meaning:
      'A field the memory covers could not be filled: its translation would make the record invalid (too long, a character a record may not hold) or holds an invisible character (a bidi override the documents would drop), or the field is written in a form a line cannot be added to (a flow-style `{ en: ... }` mapping). The field is left as it was; the others are filled.',
    hint: 'Correct the translation in the memory, or translate the field by hand.',
    exit: 'invalid',
  },
} as const satisfies Record<string, CatalogEntry>;

export type CatalogCode = keyof typeof CATALOG;

declare const ruleCodeBrand: unique symbol;
/**
 * A compliance rule's code. Rules own their codes (src/rules); the brand keeps a bare string literal from passing as
 * one, so a misspelled catalog code still fails to compile. Minted only by the compliance runner.
 */
export type RuleCode = string & { readonly [ruleCodeBrand]: true };

/** Every code a Diagnostic can carry. */
export type DiagnosticCode = CatalogCode | RuleCode;

export function isCatalogCode(code: string): code is CatalogCode {
  return Object.hasOwn(CATALOG, code);
}

/** From least to most serious: the exit of a run is that of its most serious error. */
const EXIT_RANK: readonly ExitCodeName[] = ['ok', 'invalid', 'usage', 'renderFailed', 'environment', 'internal'];

/**
 * The exit code for a run that reported these diagnostics: 0 without errors, else the most serious exit among the
 * errors' codes (internal > renderFailed > usage > invalid); an error whose code is not in the catalog (a compliance
 * rule) counts as invalid input.
 */
export function exitCodeFor(diagnostics: readonly { code: string; severity: Severity }[]): number {
  let worst: ExitCodeName = 'ok';
  for (const d of diagnostics) {
    if (d.severity !== 'error') continue;
    const exit: ExitCodeName = isCatalogCode(d.code) ? CATALOG[d.code].exit : 'invalid';
    if (EXIT_RANK.indexOf(exit) > EXIT_RANK.indexOf(worst)) worst = exit;
  }
  return EXIT[worst];
}
