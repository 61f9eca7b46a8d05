/**
 * Special factors the team considers (34 CFR 300.324(a)(2); NY form "Student Needs Relating to Special Factors").
 * The schema already makes each factor's yes/no (`needed`) required; these rules check that a "yes" says what.
 */
import type { Iep } from '../model/iep.js';
import { ALL_PROFILES, type Finding, type Rule } from './rule.js';
import { isPlaceholder } from './text.js';

const FACTORS = {
  behavior: 'positive behavioral interventions and supports',
  languageNeeds: 'support for language needs as an English language learner',
  braille: 'instruction in Braille and the use of Braille',
  communication: 'a device or service for communication needs',
  assistiveTechnology: 'assistive technology devices or services',
} as const satisfies Record<keyof Iep['specialFactors'], string>;

export const specialFactorsAnswered: Rule = {
  code: 'special-factor-unanswered',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Each special factor answered "yes" says what the student needs',
  checks:
    'A special factor with needed: true has a description of the device, service or support (for assistive technology, an entry under services.assistiveTechnology also says it); a behavior intervention plan is recorded only when behavior is a need (behavior.needed: true).',
  citation: '34 CFR 300.324(a)(2)',
  hint: 'describe what the team decided the student needs for this factor, or set needed: false',
  example: `specialFactors:
  behavior: { needed: false, behaviorInterventionPlan: false }
  languageNeeds: { needed: false }
  braille: { needed: false }
  communication:
    needed: true
    description: Leo uses a speech-generating device in every class and at home.
  assistiveTechnology: { needed: false, atHome: false }`,
  check(iep) {
    const factors = iep.specialFactors;
    const findings: Finding[] = [];
    for (const key of Object.keys(FACTORS) as (keyof typeof FACTORS)[]) {
      const factor = factors[key];
      const statedElsewhere = key === 'assistiveTechnology' && iep.services.assistiveTechnology.length > 0;
      if (factor.needed && isPlaceholder(factor.description) && !statedElsewhere) {
        findings.push({
          path: ['specialFactors', key, 'description'],
          message: `specialFactors.${key} says the student needs ${FACTORS[key]}, but does not say what`,
        });
      }
    }
    if (factors.behavior.behaviorInterventionPlan && !factors.behavior.needed) {
      findings.push({
        path: ['specialFactors', 'behavior', 'needed'],
        message: 'specialFactors.behavior records a behavior intervention plan, but says behavior is not a need (needed: false)',
        hint: 'set behavior.needed: true and describe the supports, or remove the plan',
      });
    }
    return findings;
  },
};

const VISUAL = new Set(['visual-impairment', 'deaf-blindness']);

export const brailleDetermined: Rule = {
  code: 'braille-determination-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'A student with a visual impairment has a Braille determination',
  checks:
    'When the student is classified (primary or secondary) with a visual impairment or deaf-blindness, the IEP provides for instruction in Braille (specialFactors.braille.needed: true) or its description records why the team found Braille not appropriate, after evaluating reading and writing skills, needs and media.',
  citation: '34 CFR 300.324(a)(2)(iii)',
  hint: 'set braille.needed: true, or write in braille.description why Braille is not appropriate, from the evaluation of reading and writing media',
  example: `specialFactors:
  braille:
    needed: false
    description: A learning media assessment (March 2026) found Noor reads regular print with magnification; Braille instruction is not appropriate now.`,
  check(iep) {
    const classifications = [iep.disability.classification, ...(iep.disability.secondary ?? [])];
    const braille = iep.specialFactors.braille;
    if (!classifications.some((c) => VISUAL.has(c)) || braille.needed || !isPlaceholder(braille.description)) return [];
    return [
      {
        path: ['specialFactors', 'braille', 'description'],
        message: 'the student has a visual impairment, but the IEP neither provides for Braille instruction nor records why the team found it not appropriate',
      },
    ];
  },
};

export const SPECIAL_FACTOR_RULES: readonly Rule[] = [specialFactorsAnswered, brailleDetermined];
