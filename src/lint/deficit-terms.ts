/**
 * Deficit wording and its strength-based rephrasings: one data list, read by the lint (src/lint/lint-wording.ts),
 * by docs/lint.md (generated from this list) and by the tests (every example must be caught, every rewrite must pass).
 *
 * Why: students hear "struggles" and "needs help on" in every meeting and feel labelled (see the student comments in
 * shared/seeds/004); strength-based practice writes needs as what the student is learning next, with the supports that
 * help (34 CFR 300.324(a)(1)(i): the team considers the child's strengths).
 *
 * How to add a term: write `pattern` without flags (matching is case-insensitive and global), anchor it with `\b`,
 * and exclude neutral uses with lookarounds (e.g. "low-tech" is assistive technology, not a deficit). Give a hint
 * that shows a concrete rewrite, and an `example` whose `before` the pattern catches and whose `after` no term catches.
 */
export interface DeficitTerm {
  /** The word or phrase as people say it; the name used in messages and docs/lint.md. */
  term: string;
  /** The forms the pattern matches, for people (docs and messages). */
  forms: readonly string[];
  /** Matched case-insensitively; anchored with word boundaries so "flowers" never matches "low". */
  pattern: RegExp;
  /** A strength-based rephrasing: what to write instead. */
  hint: string;
  /** Why the wording is a problem, in one phrase. */
  why: string;
  /** A sentence with the term, and the same sentence rewritten (checked by the tests). */
  example: { before: string; after: string };
  /**
   * Mechanical rewrites, only where one reads well whatever the rest of the sentence says: each `pattern` (matched
   * case-insensitively) is the words around a finding that are replaced, `replace` what replaces them (`$1` for a
   * group), e.g. "is unable to" -> "is learning to". A finding no rewrite covers gets only the hint. `sample` is a
   * sentence the rewrite applies to; the tests check that the result trips no term.
   */
  rewrite?: readonly Rewrite[];
}

export interface Rewrite {
  pattern: RegExp;
  replace: string;
  sample: string;
}

/** Words between an auxiliary and a participle ("has significant difficulty"). */
const DEGREE = '(?:(?:some|significant|great|much|marked|considerable|ongoing|particular|real)\\s+)?';

export const DEFICIT_TERMS: readonly DeficitTerm[] = [
  {
    term: 'struggles',
    forms: ['struggle', 'struggles', 'struggled', 'struggling'],
    pattern: /\bstruggl(?:e|es|ed|ing)\b/,
    why: 'it names what is hard instead of what the student is learning; students hear it in every meeting and feel labelled',
    hint: '"struggles with X" -> "is learning X; does best with (the support that helps)"',
    example: {
      before: 'Jayden struggles with multi-step word problems.',
      after: 'Jayden is learning to solve multi-step word problems; he does best when he draws the problem first.',
    },
    rewrite: [
      { pattern: /\bstruggles\s+(?:with|in)\b/, replace: 'is learning', sample: 'Jayden struggles with fractions.' },
      { pattern: /\bstruggles\s+to\b/, replace: 'is learning to', sample: 'Jayden struggles to read chapter books.' },
      { pattern: /\bstruggled\s+(?:with|in)\b/, replace: 'was learning', sample: 'Jayden struggled with fractions last year.' },
      { pattern: /\bstruggled\s+to\b/, replace: 'was learning to', sample: 'Jayden struggled to read chapter books last year.' },
      { pattern: /\b(is|are|was|were)\s+struggling\s+(?:with|in)\b/, replace: '$1 learning', sample: 'Jayden is struggling with fractions.' },
      { pattern: /\b(is|are|was|were)\s+struggling\s+to\b/, replace: '$1 learning to', sample: 'Jayden is struggling to read chapter books.' },
    ],
  },
  {
    term: 'refuses',
    forms: ['refuse', 'refuses', 'refused', 'refusing', 'refusal'],
    pattern: /\brefus(?:e|es|ed|ing|als?)\b/,
    why: 'it reads a message about the task as defiance',
    hint: '"refuses to X" -> "tells us (how: says no, puts their head down) when X is too hard; starts X when (support: a first-then card, a choice)"',
    example: {
      before: 'Jayden refuses to write.',
      after: 'Jayden tells us when writing feels too hard; he starts when he can talk his ideas through first.',
    },
  },
  {
    term: 'fails',
    forms: ['fail', 'fails', 'failed', 'failing', 'failure'],
    pattern: /\bfail(?:s|ed|ing|ures?)?\b(?!-safe)/,
    why: 'it describes the student as failing instead of reporting what they did',
    hint: '"fails to X" -> "does X in (3 of 5) tries; is working toward (4 of 5) with (support)"',
    example: {
      before: 'Maya fails to turn in homework.',
      after: 'Maya turns in homework 2 days a week and is working toward 4 with a planner check at dismissal.',
    },
    rewrite: [{ pattern: /\bfails\s+to\b/, replace: 'is learning to', sample: 'Maya fails to turn in homework.' }],
  },
  {
    term: "can't",
    forms: ["can't", 'cannot', 'can not'],
    pattern: /\b(?:can['\u2019]t|cannot|can\s+not)\b/,
    why: 'it states what the student cannot do instead of what they can do now and the next step',
    hint: '"can\'t X" -> "does (what the student can do now); is learning X next"',
    example: {
      before: 'Ana cannot add fractions.',
      after: 'Ana adds fractions with like denominators and is learning unlike denominators next.',
    },
  },
  {
    term: 'unable',
    forms: ['unable', 'inability', 'not able to'],
    pattern: /\b(?:unable|inability)\b|\bnot\s+able\s+to\b/,
    why: 'it defines the student by what they cannot do yet',
    hint: '"unable to X" -> "is learning to X; does X with (support)"',
    example: {
      before: 'Luis is unable to tie his shoes.',
      after: 'Luis is learning to tie his shoes and does it with a picture sequence.',
    },
    rewrite: [
      { pattern: /\b(is|are|was|were)\s+(?:unable|not\s+able)\s+to\b/, replace: '$1 learning to', sample: 'Luis is unable to tie his shoes.' },
    ],
  },
  {
    term: 'limited English proficiency',
    forms: ['limited English proficiency', 'limited English proficient', 'LEP'],
    pattern: /\blimited[- ]English[- ]proficien(?:t|cy)\b|\bLEP\b/,
    why: 'it frames a second language as a shortfall',
    hint: '"limited English proficient" -> "an English learner" or "a multilingual learner who speaks (language) at home"',
    example: {
      before: 'Sofia is limited English proficient.',
      after: 'Sofia is a multilingual learner who speaks Spanish at home and is learning English.',
    },
    rewrite: [
      { pattern: /\bis\s+(?:an?\s+)?limited[- ]English[- ]proficient(?:\s+student)?\b/, replace: 'is an English learner', sample: 'Sofia is limited English proficient.' },
    ],
  },
  {
    term: 'limited',
    forms: ['limited', 'limitation', 'limitations'],
    // "a limited number of choices" and "limited distractions" are supports, not descriptions of the student.
    pattern: /\blimited\b(?![- ]English)(?!\s+(?:number|set|amount|choices?|options?|distractions?|noise|time)\b)|\blimitations?\b/,
    why: 'it measures the student against a ceiling instead of describing growth',
    hint: '"limited X" -> "is building X; (what the student does now)"',
    example: {
      before: 'Jayden has limited expressive language.',
      after: 'Jayden is building expressive language and uses three-word sentences to ask for what he wants.',
    },
  },
  {
    term: 'functioning labels',
    forms: ['high-functioning', 'low-functioning'],
    pattern: /\b(?:high|low)[- ]functioning\b/,
    why: 'functioning labels hide both strengths and support needs; autistic self-advocates ask not to use them',
    hint: 'describe the skills and the supports: "reads above grade level; uses a visual schedule for changes in routine"',
    example: {
      before: 'Omar is high-functioning.',
      after: 'Omar reads above grade level and uses a visual schedule when the routine changes.',
    },
  },
  {
    term: 'low',
    forms: ['low', 'low-performing', 'low-achieving', 'low-level', 'low-ability'],
    // Not "low-tech" (assistive technology), "low vision", "low-distraction setting", "low-incidence"...
    pattern:
      /\blow\b(?!-)(?!\s+(?:tech|technology|vision|incidence|stakes|distraction|stimulation|noise|light|lighting|volume|voice)\b)|\blow-(?:performing|achieving|level|skilled|ability|average)\b/,
    why: 'it ranks the student instead of saying where they are and where they are going',
    hint: '"low reading skills" -> "reads at (level or score) and is building (skill) next"',
    example: {
      before: 'Maya has low reading comprehension.',
      after: 'Maya answers literal questions about grade 4 texts and is building inference skills.',
    },
  },
  {
    term: 'weak',
    forms: ['weak', 'weaker', 'weakness', 'weaknesses'],
    pattern: /\bweak(?:er|ness|nesses)?\b/,
    why: 'it describes a deficit without the next step',
    hint: '"weak in X" / "weakness in X" -> "is building X (name the skill); pair it with the strength the goal builds on"',
    example: {
      before: 'Math computation is a weakness.',
      after: 'Luis is building fluency with multiplication facts, using his strong visual memory.',
    },
    rewrite: [{ pattern: /\b(is|are)\s+weak\s+in\b/, replace: '$1 building skills in', sample: 'Luis is weak in math.' }],
  },
  {
    term: 'deficit',
    forms: ['deficit', 'deficits'],
    // "attention deficit" is part of a diagnosis name (ADHD), not a description.
    pattern: /(?<!attention[- ])\bdeficits?\b/,
    why: 'it frames a learning need as something missing in the student',
    hint: '"deficits in X" -> "is learning X"; to name a diagnosis, name it (e.g. ADHD)',
    example: {
      before: 'Omar has deficits in pragmatic language.',
      after: 'Omar is learning to take turns in conversation and does best with a visual cue.',
    },
    rewrite: [
      { pattern: /\bhas\s+(?:a\s+)?deficits?\s+in\b/, replace: 'is learning', sample: 'Omar has deficits in pragmatic language.' },
      { pattern: /\bhave\s+(?:a\s+)?deficits?\s+in\b/, replace: 'are learning', sample: 'Both brothers have deficits in pragmatic language.' },
    ],
  },
  {
    term: 'avoids',
    forms: ['avoids', 'avoided', 'avoiding', 'avoidance', 'avoidant'],
    // The base form "avoid" is left alone: it is usually advice to staff ("avoid loud transitions").
    pattern: /\bavoid(?:s|ed|ing|ance|ant)\b/,
    why: 'it reads a signal that a task is too hard as a trait of the student',
    hint: '"avoids X" -> "tells us X is hard by (what the student does); starts X when (support)"',
    example: {
      before: 'Maya avoids reading aloud.',
      after: 'Maya reads aloud to a partner after she has practised the passage once.',
    },
  },
  {
    term: 'dependent',
    forms: ['dependent', 'dependence', 'dependency', 'prompt-dependent'],
    pattern: /\bdependen(?:t|ce|cy)\b|\bdependant\b/,
    why: 'it describes the student by the help they receive instead of what they do with it',
    hint: '"dependent on adult prompts" -> "does X with (prompt level); is learning to start on their own with (a checklist, a timer)"',
    example: {
      before: 'Luis is dependent on adult prompts to start work.',
      after: 'Luis starts work after one verbal prompt and is learning to start with a picture checklist.',
    },
  },
  {
    term: 'noncompliant',
    forms: ['noncompliant', 'non-compliant', 'noncompliance', 'non-compliance'],
    pattern: /\bnon-?\s?complian(?:t|ce)\b/,
    why: 'it judges the student instead of describing the request and the response',
    hint: '"noncompliant" -> "when asked to X, (what the student does); responds well to (choices, a first-then, a warning before transitions)"',
    example: {
      before: 'Jayden is noncompliant during transitions.',
      after: 'Jayden moves between activities more easily with a two-minute warning and a visual timer.',
    },
  },
  {
    term: 'behind',
    forms: ['is behind', 'falls behind', 'years behind', 'behind peers', 'behind grade level'],
    // Only where it ranks the student ("two years behind", "behind his peers"), not "sits behind the teacher".
    pattern:
      /(?<=\b(?:is|are|was|were|be|been|being|falls?|fell|falling|far|remains?|remained|still|years?|months?|grades?|levels?|significantly|well|academically|slightly|way|gets?|got|getting)\s+)behind\b|\bbehind(?=\s+(?:(?:his|her|their|same[- ]age|typical|typically\s+developing)\s+)?(?:peers|classmates|grade|age|others)\b)/,
    why: 'it ranks the student against peers instead of saying where they are and where they are going',
    hint: '"two years behind in reading" -> "reads at a (grade 2) level and is working toward (grade 3) texts with (support)"',
    example: {
      before: 'Maya is two years behind in reading.',
      after: 'Maya reads grade 2 texts with expression and is working toward grade 3 texts.',
    },
  },
  {
    term: 'poor',
    forms: ['poor', 'poorly'],
    pattern: /\bpoor(?:ly)?\b/,
    why: 'it grades the student instead of naming the skill and the next step',
    hint: '"poor handwriting" -> "is building letter formation; writes legibly with (a slant board, raised-line paper)"',
    example: {
      before: 'Luis has poor handwriting.',
      after: 'Luis is building letter formation and writes legibly on raised-line paper.',
    },
  },
  {
    term: 'lacks',
    forms: ['lack', 'lacks', 'lacked', 'lacking'],
    pattern: /\black(?:s|ed|ing)?\b/,
    why: 'it describes something missing in the student instead of what they are learning',
    hint: '"lacks X" -> "is learning X"',
    example: {
      before: 'Omar lacks social skills.',
      after: 'Omar is learning to join a group game and does best with a peer buddy.',
    },
    rewrite: [
      { pattern: /\blacks\b(?!\s+of\b)/, replace: 'is learning', sample: 'Omar lacks social skills.' },
    ],
  },
  {
    term: 'deficient',
    forms: ['deficient', 'deficiency', 'deficiencies'],
    pattern: /\bdeficien(?:t|cy|cies)\b/,
    why: 'it frames a learning need as something missing in the student',
    hint: '"deficient in X" -> "is learning X; (where the student is now)"',
    example: {
      before: 'Ana is deficient in phonics.',
      after: 'Ana knows all short vowel sounds and is learning vowel teams.',
    },
    rewrite: [{ pattern: /\b(is|are)\s+deficient\s+in\b/, replace: '$1 learning', sample: 'Ana is deficient in phonics.' }],
  },
  {
    term: 'impaired',
    forms: ['impaired', 'hearing impaired', 'visually impaired'],
    pattern: /\bimpaired\b/,
    why: 'it describes the person as broken; identity-first or specific words are preferred by many disabled people',
    hint: '"hearing impaired" -> "deaf or hard of hearing"; "visually impaired" -> "blind or has low vision" (ask the family and student what they prefer)',
    example: {
      before: 'Sofia is hearing impaired.',
      after: 'Sofia is hard of hearing and uses an FM system in class.',
    },
    rewrite: [
      { pattern: /\b(is|are)\s+hearing[- ]impaired\b/, replace: '$1 deaf or hard of hearing', sample: 'Sofia is hearing impaired.' },
      { pattern: /\bis\s+visually[- ]impaired\b/, replace: 'is blind or has low vision', sample: 'Sofia is visually impaired.' },
    ],
  },
  {
    term: 'below grade level',
    forms: ['below grade level', 'below average', 'below benchmark', 'below expectations', 'below basic', 'below proficiency'],
    pattern:
      /\bbelow\s+(?:grade[- ]level|grade|average|benchmark|basic|expectations?|proficiency|proficient|standards?|age[- ]level|age\s+expectations|peers|the\s+\d+(?:st|nd|rd|th)\s+percentile)\b/,
    why: 'it says what the student is not instead of where they are and what is next',
    hint: '"reads below grade level" -> "reads at a (grade 2) level and is working toward (grade 3) texts"; for test results, give the score and what it means',
    example: {
      before: 'Ana reads below grade level.',
      after: 'Ana reads grade 2 texts and is working toward grade 3 texts.',
    },
  },
  {
    term: 'needs help',
    forms: ['needs help', 'need help', 'needed help', 'needs extra help'],
    pattern: /\bneed(?:s|ed|ing)?\s+(?:a\s+lot\s+of\s+|more\s+|extra\s+|constant\s+)?help\b/,
    why: 'students hear "needs help on" in every meeting; name the support instead',
    hint: '"needs help with X" -> "learns X best with (the support: a checklist, a model, a partner)"',
    example: {
      before: 'Jayden needs help with organizing his writing.',
      after: 'Jayden organizes his writing best with a graphic organizer.',
    },
  },
  {
    term: 'difficulty with',
    forms: ['difficulty with', 'difficulties with', 'difficulty in', 'has difficulty', 'has significant difficulty'],
    pattern: new RegExp(
      `\\b(?:has|have|had|having|shows?|showed|shown|experiences?|experienced|experiencing|demonstrates?|demonstrated)\\s+${DEGREE}difficult(?:y|ies)(?:\\s+(?:with|in)\\b)?|\\bdifficult(?:y|ies)\\s+(?:with|in)\\b`,
    ),
    why: 'it describes the student by what is hard for them',
    hint: '"has difficulty with X" -> "is learning X; does best with (support)"',
    example: {
      before: 'Omar has difficulty with transitions.',
      after: 'Omar moves between activities calmly with a visual schedule and a two-minute warning.',
    },
    rewrite: [
      { pattern: new RegExp(`\\bhas\\s+${DEGREE}difficult(?:y|ies)\\s+(?:with|in)\\b`), replace: 'is learning', sample: 'Omar has difficulty with long division.' },
      { pattern: new RegExp(`\\bhave\\s+${DEGREE}difficult(?:y|ies)\\s+(?:with|in)\\b`), replace: 'are learning', sample: 'The twins have difficulty with long division.' },
      { pattern: new RegExp(`\\bhad\\s+${DEGREE}difficult(?:y|ies)\\s+(?:with|in)\\b`), replace: 'was learning', sample: 'Omar had difficulty with long division in grade 4.' },
    ],
  },
  {
    term: 'problem behaviors',
    forms: ['problem behavior', 'problem behaviors', 'problematic behavior', 'behavior problem', 'behavior problems', 'behavioral problems', 'behavior issues', 'problem behaviour'],
    pattern: /\bproblem(?:atic)?\s+behaviou?rs?\b|\bbehaviou?r(?:al)?\s+(?:problems?|issues?)\b/,
    why: 'it labels the student instead of naming the behavior and what it communicates',
    hint: 'name the behavior and what it tells us: "leaves the group when the work is hard; is learning to ask for a break"',
    example: {
      before: 'Jayden shows problem behaviors at lunch.',
      after: 'Jayden leaves the table when the cafeteria gets loud; he is learning to ask for a quiet seat.',
    },
  },
  {
    term: 'disruptive',
    forms: ['disruptive', 'disrupts', 'disrupted', 'disrupting', 'disruption'],
    pattern: /\bdisrupt(?:s|ed|ing|ive|ions?)\b/,
    why: 'it describes the effect on others instead of what the student needs',
    hint: '"is disruptive" -> "talks or moves when (situation); does best with (movement breaks, a classroom job)"',
    example: {
      before: 'Luis is disruptive during lessons.',
      after: 'Luis talks with classmates during long lessons; he focuses best with a movement break every 15 minutes.',
    },
  },
  {
    term: 'defiant',
    forms: ['defiant', 'defiance', 'oppositional'],
    // Not the diagnosis name "oppositional defiant disorder".
    pattern: /\bdefian(?:t|ce)\b(?!\s+disorder)|\boppositional\b(?!\s+defiant\s+disorder)/,
    why: 'it judges intent instead of describing what happens and what helps',
    hint: '"is defiant" -> "says no when (situation); responds well to choices and a calm check-in"',
    example: {
      before: 'Jayden is defiant with adults.',
      after: 'Jayden says no when a request comes without warning; he responds well to a choice of two tasks.',
    },
  },
  {
    term: 'off-task',
    forms: ['off-task', 'off task'],
    pattern: /\boff[- ]task\b/,
    why: 'it counts what the student is not doing',
    hint: '"off-task" -> measure time on task: "works on a task for 8 of 10 minutes with a timer"',
    example: {
      before: 'Maya is off-task during independent work.',
      after: 'Maya works on a task for 6 of 10 minutes and is working toward 8 with a visual timer.',
    },
  },
  {
    term: 'meltdowns',
    forms: ['meltdown', 'meltdowns', 'melt-down', 'tantrum', 'tantrums'],
    pattern: /\b(?:melt-?\s?downs?|tantrums?)\b/,
    why: 'it names an outburst instead of the cause and what helps',
    hint: '"has meltdowns" -> "becomes overwhelmed when (trigger); calms with (strategy: a quiet corner, headphones, deep breaths)"',
    example: {
      before: 'Omar has meltdowns during fire drills.',
      after: 'Omar becomes overwhelmed by the fire-drill alarm; he stays calm with headphones and a warning beforehand.',
    },
  },
  {
    term: 'unmotivated',
    forms: ['unmotivated', 'not motivated', 'lazy', 'laziness', 'careless', 'apathetic'],
    pattern: /\b(?:unmotivated|not\s+motivated|lazy|laziness|careless|apathetic)\b/,
    why: 'it blames character for what is usually a task that does not connect with the student yet',
    hint: '"unmotivated" -> "works hardest on (interest); starts tasks more readily with (a choice, a first-then)"',
    example: {
      before: 'Luis is unmotivated in math.',
      after: 'Luis works hardest on math problems about soccer and starts sooner when he can choose the order.',
    },
  },
  {
    term: 'attention-seeking',
    forms: ['attention-seeking', 'attention seeking'],
    pattern: /\battention[- ]seeking\b/,
    why: 'it dismisses a need for connection',
    hint: '"attention-seeking" -> "seeks connection with adults; does best with planned check-ins"',
    example: {
      before: 'Maya is attention-seeking in class.',
      after: 'Maya seeks connection with adults and does best with a planned check-in at the start of class.',
    },
    rewrite: [
      { pattern: /\bis\s+attention[- ]seeking\b/, replace: 'seeks connection with adults', sample: 'Maya is attention-seeking in class.' },
    ],
  },
  {
    term: 'obsessed',
    forms: ['obsessed', 'obsession', 'fixated', 'fixation'],
    // Not "obsessive-compulsive disorder" (a diagnosis name).
    pattern: /\bobsess(?:ed|ions?)\b|\bfixat(?:ed|es|ions?)\b/,
    why: 'it turns a deep interest, often a strength, into a symptom',
    hint: '"obsessed with trains" -> "has a deep interest in trains; we use it to build (skill)"',
    example: {
      before: 'Omar is obsessed with trains.',
      after: 'Omar has a deep interest in trains, and we use train schedules to practise telling time.',
    },
    rewrite: [
      { pattern: /\b(is|are)\s+(?:obsessed\s+with|fixated\s+on)\b/, replace: '$1 deeply interested in', sample: 'Omar is obsessed with trains.' },
    ],
  },
  {
    term: 'easily distracted',
    forms: ['easily distracted', 'distractible'],
    pattern: /\beasily\s+distracted\b|\bdistractible\b/,
    why: 'it describes the student instead of the setting that helps them focus',
    hint: '"easily distracted" -> "focuses best (in a quiet spot, with headphones, near the teacher)"',
    example: {
      before: 'Maya is easily distracted.',
      after: 'Maya focuses best in a seat near the teacher, away from the door.',
    },
    rewrite: [
      { pattern: /\bis\s+easily\s+distracted\b/, replace: 'focuses best with few distractions', sample: 'Maya is easily distracted.' },
    ],
  },
  {
    term: 'slow learner',
    forms: ['slow learner', 'slow reader', 'slow worker', 'slow processing'],
    pattern: /\bslow\s+(?:learner|reader|worker|processor|processing|to\s+learn)\b/,
    why: 'it ranks the student by speed instead of saying what helps them show what they know',
    hint: '"slow processing" -> "thinks carefully and answers best with wait time (about 10 seconds)"',
    example: {
      before: 'Luis is a slow reader.',
      after: 'Luis reads carefully and accurately; extended time lets him show what he knows.',
    },
    rewrite: [{ pattern: /\ba\s+slow\s+reader\b/, replace: 'a careful reader', sample: 'Luis is a slow reader.' }],
  },
  {
    term: 'suffers from',
    forms: ['suffers from', 'suffering from', 'afflicted', 'victim of', 'wheelchair-bound', 'confined to a wheelchair'],
    pattern: /\bsuffer(?:s|ed|ing)?\s+from\b|\bafflicted\b|\bvictim\s+of\b|\bwheelchair[- ]bound\b|\bconfined\s+to\s+a\s+wheelchair\b/,
    why: 'it casts the disability as a tragedy rather than a fact about the student',
    hint: '"suffers from epilepsy" -> "has epilepsy"; "wheelchair-bound" -> "uses a wheelchair"',
    example: {
      before: 'Sofia is wheelchair-bound.',
      after: 'Sofia uses a wheelchair and moves between classes with a peer.',
    },
    rewrite: [
      { pattern: /\bsuffers\s+from\b/, replace: 'has', sample: 'Sofia suffers from epilepsy.' },
      { pattern: /\bis\s+(?:wheelchair[- ]bound|confined\s+to\s+a\s+wheelchair)\b/, replace: 'uses a wheelchair', sample: 'Sofia is wheelchair-bound.' },
    ],
  },
  {
    term: 'special needs',
    forms: ['special needs', 'special-needs'],
    pattern: /\bspecial[- ]needs\b/,
    why: 'students say it makes them feel singled out ("I do not have special needs"); it also says nothing specific',
    hint: 'name the support ("uses a visual schedule"), or, where a label is needed, say "disability"',
    example: {
      before: 'Ana is a student with special needs.',
      after: 'Ana is a student who learns best with pictures and hands-on materials.',
    },
    rewrite: [
      { pattern: /\b(a\s+(?:student|child|learner))\s+with\s+special[- ]needs\b/, replace: '$1 with a disability', sample: 'Ana is a student with special needs.' },
    ],
  },
  {
    term: 'normal peers',
    forms: ['normal peers', 'normal students', 'regular students', 'regular kids'],
    pattern: /\b(?:normal|regular)\s+(?:peers|students|kids|children|classmates)\b/,
    why: 'it implies the student is not normal',
    hint: '"normal peers" -> "classmates" or "peers without disabilities"',
    example: {
      before: 'Omar eats lunch with normal peers.',
      after: 'Omar eats lunch with his classmates.',
    },
    rewrite: [
      { pattern: /\b(?:normal|regular)\s+(?:peers|students|kids|children|classmates)\b/, replace: 'peers without disabilities', sample: 'Omar eats lunch with normal peers.' },
    ],
  },
  {
    term: 'incapable',
    forms: ['incapable'],
    pattern: /\bincapable\b/,
    why: 'students say being treated as incapable is what hurts most',
    hint: '"incapable of X" -> "is learning X; does (what the student does now)"',
    example: {
      before: 'Luis is incapable of working alone.',
      after: 'Luis works alone for 10 minutes with a checklist and is building toward 20.',
    },
  },
  {
    term: 'inappropriate',
    forms: ['inappropriate', 'inappropriately'],
    pattern: /\binappropriate(?:ly)?\b/,
    why: 'it judges without saying what happened or what is expected',
    hint: 'name the behavior and the expected one: "calls out answers; is learning to raise his hand and wait"',
    example: {
      before: 'Jayden behaves inappropriately in group work.',
      after: 'Jayden calls out answers in group work and is learning to wait for his turn with a talking token.',
    },
  },
  {
    term: 'immature',
    forms: ['immature', 'immaturity'],
    pattern: /\bimmatur(?:e|ity)\b/,
    why: 'it compares the student to an age norm without naming the skill',
    hint: 'name the skill being learned: "is learning to wait his turn in games"',
    example: {
      before: 'Maya is immature with peers.',
      after: 'Maya is learning to wait her turn in games with peers.',
    },
  },
];

/** One place in a text where a deficit term was found. */
export interface DeficitMatch {
  term: DeficitTerm;
  /** The words as written, e.g. "struggled" or "has difficulty with". */
  found: string;
  /** Offset of `found` in the text (UTF-16 code units, as JavaScript strings index). */
  index: number;
}

const compiled = new Map<DeficitTerm, RegExp>();
function globalPattern(term: DeficitTerm): RegExp {
  let re = compiled.get(term);
  if (!re) {
    re = new RegExp(term.pattern.source, 'gi');
    compiled.set(term, re);
  }
  re.lastIndex = 0;
  return re;
}

/**
 * Every deficit term in an English text, in reading order. Where two terms overlap ("has difficulty with" and
 * "difficulty with"), the one starting first, then the longer, is kept: one finding per place in the text.
 */
export function findDeficitWording(text: string, terms: readonly DeficitTerm[] = DEFICIT_TERMS): DeficitMatch[] {
  const all: DeficitMatch[] = [];
  for (const term of terms) {
    const re = globalPattern(term);
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      all.push({ term, found: m[0], index: m.index ?? 0 });
    }
  }
  all.sort((a, b) => a.index - b.index || b.found.length - a.found.length);
  const kept: DeficitMatch[] = [];
  let end = -1;
  for (const match of all) {
    if (match.index < end) continue;
    kept.push(match);
    end = match.index + match.found.length;
  }
  return kept;
}

/**
 * `text` with the finding `match` rewritten by its term's first rewrite whose words cover it ("Ana is unable to
 * read" -> "Ana is learning to read"), or undefined when no rewrite fits there. A capital at the start stays one.
 */
export function rewriteDeficit(text: string, match: DeficitMatch): string | undefined {
  for (const rewrite of match.term.rewrite ?? []) {
    for (const m of text.matchAll(new RegExp(rewrite.pattern.source, 'gi'))) {
      const start = m.index;
      const end = start + m[0].length;
      if (start > match.index || end < match.index + match.found.length) continue;
      let replacement = m[0].replace(new RegExp(rewrite.pattern.source, 'i'), rewrite.replace);
      if (/^\p{Lu}/u.test(m[0])) replacement = replacement.charAt(0).toUpperCase() + replacement.slice(1);
      return text.slice(0, start) + replacement + text.slice(end);
    }
  }
  return undefined;
}
