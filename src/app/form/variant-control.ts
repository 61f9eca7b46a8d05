/**
 * A field that is either a value of a closed list or an object (frequency: as-needed, or { times, per }): a <select>
 * of the list's values plus the object, and the object's fields shown when it is chosen.
 */
import { h } from '../dom.js';
import { fieldFrame, groupFrame, type FrameOptions } from './field-frame.js';
import { schemaPathOf, type FormContext } from './form-context.js';
import { objectBranch, type JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

const OBJECT = 'object';

export function buildVariant(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: FrameOptions): HTMLElement {
  const object = objectBranch(schema)!;
  const values = schema.anyOf?.find((b) => b.enum)?.enum ?? [];
  const { fieldset, messages } = groupFrame(ctx, path, options, 'variant');
  const select = h('select', {}, h('option', { value: '' }, ctx.labels.ui(options.required ? 'choose' : 'notSet')));
  values.forEach((value, i) => select.append(h('option', { value: String(i) }, ctx.labels.value(value))));
  const objectLabel = ctx.labels.variant(schemaPathOf(path)) ?? object.description ?? ctx.labels.ui('kind');
  select.append(h('option', { value: OBJECT }, objectLabel));
  const kind = fieldFrame(ctx, path, { label: ctx.labels.ui('kind'), required: false }, select);
  const fields = h('div', { class: 'variant-fields' });
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    fields.append(
      ctx.build(property, [...path, name], {
        label: ctx.labels.field(`${schemaPathOf(path)}.${name}`),
        required: object.required?.includes(name) ?? false,
      }),
    );
  }
  select.addEventListener('change', () => {
    fields.hidden = select.value !== OBJECT;
    if (select.value === OBJECT) ctx.edit(path, {});
    else ctx.edit(path, select.value === '' ? undefined : values[Number(select.value)]);
  });
  fieldset.append(kind.wrapper, fields);
  ctx.register({
    path,
    control: select,
    target: fieldset,
    messages,
    refresh(value) {
      const isObject = value !== null && typeof value === 'object';
      const index = values.findIndex((v) => v === value);
      select.value = isObject ? OBJECT : index >= 0 ? String(index) : '';
      fields.hidden = !isObject;
    },
  });
  return fieldset;
}
