/** Dates that make sense together: meeting, implementation, annual review, services, evaluations. */
import { addMonths, compareDates } from './calendar.js';
import { ALL_PROFILES, type Finding, type Rule } from './rule.js';
import { allServices } from '../model/service-list.js';

export const implementationDateValid: Rule = {
  code: 'implementation-date-invalid',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'The IEP is implemented after it is written',
  checks: 'meeting.implementationDate is on or after the meeting date and before the projected annual review date.',
  citation: '34 CFR 300.323(c)(2)',
  hint: 'set implementationDate to the day services start, on or after the meeting',
  example: `meeting:
  date: "2026-05-14"
  implementationDate: "2026-09-09"
  annualReviewDate: "2027-05-13"`,
  check(iep) {
    const m = iep.meeting;
    if (compareDates(m.implementationDate, m.date) < 0) {
      return [{ path: ['meeting', 'implementationDate'], message: `meeting.implementationDate (${m.implementationDate}) is before the meeting that wrote the IEP (${m.date})` }];
    }
    if (compareDates(m.implementationDate, m.annualReviewDate) >= 0) {
      return [{ path: ['meeting', 'implementationDate'], message: `meeting.implementationDate (${m.implementationDate}) is not before the annual review date (${m.annualReviewDate})` }];
    }
    return [];
  },
};

export const annualReviewOnTime: Rule = {
  code: 'annual-review-late',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'The annual review is at most 12 months after the meeting',
  checks:
    'meeting.annualReviewDate is after the meeting date and no later than the same day 12 months on (the last day of the month when that day does not exist, e.g. 29 February to 28 February).',
  citation: '34 CFR 300.324(b)(1)(i)',
  hint: 'schedule the annual review within a year of the meeting',
  example: `meeting:
  date: "2026-05-14"
  annualReviewDate: "2027-05-13"`,
  check(iep) {
    const m = iep.meeting;
    const latest = addMonths(m.date, 12);
    if (compareDates(m.annualReviewDate, m.date) <= 0) {
      return [{ path: ['meeting', 'annualReviewDate'], message: `meeting.annualReviewDate (${m.annualReviewDate}) is not after the meeting (${m.date})` }];
    }
    if (compareDates(m.annualReviewDate, latest) > 0) {
      return [{ path: ['meeting', 'annualReviewDate'], message: `meeting.annualReviewDate (${m.annualReviewDate}) is more than 12 months after the meeting (${m.date}); the latest is ${latest}`, hint: `set annualReviewDate to ${latest} or earlier` }];
    }
    return [];
  },
};

export const serviceDatesOrdered: Rule = {
  code: 'service-dates-reversed',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Each service ends after it begins',
  checks: 'For every service, aid and support, endDate is after beginDate.',
  citation: '34 CFR 300.320(a)(7)',
  hint: 'check the begin and end dates; they may be swapped',
  example: `services:
  specialEducation:
    - beginDate: "2026-09-09"
      endDate: "2027-05-13"`,
  check(iep) {
    return allServices(iep).flatMap(({ list, index, path, service }) =>
      compareDates(service.endDate, service.beginDate) <= 0
        ? [{ path: [...path, 'endDate'], message: `services.${list}[${index}] ends (${service.endDate}) ${service.endDate === service.beginDate ? 'on the day' : 'before'} it begins (${service.beginDate})` }]
        : [],
    );
  },
};

export const servicesWithinIep: Rule = {
  code: 'service-outside-iep-period',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Services fall inside the IEP\'s dates',
  checks: 'Every service begins on or after meeting.implementationDate and ends on or before meeting.annualReviewDate.',
  citation: '34 CFR 300.320(a)(7)',
  hint: 'keep service dates between the implementation date and the annual review date',
  example: `meeting: { implementationDate: "2026-09-09", annualReviewDate: "2027-05-13" }
services:
  related:
    - beginDate: "2026-09-09"
      endDate: "2027-05-13"`,
  check(iep) {
    const { implementationDate, annualReviewDate } = iep.meeting;
    const findings: Finding[] = [];
    for (const { list, index, path, service } of allServices(iep)) {
      if (compareDates(service.beginDate, implementationDate) < 0) {
        findings.push({ path: [...path, 'beginDate'], message: `services.${list}[${index}] begins (${service.beginDate}) before the IEP is implemented (${implementationDate})` });
      }
      if (compareDates(service.endDate, annualReviewDate) > 0) {
        findings.push({ path: [...path, 'endDate'], message: `services.${list}[${index}] ends (${service.endDate}) after the annual review date (${annualReviewDate})` });
      }
    }
    return findings;
  },
};

export const evaluationsBeforeMeeting: Rule = {
  code: 'evaluation-after-meeting',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'Evaluations were done before the meeting',
  checks: 'Every evaluation the IEP reports is dated on or before the meeting date; the team can only consider results it has.',
  citation: '34 CFR 300.324(a)(1)(iii)',
  hint: 'check the evaluation date; an evaluation still to come belongs in a later IEP or amendment',
  example: `meeting: { date: "2026-05-14" }
evaluations:
  - { name: Classroom reading inventory, kind: classroom, date: "2026-04-01", results: ... }`,
  check(iep) {
    return iep.evaluations.flatMap((e, i) =>
      compareDates(e.date, iep.meeting.date) > 0
        ? [{ path: ['evaluations', i, 'date'], message: `evaluations[${i}] (${e.name}) is dated ${e.date}, after the meeting (${iep.meeting.date})` }]
        : [],
    );
  },
};

export const reevaluationOnTime: Rule = {
  code: 'reevaluation-late',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'The next reevaluation is within three years',
  checks: 'When meeting.reevaluationDate is given, it is after the meeting and no more than 3 years after it (a reevaluation is due at least every 3 years).',
  citation: '34 CFR 300.303(b)(2)',
  hint: 'schedule the reevaluation within 3 years of the last evaluation',
  example: `meeting:
  date: "2026-05-14"
  reevaluationDate: "2028-11-01"`,
  check(iep) {
    const { date, reevaluationDate } = iep.meeting;
    if (reevaluationDate === undefined) return [];
    const latest = addMonths(date, 36);
    if (compareDates(reevaluationDate, date) <= 0) {
      return [{ path: ['meeting', 'reevaluationDate'], message: `meeting.reevaluationDate (${reevaluationDate}) is not after the meeting (${date})` }];
    }
    if (compareDates(reevaluationDate, latest) > 0) {
      return [{ path: ['meeting', 'reevaluationDate'], message: `meeting.reevaluationDate (${reevaluationDate}) is more than 3 years after the meeting (${date}); the latest is ${latest}` }];
    }
    return [];
  },
};

export const DATE_RULES: readonly Rule[] = [implementationDateValid, annualReviewOnTime, serviceDatesOrdered, servicesWithinIep, evaluationsBeforeMeeting, reevaluationOnTime];
