/** A list of values from a closed list (e.g. secondary disabilities): a group of checkboxes with human labels. */
import { h } from '../dom.js';
import { groupFrame, type FrameOptions } from './field-frame.js';
import type { FormContext } from './form-context.js';
import type { JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

export function buildMultiChoice(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: FrameOptions): HTMLElement {
  const values = schema.items?.enum ?? [];
  const { fieldset, messages } = groupFrame(ctx, path, options, 'choices');
  const boxes = values.map((value) => {
    const box = h('input', { type: 'checkbox', id: ctx.id() });
    box.addEventListener('change', () => {
      const chosen = values.filter((_, i) => boxes[i]!.checked);
      ctx.edit(path, chosen.length ? chosen : undefined);
    });
    fieldset.append(h('div', { class: 'choice' }, box, h('label', { for: box.id }, ctx.labels.value(value))));
    return box;
  });
  ctx.register({
    path,
    control: boxes[0],
    target: fieldset,
    messages,
    refresh(value) {
      const chosen = Array.isArray(value) ? value : [];
      values.forEach((v, i) => (boxes[i]!.checked = chosen.includes(v)));
    },
  });
  return fieldset;
}
