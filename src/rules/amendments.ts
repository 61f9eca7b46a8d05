/** Amendments as versions: a version above 1 says when and how the IEP was amended, and which version it changes. */
import { compareDates } from './calendar.js';
import { ALL_PROFILES, type Finding, type Rule } from './rule.js';

export const amendmentRecorded: Rule = {
  code: 'amendment-missing',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'An amended IEP records its amendment',
  checks:
    'A record whose document.version is above 1 has document.amendment (date, the version it amends, by meeting or written agreement, and a summary); a version 1 record has none, since version 1 is the IEP as written.',
  citation: '34 CFR 300.324(a)(4)',
  hint: 'add document.amendment with date, amends, withoutMeeting and summary, or set the version back to 1',
  example: `document:
  status: final
  version: 2
  amendment:
    date: "2026-11-16"
    amends: 1
    withoutMeeting: true
    summary: Speech-language therapy moves from once to twice a week.`,
  check(iep) {
    const { version, amendment } = iep.document;
    if (version > 1 && !amendment) {
      return [{ path: ['document', 'version'], message: `document.version is ${version} but the record says nothing of its amendment: when, by meeting or written agreement, and what changed` }];
    }
    if (version === 1 && amendment) {
      return [{ path: ['document', 'amendment'], message: 'document.amendment is given on version 1, the IEP as written', hint: 'an amended IEP is version 2 or later: raise document.version' }];
    }
    return [];
  },
};

export const amendmentDated: Rule = {
  code: 'amendment-date-invalid',
  severity: 'error',
  profiles: ALL_PROFILES,
  title: 'An amendment comes after the IEP it amends, and amends an earlier version',
  checks:
    'document.amendment.date is after the meeting that wrote the IEP (meeting.date) and before its annual review date (an IEP past its review is replaced, not amended); document.amendment.amends is a version below document.version.',
  citation: '34 CFR 300.324(a)(4)',
  hint: 'date the amendment on the day the parent and the district agreed to it',
  example: `meeting: { date: "2026-05-14", annualReviewDate: "2027-05-13" }
document:
  version: 2
  amendment: { date: "2026-11-16", amends: 1, withoutMeeting: true, summary: ... }`,
  check(iep) {
    const { version, amendment } = iep.document;
    if (!amendment) return [];
    const findings: Finding[] = [];
    const path = ['document', 'amendment'];
    if (compareDates(amendment.date, iep.meeting.date) <= 0) {
      findings.push({ path: [...path, 'date'], message: `document.amendment.date (${amendment.date}) is not after the meeting that wrote the IEP (${iep.meeting.date})` });
    } else if (compareDates(amendment.date, iep.meeting.annualReviewDate) >= 0) {
      findings.push({
        path: [...path, 'date'],
        message: `document.amendment.date (${amendment.date}) is on or after the annual review date (${iep.meeting.annualReviewDate})`,
        hint: 'an IEP due for review is reviewed at a meeting and written anew, not amended',
      });
    }
    if (amendment.amends >= version) {
      findings.push({ path: [...path, 'amends'], message: `document.amendment.amends (${amendment.amends}) is not below this record's version (${version})`, hint: `version ${version} amends version ${version - 1} or earlier` });
    }
    return findings;
  },
};

export const AMENDMENT_RULES: readonly Rule[] = [amendmentRecorded, amendmentDated];
