/** Present levels of academic achievement and functional performance (NY form section 2). */
import { DOMAIN_KEYS } from '../model/iep.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { isPlaceholder } from './text.js';

const DOMAIN_NAMES = {
  academic: 'academic achievement, functional performance and learning characteristics',
  social: 'social development',
  physical: 'physical development',
} as const;

export const presentLevelsDescribed: Rule = {
  code: 'present-levels-incomplete',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Present levels are described in every domain',
  checks:
    'Each present-levels domain (academic, social, physical) has a description of how the student is doing now, not a placeholder such as "N/A" or "TBD".',
  citation: '34 CFR 300.320(a)(1)',
  hint: 'describe what the student does now in this area, from evaluations and observation',
  example: `presentLevels:
  social:
    description: Ana works well in pairs and joins group games at recess.`,
  check(iep) {
    const findings: Finding[] = [];
    for (const domain of DOMAIN_KEYS) {
      if (isPlaceholder(iep.presentLevels[domain].description)) {
        findings.push({
          path: ['presentLevels', domain, 'description'],
          message: `presentLevels.${domain}.description says nothing about the student's ${DOMAIN_NAMES[domain]}: the IEP must state present levels in every area`,
        });
      }
    }
    return findings;
  },
};

export const effectOnProgressStated: Rule = {
  code: 'effect-on-progress-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: "The disability's effect on progress in the general curriculum is stated",
  checks:
    "presentLevels.effectOnProgress says how the student's disability affects involvement and progress in the general education curriculum (for a preschool child: in appropriate activities).",
  citation: '34 CFR 300.320(a)(1)(i)',
  hint: "say how the disability affects the student's learning in the general education classroom",
  example: `presentLevels:
  effectOnProgress: Ana's decoding skills affect how quickly she reads grade-level texts in every subject.`,
  check(iep) {
    return isPlaceholder(iep.presentLevels.effectOnProgress)
      ? [{ path: ['presentLevels', 'effectOnProgress'], message: "presentLevels.effectOnProgress does not say how the disability affects progress in the general education curriculum" }]
      : [];
  },
};

export const nyStrengthsRecorded: Rule = {
  code: 'ny-strengths-missing',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Strengths are recorded in each present-levels domain',
  checks:
    "New York's form records the student's strengths in each of the academic, social and physical domains; each domain lists at least one strength, and none is a placeholder.",
  citation: '8 NYCRR 200.4(d)(2)(i)',
  hint: 'add at least one thing the student does well in this area, written positively',
  example: `presentLevels:
  physical:
    strengths:
      - { id: active, text: Ana enjoys recess games and has good stamina. }`,
  check(iep) {
    const findings: Finding[] = [];
    for (const domain of DOMAIN_KEYS) {
      const strengths = iep.presentLevels[domain].strengths;
      if (strengths.length === 0) {
        findings.push({
          path: ['presentLevels', domain, 'strengths'],
          message: `presentLevels.${domain}.strengths is empty: New York's IEP records the student's strengths in ${DOMAIN_NAMES[domain]}`,
        });
      }
      strengths.forEach((item, i) => {
        if (isPlaceholder(item.text)) {
          findings.push({
            path: ['presentLevels', domain, 'strengths', i, 'text'],
            message: `presentLevels.${domain}.strengths[${i}] does not name a strength`,
          });
        }
      });
    }
    return findings;
  },
};

export const nyManagementNeedsStated: Rule = {
  code: 'ny-management-needs-missing',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Management needs are stated',
  checks:
    'presentLevels.management.description states the environmental modifications and human or material resources the student needs (the fourth need area of the New York form).',
  citation: '8 NYCRR 200.4(d)(2)(i)',
  hint: 'describe the supports, changes to the environment or adult help the student needs, or state that none are needed and why',
  example: `presentLevels:
  management:
    description: Ana does best with directions given in writing as well as aloud.`,
  check(iep) {
    return isPlaceholder(iep.presentLevels.management.description)
      ? [{ path: ['presentLevels', 'management', 'description'], message: 'presentLevels.management.description does not state the student\'s management needs' }]
      : [];
  },
};

export const PRESENT_LEVELS_RULES: readonly Rule[] = [presentLevelsDescribed, effectOnProgressStated, nyStrengthsRecorded, nyManagementNeedsStated];
