/** A closed list (enum) or a yes/no as a <select> with human labels; a value outside the list is shown, not hidden. */
import { h } from '../dom.js';
import { fieldFrame, type FrameOptions } from './field-frame.js';
import type { FormContext } from './form-context.js';
import type { JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

export function buildChoice(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: FrameOptions): HTMLElement {
  const values: unknown[] = schema.type === 'boolean' ? [true, false] : (schema.enum ?? []);
  const label = (value: unknown): string =>
    value === true ? ctx.labels.ui('yes') : value === false ? ctx.labels.ui('no') : ctx.labels.value(value);
  const select = h('select', {}, h('option', { value: '' }, ctx.labels.ui(options.required ? 'choose' : 'notSet')));
  values.forEach((value, i) => select.append(h('option', { value: String(i) }, label(value))));
  const stray = h('option', { value: 'stray', hidden: '' });
  select.append(stray);
  select.addEventListener('change', () => {
    if (select.value === 'stray') return;
    ctx.edit(path, select.value === '' ? undefined : values[Number(select.value)]);
  });
  const { wrapper, messages } = fieldFrame(ctx, path, options, select);
  ctx.register({
    path,
    control: select,
    target: select,
    messages,
    refresh(value) {
      const index = values.findIndex((v) => v === value);
      stray.hidden = index >= 0 || value === undefined;
      if (!stray.hidden) stray.textContent = ctx.labels.ui('notInList', { value: String(value) });
      select.value = value === undefined ? '' : index >= 0 ? String(index) : 'stray';
    },
  });
  return wrapper;
}
