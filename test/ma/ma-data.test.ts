/**
 * Massachusetts as data (issue 21 part 4): the profile's files stand on their own. Its labels are complete in every
 * language iepkit serves, every disability term the profile maps to has a label, and its rule files (plain ES
 * modules against the rule API) find what they should, run here directly with a rule context built from iepkit's
 * own date helpers, so the rules are tested without the loader that reads them from the profile folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flattenKeys } from '../../src/i18n/locale-keys.js';
import { loadLocale } from '../../src/i18n/load-locales.js';
import { DISABILITIES, type Iep } from '../../src/model/iep.js';
import { LANGUAGES } from '../../src/model/languages.js';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { loadProfile } from '../../src/load/load-profile.js';
import { loadRuleFile } from '../../src/rules/load-rule-file.js';
import type { ProfileRule, RuleContext } from '../../src/rules/profile-rule.js';
import { RULE_HELPERS } from '../../src/rules/rule-helpers.js';
import { rawIep, ROOT } from '../e2e/helpers.js';

const PROFILE_DIR = path.join(TEMPLATES_DIR, 'ma');
const profile = parse(readFileSync(path.join(PROFILE_DIR, 'profile.yaml'), 'utf8')) as {
  id: string;
  extends: string;
  settings: { transitionAge: number; rightsTransferAtMajority: boolean; ageOfMajority: number; classification: { labels: string; terms: Record<string, string> } };
  extensions: { namespace: string; schema: string };
};
const EXAMPLE = path.join(ROOT, 'examples', 'ma', 'jonas-desir.iep.yaml');

/** The rules of one file of the profile's folder, loaded and checked by iepkit's own loader (as `iep check` does). */
async function rulesOf(file: string): Promise<ProfileRule[]> {
  const loaded = loadRuleFile(path.join(PROFILE_DIR, 'rules', file));
  expect(loaded.diagnostic).toBeUndefined();
  return ([] as ProfileRule[]).concat(loaded.exported as ProfileRule | ProfileRule[]);
}

const ctx: RuleContext = {
  profile: 'ma',
  settings: loadProfile('ma').profile!.settings,
  schoolDayMinutes: 300,
  helpers: RULE_HELPERS,
};

/** The example as a record, with the meeting dates kept and the date of birth moved so the student is `age` at the meeting. */
function exampleAged(age: number, change: (iep: Record<string, any>) => void = () => {}): Iep {
  const iep = rawIep(EXAMPLE);
  const [, month, day] = (iep.student.dateOfBirth as string).split('-');
  const meetingYear = Number((iep.meeting.date as string).slice(0, 4));
  // Born after the meeting's month-day, so the student is `age` at the meeting and turns `age + 1` before the review.
  iep.student.dateOfBirth = `${meetingYear - age - 1}-${month}-${day}`;
  change(iep);
  return iep as Iep;
}

describe('Massachusetts profile settings', () => {
  it('extends federal with transition from 14 and rights transferring at 18', () => {
    expect(profile.id).toBe('ma');
    expect(profile.extends).toBe('federal');
    expect(profile.settings.transitionAge).toBe(14);
    expect(profile.settings.rightsTransferAtMajority).toBe(true);
    expect(profile.settings.ageOfMajority).toBe(18);
  });

  it('maps every disability value of the data model to a Massachusetts term that has a label in every language', () => {
    const { labels, terms } = profile.settings.classification;
    expect(Object.keys(terms).sort()).toEqual([...DISABILITIES].sort());
    const [ns, prefix] = labels.split(':') as [string, string];
    for (const lang of LANGUAGES) {
      const keys = flattenKeys(loadLocale(lang).resources);
      const missing = Object.values(terms).filter((term) => !keys.has(`${ns}:${prefix}.${term}`));
      expect(missing, lang).toEqual([]);
    }
  });

  it('maps to the ten types of 603 CMR 28.02(7) only, plus the one label for a student with more than one', () => {
    const terms = new Set(Object.values(profile.settings.classification.terms));
    const massachusetts = ['autism', 'communication-impairment', 'developmental-delay', 'emotional-impairment', 'health-impairment', 'intellectual-impairment', 'neurological-impairment', 'physical-impairment', 'sensory-impairment-hearing', 'sensory-impairment-vision', 'sensory-impairment-deaf-blind', 'specific-learning-disability', 'more-than-one'];
    expect([...terms].filter((t) => !massachusetts.includes(t))).toEqual([]);
    expect(profile.settings.classification.terms['speech-or-language-impairment']).toBe('communication-impairment');
    expect(profile.settings.classification.terms['other-health-impairment']).toBe('health-impairment');
  });

  it('declares an object schema whose narrative fields are translatable text', () => {
    expect(profile.extensions.namespace).toBe('ma');
    const schema = JSON.parse(readFileSync(path.join(PROFILE_DIR, profile.extensions.schema), 'utf8')) as { type: string; properties: Record<string, Record<string, unknown>> };
    expect(schema.type).toBe('object');
    // The student's vision is the student's own words (quoted as said); the team's vision and the program are the team's.
    for (const field of ['visionHighSchool', 'visionEducation', 'visionEmployment']) expect(schema.properties[field]?.['x-iep'], field).toBe('student-words');
    for (const field of ['teamVisionThisYear', 'englishLearnerProgram']) expect(schema.properties[field]?.['x-iep'], field).toBe('text');
    // The example fills only fields the schema declares.
    const ma = rawIep(EXAMPLE).extensions.ma as Record<string, unknown>;
    expect(Object.keys(ma).filter((k) => !(k in schema.properties))).toEqual([]);
  });
});

describe('Massachusetts labels (locales/<lang>/ma.json)', () => {
  const en = flattenKeys({ ma: loadLocale('en').resources.ma! });
  const placeholders = (v: string) => (v.match(/\{\{[^}]+\}\}/g) ?? []).sort();

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English key, no other, each translated and with its placeholders', (lang) => {
    const own = flattenKeys({ ma: loadLocale(lang).resources.ma! });
    expect([...own.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, value] of own) {
      expect(value.trim(), key).not.toBe('');
      expect(placeholders(value), key).toEqual(placeholders(en.get(key)!));
      // Whole English sentences copied over are not translations (short words like "Type" may differ only in script).
      if (en.get(key)!.split(/\s+/).length > 3) expect(value, `${lang} ${key}`).not.toBe(en.get(key));
    }
  });

  it('the templates of the Massachusetts layout use only labels English defines', () => {
    const all = flattenKeys(loadLocale('en').resources);
    const dir = path.join(PROFILE_DIR, 'official', 'sections');
    const used = ['identifying', 'concerns', 'vision', 'student-profile', 'present-levels', 'postsecondary-transition', 'accommodations', 'services']
      .flatMap((name) => [...readFileSync(path.join(dir, `${name}.md`), 'utf8').matchAll(/\{\{\s*ta?\s+"([^"]+)"/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((k) => !all.has(k))).toEqual([]);
  });
});

describe('Massachusetts rules (templates/ma/rules/*.js)', () => {
  it('each rule is complete for the rule API and cites its source', async () => {
    const rules = [...(await rulesOf('transition.js')), ...(await rulesOf('classification.js'))];
    expect(rules.map((r) => r.code).sort()).toEqual(['ma-classification-multiple', 'ma-student-vision-postsecondary', 'ma-transition-required']);
    for (const r of rules) {
      expect(r.code).toMatch(/^ma-[a-z0-9-]+$/);
      expect(['error', 'warning']).toContain(r.severity);
      for (const field of ['title', 'checks', 'citation', 'hint', 'example'] as const) expect(r[field].trim().length, `${r.code}.${field}`).toBeGreaterThan(5);
      expect(typeof r.check).toBe('function');
    }
    const transition = rules.find((r) => r.code === 'ma-transition-required')!;
    expect(transition.replaces).toBe('transition-required');
    expect(transition.citation).toBe('M.G.L. c. 71B, § 2');
    expect(rules.find((r) => r.code === 'ma-classification-multiple')!.citation).toBe('603 CMR 28.02(7)');
  });

  it('ma-transition-required fires for a 14-year-old without transition planning and names the birthday', async () => {
    const [rule] = (await rulesOf('transition.js')).filter((r) => r.code === 'ma-transition-required');
    const iep = exampleAged(14, (r) => delete r.transition);
    const findings = rule!.check(iep, ctx);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.path).toEqual(['transition']);
    expect(findings[0]!.message).toContain(`turns 14 on ${RULE_HELPERS.dateTurning(iep.student.dateOfBirth, 14)}`);
  });

  it('ma-transition-required fires when the student turns 14 only during the IEP (the first IEP in effect at 14)', async () => {
    const [rule] = (await rulesOf('transition.js')).filter((r) => r.code === 'ma-transition-required');
    // 13 at the meeting, 14 before the annual review.
    expect(rule!.check(exampleAged(13, (r) => delete r.transition), ctx)).toHaveLength(1);
  });

  it('ma-transition-required is quiet for a student who is still 13 at the annual review, and for an IEP with transition planning', async () => {
    const [rule] = (await rulesOf('transition.js')).filter((r) => r.code === 'ma-transition-required');
    const young = exampleAged(12, (r) => delete r.transition);
    expect(RULE_HELPERS.inEffectAtAge(young, 14)).toBe(false);
    expect(rule!.check(young, ctx)).toEqual([]);
    expect(rule!.check(exampleAged(14), ctx)).toEqual([]);
  });

  it("ma-student-vision-postsecondary asks for the student's own plans from 14, and not before", async () => {
    const [rule] = (await rulesOf('transition.js')).filter((r) => r.code === 'ma-student-vision-postsecondary');
    expect(rule!.check(exampleAged(14), ctx)).toEqual([]);
    const without = rule!.check(exampleAged(14, (r) => { delete r.extensions.ma.visionEducation; delete r.extensions.ma.visionEmployment; }), ctx);
    expect(without.map((f) => f.path)).toEqual([['extensions', 'ma', 'visionEducation'], ['extensions', 'ma', 'visionEmployment']]);
    expect(rule!.check(exampleAged(14, (r) => delete r.extensions), ctx)).toHaveLength(2);
    expect(rule!.check(exampleAged(12, (r) => delete r.extensions), ctx)).toEqual([]);
  });

  it('ma-classification-multiple asks for the types that apply instead of "multiple disabilities"', async () => {
    const [rule] = await rulesOf('classification.js');
    expect(rule!.check(exampleAged(14), ctx)).toEqual([]);
    const multiple = rule!.check(exampleAged(14, (r) => { r.disability = { classification: 'multiple-disabilities' }; }), ctx);
    expect(multiple).toEqual([expect.objectContaining({ path: ['disability', 'classification'] })]);
    expect(rule!.check(exampleAged(14, (r) => { r.disability = { classification: 'multiple-disabilities', secondary: ['autism', 'speech-or-language-impairment'] }; }), ctx)).toEqual([]);
  });
});
