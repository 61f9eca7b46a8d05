/**
 * A profile's own text fields are linted as the model's: deficit wording in the team's words is a warning with a
 * rewrite; in a field the profile's schema marks as the student's or the parents' own words (`x-iep: student-words`,
 * `parents-words`, Massachusetts' Student Vision), it is a note for the team and is never rewritten, as in
 * `studentVoice`.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintIep } from '../../src/lint/lint-iep.js';
import { expandExtensionSchema, voiceOf } from '../../src/model/extension-schema.js';
import { rawIep, ROOT, validated } from '../e2e/helpers.js';

const EXAMPLE = path.join(ROOT, 'examples', 'ma', 'jonas-desir.iep.yaml');

function withVisions(student: string, team: string) {
  const iep = rawIep(EXAMPLE);
  iep.extensions.ma.visionEmployment = { en: student };
  iep.extensions.ma.teamVisionThisYear = { en: team };
  return validated(iep);
}

describe("a profile's own words in lint", () => {
  it("notes deficit wording in the student's vision and proposes no rewrite, but warns with a rewrite in the team's", () => {
    const iep = withVisions('I struggle with spoken directions but I want to design robots.', 'Jonas struggles with spoken directions.');
    const found = lintIep(iep, { profile: 'ma' }).filter((d) => d.code === 'deficit-wording' && d.path?.startsWith('extensions.ma.'));
    expect(found).toEqual([
      expect.objectContaining({ path: 'extensions.ma.visionEmployment.en', severity: 'info', message: expect.stringContaining("the student's own words") }),
      expect.objectContaining({ path: 'extensions.ma.teamVisionThisYear.en', severity: 'warning', fix: expect.objectContaining({ path: 'extensions.ma.teamVisionThisYear.en' }) }),
    ]);
    expect(found[0]!.fix).toBeUndefined();
    // --strict turns the warning into an error, never the note on the student's words.
    expect(lintIep(iep, { profile: 'ma', strict: true }).filter((d) => d.path?.startsWith('extensions.ma.')).map((d) => d.severity)).toEqual(['info', 'error']);
  });

  it('marks the kinds in the expanded schema, where a validator ignores them', () => {
    const { schema, unknownKinds } = expandExtensionSchema({
      type: 'object',
      properties: { a: { 'x-iep': 'student-words', title: 'A' }, b: { 'x-iep': 'parents-words' }, c: { 'x-iep': 'text' }, d: { 'x-iep': 'voice' } },
    });
    const props = (schema as { properties: Record<string, unknown> }).properties;
    expect([voiceOf(props.a), voiceOf(props.b), voiceOf(props.c)]).toEqual(['student-words', 'parents-words', undefined]);
    expect(props.a).toMatchObject({ title: 'A', $comment: 'iepkit:student-words' });
    expect(unknownKinds).toEqual([{ pointer: '/properties/d/x-iep', value: 'voice' }]);
  });
});
