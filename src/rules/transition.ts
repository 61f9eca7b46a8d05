/** Transition planning and transfer of rights (NY form sections 3 and 9). */
import type { Iep } from '../model/iep.js';
import { compareDates, dateTurning } from './calendar.js';
import type { ProfileSettings } from '../model/profiles.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { isPlaceholder } from './text.js';

/** The age from which an IEP must contain transition planning under IDEA and in New York (each profile states its own). */
const TRANSITION_AGE = { federal: 16, ny: 15 } as const;

/** The age of majority assumed when the IEP does not state one (18 in New York and most states). */
export const DEFAULT_AGE_OF_MAJORITY = 18;

/**
 * True when the IEP is in effect on or after the student's birthday for `age`: the student turns `age` on or before
 * the projected annual review date, so this is the first IEP in effect at that age (or a later one).
 */
export function inEffectAtAge(iep: Iep, age: number): boolean {
  return compareDates(dateTurning(iep.student.dateOfBirth, age), iep.meeting.annualReviewDate) <= 0;
}

/** True when this IEP must contain transition planning in a profile with these settings. */
export function transitionRequired(iep: Iep, settings: Pick<ProfileSettings, 'transitionAge'>): boolean {
  return inEffectAtAge(iep, settings.transitionAge);
}

function missingTransition(iep: Iep, age: number, where: string): Finding[] {
  if (iep.transition !== undefined || !inEffectAtAge(iep, age)) return [];
  return [
    {
      path: ['transition'],
      message: `the student turns ${age} on ${dateTurning(iep.student.dateOfBirth, age)}, while this IEP is in effect, so it must include transition planning (${where}), but there is no \`transition\` section`,
    },
  ];
}

const TRANSITION_EXAMPLE = `transition:
  assessments: Career interest inventory and student interview, March 2026
  postsecondaryGoals:
    education: After high school, Sam will attend a two-year college program in graphic design.
    employment: Sam will work part-time in a print shop while in college.
  transitionNeeds: Sam is learning to plan long projects and to ask for accommodations.
  coursesOfStudy: Regents diploma courses with electives in art and computer graphics
  activities:
    - { area: instruction, activity: Self-advocacy lessons in resource room, responsible: Special education teacher }`;

export const transitionPlanned: Rule = {
  code: 'transition-required',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Transition planning from the first IEP in effect at 16',
  checks:
    'When the student turns 16 on or before the projected annual review date (the first IEP in effect when the student is 16), the IEP has a `transition` section.',
  citation: '34 CFR 300.320(b)',
  hint: 'add a `transition:` section with postsecondary goals, courses of study and transition activities',
  example: TRANSITION_EXAMPLE,
  check(iep) {
    return missingTransition(iep, TRANSITION_AGE.federal, 'from 16 under IDEA');
  },
};

export const nyTransitionPlanned: Rule = {
  code: 'ny-transition-required',
  severity: 'error',
  profiles: NY_ONLY,
  replaces: transitionPlanned.code,
  title: 'Transition planning from the first IEP in effect at 15 (New York)',
  checks:
    'New York requires transition planning a year earlier than IDEA: when the student turns 15 on or before the projected annual review date, the IEP has a `transition` section.',
  citation: '8 NYCRR 200.4(d)(2)(ix)',
  hint: 'add a `transition:` section with postsecondary goals, courses of study and transition activities',
  example: TRANSITION_EXAMPLE,
  check(iep) {
    return missingTransition(iep, TRANSITION_AGE.ny, 'from 15 in New York');
  },
};

export const transitionGoalsStated: Rule = {
  code: 'transition-postsecondary-goals-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Measurable postsecondary goals for education and employment',
  checks:
    'A transition section states the age-appropriate transition assessments it is based on and measurable postsecondary goals for education or training and for employment (independent living where appropriate); none is a placeholder.',
  citation: '34 CFR 300.320(b)(1)',
  hint: 'write what the student will do after high school, e.g. "After graduation, Sam will attend a two-year college program"',
  example: `transition:
  assessments: Career interest inventory and student interview, March 2026
  postsecondaryGoals:
    education: After high school, Sam will attend a two-year college program in graphic design.
    employment: Sam will work part-time in a print shop while in college.`,
  check(iep) {
    const t = iep.transition;
    if (!t) return [];
    const findings: Finding[] = [];
    if (isPlaceholder(t.assessments)) findings.push({ path: ['transition', 'assessments'], message: 'transition.assessments does not name the age-appropriate transition assessments the goals are based on' });
    if (isPlaceholder(t.postsecondaryGoals.education)) findings.push({ path: ['transition', 'postsecondaryGoals', 'education'], message: 'transition.postsecondaryGoals.education does not state a postsecondary goal for education or training' });
    if (isPlaceholder(t.postsecondaryGoals.employment)) findings.push({ path: ['transition', 'postsecondaryGoals', 'employment'], message: 'transition.postsecondaryGoals.employment does not state a postsecondary goal for employment' });
    if (t.postsecondaryGoals.independentLiving !== undefined && isPlaceholder(t.postsecondaryGoals.independentLiving)) {
      findings.push({ path: ['transition', 'postsecondaryGoals', 'independentLiving'], message: 'transition.postsecondaryGoals.independentLiving is a placeholder; state the goal or remove the field when it is not appropriate' });
    }
    return findings;
  },
};

export const transitionCoursesStated: Rule = {
  code: 'transition-courses-of-study-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Courses of study are stated',
  checks: 'A transition section states the courses of study that lead to the postsecondary goals.',
  citation: '34 CFR 300.320(b)(2)',
  hint: 'name the courses or program of study, e.g. "Regents diploma courses with electives in art and computer graphics"',
  example: `transition:
  coursesOfStudy: Regents diploma courses with electives in art and computer graphics`,
  check(iep) {
    return iep.transition && isPlaceholder(iep.transition.coursesOfStudy)
      ? [{ path: ['transition', 'coursesOfStudy'], message: 'transition.coursesOfStudy does not state the courses of study that lead to the postsecondary goals' }]
      : [];
  },
};

export const transitionActivitiesListed: Rule = {
  code: 'transition-activities-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'At least one coordinated transition activity',
  checks: 'A transition section lists at least one transition activity (with the district office or agency responsible), and no activity is a placeholder.',
  citation: '34 CFR 300.320(b)(2)',
  hint: 'add an activity under `transition.activities`, e.g. { area: employment, activity: "Job shadowing at a print shop", responsible: "Transition coordinator" }',
  example: `transition:
  activities:
    - { area: employment, activity: Job shadowing at a local print shop, responsible: Transition coordinator }`,
  check(iep) {
    const t = iep.transition;
    if (!t) return [];
    if (t.activities.length === 0) return [{ path: ['transition', 'activities'], message: 'transition.activities is empty: the IEP must state the transition services the student needs' }];
    return t.activities.flatMap((a, i) =>
      isPlaceholder(a.activity) ? [{ path: ['transition', 'activities', i, 'activity'], message: `transition.activities[${i}] does not state an activity` }] : [],
    );
  },
};

/**
 * Federal only. IDEA lets a State transfer parental rights at the age of majority (300.320(c) says rights "if any");
 * whether New York does could not be confirmed from NYSED sources, and the State's IEP form has no transfer-of-rights
 * section (issue 12, "Transfer of rights is a profile property"; shared/domain/ny-iep-form.md section 15). So the
 * rule checks only in the profiles whose settings say rights transfer at majority (`rightsTransferAtMajority` in
 * profile.yaml): federal and Massachusetts, not New York.
 */
export const transferOfRightsStated: Rule = {
  code: 'transfer-of-rights-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Transfer of rights at least one year before the age of majority',
  checks:
    "When the student reaches one year before the age of majority (transferOfRights.ageOfMajority; else the profile's `ageOfMajority`, 18 when neither states it) on or before the projected annual review date, the IEP has a transfer-of-rights statement with studentInformed: true. Checked only in profiles whose settings say rights transfer at majority (`rightsTransferAtMajority`): not in `ny`, because New York's transfer of IDEA rights at 18 could not be confirmed and its IEP form has no such statement.",
  citation: '34 CFR 300.320(c)',
  hint: 'tell the student that their rights transfer at the age of majority and record it in `transferOfRights`',
  example: `transferOfRights:
  ageOfMajority: 18
  studentInformed: true
  informedDate: "2026-05-14"`,
  check(iep, ctx) {
    if (!ctx.settings.rightsTransferAtMajority) return [];
    const ageOfMajority = iep.transferOfRights?.ageOfMajority ?? ctx.settings.ageOfMajority ?? DEFAULT_AGE_OF_MAJORITY;
    if (!inEffectAtAge(iep, ageOfMajority - 1)) return [];
    const majority = dateTurning(iep.student.dateOfBirth, ageOfMajority);
    const when = `the student turns ${ageOfMajority - 1} while this IEP is in effect and reaches the age of majority (${ageOfMajority}) on ${majority}`;
    if (!iep.transferOfRights) {
      return [{ path: ['transferOfRights'], message: `${when}, but there is no \`transferOfRights\` statement` }];
    }
    if (!iep.transferOfRights.studentInformed) {
      return [{ path: ['transferOfRights', 'studentInformed'], message: `${when}, but the IEP does not say the student has been told that rights transfer then` }];
    }
    return [];
  },
};

export const TRANSITION_RULES: readonly Rule[] = [
  transitionPlanned,
  nyTransitionPlanned,
  transitionGoalsStated,
  transitionCoursesStated,
  transitionActivitiesListed,
  transferOfRightsStated,
];
