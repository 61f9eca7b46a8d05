/** Text, date, e-mail and number fields (and a long plain string as a textarea). */
import { h } from '../dom.js';
import { fieldFrame, isFocused, type FrameOptions } from './field-frame.js';
import type { FormContext } from './form-context.js';
import type { JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

export function buildInput(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: FrameOptions): HTMLElement {
  const numeric = schema.type === 'integer' || schema.type === 'number';
  const long = !numeric && (schema.maxLength ?? 0) > 2000; // longer than a link or a name
  const control: HTMLInputElement | HTMLTextAreaElement = long
    ? h('textarea', { rows: '3' })
    : h('input', {
        type: numeric ? 'number' : schema.format === 'date' ? 'date' : schema.format === 'email' ? 'email' : 'text',
        step: schema.type === 'integer' ? '1' : undefined,
        min: schema.minimum !== undefined ? String(schema.minimum) : undefined,
        max: schema.maximum !== undefined ? String(schema.maximum) : undefined,
        maxlength: !numeric && schema.maxLength ? String(schema.maxLength) : undefined,
        autocomplete: 'off',
      });
  if (schema.const !== undefined) control.readOnly = true; // e.g. schemaVersion: shown, not changed
  control.addEventListener('input', () => {
    const text = control.value;
    if (!numeric) return ctx.edit(path, text === '' ? undefined : text);
    if (text === '') return ctx.edit(path, undefined);
    const number = Number(text);
    if (Number.isFinite(number)) ctx.edit(path, number); // a half-typed "-" waits for the next key
  });
  const { wrapper, messages } = fieldFrame(ctx, path, options, control);
  ctx.register({
    path,
    control,
    target: control,
    messages,
    refresh(value) {
      if (isFocused(control)) return;
      const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (control.value !== text) control.value = text;
    },
  });
  return wrapper;
}
