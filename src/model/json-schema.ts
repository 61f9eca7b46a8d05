/**
 * The parts of JSON Schema the IEP schema uses (schema/iep.schema.json, generated from TypeBox: everything inlined,
 * no $ref), and the questions the form and the source editor ask of it.
 */
export interface JSONSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JSONSchema>;
  required?: string[];
  additionalProperties?: boolean | JSONSchema;
  items?: JSONSchema;
  anyOf?: JSONSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  [key: string]: unknown;
}

/** A narrative field: a plain English string or `{ en, es, ... }` translations. */
export function isTextSchema(schema: JSONSchema): boolean {
  const branches = schema.anyOf ?? [];
  return (
    branches.some((b) => b.type === 'string' && !b.enum) &&
    branches.some((b) => b.type === 'object' && b.properties !== undefined && 'en' in b.properties)
  );
}

/** The object branch of an anyOf (e.g. the `{ en, ... }` of a Text, the `{ times, per }` of a frequency). */
export function objectBranch(schema: JSONSchema): JSONSchema | undefined {
  return schema.type === 'object' ? schema : schema.anyOf?.find((b) => b.type === 'object');
}

/** The schema of the value at `path` below `schema`, following properties, items and anyOf's object branch. */
export function schemaAt(schema: JSONSchema, path: readonly (string | number)[]): JSONSchema | undefined {
  let node: JSONSchema | undefined = schema;
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') node = node.items ?? node.anyOf?.find((b) => b.items)?.items;
    else node = objectBranch(node)?.properties?.[key];
  }
  return node;
}

/** Property names in the schema's order (the form's order, the order new keys are written in). */
export function propertyOrder(schema: JSONSchema | undefined): string[] {
  const object = schema ? objectBranch(schema) : undefined;
  return object?.properties ? Object.keys(object.properties) : [];
}
