/** Measurable annual goals, short-term objectives and progress reporting (NY form sections 4-5). */
import type { Iep } from '../model/iep.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { isPlaceholder, statesQuantity } from './text.js';

export const goalMeasurable: Rule = {
  code: 'goal-not-measurable',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Annual goals are measurable',
  checks: 'Every annual goal states the goal itself and the criteria for judging mastery, and neither is a placeholder.',
  citation: '34 CFR 300.320(a)(2)(i)',
  hint: 'write what the student will do and how mastery is judged, e.g. "4 of 5 trials over 3 consecutive weeks"',
  example: `goals:
  - goal: Ana will read grade 3 passages at 90 words correct per minute.
    criteria: 90 words correct per minute on 3 of 4 probes`,
  check(iep) {
    const findings: Finding[] = [];
    iep.goals.forEach((goal, g) => {
      if (isPlaceholder(goal.goal)) findings.push({ path: ['goals', g, 'goal'], message: `goals[${g}].goal does not state a goal` });
      if (isPlaceholder(goal.criteria)) {
        findings.push({ path: ['goals', g, 'criteria'], message: `goals[${g}].criteria does not say how mastery is judged, so the goal cannot be measured` });
      }
    });
    return findings;
  },
};

export const goalCriteriaQuantified: Rule = {
  code: 'goal-criteria-vague',
  severity: 'warning',
  profiles: ALL_PROFILES,
  title: 'Goal criteria state an amount',
  checks:
    'The criteria of each goal name an amount (a number, a percentage, "4 of 5", "every", "three times"...); criteria such as "improved" or "with success" cannot be measured.',
  citation: '34 CFR 300.320(a)(2)(i)',
  hint: 'state the level that counts as mastery, e.g. "80% accuracy on 3 consecutive probes"',
  example: `goals:
  - criteria: 4 of 5 trials over 3 consecutive weeks`,
  check(iep) {
    return iep.goals.flatMap((goal, g) =>
      !isPlaceholder(goal.criteria) && !statesQuantity(goal.criteria)
        ? [{ path: ['goals', g, 'criteria'], message: `goals[${g}].criteria names no amount, so two people could judge mastery differently` }]
        : [],
    );
  },
};

export const goalProgressMeasured: Rule = {
  code: 'goal-progress-measure-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Each goal says how and when progress is measured',
  checks: 'Every annual goal has a method (how progress is measured) and a schedule (when), neither a placeholder.',
  citation: '34 CFR 300.320(a)(3)(i)',
  hint: 'name the measure (e.g. "curriculum-based probes") and how often it is taken (e.g. "every two weeks")',
  example: `goals:
  - method: Curriculum-based measurement probes
    schedule: Every two weeks`,
  check(iep) {
    const findings: Finding[] = [];
    iep.goals.forEach((goal, g) => {
      if (isPlaceholder(goal.method)) findings.push({ path: ['goals', g, 'method'], message: `goals[${g}].method does not say how progress toward the goal is measured` });
      if (isPlaceholder(goal.schedule)) findings.push({ path: ['goals', g, 'schedule'], message: `goals[${g}].schedule does not say when progress is measured` });
    });
    return findings;
  },
};

function missingObjectives(iep: Iep, why: string): Finding[] {
  const findings: Finding[] = [];
  iep.goals.forEach((goal, g) => {
    const objectives = goal.objectives ?? [];
    if (objectives.length === 0) {
      findings.push({ path: ['goals', g, 'objectives'], message: `goals[${g}] has no short-term objectives or benchmarks, which are required ${why}` });
    }
    objectives.forEach((objective, o) => {
      if (isPlaceholder(objective.text)) findings.push({ path: ['goals', g, 'objectives', o, 'text'], message: `goals[${g}].objectives[${o}] does not state an objective` });
    });
  });
  return findings;
}

export const goalObjectives: Rule = {
  code: 'goal-objectives-required',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Short-term objectives for students taking the alternate assessment',
  checks:
    'When the student takes the alternate assessment (assessments.participation: alternate), every annual goal has at least one short-term objective or benchmark.',
  citation: '34 CFR 300.320(a)(2)(ii)',
  hint: 'add `objectives:` with the measurable steps between the baseline and the annual goal',
  example: `goals:
  - objectives:
      - { text: "Ana will match 10 sight words to pictures by November.", targetDate: "2026-11-20" }`,
  check(iep) {
    return iep.assessments.participation === 'alternate' ? missingObjectives(iep, 'for a student who takes the alternate assessment') : [];
  },
};

export const nyGoalObjectives: Rule = {
  code: 'ny-goal-objectives-required',
  severity: 'error',
  profiles: NY_ONLY,
  replaces: goalObjectives.code,
  title: 'Short-term objectives for preschool students and students taking the alternate assessment',
  checks:
    'In New York, every annual goal has at least one short-term objective or benchmark when the student takes the New York State Alternate Assessment or is a preschool student (grade PK or classification preschool-student-with-a-disability).',
  citation: '8 NYCRR 200.4(d)(2)(iv)',
  hint: 'add `objectives:` with the measurable steps between the baseline and the annual goal',
  example: `goals:
  - objectives:
      - { text: "Leo will name 5 colours when asked by December.", targetDate: "2026-12-18" }`,
  check(iep) {
    if (iep.assessments.participation === 'alternate') return missingObjectives(iep, 'for a student who takes the alternate assessment');
    if (iep.student.grade === 'PK' || iep.disability.classification === 'preschool-student-with-a-disability') {
      return missingObjectives(iep, 'for a preschool student in New York');
    }
    return [];
  },
};

export const progressReportingStated: Rule = {
  code: 'progress-reporting-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Progress reports to parents are described',
  checks: 'progressReporting states when periodic reports on progress toward the goals go to parents, and how.',
  citation: '34 CFR 300.320(a)(3)(ii)',
  hint: 'e.g. schedule: "Four times a year, with report cards"; method: "A written report on each goal"',
  example: `progressReporting:
  schedule: Four times a year, with report cards
  method: A written report on each goal`,
  check(iep) {
    const findings: Finding[] = [];
    if (isPlaceholder(iep.progressReporting.schedule)) findings.push({ path: ['progressReporting', 'schedule'], message: 'progressReporting.schedule does not say when parents get progress reports' });
    if (isPlaceholder(iep.progressReporting.method)) findings.push({ path: ['progressReporting', 'method'], message: 'progressReporting.method does not say how progress is reported to parents' });
    return findings;
  },
};

export const GOAL_RULES: readonly Rule[] = [goalMeasurable, goalCriteriaQuantified, goalProgressMeasured, goalObjectives, nyGoalObjectives, progressReportingStated];
