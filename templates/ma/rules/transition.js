// Massachusetts rules on transition planning, written against iepkit's rule API (docs/rules.md): plain objects, no
// imports, the typed IEP record and the rule context (`ctx.settings`, `ctx.helpers`) only.
// Sources and how sure each citation is: docs/ma-iep-form.md.

const TRANSITION_EXAMPLE = `transition:
  assessments: Career interest inventory and student interview, March 2026
  postsecondaryGoals:
    education: After high school, Jonas will study engineering technology at a community college.
    employment: Jonas will work as a technician in a robotics or electronics company.
  transitionNeeds: Jonas is learning to plan long projects and to ask for accommodations himself.
  coursesOfStudy: College-preparatory courses with engineering and computer science electives
  activities:
    - { area: instruction, activity: Self-advocacy lessons, responsible: Special education teacher }`;

/** The age transition planning starts at in this profile: the profile's setting, 14 in Massachusetts. */
function transitionAge(ctx) {
  return ctx.settings && typeof ctx.settings.transitionAge === 'number' ? ctx.settings.transitionAge : 14;
}

/** The student's first-person postsecondary vision fields on the form (extensions.ma). */
const VISION_FIELDS = [
  ['visionEducation', 'After I finish high school, my education or training plans are'],
  ['visionEmployment', 'After I finish high school, my employment plans are'],
];

export default [
  {
    code: 'ma-transition-required',
    severity: 'error',
    replaces: 'transition-required',
    title: 'Transition planning from the first IEP in effect at 14 (Massachusetts)',
    checks:
      'Massachusetts requires transition services and measurable postsecondary goals from age 14, two years before IDEA: when the student turns 14 on or before the projected annual review date (the first IEP in effect at 14), the IEP has a `transition` section.',
    citation: 'M.G.L. c. 71B, § 2',
    hint: 'add a `transition:` section with the transition assessments, measurable postsecondary goals, course of study and transition services',
    example: TRANSITION_EXAMPLE,
    check(iep, ctx) {
      const age = transitionAge(ctx);
      if (iep.transition !== undefined || !ctx.helpers.inEffectAtAge(iep, age)) return [];
      const birthday = ctx.helpers.dateTurning(iep.student.dateOfBirth, age);
      return [
        {
          path: ['transition'],
          message: `the student turns ${age} on ${birthday}, while this IEP is in effect, so it must include postsecondary transition planning (from ${age} in Massachusetts), but there is no \`transition\` section`,
        },
      ];
    },
  },
  {
    code: 'ma-student-vision-postsecondary',
    severity: 'warning',
    title: "The student's own postsecondary vision from 14 (Massachusetts IEP form)",
    checks:
      "From the first IEP in effect at 14, the Student and Team Vision holds the student's own words on what they plan after high school, for education or training and for employment (`extensions.ma.visionEducation`, `extensions.ma.visionEmployment`): the DESE form marks this part \"required for ages 14-22\". A warning, because the requirement is the form's, read in third-party copies of it, not a regulation's words.",
    citation: 'Massachusetts DESE IEP form (2023), Student and Team Vision; M.G.L. c. 71B, § 2',
    hint: "write the student's own answers under `extensions.ma`, e.g. visionEducation: \"I want to study engineering at a community college.\"",
    example: `extensions:
  ma:
    visionHighSchool: I want to take every math class I can and join the robotics team.
    visionEducation: I want to study engineering at a community college, then a university.
    visionEmployment: I want to build and fix robots for a company.`,
    check(iep, ctx) {
      const age = transitionAge(ctx);
      if (!ctx.helpers.inEffectAtAge(iep, age)) return [];
      const ma = (iep.extensions && iep.extensions.ma) || {};
      const findings = [];
      for (const [field, prompt] of VISION_FIELDS) {
        const value = ma[field];
        const english = value === undefined ? '' : ctx.helpers.englishText(value);
        if (typeof english !== 'string' || english.trim() === '') {
          findings.push({
            path: ['extensions', 'ma', field],
            message: `the student is ${age} or older while this IEP is in effect, but the Student and Team Vision does not answer "${prompt}" in the student's words (extensions.ma.${field})`,
          });
        }
      }
      return findings;
    },
  },
];
