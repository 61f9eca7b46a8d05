/**
 * Issue 12: each new rule fails on a mutated copy of a real example (examples/*.iep.yaml) with its citation in the
 * output of `iep check`, and passes on the examples as they are. `iep check` runs in-process (src/cli/main.ts) on
 * the mutated copy written to a temporary file, so the finding is located, printed and counted as a person sees it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import type { Profile } from '../../src/rules/rule.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'iepkit-mutated-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Example = 'maya-thompson' | 'mateo-almonte' | 'amira-saleh' | 'rayhan-chowdhury';
// The examples as plain YAML data, edited the way a case manager would edit the file.
type Data = any;

const read = (example: Example): Data => parse(readFileSync(`${examplesDir}${example}.iep.yaml`, 'utf8'));

/** Runs `iep check --profile <profile> <file>` in-process and answers its exit code and printed text. */
async function iepCheck(file: string, profile: Profile): Promise<{ code: number; output: string }> {
  let output = '';
  const io = { out: (t: string) => void (output += t), err: (t: string) => void (output += t), color: false, isTty: false };
  const code = await main(['check', '--profile', profile, file], io);
  return { code, output };
}

const DATES = { beginDate: '2026-05-05', endDate: '2027-04-20' };

interface Mutation {
  what: string;
  example: Example;
  mutate: (d: Data) => void;
  code: string;
  citation: string;
  profile?: Profile;
}

const MUTATIONS: Mutation[] = [
  {
    what: 'consultant teacher 2 x 30 minutes a week',
    example: 'mateo-almonte',
    mutate: (d) =>
      d.services.specialEducation.push({ program: 'consultant-teacher-direct', subject: 'Science', frequency: { times: 2, per: 'week' }, duration: { minutes: 30 }, location: 'general-education-classroom', beginDate: '2026-03-23', endDate: '2027-03-11' }),
    code: 'ny-consultant-teacher-too-little-time',
    citation: '8 NYCRR 200.6(d)',
  },
  {
    what: 'consultant teacher 2 x 30 and resource room 2 x 45 minutes a week (150 minutes combined)',
    example: 'maya-thompson',
    mutate: (d) => {
      d.services.specialEducation[0].frequency = { times: 2, per: 'week' };
      d.services.specialEducation.push({ program: 'consultant-teacher-indirect', frequency: { times: 2, per: 'week' }, duration: { minutes: 30 }, location: 'general-education-classroom', ...DATES });
    },
    code: 'ny-consultant-teacher-too-little-time',
    citation: '8 NYCRR 200.6(d)',
  },
  {
    what: 'resource room 2 x 45 minutes a week',
    example: 'maya-thompson',
    mutate: (d) => (d.services.specialEducation[0].frequency = { times: 2, per: 'week' }),
    code: 'ny-resource-room-too-little-time',
    citation: '8 NYCRR 200.6(f)',
  },
  {
    what: 'resource room all day',
    example: 'maya-thompson',
    mutate: (d) => (d.services.specialEducation[0].duration = 'full-day'),
    code: 'ny-resource-room-too-much-time',
    citation: '8 NYCRR 200.6(f)',
  },
  {
    what: 'a resource room group of 6',
    example: 'maya-thompson',
    mutate: (d) => (d.services.specialEducation[0].groupSize = 6),
    code: 'ny-resource-room-group-too-large',
    citation: '8 NYCRR 200.6(f)',
  },
  {
    what: 'a special class "9:1"',
    example: 'mateo-almonte',
    mutate: (d) => {
      const ict = d.services.specialEducation[0];
      delete ict.studentsWithDisabilities;
      Object.assign(ict, { program: 'special-class', ratio: '9:1', location: 'special-education-classroom' });
    },
    code: 'ny-special-class-ratio-unlisted',
    citation: '8 NYCRR 200.6(h)(4)',
  },
  {
    what: 'a special class "12:1" in grade 3',
    example: 'maya-thompson',
    mutate: (d) => Object.assign(d.services.specialEducation[0], { program: 'special-class', ratio: '12:1', groupSize: undefined }),
    code: 'ny-special-class-ratio-unlisted',
    citation: '8 NYCRR 200.6(h)(4)',
  },
  {
    what: 'integrated co-teaching with 13 students with disabilities',
    example: 'amira-saleh',
    mutate: (d) => (d.services.specialEducation[0].studentsWithDisabilities = 13),
    code: 'ny-ict-too-many-students',
    citation: '8 NYCRR 200.6(g)(1)',
  },
  {
    what: 'communication needs answered "yes" without saying what',
    example: 'maya-thompson',
    mutate: (d) => (d.specialFactors.communication = { needed: true }),
    code: 'special-factor-unanswered',
    citation: '34 CFR 300.324(a)(2)',
  },
  {
    what: 'a visual impairment with no Braille determination',
    example: 'maya-thompson',
    mutate: (d) => (d.disability.secondary = ['visual-impairment']),
    code: 'braille-determination-missing',
    citation: '34 CFR 300.324(a)(2)(iii)',
  },
  {
    what: 'no interpreter for parents who need one',
    example: 'mateo-almonte',
    mutate: (d) => (d.team = d.team.filter((m: Data) => m.role !== 'interpreter')),
    code: 'parent-interpreter-missing',
    citation: '34 CFR 300.322(e)',
  },
  {
    what: 'no general education teacher for a student in general education',
    example: 'maya-thompson',
    mutate: (d) => (d.team = d.team.filter((m: Data) => m.role !== 'general-education-teacher')),
    code: 'team-general-education-teacher-missing',
    citation: '34 CFR 300.321(a)(2)',
  },
  {
    what: '12-month services without a provider',
    example: 'maya-thompson',
    mutate: (d) => (d.twelveMonthServices = { eligible: true, sameAsAbove: true }),
    code: 'ny-twelve-month-provider-missing',
    citation: '8 NYCRR 200.4(d)(2)(x)',
  },
  {
    what: 'a Braille question answered "not applicable" for a student with a visual impairment',
    example: 'mateo-almonte',
    mutate: (d) => (d.disability.secondary = ['visual-impairment']),
    code: 'braille-determination-missing',
    citation: '34 CFR 300.324(a)(2)(iii)',
  },
  {
    what: 'no transfer-of-rights statement at 17 (federal profile)',
    example: 'amira-saleh',
    mutate: (d) => delete d.transferOfRights,
    code: 'transfer-of-rights-missing',
    citation: '34 CFR 300.320(c)',
    profile: 'federal',
  },
];

/** Writes a mutated copy of `example` (undefined fields dropped) and answers its path. */
function writeMutated(example: Example, mutate: (d: Data) => void, name: string): string {
  const data = read(example);
  mutate(data);
  const file = join(tmp, `${example}-${name}.iep.yaml`);
  writeFileSync(file, stringify(JSON.parse(JSON.stringify(data))));
  return file;
}

describe('each new rule on a mutated example, as `iep check` prints it', () => {
  it.each(MUTATIONS.map((m, i) => [m.what, m, i] as const))('%s', async (_what, m, i) => {
    const file = writeMutated(m.example, m.mutate, String(i));
    const { code, output } = await iepCheck(file, m.profile ?? 'ny');
    const line = output.split('\n').findIndex((l) => /^\s+\d+:\d+\s+error\s/.test(l) && l.trimEnd().endsWith(m.code));
    expect(line, output).toBeGreaterThan(-1);
    // The hint line under the finding ends with the citation.
    expect(output.split('\n')[line + 1], output).toContain(`(${m.citation})`);
    expect(code).toBe(1);
  });

  it('passes on the examples as they are: none of these rules reports anything, in ny and federally', async () => {
    const codes = [...new Set(MUTATIONS.map((m) => m.code))];
    for (const example of ['maya-thompson', 'mateo-almonte', 'amira-saleh', 'rayhan-chowdhury'] as const) {
      for (const profile of ['ny', 'federal'] as const) {
        const { code, output } = await iepCheck(`${examplesDir}${example}.iep.yaml`, profile);
        for (const rule of codes) expect(output, `${example} ${profile}`).not.toContain(rule);
        expect(code, output).toBe(0);
      }
    }
  });

  it('does not check transfer of rights in New York, where it is unconfirmed', async () => {
    const file = writeMutated('amira-saleh', (d) => delete d.transferOfRights, 'ny-transfer');
    const { output } = await iepCheck(file, 'ny');
    expect(output).not.toContain('transfer-of-rights-missing');
  });
});
