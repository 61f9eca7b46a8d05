/**
 * planJobs: the documents a run writes are inputs x layouts x languages, each carrying every requested format (the
 * formats of one document come from one tree), with `family` standing for each parent's preferred language.
 */
import { describe, expect, it } from 'vitest';
import { planJobs } from '../../src/pipeline/plan-jobs.js';
import { loadExample } from '../e2e/helpers.js';

const maya = { input: 'maya.iep.yaml', iep: loadExample('maya-thompson') }; // parents prefer English
const mateo = { input: 'mateo.iep.yaml', iep: loadExample('mateo-almonte') }; // parents prefer Spanish
const amira = { input: 'amira.iep.yaml', iep: loadExample('amira-saleh') }; // parents prefer Arabic

describe('planJobs', () => {
  it('makes one job per input, layout and language, in that order, each with all the formats', () => {
    const jobs = planJobs([maya, mateo], { layouts: ['official', 'student'], langs: ['en', 'fr'], formats: ['docx', 'pdf'] });
    expect(jobs.map((j) => j.id)).toEqual([
      'maya.iep.yaml#official#en',
      'maya.iep.yaml#official#fr',
      'maya.iep.yaml#student#en',
      'maya.iep.yaml#student#fr',
      'mateo.iep.yaml#official#en',
      'mateo.iep.yaml#official#fr',
      'mateo.iep.yaml#student#en',
      'mateo.iep.yaml#student#fr',
    ]);
    for (const job of jobs) expect(job.formats).toEqual(['docx', 'pdf']);
    expect(jobs[5]).toEqual({ id: 'mateo.iep.yaml#official#fr', input: 'mateo.iep.yaml', layout: 'official', lang: 'fr', formats: ['docx', 'pdf'] });
  });

  it('with every layout (--layout all), gives the progress reports only to a record that has some; named, to every record', () => {
    expect(maya.iep.progressReports).toBeUndefined();
    expect(mateo.iep.progressReports?.length).toBeGreaterThan(0);
    const every = planJobs([maya, mateo], { layouts: ['family', 'progress', 'progress-official'], langs: ['en'], formats: ['docx'], everyLayout: true });
    expect(every.map((j) => j.id)).toEqual(['maya.iep.yaml#family#en', 'mateo.iep.yaml#family#en', 'mateo.iep.yaml#progress#en', 'mateo.iep.yaml#progress-official#en']);
    // Asked for by name, the record without progress reports gets its job, and so its refusal (no-progress-reports).
    const named = planJobs([maya, mateo], { layouts: ['progress'], langs: ['en'], formats: ['docx'] });
    expect(named.map((j) => j.id)).toEqual(['maya.iep.yaml#progress#en', 'mateo.iep.yaml#progress#en']);
  });

  it('with every layout, makes the letter about the changes only when an earlier version is given; named, always', () => {
    const options = { layouts: ['family', 'changes'] as const, langs: ['es'] as const, formats: ['pdf'] as const, everyLayout: true };
    expect(planJobs([mateo], options).map((j) => j.id)).toEqual(['mateo.iep.yaml#family#es']);
    expect(planJobs([mateo], { ...options, withBase: true }).map((j) => j.id)).toEqual(['mateo.iep.yaml#family#es', 'mateo.iep.yaml#changes#es']);
    // Asked for by name without a base, the job is planned, and compose refuses it (base-required) with its hint.
    expect(planJobs([mateo], { ...options, everyLayout: false }).map((j) => j.id)).toEqual(['mateo.iep.yaml#family#es', 'mateo.iep.yaml#changes#es']);
  });

  it("resolves family to each input's own parents' language", () => {
    const jobs = planJobs([mateo, amira], { layouts: ['family'], langs: ['family'], formats: ['docx'] });
    expect(jobs.map((j) => [j.input, j.lang])).toEqual([
      ['mateo.iep.yaml', 'es'],
      ['amira.iep.yaml', 'ar'],
    ]);
  });

  it('writes a language once when family names one already asked for', () => {
    // Maya's parents prefer English: `en,family` is one English copy, not two writing the same file.
    expect(planJobs([maya], { layouts: ['family'], langs: ['en', 'family'], formats: ['docx'] }).map((j) => j.lang)).toEqual(['en']);
    expect(planJobs([mateo], { layouts: ['family'], langs: ['en', 'family'], formats: ['docx'] }).map((j) => j.lang)).toEqual(['en', 'es']);
  });

  it('makes the bilingual copy for every language but English: English beside English is the official IEP', () => {
    const jobs = planJobs([maya, amira], { layouts: ['official', 'bilingual'], langs: ['en', 'family'], formats: ['docx'] });
    expect(jobs.map((j) => j.id)).toEqual(['maya.iep.yaml#official#en', 'amira.iep.yaml#official#en', 'amira.iep.yaml#official#ar', 'amira.iep.yaml#bilingual#ar']);
  });
});
