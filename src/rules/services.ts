/** Recommended programs and services, and 12-month services (NY form sections 6-7). */
import type { Frequency, Duration } from '../model/iep.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { allServices } from '../model/service-list.js';
import { isPlaceholder } from './text.js';

export const serviceDescribed: Rule = {
  code: 'service-description-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Every service says what it is',
  checks:
    'A related service of kind "other" has a description; a program of kind "other" names what it is in `subject`; supplementary aids, assistive technology and supports for school personnel have a real description (not a placeholder).',
  citation: '34 CFR 300.320(a)(4)',
  hint: 'say what the student receives, e.g. "Music therapy to build turn-taking"',
  example: `services:
  related:
    - service: other
      description: Music therapy to build turn-taking and joint attention`,
  check(iep) {
    const findings: Finding[] = [];
    iep.services.specialEducation.forEach((s, i) => {
      if (s.program === 'other' && isPlaceholder(s.subject)) {
        findings.push({ path: ['services', 'specialEducation', i, 'subject'], message: `services.specialEducation[${i}] is an "other" program but does not say what it is`, hint: 'add `subject:` naming the program or service' });
      }
    });
    iep.services.related.forEach((s, i) => {
      if ((s.service === 'other' || s.description !== undefined) && isPlaceholder(s.description)) {
        findings.push({ path: ['services', 'related', i, 'description'], message: `services.related[${i}] is ${s.service === 'other' ? 'an "other" related service' : 'a related service'} without a description of what it is` });
      }
    });
    for (const list of ['supplementaryAids', 'assistiveTechnology', 'schoolPersonnelSupports'] as const) {
      iep.services[list].forEach((s, i) => {
        if (isPlaceholder(s.description)) findings.push({ path: ['services', list, i, 'description'], message: `services.${list}[${i}].description does not say what is provided` });
      });
    }
    return findings;
  },
};

function vague(frequency: Frequency, duration: Duration): string | undefined {
  if (frequency === 'as-needed') return 'its frequency is "as-needed"';
  if (duration === 'as-needed') return 'its duration is "as-needed"';
  return undefined;
}

export const serviceAmountStated: Rule = {
  code: 'service-amount-unspecified',
  severity: 'warning',
  profiles: ALL_PROFILES,
  title: 'Special education and related services state how much',
  checks:
    'Special education programs and related services state a frequency and a duration that commit to an amount; "as-needed" leaves the amount of service unknown (it can suit supplementary aids, which this rule does not check).',
  citation: '34 CFR 300.320(a)(7)',
  hint: 'state the amount, e.g. frequency: { times: 2, per: week } and duration: { minutes: 30 }',
  example: `services:
  related:
    - service: speech-language-therapy
      frequency: { times: 2, per: week }
      duration: { minutes: 30 }`,
  check(iep) {
    return allServices(iep)
      .filter((s) => s.list === 'specialEducation' || s.list === 'related')
      .flatMap(({ list, index, path, service }) => {
        const why = vague(service.frequency, service.duration);
        const field = service.frequency === 'as-needed' ? 'frequency' : 'duration';
        return why ? [{ path: [...path, field], message: `services.${list}[${index}] does not commit to an amount of service: ${why}` }] : [];
      });
  },
};

export const nyTwelveMonthStated: Rule = {
  code: 'ny-twelve-month-unstated',
  severity: 'error',
  profiles: NY_ONLY,
  title: '12-month services are stated when the student is eligible',
  checks:
    'When twelveMonthServices.eligible is true, the IEP says which programs and services the student receives in July and August: the same as recommended for the school year (sameAsAbove: true) or its own list (services).',
  citation: '8 NYCRR 200.4(d)(2)(x)',
  hint: 'set sameAsAbove: true when July and August repeat the school-year program, or list the July/August services',
  example: `twelveMonthServices:
  eligible: true
  sameAsAbove: false
  services:
    - service: Special class 12:1+1
      frequency: { times: 5, per: week }
      duration: { minutes: 180 }
      location: special-education-classroom
      beginDate: 2027-07-06
      endDate: 2027-08-13
  provider: P.S. 11 Summer Program`,
  check(iep) {
    const t = iep.twelveMonthServices;
    if (!t.eligible || t.sameAsAbove === true || (t.services?.length ?? 0) > 0) return [];
    return [
      {
        path: ['twelveMonthServices', t.sameAsAbove === false ? 'services' : 'sameAsAbove'],
        message: 'the student is eligible for 12-month services, but the IEP neither says they are the same as above nor lists them',
      },
    ];
  },
};

export const nyTwelveMonthProvider: Rule = {
  code: 'ny-twelve-month-provider-missing',
  severity: 'error',
  profiles: NY_ONLY,
  title: '12-month services name their provider (and, for a preschool student, the reason)',
  checks:
    'When twelveMonthServices.eligible is true, twelveMonthServices.provider names the school or agency that provides the services during July and August; for a preschool student (grade PK), preschoolReason says why the student needs them.',
  citation: '8 NYCRR 200.4(d)(2)(x)',
  hint: 'write the name of the school or agency that provides the July/August services in twelveMonthServices.provider',
  example: `twelveMonthServices:
  eligible: true
  sameAsAbove: true
  provider: P.S. 11 Summer Program (New York City Department of Education)`,
  check(iep) {
    const t = iep.twelveMonthServices;
    if (!t.eligible) return [];
    const findings: Finding[] = [];
    if (t.provider === undefined || t.provider.trim() === '') {
      findings.push({ path: ['twelveMonthServices', 'provider'], message: 'the student is eligible for 12-month services, but the IEP does not name the school or agency that provides them in July and August' });
    }
    if (iep.student.grade === 'PK' && isPlaceholder(t.preschoolReason)) {
      findings.push({
        path: ['twelveMonthServices', 'preschoolReason'],
        message: 'a preschool student is eligible for 12-month services, but the IEP does not say why the student needs them in July and August',
        hint: 'write in preschoolReason why the student needs July/August services (e.g. substantial regression)',
      });
    }
    return findings;
  },
};

export const SERVICE_RULES: readonly Rule[] = [serviceDescribed, serviceAmountStated, nyTwelveMonthStated, nyTwelveMonthProvider];
