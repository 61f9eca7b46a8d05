/** The text of a new IEP record (a draft to fill in), for `iep init` and the server's "new IEP". Minimal first version: every required field, one of each list. */
import type { Language } from '../model/languages.js';

export function starterIep(options: { lang?: Language } = {}): string {
  const lang = options.lang ?? 'en';
  return `# A new IEP: replace every value with the student's; document.status stays draft until the team agrees.
schemaVersion: 1
document:
  status: draft
  version: 1
student:
  id: "T0001"
  firstName: Ana
  lastName: Lopez
  preferredName: Ana
  dateOfBirth: "2016-04-12"
  grade: "3"
  school: P.S. 11
  homeLanguage: ${lang}
  guardians:
    - name: Maria Lopez
      relationship: mother
      preferredLanguage: ${lang}
disability:
  classification: learning-disability
meeting:
  date: "2026-05-14"
  type: annual-review
  implementationDate: "2026-09-09"
  annualReviewDate: "2027-05-13"
team:
  - { name: Maria Lopez, role: parent, attended: true }
  - { name: Jo Park, role: general-education-teacher, attended: true }
  - { name: Sam Reed, role: special-education-teacher, attended: true, caseManager: true, contact: { email: sreed@example.org } }
  - { name: Dr. Kim Lee, role: school-psychologist, attended: true, interpretsEvaluations: true }
  - { name: Pat Doe, role: district-representative, attended: true }
parentConcerns: We want Ana to enjoy reading.
evaluations:
  - name: Classroom reading inventory
    kind: classroom
    date: "2026-04-01"
    results: Ana reads 62 words per minute at a grade 2 level.
presentLevels:
  academic:
    description: Ana reads grade 2 texts with support.
    strengths:
      - { id: retells-stories, text: Ana retells stories in order with rich detail. }
    interests:
      - { id: animals, text: Ana loves books about animals. }
    needs:
      - Ana is learning to decode words with two or more syllables.
  social:
    description: Ana works well with classmates.
    strengths:
      - { id: kind-partner, text: Ana is a kind and patient partner. }
    needs: []
  physical:
    description: Ana is healthy and active.
    strengths:
      - { id: active, text: Ana enjoys recess games. }
    needs: []
  management:
    description: Ana does best with directions given in writing as well as aloud.
  effectOnProgress: Ana's decoding skills affect how quickly she reads grade-level texts.
specialFactors:
  behavior: { needed: false, behaviorInterventionPlan: false }
  languageNeeds: { needed: false }
  braille: { needed: false }
  communication: { needed: false }
  assistiveTechnology: { needed: false, atHome: false }
goals:
  - id: decoding
    area: reading
    baseline: Ana reads 62 words correct per minute on grade 2 passages.
    goal: Ana will read grade 3 passages at 90 words correct per minute.
    criteria: 90 words correct per minute on 3 of 4 probes
    method: Curriculum-based measurement probes
    schedule: Every two weeks
    buildsOn: [retells-stories, animals]
progressReporting:
  schedule: Four times a year, with report cards
  method: A written report on each goal
services:
  specialEducation:
    - program: resource-room
      groupSize: 5
      frequency: { times: 5, per: week }
      duration: { minutes: 45 }
      location: separate-location
      beginDate: "2026-09-09"
      endDate: "2027-05-13"
  related: []
  supplementaryAids: []
  assistiveTechnology: []
  schoolPersonnelSupports: []
twelveMonthServices: { eligible: false }
testingAccommodations: []
assessments: { participation: regular }
nondisabledParticipation:
  fullParticipation: false
  explanation: Ana leaves her class for 45 minutes a day for resource room reading.
physicalEducation: { program: general }
transportation: { specialTransportation: false }
placement: { recommendation: "District school, general education class with resource room" }
`;
}
