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
 * shown: a property with one allowed value (`schemaVersion: 1`) or for editors' tools (`$schema`), or a map that
 * declares no fields; the source tab still shows them.
 */
export function appendProperties(ctx: FormContext, schema: JSONSchema, path: PathKey[], parent: HTMLElement): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name.startsWith('$') || (typeof property === 'object' && 'const' in property)) continue;
    // A map with no declared fields (`extensions` when no profile in use declares any) has nothing to fill in.
    if (property.type === 'object' && Object.keys(property.properties ?? {}).length === 0) continue;
    const childPath = [...path, name];
    parent.append(
      ctx.build(property, childPath, {
        // A label of the form's own, else the schema's title (a profile's group is titled with its name).
        label: ctx.labels.field(schemaPathOf(childPath), typeof property.title === 'string' ? property.title : undefined),
        required: schema.required?.includes(name) ?? false,
      }),
    );
  }
}
