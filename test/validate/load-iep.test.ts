import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadIep, loadIepFile } from '../../src/validate/load-iep.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { editMinimal, minimalData, minimalText, positionOf } from '../load/minimal-text.js';

const FILE = 'ana.iep.yaml';

/** What a person acts on: code, JSON path (when the problem is in the data), line and column. */
const located = (d: Diagnostic) => ({ code: d.code, ...(d.path !== undefined ? { path: d.path } : {}), line: d.line, column: d.column });

function load(source: string | Uint8Array, file = FILE) {
  const result = loadIep(source, { file });
  // Invariants of every result: errors mean no record; every diagnostic names the file and is an error here.
  for (const d of result.diagnostics) {
    expect(d.file).toBe(file);
    expect(d.message).toBeTruthy();
    expect(d.hint).toBeTruthy();
  }
  if (result.diagnostics.length > 0) expect(result.iep).toBeUndefined();
  return result;
}
const diagnose = (source: string | Uint8Array, file = FILE) => load(source, file).diagnostics.map(located);

afterEach(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
});

describe('loadIep: valid input', () => {
  it('loads minimal.iep.yaml into a typed record with no diagnostics', () => {
    const result = load(minimalText);
    expect(result.diagnostics).toEqual([]);
    expect(result.iep?.student.firstName).toBe('Ana');
    expect(result.iep?.goals[0]?.buildsOn).toEqual(['retells-stories', 'animals']);
    expect(result.sourceMap?.locate(['student', 'firstName'])).toEqual(positionOf(minimalText, '  firstName: ', 'Ana'));
  });

  it('reads bytes and text the same way', () => {
    expect(loadIep(new TextEncoder().encode(minimalText), { file: FILE }).iep).toEqual(loadIep(minimalText, { file: FILE }).iep);
  });

  it('loads the same record written as JSON', () => {
    const json = JSON.stringify(minimalData(), null, 2);
    expect(load(json, 'ana.json').iep).toEqual(load(minimalText).iep);
  });

  it('accepts 2024-02-29, a real leap day', () => {
    expect(load(editMinimal(['"2016-04-12"', '"2024-02-29"'])).diagnostics).toEqual([]);
  });

  it('names the file <input> when no file is given', () => {
    expect(loadIep('').diagnostics[0]?.file).toBe('<input>');
  });
});

describe('loadIep: every kind of malformed input gets a located diagnostic, never a throw', () => {
  it('YAML syntax error: an unquoted colon inside text (text-needs-quotes: first-hour-messages.test.ts)', () => {
    const text = editMinimal(['parentConcerns: We want Ana to enjoy reading.', 'parentConcerns: Our wish: Ana enjoys reading.']);
    // The parser points at the start of the value that holds the stray colon.
    expect(diagnose(text)).toEqual([{ code: 'text-needs-quotes', ...positionOf(text, 'parentConcerns: ', 'Our wish') }]);
  });

  it('JSON syntax error: a .json file missing the brace that closes "student"', () => {
    const json = JSON.stringify(minimalData(), null, 2).replace(/\n {4}\]\n {2}\},\n {2}"disability"/, '\n    ]\n  "disability"');
    expect(json).not.toBe(JSON.stringify(minimalData(), null, 2));
    const diagnostics = diagnose(json, 'ana.json');
    // First at the key that follows without a comma, where the missing brace shows.
    expect(diagnostics[0]).toEqual({ code: 'syntax-error', ...positionOf(json, '  ]\n  ', '"disability"') });
    expect(diagnostics.every((d) => d.code === 'syntax-error')).toBe(true);
  });

  it('truncated file: cut in the middle of a quoted string', () => {
    const text = minimalText.slice(0, minimalText.indexOf('"2026-05-14"') + 6); // ends with: date: "2026-
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'syntax-error', ...positionOf(text, '  date: "2026-') });
    expect(d?.message).toMatch(/quote/);
    expect(d?.hint).toMatch(/truncated/);
  });

  it('truncated file: cut in the middle of a line (inside a key)', () => {
    const text = minimalText.slice(0, minimalText.indexOf('  firstName: Ana') + 7); // ends with: "  first"
    expect(diagnose(text)).toEqual([{ code: 'syntax-error', ...positionOf(text, '\n  ', 'first') }]);
  });

  it('truncated file: cut in the middle of a line after a key, so fields are missing', () => {
    const text = minimalText.slice(0, minimalText.indexOf('  lastName: Lopez') + 14); // "  lastName: Lo"
    const diagnostics = diagnose(text);
    expect(diagnostics.length).toBeGreaterThan(1);
    expect(diagnostics.every((d) => d.code === 'missing-required-field' && d.line !== undefined)).toBe(true);
    expect(diagnostics.map((d) => d.path)).toContain('student.dateOfBirth');
    expect(diagnostics.map((d) => d.path)).toContain('goals');
  });

  it('empty file', () => {
    expect(diagnose('')).toEqual([{ code: 'empty-file', path: '', line: 1, column: 1 }]);
    expect(diagnose(new Uint8Array())).toEqual([{ code: 'empty-file', path: '', line: 1, column: 1 }]);
  });

  it('whitespace-only file', () => {
    expect(diagnose('   \n\n\t  \r\n')).toEqual([{ code: 'empty-file', path: '', line: 1, column: 1 }]);
  });

  it('binary data: PNG header bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(diagnose(png)).toEqual([{ code: 'binary-file', path: '', line: 3, column: 1 }]);
  });

  it('binary data: random bytes with a NUL', () => {
    const random = new Uint8Array([0x3a, 0x41, 0x7f, 0x11, 0x02, 0x0a, 0x9b, 0x42, 0x00, 0xff, 0x10]);
    expect(diagnose(random)).toEqual([{ code: 'binary-file', path: '', line: 2, column: 3 }]);
  });

  it('UTF-8 byte-order mark, given as bytes or as text', () => {
    expect(diagnose(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(minimalText)]))).toEqual([{ code: 'byte-order-mark', path: '', line: 1, column: 1 }]);
    expect(diagnose('\uFEFF' + minimalText)).toEqual([{ code: 'byte-order-mark', path: '', line: 1, column: 1 }]);
  });

  it('UTF-16 file (what Notepad calls "Unicode")', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(minimalText, 'utf16le')]);
    expect(diagnose(utf16)).toEqual([{ code: 'unsupported-encoding', path: '', line: 1, column: 1 }]);
  });

  it('invalid UTF-8 bytes: "López" saved as Latin-1', () => {
    const text = editMinimal(['  lastName: Lopez', '  lastName: L?pez']);
    const bytes = new TextEncoder().encode(text);
    bytes[text.indexOf('L?pez') + 1] = 0xf3;
    expect(diagnose(bytes)).toEqual([{ code: 'invalid-utf8', path: '', ...positionOf(text, '  lastName: L', '?pez') }]);
  });

  it('wrong type: a number where text is expected', () => {
    const text = editMinimal(['  firstName: Ana', '  firstName: 42']);
    const [d] = load(text).diagnostics;
    expect(located(d!)).toEqual({ code: 'wrong-type', path: 'student.firstName', ...positionOf(text, '  firstName: ', '42') });
    expect(d?.message).toBe('student.firstName must be text, but it is number 42');
  });

  it('wrong type: a string where a list is expected', () => {
    const need = 'Ana is learning to decode words with two or more syllables.';
    const text = editMinimal([`    needs:\n      - ${need}`, `    needs: ${need}`]);
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'wrong-type', path: 'presentLevels.academic.needs', ...positionOf(text, '    needs: ', need) });
    expect(d?.message).toMatch(/must be a list/);
  });

  it('unknown field, with a did-you-mean hint (firstNme -> firstName)', () => {
    const text = editMinimal(['  firstName: Ana', '  firstNme: Ana']);
    const diagnostics = load(text).diagnostics;
    const unknown = diagnostics.find((d) => d.code === 'unknown-field');
    expect(located(unknown!)).toEqual({ code: 'unknown-field', path: 'student.firstNme', ...positionOf(text, '\n  ', 'firstNme') });
    expect(unknown?.hint).toBe('did you mean `firstName`?');
    // The misspelled field also leaves firstName missing; both are reported, in line order.
    expect(diagnostics.map(located)).toEqual([
      { code: 'missing-required-field', path: 'student.firstName', ...positionOf(text, 'student:\n  ', 'id: "T0001"') },
      { code: 'unknown-field', path: 'student.firstNme', ...positionOf(text, '\n  ', 'firstNme') },
    ]);
  });

  it('unknown field with no near match lists the fields that are allowed', () => {
    const text = editMinimal(['  firstName: Ana', '  firstName: Ana\n  shoeSize: 3']);
    const [d] = load(text).diagnostics;
    expect(located(d!)).toEqual({ code: 'unknown-field', path: 'student.shoeSize', ...positionOf(text, '\n  ', 'shoeSize') });
    expect(d?.hint).toMatch(/^fields here: id, firstName, lastName/);
  });

  it('__proto__, constructor and prototype keys are refused, the record is not returned, and Object.prototype stays clean', () => {
    const text = editMinimal(['  school: P.S. 11\n', '  school: P.S. 11\n  __proto__: { polluted: true }\n  constructor: { polluted: true }\n  prototype: { polluted: true }\n']);
    const result = load(text);
    expect(result.diagnostics.map(located)).toEqual([
      { code: 'forbidden-key', path: 'student.__proto__', ...positionOf(text, '\n  ', '__proto__') },
      { code: 'forbidden-key', path: 'student.constructor', ...positionOf(text, '\n  ', 'constructor') },
      { code: 'forbidden-key', path: 'student.prototype', ...positionOf(text, '\n  ', 'prototype') },
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a record with forbidden keys is not returned as valid (loadIep returned iep beside forbidden-key errors)', () => {
    const result = loadIep(editMinimal(['  school: P.S. 11\n', '  school: P.S. 11\n  __proto__: { polluted: true }\n']), { file: FILE });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['forbidden-key']);
    expect(result).not.toHaveProperty('iep');
  });

  it('a JSON "__proto__" key is refused and pollutes nothing', () => {
    const json = JSON.stringify({ __proto__: null, ...minimalData() }, null, 2).replace('{\n', '{\n  "__proto__": { "polluted": true },\n');
    expect(diagnose(json, 'ana.json')).toEqual([{ code: 'forbidden-key', path: '__proto__', line: 2, column: 3 }]);
  });

  it.each([
    ['2025-02-30', 'February has 28 days in 2025'],
    ['2026-13-01', 'there is no month 13'],
    ['2023-02-29', '2023 is not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-4-1', 'month and day need two digits'],
    ['2026-05-14T09:00:00Z', 'a timestamp is not a date'],
  ])('absurd date %s (%s) is invalid-date at the value', (date) => {
    const text = editMinimal(['  dateOfBirth: "2016-04-12"', `  dateOfBirth: "${date}"`]);
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'invalid-date', path: 'student.dateOfBirth', ...positionOf(text, '  dateOfBirth: ', `"${date}"`) });
    expect(d?.message).toContain(date);
  });

  it('an unquoted absurd date is reported the same way (YAML 1.2 keeps it text)', () => {
    const text = editMinimal(['  dateOfBirth: "2016-04-12"', '  dateOfBirth: 2025-02-30']);
    expect(diagnose(text)).toEqual([{ code: 'invalid-date', path: 'student.dateOfBirth', ...positionOf(text, '  dateOfBirth: ', '2025-02-30') }]);
  });

  it('duplicate key: reported at the second occurrence', () => {
    const text = editMinimal(['  lastName: Lopez\n', '  lastName: Lopez\n  lastName: López\n']);
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'syntax-error', ...positionOf(text, 'Lopez\n  ', 'lastName: López') });
    expect(d?.message).toMatch(/unique/);
  });

  it('two YAML documents in one file: reported at the separator', () => {
    const text = minimalText + '---\nschemaVersion: 1\n';
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'syntax-error', ...positionOf(text, '\n', '---') });
    expect(d?.hint).toMatch(/one record/);
  });

  it.each([
    ['a list', '- schemaVersion: 1\n- schemaVersion: 1\n'],
    ['a scalar', 'Ana Lopez\n'],
    ['a JSON list', '[{ "schemaVersion": 1 }]'],
    ['a number', '1\n'],
  ])('a top level that is %s is not-a-record', (_, text) => {
    expect(diagnose(text)).toEqual([{ code: 'not-a-record', path: '', line: 1, column: 1 }]);
  });

  it('a YAML tag like !!js/function is refused and nothing runs', () => {
    const text = editMinimal(['  firstName: Ana', '  firstName: !!js/function "function () { globalThis.iepkitTagRan = true }"']);
    expect(diagnose(text)).toEqual([{ code: 'unsupported-yaml-tag', ...positionOf(text, '  firstName: ', '!!js/function') }]);
    expect((globalThis as { iepkitTagRan?: boolean }).iepkitTagRan).toBeUndefined();
  });

  it('an alias bomb (billion laughs) is stopped, quickly', () => {
    const rows = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    'bcdefghi'.split('').forEach((name, i) => rows.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`));
    expect(diagnose(rows.join('\n'))).toEqual([{ code: 'too-many-aliases', line: 1, column: 1 }]);
  });

  it('a goal whose buildsOn names a strength id that does not exist, with a did-you-mean hint', () => {
    const text = editMinimal(['buildsOn: [retells-stories, animals]', 'buildsOn: [retells-story, animals]']);
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'unknown-strength-reference', path: 'goals[0].buildsOn[0]', ...positionOf(text, 'buildsOn: [', 'retells-story') });
    expect(d?.hint).toBe('did you mean `retells-stories`?');
  });

  it('duplicate strength ids, even across domains', () => {
    const text = editMinimal(['{ id: kind-partner,', '{ id: retells-stories,']);
    const [d, ...rest] = load(text).diagnostics;
    expect(rest).toEqual([]);
    expect(located(d!)).toEqual({ code: 'duplicate-id', path: 'presentLevels.social.strengths[0].id', ...positionOf(text, '{ id: ', 'retells-stories, text: Ana is a kind') });
    expect(d?.hint).toContain('presentLevels.academic.strengths[0].id');
  });

  it('a missing required field points at the mapping it belongs in', () => {
    const text = editMinimal(['  firstName: Ana\n', '']);
    expect(diagnose(text)).toEqual([{ code: 'missing-required-field', path: 'student.firstName', ...positionOf(text, 'student:\n  ', 'id: "T0001"') }]);
  });
});

describe('loadIep: all problems of a file are reported, in line order', () => {
  it('a file with 5 different errors gets 5 diagnostics, sorted by line (they came in schema order, the last line first)', () => {
    const text =
      editMinimal(
        ['  status: draft', '  status: drafted'],
        ['  firstName: Ana', '  firstName: 42'],
        ['  date: "2026-05-14"', '  date: "2026-02-30"'],
        ['buildsOn: [retells-stories, animals]', 'buildsOn: [retells-story, animals]'],
      ) + 'notes: an extra field at the end\n';
    expect(diagnose(text)).toEqual([
      { code: 'invalid-value', path: 'document.status', ...positionOf(text, '  status: ', 'drafted') },
      { code: 'wrong-type', path: 'student.firstName', ...positionOf(text, '  firstName: ', '42') },
      { code: 'invalid-date', path: 'meeting.date', ...positionOf(text, '  date: ', '"2026-02-30"') },
      { code: 'unknown-strength-reference', path: 'goals[0].buildsOn[0]', ...positionOf(text, 'buildsOn: [', 'retells-story') },
      { code: 'unknown-field', path: 'notes', ...positionOf(text, '\n', 'notes:') },
    ]);
  });

  it('reports a bad strength reference together with schema errors, not in a second round', () => {
    const text = editMinimal(['  firstName: Ana', '  firstName: 42'], ['buildsOn: [retells-stories, animals]', 'buildsOn: [retells-stories, animal]']);
    expect(diagnose(text).map((d) => d.code)).toEqual(['wrong-type', 'unknown-strength-reference']);
  });

  it('reports every syntax error, in line order', () => {
    const text = 'a: [1, 2\nb: ok\nc: "open\n';
    const diagnostics = diagnose(text);
    expect(diagnostics.length).toBeGreaterThan(1);
    expect(diagnostics.every((d) => d.code === 'syntax-error')).toBe(true);
    const order = diagnostics.map((d) => d.line! * 1000 + d.column!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('loadIep never throws', () => {
  it('gives a record or located errors for the minimal file cut at every length', () => {
    for (let end = 0; end <= minimalText.length; end += 3) {
      const text = minimalText.slice(0, end);
      const result = loadIep(text, { file: FILE });
      if (result.iep) expect(result.diagnostics).toEqual([]);
      else {
        expect(result.diagnostics.length, `cut at ${end}`).toBeGreaterThan(0);
        const lines = Math.max(1, text.split('\n').length);
        for (const d of result.diagnostics) {
          expect(d.line, `cut at ${end}: ${d.code}`).toBeGreaterThanOrEqual(1);
          expect(d.line!, `cut at ${end}: ${d.code}`).toBeLessThanOrEqual(lines);
          expect(d.column, `cut at ${end}: ${d.code}`).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('gives located errors for pseudo-random bytes', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(1 + (i % 64)).map(() => next());
      const result = loadIep(bytes, { file: FILE });
      expect(result.iep).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('loadIepFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iepkit-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a file from disk and names it in the diagnostics', async () => {
    const path = join(dir, 'bad.iep.yaml');
    writeFileSync(path, editMinimal(['  firstName: Ana', '  firstName: 42']));
    const result = await loadIepFile(path);
    expect(result.file).toBe(path);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['wrong-type', path]]);
  });

  it('reports a missing file as file-unreadable, not a throw', async () => {
    const path = join(dir, 'nope.iep.yaml');
    const result = await loadIepFile(path);
    expect(result.diagnostics).toMatchObject([{ code: 'file-unreadable', severity: 'error', file: path }]);
    expect(result.diagnostics[0]?.message).toMatch(/no such file/);
  });

  it('reports a folder as file-unreadable', async () => {
    const path = join(dir, 'folder.iep.yaml');
    mkdirSync(path);
    const result = await loadIepFile(path);
    expect(result.diagnostics).toMatchObject([{ code: 'file-unreadable', file: path }]);
    expect(result.diagnostics[0]?.message).toMatch(/folder/);
  });
});
