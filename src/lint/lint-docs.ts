/**
 * docs/lint.md, generated from the word list (src/lint/deficit-terms.ts) and the reading-level settings, so the
 * documentation cannot drift from what the lint does. Written by `npx tsx scripts/reading-levels.ts`; a test fails
 * when the committed copy is stale.
 */
import { DEFICIT_TERMS, findDeficitWording, rewriteDeficit } from './deficit-terms.js';
import { MIN_WORDS_FOR_WARNING, READING_TARGETS } from '../readability/reading-targets.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function lintDocMarkdown(): string {
  const terms = DEFICIT_TERMS.map(
    (t) =>
      `| **${cell(t.term)}** | ${t.forms.map((f) => `"${cell(f)}"`).join(', ')} | ${cell(t.why)} | ${cell(t.hint)} | ${cell(t.example.before)} → ${cell(t.example.after)} |`,
  );
  const rewrites = DEFICIT_TERMS.flatMap((t) =>
    (t.rewrite ?? []).map((r) => {
      const [match] = findDeficitWording(r.sample);
      return `| **${cell(t.term)}** | ${cell(r.sample)} | ${cell((match && rewriteDeficit(r.sample, match)) ?? '')} |`;
    }),
  );
  return `<!-- Generated from src/lint/deficit-terms.ts and src/lint/lint-docs.ts by \`npx tsx scripts/reading-levels.ts\`. Do not edit by hand. -->

# \`iep lint\`: strength-based language

\`\`\`sh
iep lint examples/*.iep.yaml                    # deficit wording, strengths in present levels and goals
iep lint --layout family examples/maya-thompson.iep.yaml # ... and the reading level of the family copy (grade ${READING_TARGETS.family})
iep lint --layout student --strict file.iep.yaml # student summary (grade ${READING_TARGETS.student}); findings become errors
iep lint --json file.iep.yaml                    # machine-readable
iep readability examples/*.iep.yaml             # reading grade of every section, as Markdown tables
iep readability NEW.iep.yaml --base OLD.iep.yaml # ... and of the letter about an amendment's changes (grade ${READING_TARGETS.changes})
\`\`\`

Students with IEPs say they hear "struggles" and "needs help on" in every meeting and feel labelled. The law already asks
the team to consider the child's strengths (34 CFR 300.324(a)(1)(i)); strength-based practice writes present levels
strengths first and needs as what the student is learning next, with the supports that help, and links each goal to
a strength it builds on. The lint checks the record for that, and for text plain enough for the people who read it.

Findings are **warnings** (exit code 0). With \`--strict\` they are **errors** (exit code 1), for a CI gate or a
final review. Library use: \`lintIep(iep, { file, sourceMap, source, strict, profile })\` from \`src/lint/lint-iep.ts\`, and for
the reading level \`checkReadingLevel(iep, layout, { file, sourceMap, strict, profile })\` from
\`src/pipeline/check-reading-level.ts\`, return the diagnostics; they never print.

## Codes

| Code | Severity | What it means |
|---|---|---|
| \`deficit-wording\` | warning | A narrative field uses a word from the list below. The message quotes the word as written; the hint gives a strength-based rewrite. Line and column point at the word when the value is written on one line, else at the field. |
| \`deficit-wording\` | info | The same, in \`studentVoice\` or \`parentConcerns\`: those are the student's or the parents' own words and are kept as said. Never an error, even with \`--strict\`. |
| \`needs-without-strengths\` | warning | A present-levels domain (academic, social, physical) lists needs but no strengths (34 CFR 300.324(a)(1)(i)). |
| \`goal-without-strength\` | warning | An annual goal's \`buildsOn\` is empty: name the strength, interest or preference it builds on. |
| \`reading-level-above-target\` | warning | With \`--layout\`: a section of the family copy (target grade ${READING_TARGETS.family}), student summary (target grade ${READING_TARGETS.student}), progress report or amendment letter (grade ${READING_TARGETS.progress}) reads above its target. Points at the field with the hardest sentence; the hint quotes the 3 hardest sentences. |
| \`wording-check-english-only\` | info | Some fields have translations; the word list is English, so translations are not checked. Reported once per run. |

Every narrative (\`Text\`) field is checked, found by walking the record alongside the schema (src/model/iep.ts), so a
new narrative field is covered without changing the lint. For a field with translations, the English text (\`.en\`)
is checked. So are the profile's own text fields: a profile's data under \`extensions.<namespace>\` whose schema marks a
property \`"x-iep": "text"\` (Massachusetts' Team Vision, \`extensions.ma.teamVisionThisYear\` ...) or marks it as someone's
own words (\`"x-iep": "student-words"\` or \`"parents-words"\`: Massachusetts' Student Vision, reported as \`info\` as
\`studentVoice\` is, never rewritten), with
\`--profile\` (or \`"profile"\` in iepkit.config.json). Read with another profile (the default \`ny\` when none is
named), that data is not checked and \`extension-unknown\` says which profile it belongs to (\`--profile ma\`).
\`iep readability\` and \`--layout\` grade what the copy prints, a profile's field among it when its layout prints one,
and point a warning at that field (\`extensions.ma.teamVisionFiveYears.en\`).

## The word list

Matching is case-insensitive and on whole words: "flowers" and "allowed" never match "low", "independent" never
matches "dependent". Neutral uses are left alone: "low-tech" and "low vision", "a limited number of choices",
"attention deficit" (part of a diagnosis name), "sits behind the teacher", "avoid loud transitions" (advice to staff).
Where two entries overlap, the one that starts first (then the longer) is reported, once.

To add a term, add an entry to \`DEFICIT_TERMS\` in src/lint/deficit-terms.ts (term, forms, pattern, why, hint and an
example whose rewrite passes), then run \`npx tsx scripts/reading-levels.ts\` to regenerate this page.

| Term | Forms matched | Why | Rephrase | Example |
|---|---|---|---|---|
${terms.join('\n')}

### Rewrites a tool can apply

Where one reads well whatever the rest of the sentence says, a \`deficit-wording\` diagnostic also carries a
\`fix\`: the field's whole English text with the words rewritten (\`{ path, text }\`; \`iep serve\`'s editor applies it
in one click). Only the words around the finding change, and only in these forms; the voice fields (\`studentVoice\`,
\`parentConcerns\`) never get one. Every other finding has the hint alone, because its rewrite needs facts only the
team has (a level, a support).

| Term | Written | Fix |
|---|---|---|
${rewrites.join('\n')}

## Reading level

The grade is the Flesch-Kincaid grade level of the section's English text:

    grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59

- Syllables are counted with the \`syllable\` package; numbers are counted as read aloud ("62" is "sixty-two", 3
  syllables; "3.5" is "three point five"; "%" is "percent").
- Sentences end at ".", "!" or "?" followed by a capital letter or a digit, but not after abbreviations (Dr., Ms.,
  Mr., e.g., i.e., vs., approx.) or initials ("J. Smith"); decimals (3.5) and times (9 a.m. in room 4) do not split.
  Paragraphs and list items (lines starting with -, *, •, 1. or a)) are sentences of their own, with or without a
  period.
- Targets: family copy grade ${READING_TARGETS.family}; student summary grade ${READING_TARGETS.student}; the family's progress report and the
  letter about an amendment (\`--layout changes --base OLD\`) grade ${READING_TARGETS.progress}. Research on real IEPs found most sections
  at high-school-to-graduate level; health-literacy guidance for parent documents is grade 5-6, and WCAG 3.1.5 asks
  for lower-secondary level (about 9 years of school) or a simpler supplement.
- Sections under ${MIN_WORDS_FOR_WARNING} words are graded but not warned about: on one short sentence the formula mostly measures the
  student's name and one long word ("Ana loves books about animals." scores 7.6). \`iep readability\` marks them
  "short sample".
- The formula is for English: translated copies are not graded.

What is measured: the composed English family copy and student summary, exactly as printed (src/compose/, the
same documents \`iep render\` writes), split into sections at their level-1 and level-2 headings
(\`checkReadingLevel\` composes the copy; \`documentSections\` in src/readability/document-sections.ts reads the
composed tree, which is all src/readability sees). So the grades include the layout's own words
(labels, explanations, the glossary, plain-language service sentences) and what the layout chooses to print (the
student's version of each goal, the one-page limits of the student summary). Labels are not graded: headings below
level 2 and name-and-title lines ("Priya Raman, Speech-Language Pathologist"). A warning points at the field that
holds the hardest sentence when there is one; when the hardest sentence is the layout's own wording, the warning has
no line and says so.

If a layout cannot be composed (a template error), that copy is not graded: there is no printed text to measure, so
the composer's diagnostics (\`template-error\`, \`layout-error\`) are reported instead.

The measured grades of the examples are in [reading-levels.md](reading-levels.md).
`;
}
