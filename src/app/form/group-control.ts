/** An object of the schema: a fieldset with its properties in the schema's order. */
import { groupFrame, type FrameOptions } from './field-frame.js';
import { schemaPathOf, type FormContext } from './form-context.js';
import type { JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

export function buildGroup(
  ctx: FormContext,
  schema: JSONSchema,
  path: PathKey[],
  options: FrameOptions,
  className = 'group',
): HTMLFieldSetElement {
  const { fieldset, messages } = groupFrame(ctx, path, options, className);
  appendProperties(ctx, schema, path, fieldset);
  ctx.register({ path, target: fieldset, messages });
  return fieldset;
}

/**
 * The controls of an object's properties, in schema order, appended to `parent`. Nothing a person could choose is
 * shown: a property with one allowed value (`schemaVersion: 1`) or for editors' tools (`$schema`); the source tab
 * still shows them.
 */
export function appendProperties(ctx: FormContext, schema: JSONSchema, path: PathKey[], parent: HTMLElement): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name.startsWith('$') || (typeof property === 'object' && 'const' in property)) continue;
    const childPath = [...path, name];
    parent.append(
      ctx.build(property, childPath, {
        label: ctx.labels.field(schemaPathOf(childPath)),
        required: schema.required?.includes(name) ?? false,
      }),
    );
  }
}
