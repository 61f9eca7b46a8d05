import { declaredProperties, expandExtensionSchema, isTextSchema } from '../model/extension-schema.js';
import { humanize } from '../model/humanize.js';
import { LANGUAGE_NAMES, type Language } from '../model/languages.js';
import type { ProfileDefinition } from '../model/profiles.js';
import { UNWRITTEN_MARKER } from '../model/unwritten.js';

export interface StarterOptions {
  /** The family's language: the student's home language and the parent's preferred language. Default: English. */
  lang?: Language;
  /** The meeting date the starter's dates are counted from (YYYY-MM-DD). Default: today (UTC). */
  today?: string;
  /** The profile the IEP is written for: its own fields (`extensions.<namespace>`) are added, to fill in. */
  profile?: Pick<ProfileDefinition, 'name' | 'extensions'>;
}

/**
 * A new IEP to start from (`iep init`, the editor's "new IEP"): YAML with a comment over each section saying, in
 * plain words, what it holds. Every text to write says "TO WRITE:" (UNWRITTEN_MARKER) and what goes there; it is
 * a draft (the DRAFT mark is printed) that validates, with a warning for each such text, and renders in every
 * layout. Where a value must be chosen from a list, the comment names the choices. Present levels are written strength-first: strengths, interests and preferences,
 * then what the student is learning next.
 */
export function starterIep(options: StarterOptions = {}): string {
  const lang = options.lang ?? 'en';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const yearLater = addYears(today, 1, -1);
  const birth = addYears(today, -9, 0);
  const language = LANGUAGE_NAMES[lang];
  // Every text to write begins with the marker the checks look for (src/model/unwritten.ts).
  const todo = UNWRITTEN_MARKER;
  return `# A new IEP. Replace every "${todo}" with your own words, and check every value marked CHOOSE.
# It stays a draft (printed with a DRAFT mark) until you set document.status to final.
# Field by field guide: docs/data-model.md. Check it any time with: iep check THIS-FILE
schemaVersion: 1

# Draft or final, and the version (1 for a new IEP; add 1 for each amendment).
document:
  status: draft
  version: 1

# Who the student is. The ID goes in file names and page headers.
student:
  id: "STUDENT-ID"
  firstName: "${todo} first name"
  lastName: "${todo} last name"
  # The name the student goes by (the student summary uses it).
  preferredName: "${todo} preferred name"
  # CHOOSE: the real date of birth (YYYY-MM-DD).
  dateOfBirth: "${birth}"
  # CHOOSE: PK, K, 1 to 12, or ungraded.
  grade: "3"
  school: "${todo} school name"
  # The language spoken at home (${language}); parent copies can be made in it.
  homeLanguage: ${lang}
  guardians:
    - name: "${todo} parent or guardian's name"
      # CHOOSE: mother, father, parent, guardian, grandparent, foster-parent, surrogate-parent or other.
      relationship: parent
      preferredLanguage: ${lang}

# CHOOSE the disability classification (the list is in docs/data-model.md).
disability:
  classification: learning-disability

# The meeting that writes this IEP, and the dates it sets (YYYY-MM-DD).
meeting:
  date: "${today}"
  # CHOOSE: initial, annual-review, reevaluation or amendment.
  type: annual-review
  implementationDate: "${today}"
  # At most one year after the meeting.
  annualReviewDate: "${yearLater}"

# Everyone on the IEP team, and whether they came to the meeting.
team:
  - { name: "${todo} parent's name", role: parent, attended: true }
  - { name: "${todo} general education teacher's name", role: general-education-teacher, attended: true }
  - { name: "${todo} special education teacher's name", role: special-education-teacher, attended: true, caseManager: true }
  - { name: "${todo} name of who explains evaluation results", role: school-psychologist, attended: true, interpretsEvaluations: true }
  - { name: "${todo} district representative's name", role: district-representative, attended: true }

# The family's hopes and concerns, in their own words.
parentConcerns: "${todo} what the family hopes for and is concerned about."

# The student's own words about their hopes and what helps them (quoted on the student summary).
studentVoice: "${todo} what the student says helps them learn."

# Evaluations and tests the present levels draw on. Add one entry per evaluation.
evaluations:
  - name: "${todo} name of the evaluation"
    # CHOOSE: state-assessment, district-assessment, psychoeducational, speech-language, classroom, other (more in docs/data-model.md).
    kind: classroom
    date: "${today}"
    results: "${todo} what the results show, in words a parent can follow."

# How the student is doing now, in three areas. Start with what the student does well: strengths, interests and
# preferences (each with a short id that goals refer to), then how things are going, then what they are learning next.
presentLevels:
  academic:
    strengths:
      - { id: academic-strength, text: "${todo} something the student does well in learning." }
    interests:
      - { id: interest, text: "${todo} something the student likes or cares about." }
    preferences:
      - { id: preference, text: "${todo} how the student likes to learn and work." }
    description: "${todo} how the student is doing now in reading, writing and math."
    needs:
      - "${todo} what the student is learning next, and the support that helps."
  social:
    strengths:
      - { id: social-strength, text: "${todo} something the student does well with others." }
    description: "${todo} how the student gets along with classmates and adults."
    needs: []
  physical:
    strengths:
      - { id: physical-strength, text: "${todo} something the student enjoys doing with their body (sports, games, art)." }
    description: "${todo} the student's health, movement and senses, as they matter at school."
    needs: []
  # What in the classroom helps: changes to the room, materials, or adult support.
  management:
    description: "${todo} what helps the student in class."
  # How the disability affects learning in the general education class.
  effectOnProgress: "${todo} how the disability affects the student's progress in class."

# Special factors the team must consider: set needed to true and describe the support where one applies.
specialFactors:
  behavior: { needed: false, behaviorInterventionPlan: false }
  languageNeeds: { needed: false }
  braille: { needed: false }
  communication: { needed: false }
  assistiveTechnology: { needed: false, atHome: false }

# Annual goals. Each builds on strengths (their ids, from present levels) and says how progress is measured.
goals:
  - id: goal-1
    # CHOOSE: reading, writing, math, communication, social-emotional, behavior, motor, self-advocacy ... (docs/data-model.md).
    area: reading
    baseline: "${todo} where the student is now on this skill, with a number."
    goal: "${todo} what the student will do in a year, measurably."
    criteria: "${todo} how mastery is judged, for example 4 of 5 tries."
    method: "${todo} how progress is measured, for example work samples."
    schedule: "${todo} when progress is measured, for example every two weeks."
    buildsOn: [academic-strength, interest]

# How and when the family hears about progress on the goals.
progressReporting:
  schedule: "${todo} when reports go home, for example with each report card."
  method: "${todo} how progress is reported, for example a written report on each goal."

# Services, each with how often, how long, where and from when to when. Add entries like this one:
#   - { program: resource-room, groupSize: 5, frequency: { times: 5, per: week }, duration: { minutes: 45 },
#       location: separate-location, beginDate: "${today}", endDate: "${yearLater}" }
services:
  specialEducation: []
  related: []
  supplementaryAids: []
  assistiveTechnology: []
  schoolPersonnelSupports: []

# Services in July and August, if the student is eligible.
twelveMonthServices: { eligible: false }

# Accommodations on tests (extra time, a separate room...), one entry each.
testingAccommodations: []

# CHOOSE how the student takes state and district tests: regular, regular-with-accommodations or alternate.
assessments: { participation: regular }

# Time with students without disabilities: if not full, say how much and why.
nondisabledParticipation:
  fullParticipation: true
  explanation: "${todo} how much of the day the student spends with classmates without disabilities, and why."

# CHOOSE general or adapted physical education.
physicalEducation: { program: general }

# Set specialTransportation to true and describe what is needed, if anything.
transportation: { specialTransportation: false }

# Where the IEP is carried out.
placement: { recommendation: "${todo} the recommended placement, for example a general education class in the district school." }
${extensionsPart(options.profile)}`;
}

/**
 * The profile's own fields (`extensions.<namespace>`), one line each with its schema's description as the comment:
 * a text says "TO WRITE:" (so the unwritten-text warning and --final find it), a closed list takes its first value
 * and names the choices (CHOOSE), a yes/no is false. Fields of other kinds (numbers, lists, objects) are left for the
 * person to add unless the schema requires them, where they get the schema's default when it gives one.
 */
function extensionsPart(profile: StarterOptions['profile']): string {
  const declared = profile?.extensions;
  if (!declared) return '';
  const schema = expandExtensionSchema(declared.schema).schema;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const lines: string[] = [];
  for (const [name, node] of Object.entries(declaredProperties(schema))) {
    const field = (node ?? {}) as { description?: unknown; enum?: unknown[]; type?: unknown; default?: unknown };
    const key = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name) ? name : JSON.stringify(name);
    let value: string | undefined;
    let choose = '';
    if (isTextSchema(field)) value = JSON.stringify(`${UNWRITTEN_MARKER} ${humanize(name).toLowerCase()}.`);
    else if (Array.isArray(field.enum) && field.enum.length > 0) {
      value = JSON.stringify(field.enum[0]);
      choose = `CHOOSE: ${field.enum.map((v) => String(v)).join(', ')}. `;
    } else if (field.type === 'boolean') value = 'false';
    else if (required.has(name) && field.default !== undefined) value = JSON.stringify(field.default);
    if (value === undefined) continue;
    const description = typeof field.description === 'string' ? field.description.replace(/\s+/g, ' ').trim() : '';
    if (choose || description) lines.push(`    # ${choose}${description}`);
    lines.push(`    ${key}: ${value}`);
  }
  if (lines.length === 0) return '';
  return `
# What the ${profile.name} form asks beyond the common record (the profile's own fields, extensions.${declared.namespace}).
extensions:
  ${/^[a-z][a-z0-9-]*$/.test(declared.namespace) ? declared.namespace : JSON.stringify(declared.namespace)}:
${lines.join('\n')}
`;
}

/** `iso` moved by whole years and then days, as YYYY-MM-DD (February 29 becomes March 1 in a common year). */
function addYears(iso: string, years: number, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d + days)).toISOString().slice(0, 10);
}
