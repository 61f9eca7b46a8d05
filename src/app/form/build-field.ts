/** Which control a schema node gets. */
import { buildChoice } from './choice-control.js';
import type { FrameOptions } from './field-frame.js';
import { schemaPathOf, type FormContext } from './form-context.js';
import { buildGroup } from './group-control.js';
import { buildInput } from './input-control.js';
import { isTextSchema, objectBranch, type JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';
import { buildList } from './list-control.js';
import { buildMultiChoice } from './multi-choice-control.js';
import { buildNarrative } from './narrative-control.js';
import { buildVariant } from './variant-control.js';

export function buildField(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: Omit<FrameOptions, 'description'>): HTMLElement {
  const description = ctx.labels.help(schemaPathOf(path)) ?? schema.description;
  const frame: FrameOptions = { ...options, ...(description ? { description } : {}) };
  if (isTextSchema(schema)) return buildNarrative(ctx, path, frame);
  if (schema.anyOf) {
    if (objectBranch(schema) && schema.anyOf.some((b) => b.enum)) return buildVariant(ctx, schema, path, frame);
    return buildField(ctx, { ...schema.anyOf[0]!, description: schema.description }, path, options);
  }
  if (schema.type === 'object') return buildGroup(ctx, schema, path, frame, path.length === 1 ? 'section' : 'group');
  if (schema.type === 'array') {
    return schema.items?.enum ? buildMultiChoice(ctx, schema, path, frame) : buildList(ctx, schema, path, frame);
  }
  if (schema.enum || schema.type === 'boolean') return buildChoice(ctx, schema, path, frame);
  return buildInput(ctx, schema, path, frame);
}
