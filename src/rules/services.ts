/** Recommended programs and services, and 12-month services (NY form sections 6-7). */
import type { Frequency, Duration } from '../model/iep.js';
import { ALL_PROFILES, NY_ONLY, type Finding, type Rule } from './rule.js';
import { allServices } from './service-list.js';
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
  title: '12-month services are described when the student is eligible',
  checks: 'When twelveMonthServices.eligible is true, twelveMonthServices.description states the programs and services during July and August.',
  citation: '8 NYCRR 200.4(d)(2)(x)',
  hint: 'say which services continue in July and August (or that they are the same as the school year), and who provides them',
  example: `twelveMonthServices:
  eligible: true
  description: Special class 12:1+1 and speech therapy 2 x 30 minutes a week, July and August, at P.S. 11`,
  check(iep) {
    const t = iep.twelveMonthServices;
    return t.eligible && isPlaceholder(t.description)
      ? [{ path: ['twelveMonthServices', 'description'], message: 'the student is eligible for 12-month services but twelveMonthServices.description does not say what they are' }]
      : [];
  },
};

export const SERVICE_RULES: readonly Rule[] = [serviceDescribed, serviceAmountStated, nyTwelveMonthStated];
