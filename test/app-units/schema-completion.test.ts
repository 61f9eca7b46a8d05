/**
 * Completion in the YAML source tab (src/app/source/schema-completion.ts): keys and closed-list values from the IEP
 * schema, at the place in the record the cursor is, read from a half-typed document. Plain Node: CodeMirror's state
 * and completion context need no DOM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../../src/model/json-schema.js';
import { schemaCompletion } from '../../src/app/source/schema-completion.js';
import { ROOT } from '../e2e/helpers.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'iep.schema.json'), 'utf8')) as JSONSchema;
const complete = schemaCompletion(schema);

/** The completion labels at `|` in `text`. */
function labelsAt(text: string, explicit = false): string[] {
  const pos = text.indexOf('|');
  const state = EditorState.create({ doc: text.replace('|', '') });
  const result = complete(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
  return result ? result.options.map((o) => o.label) : [];
}

describe('schema completion in the YAML source', () => {
  it('offers the top-level keys in schema order, without those already written', () => {
    const labels = labelsAt('schemaVersion: 1\nstudent:\n  id: "1"\nst|');
    expect(labels).toContain('studentVoice');
    expect(labels).not.toContain('student');
    expect(labels.indexOf('document')).toBeLessThan(labels.indexOf('goals'));
  });

  it('offers the keys of a nested object', () => {
    expect(labelsAt('student:\n  id: "1"\n  fir|')).toEqual(expect.arrayContaining(['firstName', 'lastName', 'dateOfBirth']));
    expect(labelsAt('student:\n  id: "1"\n  fir|')).not.toContain('id');
  });

  it('offers the keys of a list item, indented or not, and of a list nested in it', () => {
    expect(labelsAt('goals:\n  - id: a\n    crit|')).toContain('criteria');
    expect(labelsAt('goals:\n- id: a\n  crit|')).toContain('criteria');
    const objective = labelsAt('goals:\n  - id: a\n    objectives:\n      - text: x\n        tar|');
    expect(objective).toContain('targetDate');
    expect(objective).not.toContain('text'); // written already
    expect(objective).not.toContain('baseline'); // a goal's, not an objective's
    expect(labelsAt('goals:\n  - id: a\n    crit|')).not.toContain('id');
    expect(labelsAt('team:\n  - name: A\n    role: parent\n  - na|')).toContain('name');
  });

  it('offers the values of a closed list and of a yes/no', () => {
    expect(labelsAt('meeting:\n  type: |', true)).toEqual(expect.arrayContaining(['initial', 'annual-review', 'reevaluation']));
    expect(labelsAt('team:\n  - name: A\n    attended: |', true)).toEqual(['true', 'false']);
    expect(labelsAt('student:\n  firstName: |', true)).toEqual([]);
  });

  it('stays quiet in a comment and on an empty line until asked', () => {
    expect(labelsAt('# stu|')).toEqual([]);
    expect(labelsAt('student:\n  |')).toEqual([]);
    expect(labelsAt('student:\n  |', true)).toContain('firstName');
  });
});
