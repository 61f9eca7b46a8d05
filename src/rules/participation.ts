/** Participation with students without disabilities and in state and district-wide assessments (NY form sections 8, 10, 11). */
import { formatJsonPath } from '../model/diagnostic.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { allServices } from '../model/service-list.js';
import { englishText, isPlaceholder } from './text.js';

const REMOVAL_LOCATIONS = new Set(['special-education-classroom', 'separate-location', 'therapy-room', 'home']);

export const nondisabledParticipationExplained: Rule = {
  code: 'nondisabled-participation-unexplained',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Removal from general education is explained',
  checks:
    'When the student does not take part fully with students without disabilities (fullParticipation: false), the explanation says to what extent and why, in a sentence of at least four words, not "N/A".',
  citation: '34 CFR 300.320(a)(5)',
  hint: 'say which classes or activities the student is out of, for how long, and why, e.g. "Ana leaves class 45 minutes a day for resource room reading because..."',
  example: `nondisabledParticipation:
  fullParticipation: false
  explanation: Ana leaves her class for 45 minutes a day for resource room reading, where she gets small-group decoding instruction.`,
  check(iep) {
    const p = iep.nondisabledParticipation;
    if (p.fullParticipation) return [];
    const words = englishText(p.explanation).trim().split(/\s+/).filter(Boolean).length;
    if (isPlaceholder(p.explanation) || words < 4) {
      return [{ path: ['nondisabledParticipation', 'explanation'], message: 'nondisabledParticipation.explanation does not say to what extent the student will not take part with students without disabilities, or why' }];
    }
    return [];
  },
};

export const nondisabledParticipationConsistent: Rule = {
  code: 'nondisabled-participation-inconsistent',
  severity: 'warning',
  profiles: ALL_PROFILES,
  title: 'Full participation agrees with the services',
  checks:
    'When fullParticipation is true, no special class, resource room, or special education or related service is given in a special education classroom, a separate location, a therapy room or at home; otherwise the IEP must explain that removal.',
  citation: '34 CFR 300.320(a)(5)',
  hint: 'set fullParticipation: false and explain the time out of general education, or correct the service location',
  example: `nondisabledParticipation:
  fullParticipation: false
  explanation: Ana receives speech therapy in the speech room twice a week, 30 minutes, outside her class.`,
  check(iep) {
    if (!iep.nondisabledParticipation.fullParticipation) return [];
    const removal = allServices(iep).find(
      ({ list, service }) =>
        (list === 'specialEducation' || list === 'related') &&
        (REMOVAL_LOCATIONS.has(service.location) || ('program' in service && (service.program === 'special-class' || service.program === 'resource-room'))),
    );
    return removal
      ? [{ path: ['nondisabledParticipation', 'fullParticipation'], message: `fullParticipation is true, but ${formatJsonPath(removal.path)} takes the student out of general education (${'program' in removal.service ? removal.service.program : removal.service.location})` }]
      : [];
  },
};

export const alternateAssessmentExplained: Rule = {
  code: 'alternate-assessment-unexplained',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'An alternate assessment is explained',
  checks: 'When assessments.participation is "alternate", assessments.alternateReason says why the student cannot take the regular assessment and why the alternate one is appropriate.',
  citation: '34 CFR 300.320(a)(6)(ii)',
  hint: 'add `alternateReason:` with why the regular assessment does not fit and why the alternate one does',
  example: `assessments:
  participation: alternate
  alternateReason: Leo has a severe cognitive disability and learns through a highly individualized program; the NYSAA measures the skills he is taught.`,
  check(iep) {
    const a = iep.assessments;
    return a.participation === 'alternate' && isPlaceholder(a.alternateReason)
      ? [{ path: ['assessments', 'alternateReason'], message: 'the student takes the alternate assessment but assessments.alternateReason does not say why' }]
      : [];
  },
};

export const testingAccommodationsListed: Rule = {
  code: 'testing-accommodations-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Testing accommodations are listed when the student tests with accommodations',
  checks: 'When assessments.participation is "regular-with-accommodations", testingAccommodations lists at least one accommodation.',
  citation: '34 CFR 300.320(a)(6)(i)',
  hint: 'list each accommodation under `testingAccommodations:`, or set participation to "regular"',
  example: `assessments: { participation: regular-with-accommodations }
testingAccommodations:
  - accommodation: Extended time (1.5x)
    conditions: On tests longer than 20 minutes
    implementation: In a separate room with up to 5 students`,
  check(iep) {
    return iep.assessments.participation === 'regular-with-accommodations' && iep.testingAccommodations.length === 0
      ? [{ path: ['testingAccommodations'], message: 'the student takes assessments with accommodations, but testingAccommodations lists none' }]
      : [];
  },
};

export const nyTestingAccommodationComplete: Rule = {
  code: 'ny-testing-accommodation-incomplete',
  severity: 'error',
  profiles: NY_ONLY,
  title: 'Each testing accommodation has its conditions and implementation',
  checks:
    "Each testing accommodation states the conditions under which it is used and how it is carried out (New York form section 8); neither is a placeholder.",
  citation: '8 NYCRR 200.4(d)(2)(vi)',
  hint: 'e.g. conditions: "On tests longer than 20 minutes"; implementation: "In a separate room with up to 5 students"',
  example: `testingAccommodations:
  - accommodation: Tests read aloud
    conditions: All tests except those measuring reading comprehension
    implementation: Read by a proctor, questions and answer choices, as often as Ana asks`,
  check(iep) {
    const findings: Finding[] = [];
    iep.testingAccommodations.forEach((t, i) => {
      if (isPlaceholder(t.conditions)) findings.push({ path: ['testingAccommodations', i, 'conditions'], message: `testingAccommodations[${i}].conditions does not say when the accommodation applies` });
      if (isPlaceholder(t.implementation)) findings.push({ path: ['testingAccommodations', i, 'implementation'], message: `testingAccommodations[${i}].implementation does not say how it is carried out` });
    });
    return findings;
  },
};

export const PARTICIPATION_RULES: readonly Rule[] = [
  nondisabledParticipationExplained,
  nondisabledParticipationConsistent,
  alternateAssessmentExplained,
  testingAccommodationsListed,
  nyTestingAccommodationComplete,
];
