/**
 * The IEP data model: the one source of truth. The TypeScript types (`Static<...>`), the published JSON Schema
 * (schema/iep.schema.json) and the case manager's guide (docs/data-model.md) are all produced from this file by
 * `npm run generate`; a test fails when the committed copies drift from it.
 *
 * Names follow Ed-Fi's Special Education model where natural (beginDate/endDate, frequency + interval,
 * location, status). Regulations are cited in descriptions so a reader knows why a field exists.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
// Named so the declaration emitter can refer to them in the exported schema types.
import type { Hint, Kind, OptionalKind, ReadonlyKind } from '@sinclair/typebox';
export type { Hint, Kind, OptionalKind, ReadonlyKind };
import { LANGUAGES } from './languages.js';
import { TEXT_LIMITS } from './text-limits.js';

const d = (description: string) => ({ description });

/** A closed list of values: `{ type: string, enum: [...] }` in the schema, a literal union in TypeScript. */
const Enum = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

// ---------------------------------------------------------------------------------------------- building blocks

export const DateString = Type.String({
  format: 'date',
  description: 'A calendar date written YYYY-MM-DD, e.g. 2026-09-08.',
});

const Id = (what: string) =>
  Type.String({
    pattern: '^[a-z0-9][a-z0-9-]*$',
    maxLength: 64,
    description: `A short identifier for this ${what}, lowercase letters, digits and hyphens (e.g. "reads-aloud"), unique in the IEP; other fields refer to it.`,
  });

/** A translations map: English is required, the other languages are optional. */
export const TranslatedText = Type.Object(
  {
    en: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'The English text (the legal version).' }),
    es: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Spanish translation.' })),
    'zh-Hans': Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Chinese (Simplified) translation.' })),
    'zh-Hant': Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Chinese (Traditional) translation.' })),
    ar: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Arabic translation.' })),
    bn: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Bengali translation.' })),
    ru: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Russian translation.' })),
    ko: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Korean translation.' })),
    fr: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'French translation.' })),
    ht: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Haitian Creole translation.' })),
    ur: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative, description: 'Urdu translation.' })),
  },
  {
    additionalProperties: false,
    description: 'Text with translations: `en` (required) plus any of ' + LANGUAGES.slice(1).join(', ') + '.',
  },
);

/**
 * Narrative text: either plain English text, or a map of language code to text with `en` required.
 * Parent copies use the translation for their language and mark the English text when it is missing.
 */
export const Text = Type.Union([Type.String({ minLength: 1, maxLength: TEXT_LIMITS.narrative }), TranslatedText], {
  description:
    `Narrative text. Either a plain English string, or translations: \`{ en: "...", es: "...", ar: "..." }\` (en required). At most ${TEXT_LIMITS.narrative.toLocaleString('en-US')} characters in each language.`,
});
export type Text = Static<typeof Text>;

const TextField = (description: string) => ({ ...Text, description });
const TextList = (description: string) => Type.Array(Text, { description });

/** A strength, interest or preference, with an id that goals use to say what they build on. */
export const StrengthItem = Type.Object(
  {
    id: Id('item'),
    text: TextField('What the student does well, likes or prefers, written positively.'),
  },
  { additionalProperties: false, description: 'A strength, interest or preference a goal can build on.' },
);

// ---------------------------------------------------------------------------------------------- student, family, team

export const LanguageCode = Type.String({
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
  maxLength: 35,
  description:
    'A BCP 47 language tag, e.g. en, es, ar, zh-Hans, ht. Documents can be produced in: ' + LANGUAGES.join(', ') + '.',
});

export const Contact = Type.Object(
  {
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'Phone number as it should be printed.' })),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'Email address.' })),
  },
  { additionalProperties: false, description: 'How to reach a person.' },
);

export const Guardian = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, description: 'Full name of the parent or guardian.' }),
    relationship: Enum(['mother', 'father', 'parent', 'guardian', 'grandparent', 'foster-parent', 'surrogate-parent', 'other'], 'Relationship to the student.'),
    preferredLanguage: { ...LanguageCode, description: 'The language the parent prefers to read and speak (34 CFR 300.322(e)).' },
    interpreterNeeded: Type.Optional(
      Type.Boolean(d('True when the parent needs an interpreter at meetings (34 CFR 300.322(e)).')),
    ),
    contact: Type.Optional(Contact),
  },
  { additionalProperties: false, description: 'A parent or guardian.' },
);

export const GRADES = ['PK', 'K', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', 'ungraded'] as const;

export const Student = Type.Object(
  {
    id: Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$',
      maxLength: 32,
      description: 'The local student ID (district or state ID). Used in file names and page headers.',
    }),
    firstName: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, description: 'Legal first name.' }),
    lastName: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, description: 'Legal last name.' }),
    preferredName: Type.Optional(
      Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, description: 'The name the student goes by; the student summary uses it.' }),
    ),
    pronouns: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'Pronouns the student uses, e.g. "she/her".' })),
    dateOfBirth: { ...DateString, description: 'Date of birth (YYYY-MM-DD).' },
    grade: Enum(GRADES, 'Grade level: PK, K, 1-12 or ungraded.'),
    school: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'The school the student attends.' }),
    district: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'School district or CSE.' })),
    homeLanguage: { ...LanguageCode, description: 'The language spoken at home.' },
    guardians: Type.Array(Guardian, { minItems: 1, description: 'Parents or guardians, with their preferred language.' }),
  },
  { additionalProperties: false, description: 'Who the student is.' },
);

export const DISABILITIES = [
  'autism',
  'deafness',
  'deaf-blindness',
  'emotional-disability',
  'hearing-impairment',
  'intellectual-disability',
  'learning-disability',
  'multiple-disabilities',
  'orthopedic-impairment',
  'other-health-impairment',
  'speech-or-language-impairment',
  'traumatic-brain-injury',
  'visual-impairment',
  'preschool-student-with-a-disability',
] as const;

export const Disability = Type.Object(
  {
    classification: Enum(DISABILITIES, 'Disability classification (8 NYCRR 200.1(zz); 34 CFR 300.8).'),
    secondary: Type.Optional(
      Type.Array(Enum(DISABILITIES, 'A disability classification.'), d('Other classifications, if any.')),
    ),
  },
  { additionalProperties: false, description: 'Disability classification.' },
);

export const Meeting = Type.Object(
  {
    date: { ...DateString, description: 'Date of the CSE/IEP meeting.' },
    type: Enum(['initial', 'annual-review', 'reevaluation', 'amendment'], 'Kind of meeting: initial, annual-review, reevaluation or amendment.'),
    implementationDate: { ...DateString, description: 'Projected date the IEP is implemented.' },
    annualReviewDate: { ...DateString, description: 'Projected date of the next annual review (at most 12 months).' },
    reevaluationDate: Type.Optional({ ...DateString, description: 'Date of the next reevaluation, if scheduled.' }),
  },
  { additionalProperties: false, description: 'The meeting that wrote this IEP and the dates it sets.' },
);

export const TEAM_ROLES = [
  'parent',
  'student',
  'general-education-teacher',
  'special-education-teacher',
  'special-education-provider',
  'district-representative',
  'school-psychologist',
  'related-service-provider',
  'interpreter',
  'agency-representative',
  'other',
] as const;

export const TeamMember = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.name, description: 'Full name.' }),
    role: Enum(TEAM_ROLES, 'Role on the team (34 CFR 300.321).'),
    title: Type.Optional(TextField('Job title as it should be printed, e.g. "Speech-language pathologist" (translatable).')),
    interpretsEvaluations: Type.Optional(
      Type.Boolean(d('True for the member who can interpret the instructional implications of evaluations (300.321(a)(5)).')),
    ),
    attended: Type.Boolean(d('Whether the member took part in the meeting.')),
    participation: Type.Optional(
      Enum(['in-person', 'phone', 'video', 'written-input'], 'How the member took part.'),
    ),
    caseManager: Type.Optional(Type.Boolean(d('True for the family\'s main contact at school (printed under "Who to contact").'))),
    contact: Type.Optional(Contact),
  },
  { additionalProperties: false, description: 'A member of the IEP team.' },
);

// ---------------------------------------------------------------------------------------------- present levels

export const Evaluation = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'Name of the evaluation or test, e.g. "NYS Grade 3 ELA" or "WISC-V".' }),
    kind: Enum(['state-assessment', 'district-assessment', 'psychoeducational', 'speech-language', 'occupational-therapy', 'physical-therapy', 'functional-behavioral', 'vocational', 'classroom', 'other'], 'Kind of evaluation.'),
    date: { ...DateString, description: 'Date given.' },
    results: TextField('What the results show, in words a parent can follow (scores may be included).'),
  },
  { additionalProperties: false, description: 'An evaluation, including state and district tests.' },
);

export const Domain = (name: string) =>
  Type.Object(
    {
      description: TextField(`How the student is doing now in ${name}.`),
      strengths: Type.Array(StrengthItem, { description: 'What the student does well; printed before needs.' }),
      interests: Type.Optional(Type.Array(StrengthItem, { description: 'What the student likes and cares about.' })),
      preferences: Type.Optional(Type.Array(StrengthItem, { description: 'How the student prefers to learn and work.' })),
      needs: TextList('What the student is learning next, with the supports that help. Printed after strengths.'),
      parentConcerns: Type.Optional(TextField(`The parents' concerns about ${name}, if any.`)),
    },
    { additionalProperties: false, description: `Present levels: ${name}. Description, then strengths, then needs.` },
  );

export const PresentLevels = Type.Object(
  {
    academic: Domain('academic achievement, functional performance and learning characteristics'),
    social: Domain('social development'),
    physical: Domain('physical development'),
    management: Type.Object(
      {
        description: TextField('The environmental modifications and human or material resources the student needs.'),
      },
      { additionalProperties: false, description: 'Management needs (8 NYCRR 200.1(ww)(3)(i)(d)).' },
    ),
    effectOnProgress: TextField(
      "How the student's disability affects involvement and progress in the general education curriculum (34 CFR 300.320(a)(1)(i)).",
    ),
  },
  { additionalProperties: false, description: 'Present levels of academic achievement and functional performance (34 CFR 300.320(a)(1)).' },
);

const SpecialFactor = (what: string) =>
  Type.Object(
    {
      needed: Type.Boolean(d(`Whether the student needs ${what}.`)),
      description: Type.Optional(TextField('What is needed, if anything.')),
    },
    { additionalProperties: false, description: `Special factor: ${what} (34 CFR 300.324(a)(2)).` },
  );

/** A factor the New York form answers Yes, No or Not applicable (the question concerns only some students). */
const SpecialFactorWithNotApplicable = (what: string, appliesTo: string, citation: string) =>
  Type.Object(
    {
      needed: Type.Boolean(d(`Whether the student needs ${what}.`)),
      notApplicable: Type.Optional(
        Type.Boolean(d(`True when the question does not apply because the student is not ${appliesTo} (the New York form's "Not applicable"); needed is then false.`)),
      ),
      description: Type.Optional(TextField('What is needed, if anything.')),
    },
    { additionalProperties: false, description: `Special factor: ${what} (${citation}).` },
  );

export const SpecialFactors = Type.Object(
  {
    behavior: Type.Object(
      {
        needed: Type.Boolean(d('Whether behavior impedes learning so that positive supports are needed.')),
        behaviorInterventionPlan: Type.Boolean(d('Whether the student has a behavior intervention plan (BIP).')),
        description: Type.Optional(TextField('The positive behavioral interventions and supports.')),
      },
      { additionalProperties: false, description: 'Special factor: behavior (34 CFR 300.324(a)(2)(i)).' },
    ),
    languageNeeds: SpecialFactorWithNotApplicable('a special education service for language needs as they relate to the IEP', 'an English language learner', '34 CFR 300.324(a)(2)(ii)'),
    braille: SpecialFactorWithNotApplicable('instruction in Braille and the use of Braille', 'blind or visually impaired', '34 CFR 300.324(a)(2)(iii)'),
    communication: SpecialFactor('a particular device or service to address communication needs'),
    deafOrHardOfHearing: Type.Optional(
      SpecialFactorWithNotApplicable(
        "a particular device or service in consideration of language and communication needs, opportunities for direct communication with peers and professional personnel in the student's language and communication mode, academic level and full range of needs",
        'deaf or hard of hearing',
        '34 CFR 300.324(a)(2)(iv)',
      ),
    ),
    assistiveTechnology: Type.Object(
      {
        needed: Type.Boolean(d('Whether the student needs assistive technology devices or services.')),
        atHome: Type.Boolean(d('Whether the student needs to use the device at home (NY form section 12).')),
        description: Type.Optional(TextField('What the device or service is.')),
      },
      { additionalProperties: false, description: 'Special factor: assistive technology (34 CFR 300.324(a)(2)(v)).' },
    ),
  },
  { additionalProperties: false, description: 'Student needs relating to special factors (34 CFR 300.324(a)(2)).' },
);

// ---------------------------------------------------------------------------------------------- transition

export const TRANSITION_AREAS = [
  'instruction',
  'related-services',
  'community-experiences',
  'employment',
  'adult-living',
  'daily-living-skills',
  'functional-vocational-evaluation',
] as const;

export const Transition = Type.Object(
  {
    assessments: TextField('Age-appropriate transition assessments the goals are based on (34 CFR 300.320(b)(1)).'),
    postsecondaryGoals: Type.Object(
      {
        education: TextField('Measurable postsecondary goal for education or training.'),
        employment: TextField('Measurable postsecondary goal for employment.'),
        independentLiving: Type.Optional(TextField('Measurable postsecondary goal for independent living, where appropriate.')),
      },
      { additionalProperties: false, description: 'Measurable postsecondary goals (34 CFR 300.320(b)(1)).' },
    ),
    transitionNeeds: TextField("The student's transition needs, based on strengths, preferences and interests (34 CFR 300.43)."),
    coursesOfStudy: TextField('The courses of study that lead to the postsecondary goals (34 CFR 300.320(b)(2)).'),
    expectedCredential: Type.Optional(TextField('The diploma or credential the student is working toward, and when.')),
    activities: Type.Array(
      Type.Object(
        {
          area: Enum(TRANSITION_AREAS, 'Area of the activity (NY form section 9).'),
          activity: TextField('The activity.'),
          responsible: TextField('The school district office or agency responsible (translatable).'),
        },
        { additionalProperties: false, description: 'A coordinated transition activity.' },
      ),
      { description: 'Coordinated set of transition activities (34 CFR 300.43; NY form section 9).' },
    ),
  },
  { additionalProperties: false, description: 'Transition planning (federal: from 16; New York: from 15).' },
);

// ---------------------------------------------------------------------------------------------- goals

export const GOAL_AREAS = [
  'reading',
  'writing',
  'math',
  'communication',
  'speech-language',
  'social-emotional',
  'behavior',
  'motor',
  'self-advocacy',
  'executive-functioning',
  'independent-living',
  'transition',
  'vocational',
] as const;

export const MEASURE_SCALES = ['out-of', 'percent', 'count', 'per-minute', 'minutes', 'level'] as const;

/**
 * The goal's criteria as numbers, so progress can be charted and checked: where the student started, the target,
 * and what one measurement counts. Free-text `criteria` stays the legal wording; this is the same thing in figures.
 */
export const GoalMeasure = Type.Object(
  {
    scale: Enum(
      MEASURE_SCALES,
      'What a measurement is: out-of ("7 of 10", with `outOf`), percent (0-100), count (a number of times or items), per-minute (a rate, e.g. words correct per minute), minutes (a duration), level (a rubric level from 1 to `outOf`).',
    ),
    outOf: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'For out-of: the number of trials or items (the 10 in "7 of 10"); for level: the highest level of the rubric.' })),
    what: TextField('What is counted, in plain words, e.g. "words read correctly" or "trials with the question answered"; printed beside every number.'),
    baseline: Type.Number({ minimum: 0, maximum: 100000, description: 'Where the student started, on this scale (the number in `baseline`).' }),
    target: Type.Number({ minimum: 0, maximum: 100000, description: 'The annual goal, on this scale (the number in `criteria`).' }),
    direction: Type.Optional(Enum(['increase', 'decrease'], 'Whether progress means the number going up (the default) or down, e.g. fewer prompts needed.')),
  },
  { additionalProperties: false, description: 'The goal in figures, for progress reports and their charts (34 CFR 300.320(a)(3)(i): how progress toward the goal is measured).' },
);

export const Goal = Type.Object(
  {
    id: Id('goal'),
    area: Enum(GOAL_AREAS, 'Goal area; printed in the copy\'s language.'),
    focus: Type.Optional(TextField('What within the area, e.g. "decoding" or "Algebra II"; printed after the area.')),
    baseline: TextField('Where the student is now on this skill, measurably.'),
    goal: TextField('The measurable annual goal (34 CFR 300.320(a)(2)).'),
    criteria: TextField('How mastery is judged, e.g. "4 of 5 trials over 3 consecutive weeks".'),
    method: TextField('How progress is measured, e.g. "running records", "work samples".'),
    schedule: TextField('When progress is measured, e.g. "every two weeks".'),
    studentVersion: Type.Optional(
      TextField('The goal in the student\'s own words, first person, for the student summary: "I will read chapter books out loud smoothly."'),
    ),
    measure: Type.Optional(GoalMeasure),
    buildsOn: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      description: 'Ids of the strengths, interests or preferences this goal builds on (from present levels).',
    }),
    objectives: Type.Optional(
      Type.Array(
        Type.Object(
          {
            text: TextField('A short-term objective or benchmark.'),
            criteria: Type.Optional(TextField('How well and over what period the student must perform it, e.g. "4 of 5 trials".')),
            method: Type.Optional(TextField('How progress toward it is measured.')),
            schedule: Type.Optional(TextField('When progress toward it is measured.')),
            targetDate: Type.Optional({ ...DateString, description: 'When it should be reached.' }),
          },
          { additionalProperties: false, description: 'A short-term objective.' },
        ),
        {
          description:
            'Short-term instructional objectives or benchmarks; required for students taking the alternate assessment and preschool students. When any goal has them, the New York form uses its "Alternate Section" (objectives under each goal, each with criteria, method and schedule).',
        },
      ),
    ),
  },
  { additionalProperties: false, description: 'A measurable annual goal.' },
);

export const ProgressReporting = Type.Object(
  {
    schedule: TextField('When reports go to parents, e.g. "four times a year, with report cards".'),
    method: TextField('How progress is reported, e.g. "a written report on each goal".'),
  },
  { additionalProperties: false, description: 'Reporting progress to parents (34 CFR 300.320(a)(3)).' },
);

/** A common progress scale; a state profile maps it to the words its reports use. */
export const PROGRESS_RATINGS = ['not-yet-started', 'emerging', 'progressing', 'sufficient', 'met', 'not-making-progress'] as const;
export const OBJECTIVE_STATUSES = ['not-yet-started', 'in-progress', 'met', 'not-met'] as const;

export const Measurement = Type.Object(
  {
    date: { ...DateString, description: "When it was measured: while the IEP is in effect, and inside its report's `from` .. `to`." },
    value: Type.Number({ minimum: 0, maximum: 100000, description: "The result on the goal's measure scale, e.g. 7 for \"7 of 10\"." }),
  },
  { additionalProperties: false, description: 'One measurement of a goal.' },
);

export const GoalProgress = Type.Object(
  {
    goal: Type.String({ minLength: 1, maxLength: 64, description: 'The id of the goal (from `goals`).' }),
    measurements: Type.Array(Measurement, { description: 'The measurements taken this reporting period, oldest first; the chart also shows earlier periods.' }),
    rating: Enum(PROGRESS_RATINGS, 'Progress toward the goal: not-yet-started, emerging, progressing, sufficient (enough to meet the goal by the annual review), met, not-making-progress.'),
    comment: Type.Optional(TextField('What the student did well and what comes next, in plain words; translatable.')),
    objectives: Type.Optional(
      Type.Array(
        Type.Object(
          {
            objective: Type.Integer({ minimum: 1, maximum: 50, description: 'Which objective of the goal: 1 for the first.' }),
            status: Enum(OBJECTIVE_STATUSES, 'not-yet-started, in-progress, met or not-met.'),
          },
          { additionalProperties: false, description: "The status of one of the goal's short-term objectives." },
        ),
        { description: "For a goal with objectives: each objective's status." },
      ),
    ),
  },
  { additionalProperties: false, description: "Progress toward one goal in one reporting period." },
);

export const ProgressReport = Type.Object(
  {
    period: Type.Integer({ minimum: 1, maximum: 12, description: 'Which report of the year: 1 for the first.' }),
    from: { ...DateString, description: 'First day of the reporting period.' },
    to: { ...DateString, description: 'Last day of the reporting period.' },
    reportDate: { ...DateString, description: 'The date the report goes to the parents.' },
    goals: Type.Array(GoalProgress, { minItems: 1, description: 'Progress on each goal this period.' }),
  },
  { additionalProperties: false, description: 'A periodic report to parents on progress toward the annual goals (34 CFR 300.320(a)(3)(ii)).' },
);

// ---------------------------------------------------------------------------------------------- services

export const INTERVALS = ['day', 'week', 'month', 'year'] as const;
export const Frequency = Type.Union(
  [
    Type.Object(
      {
        times: Type.Integer({ minimum: 1, maximum: 100, description: 'How many times.' }),
        per: Enum(INTERVALS, 'Per day, week, month or year.'),
      },
      { additionalProperties: false, description: 'A count per interval, e.g. { times: 2, per: week }.' },
    ),
    Enum(['as-needed', 'each-class', 'each-test', 'throughout-the-day'], 'A frequency that is not a count.'),
  ],
  { description: 'How often: `{ times: 2, per: week }`, or one of as-needed, each-class, each-test, throughout-the-day.' },
);

export const Duration = Type.Union(
  [
    Type.Object(
      { minutes: Type.Integer({ minimum: 1, maximum: 600, description: 'Minutes per session.' }) },
      { additionalProperties: false, description: 'Minutes per session.' },
    ),
    Enum(['full-day', 'class-period', 'test-period', 'as-needed'], 'A duration that is not in minutes.'),
  ],
  { description: 'How long: `{ minutes: 30 }`, or one of full-day, class-period, test-period, as-needed.' },
);

export const LOCATIONS = [
  'general-education-classroom',
  'special-education-classroom',
  'separate-location',
  'therapy-room',
  'all-classes',
  'school-wide',
  'testing-location',
  'home',
  'community',
] as const;

const scheduleFields = {
  frequency: Frequency,
  duration: Duration,
  location: Enum(LOCATIONS, 'Where the service is given.'),
  locationNote: Type.Optional(TextField('More about the location, e.g. "the speech room".')),
  beginDate: { ...DateString, description: 'Projected beginning date.' },
  endDate: { ...DateString, description: 'End date.' },
};

export const PROGRAMS = [
  'integrated-co-teaching',
  'special-class',
  'resource-room',
  'consultant-teacher-direct',
  'consultant-teacher-indirect',
  'itinerant-services',
  'other',
] as const;

export const ProgramService = Type.Object(
  {
    program: Enum(PROGRAMS, 'The special education program or service (8 NYCRR 200.6).'),
    subject: Type.Optional(TextField('Subject or class, e.g. "English language arts".')),
    ratio: Type.Optional(
      Type.String({ pattern: '^\\d+:\\d+(\\+\\d+|\\+\\(\\d+:\\d+\\))?$', maxLength: 32, description: 'Special class size ratio, e.g. 12:1+1, 8:1+1, 12:1+(3:1).' }),
    ),
    ratioVariance: Type.Optional(
      TextField(
        'For a special class whose ratio is not one of 8 NYCRR 200.6(h)(4) (15:1, 12:1+1, 8:1+1, 6:1+1, 12:1+(3:1); 12:1 in middle and secondary school) or is over its size limit: the variance that allows it and why, e.g. "Class size variance of up to 20 percent under 8 NYCRR 200.6(h)(6), notice given to the Commissioner and parents on 2026-09-15".',
      ),
    ),
    studentsWithDisabilities: Type.Optional(
      Type.Integer({ minimum: 1, description: 'For integrated co-teaching: students with disabilities in the class (NY: at most 12).' }),
    ),
    groupSize: Type.Optional(Type.Integer({ minimum: 1, description: 'Students in the group (resource room: at most 5).' })),
    ...scheduleFields,
  },
  { additionalProperties: false, description: 'A special education program or service.' },
);

export const RELATED_SERVICES = [
  'speech-language-therapy',
  'occupational-therapy',
  'physical-therapy',
  'counseling',
  'school-health-services',
  'orientation-and-mobility',
  'audiology',
  'parent-counseling-and-training',
  'vision-education',
  'other',
] as const;

export const RelatedService = Type.Object(
  {
    service: Enum(RELATED_SERVICES, 'The related service (34 CFR 300.34).'),
    description: Type.Optional(TextField('More about the service, required when service is "other".')),
    groupSize: Type.Integer({ minimum: 1, maximum: 8, description: 'Students in the session: 1 means individual.' }),
    language: Type.Optional({ ...LanguageCode, description: 'Language the service is given in, if not English.' }),
    ...scheduleFields,
  },
  { additionalProperties: false, description: 'A related service.' },
);

export const SupportService = (what: string, textDescription: string) =>
  Type.Object(
    {
      description: TextField(textDescription),
      ...scheduleFields,
    },
    { additionalProperties: false, description: what },
  );

export const Accommodation = Type.Object(
  {
    kind: Enum(['accommodation', 'modification', 'supplementary-aid'], 'Accommodation (same expectations, different access), modification (changed expectations) or supplementary aid.'),
    description: TextField('What is provided, e.g. "Directions given in writing as well as aloud".'),
    ...scheduleFields,
  },
  { additionalProperties: false, description: 'A supplementary aid, program modification or accommodation.' },
);

export const Services = Type.Object(
  {
    specialEducation: Type.Array(ProgramService, { description: 'Special education programs and services.' }),
    related: Type.Array(RelatedService, { description: 'Related services.' }),
    supplementaryAids: Type.Array(Accommodation, { description: 'Supplementary aids and services, program modifications and accommodations.' }),
    assistiveTechnology: Type.Array(
      SupportService('An assistive technology device or service.', 'The device or service, e.g. "Text-to-speech on a school laptop".'),
      { description: 'Assistive technology devices and/or services.' },
    ),
    schoolPersonnelSupports: Type.Array(
      SupportService('A support for school personnel on behalf of the student.', 'The support, e.g. "Training for staff on the visual schedule".'),
      { description: 'Supports for school personnel on behalf of the student.' },
    ),
  },
  { additionalProperties: false, description: 'Recommended special education programs and services (34 CFR 300.320(a)(4), (a)(7)).' },
);

// ---------------------------------------------------------------------------------------------- participation and placement

export const TwelveMonthService = Type.Object(
  {
    service: TextField('The special education program or service in July and August, e.g. "Special class 12:1+1".'),
    deliveryRecommendations: Type.Optional(TextField('Service delivery recommendations, e.g. "group of 3" or "in English and Bengali".')),
    ...scheduleFields,
  },
  { additionalProperties: false, description: 'A program or service during July and August.' },
);

export const TwelveMonthServices = Type.Object(
  {
    eligible: Type.Boolean(d('Whether the student is eligible for special education services and/or program during July and August.')),
    sameAsAbove: Type.Optional(
      Type.Boolean(d('When eligible: true when the student receives the same program/services as recommended for the school year; false when `services` lists them.')),
    ),
    services: Type.Optional(Type.Array(TwelveMonthService, { description: 'The July/August programs and services, when not the same as above.' })),
    provider: Type.Optional(
      Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'Name of the school or agency that provides the services during July/August (8 NYCRR 200.4(d)(2)(x)).' }),
    ),
    preschoolReason: Type.Optional(TextField('For a preschool student: the reason the student needs July/August services (8 NYCRR 200.4(d)(2)(x)).')),
    description: Type.Optional(TextField('Anything more about the July/August services.')),
  },
  { additionalProperties: false, description: '12-month service and/or program (8 NYCRR 200.4(d)(2)(x), 200.6(k)).' },
);

export const TestingAccommodation = Type.Object(
  {
    accommodation: TextField('The testing accommodation, e.g. "Extended time (1.5x)".'),
    conditions: TextField('When it applies, e.g. "on tests longer than 20 minutes".'),
    implementation: TextField('How to carry it out, e.g. "in a separate room with up to 5 students".'),
  },
  { additionalProperties: false, description: 'A testing accommodation (NY form section 8; 34 CFR 300.320(a)(6)(i)).' },
);

export const Assessments = Type.Object(
  {
    participation: Enum(['regular', 'regular-with-accommodations', 'alternate'], 'How the student takes state and district-wide assessments.'),
    alternateReason: Type.Optional(
      TextField('For an alternate assessment: why the regular assessment does not fit and why the alternate does (300.320(a)(6)(ii)).'),
    ),
  },
  { additionalProperties: false, description: 'Participation in state and district-wide assessments (34 CFR 300.320(a)(6)).' },
);

export const NondisabledParticipation = Type.Object(
  {
    fullParticipation: Type.Boolean(d('True when the student takes part fully in general education classes and activities.')),
    explanation: TextField(
      'The extent, if any, to which the student will NOT take part with students without disabilities, and why (34 CFR 300.320(a)(5)).',
    ),
    languageOtherThanEnglish: Type.Optional(
      Type.Object(
        {
          exempt: Type.Boolean(d('True when the student is exempt from the language other than English requirement.')),
          reason: Type.Optional(TextField('Why: how the disability adversely affects the student\'s ability to learn a language.')),
        },
        { additionalProperties: false, description: 'Exemption from the language other than English (LOTE) requirement (New York form, Participation with Students Without Disabilities).' },
      ),
    ),
  },
  { additionalProperties: false, description: 'Participation with students without disabilities.' },
);

export const PhysicalEducation = Type.Object(
  {
    program: Enum(['general', 'adapted'], 'General (regular) or specially designed (including adapted) physical education.'),
    description: Type.Optional(
      TextField('When the student will not take part in regular physical education: the extent of specially designed physical education instruction, including adapted physical education.'),
    ),
  },
  { additionalProperties: false, description: 'Participation in physical education (8 NYCRR 200.4(d)(2)(viii)).' },
);

export const Transportation = Type.Object(
  {
    specialTransportation: Type.Boolean(d('Whether the student needs special transportation.')),
    specialSeating: Type.Optional(TextField('Special seating, e.g. "a seat near the driver".')),
    vehicleEquipment: Type.Optional(TextField('Vehicle and/or equipment needs, e.g. "lift bus", "car seat".')),
    adultSupervision: Type.Optional(TextField('Adult supervision, e.g. "a 1:1 transportation aide".')),
    transportationType: Type.Optional(TextField('Type of transportation, e.g. "door-to-door", "curb-to-curb".')),
    otherAccommodations: Type.Optional(TextField('Other transportation accommodations.')),
    toServicesAtAnotherSite: Type.Optional(
      Type.Boolean(d('Whether the student needs transportation to and from special education services provided at another site.')),
    ),
    description: Type.Optional(TextField('Anything more about the transportation and why.')),
  },
  { additionalProperties: false, description: 'Special transportation: each need named under the New York form\'s categories, not "special transportation needed" alone (NYSED, Guide to Quality IEP Development).' },
);

export const Placement = Type.Object(
  {
    recommendation: TextField('The recommended placement, e.g. "District school, general education classroom with ICT".'),
    school: Type.Optional(Type.String({ minLength: 1, maxLength: TEXT_LIMITS.label, description: 'The school, if different from the current one.' })),
  },
  { additionalProperties: false, description: 'Placement recommendation: the setting where the IEP is carried out (34 CFR 300.116).' },
);

export const TransferOfRights = Type.Object(
  {
    ageOfMajority: Type.Integer({ minimum: 16, maximum: 21, description: 'Age of majority at which IDEA rights transfer to the student, in a state that transfers them (18 when not stated). The New York form has no transfer-of-rights statement: New York’s transfer at 18 could not be confirmed.' }),
    studentInformed: Type.Boolean(d('Whether the student has been told that rights transfer at the age of majority.')),
    informedDate: Type.Optional({ ...DateString, description: 'When the student was told.' }),
  },
  { additionalProperties: false, description: 'Transfer of rights at the age of majority (34 CFR 300.320(c)).' },
);

export const DocumentInfo = Type.Object(
  {
    status: Enum(['draft', 'final'], 'Draft (printed with a DRAFT watermark) or final.'),
    version: Type.Integer({ minimum: 1, description: 'Version: 1 for the IEP as written, +1 for each amendment.' }),
    finalizedDate: Type.Optional({ ...DateString, description: 'Date the IEP was finalized.' }),
    amendment: Type.Optional(
      Type.Object(
        {
          date: { ...DateString, description: 'Date of the amendment: after the meeting that wrote the IEP.' },
          amends: Type.Integer({ minimum: 1, description: 'The version this amendment changes (usually `version` - 1); `iep diff` and the redline compare against it.' }),
          summary: TextField('What changed, in plain words.'),
          withoutMeeting: Type.Boolean(d('True when amended by written agreement without a meeting (34 CFR 300.324(a)(4)); false when amended at a meeting.')),
        },
        { additionalProperties: false, description: 'Required from version 2: when the IEP was amended, which version it amends, by meeting or by written agreement, and what changed (34 CFR 300.324(a)(4), (a)(6)).' },
      ),
    ),
  },
  { additionalProperties: false, description: 'The status of this IEP document.' },
);

// ---------------------------------------------------------------------------------------------- a profile's own data

/** A namespace under `extensions`: the key a profile's profile.yaml declares (`extensions.namespace`). */
export const EXTENSION_NAMESPACE = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 });

/** The most namespaces one record holds, and the most fields directly under one namespace: far beyond any form. */
export const EXTENSION_LIMITS = { namespaces: 16, fields: 200 } as const;

/**
 * Data the common model has no field for, by profile (a state's form asks more than IDEA): `extensions.ma.*` for the
 * Massachusetts profile. The data model only requires a mapping per namespace; the profile's own JSON Schema
 * (profile.yaml `extensions.schema`) says what it holds and is checked when the record is used with that profile
 * (src/validate/validate-extensions.ts). Text there is bounded like any text of the model.
 */
export const Extensions = Type.Record(
  EXTENSION_NAMESPACE,
  Type.Record(Type.String(), Type.Unknown(), {
    maxProperties: EXTENSION_LIMITS.fields,
    description: "A profile's own data: the fields its extensions schema declares.",
  }),
  {
    additionalProperties: false,
    maxProperties: EXTENSION_LIMITS.namespaces,
    description:
      "Data of a state profile that the common model has no field for, under the profile's namespace (e.g. `ma:` for Massachusetts): lowercase letters, digits and hyphens, starting with a letter. The profile declares what the namespace holds in its extensions schema (see \"Extensions\" above).",
  },
);

// ---------------------------------------------------------------------------------------------- the record

export const SCHEMA_ID = 'https://iepkit.dev/schema/iep.schema.json';

export const IepSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 2000, description: 'Optional link to this schema, for editors.' })),
    schemaVersion: Type.Literal(1, d('Version of the iepkit data format. Always 1 for now.')),
    document: DocumentInfo,
    student: Student,
    disability: Disability,
    meeting: Meeting,
    team: Type.Array(TeamMember, { minItems: 1, description: 'The IEP team and who attended (34 CFR 300.321).' }),
    parentConcerns: TextField("The parents' concerns for enhancing their child's education (34 CFR 300.324(a)(1)(ii))."),
    studentVoice: Type.Optional(
      TextField("The student's own words about their hopes and what helps them; quoted on the student summary."),
    ),
    evaluations: Type.Array(Evaluation, { description: 'Evaluation results, including state and district tests.' }),
    presentLevels: PresentLevels,
    specialFactors: SpecialFactors,
    transition: Type.Optional(Transition),
    goals: Type.Array(Goal, { minItems: 1, description: 'Measurable annual goals (34 CFR 300.320(a)(2)).' }),
    progressReporting: ProgressReporting,
    progressReports: Type.Optional(
      Type.Array(ProgressReport, {
        description: 'The progress reports sent to parents so far this IEP period, oldest first. Kept in the IEP record so each report reads the goals, criteria and translations it reports on.',
      }),
    ),
    services: Services,
    twelveMonthServices: TwelveMonthServices,
    testingAccommodations: Type.Array(TestingAccommodation, { description: 'Testing accommodations.' }),
    assessments: Assessments,
    nondisabledParticipation: NondisabledParticipation,
    physicalEducation: PhysicalEducation,
    transportation: Transportation,
    placement: Placement,
    transferOfRights: Type.Optional(TransferOfRights),
    extensions: Type.Optional(Extensions),
  },
  {
    $id: SCHEMA_ID,
    title: 'iepkit IEP record',
    additionalProperties: false,
    description: 'One Individualized Education Program, as iepkit reads it (YAML or JSON).',
  },
);

export type Iep = Static<typeof IepSchema>;
export type Goal = Static<typeof Goal>;
export type GoalMeasure = Static<typeof GoalMeasure>;
export type ProgressReport = Static<typeof ProgressReport>;
export type GoalProgress = Static<typeof GoalProgress>;
export type StrengthItem = Static<typeof StrengthItem>;
export type ProgramService = Static<typeof ProgramService>;
export type RelatedService = Static<typeof RelatedService>;
export type Accommodation = Static<typeof Accommodation>;
export type Frequency = Static<typeof Frequency>;
export type Duration = Static<typeof Duration>;
export type TeamMember = Static<typeof TeamMember>;
export type DomainLevels = Static<ReturnType<typeof Domain>>;
export type Transition = Static<typeof Transition>;

/** The three present-levels domains that carry description, strengths and needs, in form order. */
export const DOMAIN_KEYS = ['academic', 'social', 'physical'] as const;
export type DomainKey = (typeof DOMAIN_KEYS)[number];

/** The published JSON Schema: the TypeBox schema as plain JSON (TypeBox's symbols are not serialised). */
export function iepJsonSchema(): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...(JSON.parse(JSON.stringify(IepSchema)) as TSchema) };
}
