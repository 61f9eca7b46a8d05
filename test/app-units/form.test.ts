/**
 * The generated form (src/app/form/create-form.ts) in the real Chromium: bundled with esbuild into a temporary
 * folder, fed the real schema and a real example record, driven with the keyboard, checked with axe-core.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatPath, parsePath, type PathKey } from '../../src/app/form/json-path.js';
import { isTextSchema, objectBranch, type JSONSchema } from '../../src/model/json-schema.js';
import { ROOT } from '../e2e/helpers.js';
import { AXE, harnessPage, openHarness, type Harness } from './browser-harness.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema', 'iep.schema.json'), 'utf8')) as JSONSchema;
// In-page code runs in Chromium; the root typecheck has no DOM lib, and adding it would reach every file.
declare const document: any;
declare const window: any;
declare const CSS: any;

const record = parse(readFileSync(path.join(ROOT, 'examples', 'maya-thompson.iep.yaml'), 'utf8')) as Record<string, any>;
const HOSTILE = '<img src=x onerror=alert(1)>';
const GOALS = 'fieldset[data-path="goals"] > ol';

let harness: Harness;
let page: Page;
const dialogs: string[] = [];

/** Every path of the record that should have its own control: leaves, narrative fields, closed-list lists. */
/** Every field of a record a person can change: a fixed value (`schemaVersion: 1`, a schema `const`) has no control. */
function leafPaths(value: unknown, node: JSONSchema | undefined, at: PathKey[], out: PathKey[][] = []): PathKey[][] {
  if (!node || 'const' in node) return out;
  if (isTextSchema(node) || node.items?.enum) {
    out.push(at);
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => leafPaths(item, node.items, [...at, i], out));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const object = objectBranch(node);
    for (const [key, item] of Object.entries(value)) leafPaths(item, object?.properties?.[key], [...at, key], out);
    return out;
  }
  out.push(at);
  return out;
}

async function openForm(languages: string[], data: unknown): Promise<void> {
  await page.setContent(harnessPage('<div id="form"></div>', readFileSync(path.join(ROOT, 'src/app/form/form.css'), 'utf8')));
  await page.addScriptTag({ content: harness.bundle });
  await page.evaluate(
    (schemaJson, recordJson, langs) => {
      const w = window as any;
      w.edits = [];
      w.form = w.createForm(document.getElementById('form'), {
        schema: JSON.parse(schemaJson),
        onEdit: (p: unknown, v: unknown) => w.edits.push([p, v]),
        languages: langs,
      });
      w.form.update(JSON.parse(recordJson));
    },
    JSON.stringify(schema),
    JSON.stringify(data),
    languages,
  );
}

const lastEdit = (): Promise<[PathKey[], unknown]> => page.evaluate(() => (window as any).edits.at(-1));

beforeAll(async () => {
  harness = await openHarness(
    `import { createForm } from '../../src/app/form/create-form.ts';
     import { applyEdit } from '../../src/model/apply-edit.ts';
     import { parse } from 'yaml';
     Object.assign(window, { createForm, applyEdit, parseYaml: parse });`,
  );
  page = harness.page;
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('the form generated from the IEP schema, in Chromium', () => {
  it.each(['maya-thompson', 'mateo-almonte', 'amira-saleh', 'rayhan-chowdhury'])(
    'has a control for every field of %s, showing its value',
    async (name) => {
      const example = parse(readFileSync(path.join(ROOT, 'examples', `${name}.iep.yaml`), 'utf8')) as Record<string, any>;
      await openForm(['es'], example);
      const paths = leafPaths(example, schema, []).map((p) => ({ key: formatPath(p), value: p.reduce((v: any, k) => v[k], example) }));
      expect(paths.length).toBeGreaterThan(150);
      const missing = await page.evaluate((all: { key: string; value: unknown }[]) => {
        const problems: string[] = [];
        for (const { key, value } of all) {
          const wrapper = document.querySelector(`[data-path="${CSS.escape(key)}"]`);
          const control = wrapper?.matches('input, select, textarea') ? wrapper : wrapper?.querySelector('input, select, textarea');
          if (!control) problems.push(`${key}: no control`);
          else if ((typeof value === 'string' || typeof value === 'number') && control.tagName !== 'SELECT') {
            if ((control as any).value !== String(value)) problems.push(`${key}: shows ${(control as any).value}`);
          }
        }
        return problems;
      }, paths);
      expect(missing).toEqual([]);
    },
  );

  it('shows no control for what a person cannot choose: the fixed schemaVersion and the editors\' $schema link', async () => {
    await openForm(['es'], { ...record, $schema: '../schema/iep.schema.json' });
    expect(await page.$$('[data-path="schemaVersion"], [data-path="$schema"]')).toHaveLength(0);
    expect(await page.$$('[data-path="student.firstName"] input')).toHaveLength(1);
  });

  it('puts sections in the schema order, with labels in words and required fields marked in text', async () => {
    await openForm(['es'], record);
    const legends = await page.$$eval('form > fieldset.section > legend', (els) => els.map((e) => e.textContent));
    expect(legends.slice(0, 3)).toEqual(['Document status (required)', 'Student (required)', 'Disability classification (required)']);
    const order = await page.$$eval('fieldset[data-path="presentLevels.academic"] > [data-path]', (els) =>
      els.map((e) => e.getAttribute('data-path')),
    );
    expect(order.indexOf('presentLevels.academic.strengths')).toBeLessThan(order.indexOf('presentLevels.academic.needs'));
    const label = await page.$eval('[data-path="meeting.annualReviewDate"] label', (e) => e.textContent);
    expect(label).toBe('Annual review date (required)');
    const date = await page.$eval('[data-path="meeting.annualReviewDate"] input', (e) => ({
      type: e.getAttribute('type'),
      help: document.getElementById(e.getAttribute('aria-describedby')!)?.textContent,
    }));
    expect(date.type).toBe('date');
    expect(date.help).toBe((schema.properties!.meeting!.properties!.annualReviewDate as JSONSchema).description);
  });

  it('shows closed lists with human labels', async () => {
    const chosen = await page.$eval('[data-path="meeting.type"] select', (s) => (s as any).selectedOptions[0]?.textContent);
    expect(chosen).toBe('Annual review');
    const classification = await page.$$eval('[data-path="disability.classification"] option', (os) => os.map((o) => o.textContent));
    expect(classification).toContain('Deaf-blindness');
    expect(classification).toContain('Speech or language impairment');
  });

  it('calls onEdit with the path of the field typed in, and update() keeps focus and caret there', async () => {
    await page.focus('[data-path="student.firstName"] input');
    await page.keyboard.press('End');
    await page.keyboard.type('na');
    expect(await lastEdit()).toEqual([['student', 'firstName'], 'Mayana']);
    await page.keyboard.press('ArrowLeft');
    await page.evaluate((r) => (window as any).form.update(r), { ...record, student: { ...record.student, firstName: 'Mayana' } });
    const state = await page.evaluate(() => {
      const active = document.activeElement as any;
      return { path: active.closest('[data-path]')?.getAttribute('data-path'), caret: active.selectionStart, value: active.value };
    });
    expect(state).toEqual({ path: 'student.firstName', caret: 5, value: 'Mayana' });

    await page.focus('[data-path="parentConcerns.es"] textarea');
    await page.keyboard.type('Hola');
    expect(await lastEdit()).toEqual([['parentConcerns', 'es'], 'Hola']);
  });

  it('reorders a list with the keyboard, with buttons that say which item they move', async () => {
    await openForm([], record);
    await page.focus(`${GOALS} > li[data-index="1"] > details > summary`);
    await page.keyboard.press('Enter'); // opens goal 2
    const up = await page.$(`${GOALS} > li[data-index="1"] > details > .item-actions > button[data-action="up"]`);
    const button = await up!.evaluate((b: any) => ({
      name: b.textContent,
      visible: [...b.childNodes]
        .filter((n: any) => !n.classList?.contains('visually-hidden'))
        .map((n: any) => n.textContent)
        .join('')
        .replace(/\s+/g, ' '),
    }));
    expect(button).toEqual({ name: 'Move goal 2 up', visible: 'Move up' });
    await up!.focus();
    await page.keyboard.press('Enter');
    const [editPath, list] = await lastEdit();
    expect(editPath).toEqual(['goals']);
    expect((list as { id: string }[]).map((g) => g.id)).toEqual([record.goals[1].id, record.goals[0].id, ...record.goals.slice(2).map((g: any) => g.id)]);
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Move goal 1 down');
    const firstId = await page.$eval('[data-path="goals[0].id"] input', (i) => (i as any).value);
    expect(firstId).toBe(record.goals[1].id);
    await page.keyboard.press('Space'); // and back down
    expect(((await lastEdit())[1] as { id: string }[])[0]!.id).toBe(record.goals[0].id);
  });

  it('shows a diagnostic next to its field, and a missing field on its group; focusPath opens the item', async () => {
    await openForm([], record);
    await page.evaluate(() =>
      (window as any).form.showDiagnostics([
        { code: 'x', severity: 'error', message: 'Criteria must be measurable.', path: 'goals[0].criteria' },
        { code: 'missing-required-field', severity: 'error', message: 'A required field is missing.', path: 'student.middleName' },
      ]),
    );
    const field = await page.$eval('[data-path="goals[0].criteria"]', (wrapper) => {
      const control = wrapper.querySelector('textarea, input')!;
      const message = wrapper.querySelector('.messages .diagnostic');
      return {
        invalid: control.getAttribute('aria-invalid'),
        describedBy: control.getAttribute('aria-describedby')?.split(' ').includes(message?.id ?? '-'),
        text: message?.textContent,
      };
    });
    expect(field).toEqual({ invalid: 'true', describedBy: true, text: 'Error: Criteria must be measurable.' });
    const group = await page.$eval('fieldset[data-path="student"]', (fs) => ({
      text: fs.querySelector(':scope > .messages')?.textContent,
      describedBy: fs.getAttribute('aria-describedby')?.includes(fs.querySelector(':scope > .messages > .diagnostic')!.id),
    }));
    expect(group).toEqual({ text: 'Error: A required field is missing. (Middle name)', describedBy: true });
    expect(await page.$eval(`${GOALS} > li[data-index="0"] > details > summary .item-problems`, (s) => s.textContent)).toBe(' (1 problem)');

    await page.evaluate(() => (window as any).form.focusPath('goals[0].criteria'));
    const focus = await page.evaluate(() => ({
      open: (document.querySelector('fieldset[data-path="goals"] > ol > li[data-index="0"] > details') as any).open,
      path: document.activeElement?.closest('[data-path]')?.getAttribute('data-path'),
    }));
    expect(focus).toEqual({ open: true, path: 'goals[0].criteria' });
  });

  it('shows a choice-or-count field (frequency) as a choice, and its count fields only when a count is chosen', async () => {
    await openForm([], record);
    const frequencies = await page.$$eval('fieldset.variant[data-path$=".frequency"]', (sets) =>
      sets.map((fs: any) => ({
        path: fs.getAttribute('data-path'),
        chosen: fs.querySelector('select').selectedOptions[0].textContent,
        countShown: !fs.querySelector('.variant-fields').hidden,
        times: fs.querySelector('[data-path$=".times"] input').value,
      })),
    );
    expect(frequencies[0]).toEqual({ path: 'services.specialEducation[0].frequency', chosen: 'Times per interval', countShown: true, times: '5' });
    const asNeeded = frequencies.find((f) => f.chosen === 'Throughout the day')!;
    expect(asNeeded.countShown).toBe(false);
    // a message about the hidden count goes on the frequency's group, where it can be seen
    await page.evaluate((p) => (window as any).form.showDiagnostics([{ code: 'x', severity: 'error', message: 'Say how often.', path: `${p}.times` }]), asNeeded.path);
    const shownOn = await page.$eval('.diagnostic', (m: any) => m.closest('[data-path]').getAttribute('data-path'));
    expect(shownOn).toBe(asNeeded.path);
    await page.select(`fieldset[data-path="${asNeeded.path}"] select`, 'object');
    expect(await lastEdit()).toEqual([parsePath(asNeeded.path), {}]);
    expect(await page.$eval(`fieldset[data-path="${asNeeded.path}"] .variant-fields`, (f: any) => f.hidden)).toBe(false);
  });

  it('shows hostile text as text', async () => {
    const hostile = structuredClone(record);
    hostile.student.firstName = HOSTILE;
    hostile.goals[0].goal = HOSTILE;
    await openForm([], hostile);
    await page.evaluate((text) => (window as any).form.showDiagnostics([{ code: 'x', severity: 'warning', message: text, path: 'student.firstName' }]), HOSTILE);
    const seen = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      input: (document.querySelector('[data-path="student.firstName"] input') as any).value,
      summary: document.querySelector('fieldset[data-path="goals"] > ol > li[data-index="0"] .item-excerpt')?.textContent,
      message: document.querySelector('[data-path="student.firstName"] .diagnostic')?.textContent,
    }));
    expect(seen).toEqual({ images: 0, input: HOSTILE, summary: `: ${HOSTILE}`, message: `Warning: ${HOSTILE}` });
    // A hint is its own line, named as the problems panel names it.
    await page.evaluate(() => (window as any).form.showDiagnostics([{ code: 'x', severity: 'error', message: 'student.grade must be text, but it is number 7', hint: 'write "7" (in quotes): grade: "7"', path: 'student.firstName' }]));
    const lines = await page.$$eval('[data-path="student.firstName"] .diagnostic p', (ps) => ps.map((p) => p.textContent));
    expect(lines).toEqual(['Error: student.grade must be text, but it is number 7', 'How to fix: write "7" (in quotes): grade: "7"']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dialogs).toEqual([]);
  });

  it('sets lang and dir on each translation column (right to left for Arabic and Urdu)', async () => {
    await openForm(['ar', 'ur', 'es'], record);
    const columns = await page.$$eval('fieldset[data-path="parentConcerns"] textarea', (areas) =>
      areas.map((a) => `${a.getAttribute('lang')}:${a.getAttribute('dir')}:${document.querySelector(`label[for="${a.id}"]`)?.textContent}`),
    );
    expect(columns).toEqual(['en:ltr:English', 'ar:rtl:Arabic', 'ur:rtl:Urdu', 'es:ltr:Spanish']);
  });

  it('has no WCAG 2.1 AA violation (axe-core), items open and diagnostics shown', async () => {
    await openForm(['es'], record);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      (window as any).form.showDiagnostics([
        { code: 'x', severity: 'error', message: 'Criteria must be measurable.', path: 'goals[0].criteria' },
        { code: 'y', severity: 'warning', message: 'Deficit wording.', path: 'parentConcerns', fix: { path: 'parentConcerns', text: 'New text' } },
      ]);
    });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v: any) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
    });
    expect(violations).toEqual([]);
  }, 120_000);

  it('drives applyEdit: edits made by keyboard end up in the YAML text, its comments kept', async () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'maya-thompson.iep.yaml'), 'utf8');
    await page.setContent(harnessPage('<div id="form"></div>'));
    await page.addScriptTag({ content: harness.bundle });
    await page.evaluate(
      (schemaJson, yamlText) => {
        const w = window as any;
        const schemaObject = JSON.parse(schemaJson);
        w.text = yamlText;
        w.form = w.createForm(document.getElementById('form'), {
          schema: schemaObject,
          languages: ['es'],
          onEdit: (p: unknown, v: unknown) => {
            w.text = w.applyEdit(w.text, p, v, { schema: schemaObject });
            w.form.update(w.parseYaml(w.text));
          },
        });
        w.form.update(w.parseYaml(w.text));
      },
      JSON.stringify(schema),
      text,
    );
    await page.focus('[data-path="student.firstName"] input');
    await page.keyboard.press('End');
    await page.keyboard.type('na');
    await page.focus(`${GOALS} > li[data-index="1"] > details > summary`);
    await page.keyboard.press('Enter');
    await page.focus(`${GOALS} > li[data-index="1"] > details > .item-actions > button[data-action="up"]`);
    await page.keyboard.press('Enter');
    await page.focus('fieldset[data-path="team"] > button.add');
    await page.keyboard.press('Enter');
    await page.keyboard.type('New Person'); // the new member's first field has the focus
    await page.select('[data-path="meeting.type"] select', '1');
    await page.focus(`[data-path="goals[0].criteria.es"] textarea`);
    await page.keyboard.type('Hola');

    const after: string = await page.evaluate(() => (window as any).text);
    const data = parse(after);
    expect(data.student.firstName).toBe('Mayana');
    expect(data.goals.map((g: any) => g.id)).toEqual([record.goals[1].id, record.goals[0].id, ...record.goals.slice(2).map((g: any) => g.id)]);
    expect(data.team.at(-1)).toEqual({ name: 'New Person' });
    expect(data.meeting.type).toBe((schema.properties!.meeting!.properties!.type as JSONSchema).enum![1]);
    expect(data.goals[0].criteria).toEqual({ en: record.goals[1].criteria, es: 'Hola' });
    const comments = (t: string): string[] => t.split('\n').filter((l) => /^\s*#/.test(l));
    expect(comments(after)).toEqual(comments(text));
  });
});
