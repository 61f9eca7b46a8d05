/**
 * Special factors the team considers (34 CFR 300.324(a)(2); NY form "Student Needs Relating to Special Factors").
 * The schema already makes each factor's yes/no (`needed`) required; these rules check that a "yes" says what, that
 * "Not applicable" is not also a "yes", and that the factors a classification makes applicable are answered.
 */
import type { Iep } from '../model/iep.js';
import { ALL_PROFILES, type Finding, type Rule } from './rule.js';
import { isPlaceholder } from './text.js';

const FACTORS = {
  behavior: 'positive behavioral interventions and supports',
  languageNeeds: 'support for language needs as an English language learner',
  braille: 'instruction in Braille and the use of Braille',
  communication: 'a device or service for communication needs',
  deafOrHardOfHearing: 'a device or service for language and communication needs as a student who is deaf or hard of hearing',
  assistiveTechnology: 'assistive technology devices or services',
} as const satisfies Record<keyof Iep['specialFactors'], string>;

export const specialFactorsAnswered: Rule = {
  code: 'special-factor-unanswered',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Each special factor answered "yes" says what the student needs',
  checks:
    'A special factor with needed: true has a description of the device, service or support (for assistive technology, an entry under services.assistiveTechnology also says it), and is not also marked notApplicable; a student classified deaf, hard of hearing or deaf-blind has the deafOrHardOfHearing factor answered (not "Not applicable"); a behavior intervention plan is recorded only when behavior is a need (behavior.needed: true).',
  citation: '34 CFR 300.324(a)(2)',
  hint: 'describe what the team decided the student needs for this factor, or set needed: false',
  example: `specialFactors:
  behavior: { needed: false, behaviorInterventionPlan: false }
  languageNeeds: { needed: false }
  braille: { needed: false }
  communication:
    needed: true
    description: Leo uses a speech-generating device in every class and at home.
  deafOrHardOfHearing: { needed: false, notApplicable: true }
  assistiveTechnology: { needed: false, atHome: false }`,
  check(iep) {
    const factors = iep.specialFactors;
    const findings: Finding[] = [];
    for (const key of Object.keys(FACTORS) as (keyof typeof FACTORS)[]) {
      const factor = factors[key];
      if (factor === undefined) continue;
      if ('notApplicable' in factor && factor.notApplicable && factor.needed) {
        findings.push({
          path: ['specialFactors', key, 'notApplicable'],
          message: `specialFactors.${key} is marked both needed and not applicable`,
          hint: 'keep needed: true and remove notApplicable, or set needed: false',
        });
      }
      const statedElsewhere = key === 'assistiveTechnology' && iep.services.assistiveTechnology.length > 0;
      if (factor.needed && isPlaceholder(factor.description) && !statedElsewhere) {
        findings.push({
          path: ['specialFactors', key, 'description'],
          message: `specialFactors.${key} says the student needs ${FACTORS[key]}, but does not say what`,
        });
      }
    }
    const classifications = [iep.disability.classification, ...(iep.disability.secondary ?? [])];
    const hearing = factors.deafOrHardOfHearing;
    if (classifications.some((c) => HEARING.has(c)) && (hearing === undefined || hearing.notApplicable)) {
      findings.push({
        path: hearing === undefined ? ['specialFactors'] : ['specialFactors', 'deafOrHardOfHearing', 'notApplicable'],
        message: 'the student is classified deaf, hard of hearing or deaf-blind, but specialFactors.deafOrHardOfHearing is not answered',
        hint: 'answer deafOrHardOfHearing: needed: true with what the student needs for language and communication, or needed: false',
      });
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
const HEARING = new Set(['deafness', 'hearing-impairment', 'deaf-blindness']);

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
    if (!classifications.some((c) => VISUAL.has(c))) return [];
    if (braille.notApplicable) {
      return [
        {
          path: ['specialFactors', 'braille', 'notApplicable'],
          message: 'the student has a visual impairment, so the Braille question applies: it cannot be answered "not applicable"',
        },
      ];
    }
    if (braille.needed || !isPlaceholder(braille.description)) return [];
    return [
      {
        path: ['specialFactors', 'braille', 'description'],
        message: 'the student has a visual impairment, but the IEP neither provides for Braille instruction nor records why the team found it not appropriate',
      },
    ];
  },
};

export const SPECIAL_FACTOR_RULES: readonly Rule[] = [specialFactorsAnswered, brailleDetermined];
