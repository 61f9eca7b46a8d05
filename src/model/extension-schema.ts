/**
 * A profile's extensions schema (profile.yaml `extensions.schema`) as the stages use it. The profile author writes
 * `"x-iep": "text"` for a field that is narrative text with translations; here it becomes the model's own `Text`
 * schema (a string, or `{ en, es, ... }` with the model's languages and length limits), so an extension's text is
 * checked, localized and reported untranslated exactly as a core narrative field is.
 */
import { Text } from './iep.js';

/**
 * The `x-iep` values a profile's schema may use: `text`, narrative text; `student-words` and `parents-words`, text
 * that is the student's or the parents' own words, quoted as said (as the model's `studentVoice` and
 * `parentConcerns`: the wording check notes what it finds there and never rewrites it).
 */
export const X_IEP_KINDS = ['text', 'student-words', 'parents-words'] as const;
export type XIepKind = (typeof X_IEP_KINDS)[number];

/** Someone's own words, as the expanded schema marks them (a `$comment`: ajv and any JSON Schema reader ignore it). */
const VOICE_COMMENT = { 'student-words': 'iepkit:student-words', 'parents-words': 'iepkit:parents-words' } as const;

/** Keywords whose values are data, not schemas: an object inside them is never a field declaration. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example', 'required']);

/** The model's narrative text schema as plain JSON (TypeBox's symbols dropped), made once. */
const TEXT_SCHEMA = JSON.parse(JSON.stringify(Text)) as Record<string, unknown>;

export interface ExpandedExtensionSchema {
  schema: Record<string, unknown>;
  /** `x-iep` values that are not known, by their JSON Pointer in the schema file. */
  unknownKinds: { pointer: string; value: unknown }[];
}

/**
 * The schema with every `{ "x-iep": "text", ... }` replaced by the model's text schema (its own `description` kept).
 * The input is not changed.
 */
export function expandExtensionSchema(schema: Record<string, unknown>): ExpandedExtensionSchema {
  const unknownKinds: ExpandedExtensionSchema['unknownKinds'] = [];
  const expand = (node: unknown, pointer: string): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => expand(item, `${pointer}/${i}`));
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    if ('x-iep' in record) {
      const kind = record['x-iep'];
      if (typeof kind === 'string' && (X_IEP_KINDS as readonly string[]).includes(kind)) {
        const description = typeof record.description === 'string' ? record.description : TEXT_SCHEMA.description;
        const title = typeof record.title === 'string' ? { title: record.title } : {};
        const voice = kind === 'text' ? {} : { $comment: VOICE_COMMENT[kind as keyof typeof VOICE_COMMENT] };
        return { ...structuredClone(TEXT_SCHEMA), ...title, description, ...voice };
      }
      unknownKinds.push({ pointer: `${pointer}/x-iep`, value: record['x-iep'] });
    }
    return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, DATA_KEYWORDS.has(key) ? value : expand(value, `${pointer}/${escapePointer(key)}`)]));
  };
  return { schema: expand(schema, '') as Record<string, unknown>, unknownKinds };
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Whose own words a text field of an expanded schema holds (`x-iep: student-words` / `parents-words`), if anyone's. */
export function voiceOf(node: unknown): 'student-words' | 'parents-words' | undefined {
  const comment = (node as { $comment?: unknown } | null)?.$comment;
  return comment === VOICE_COMMENT['student-words'] ? 'student-words' : comment === VOICE_COMMENT['parents-words'] ? 'parents-words' : undefined;
}

/** Whether a node of an expanded schema is the model's text schema (`x-iep: text`). */
export function isTextSchema(node: unknown): boolean {
  const branches = (node as { anyOf?: { type?: unknown; properties?: { en?: unknown } }[] } | null)?.anyOf;
  return Array.isArray(branches) && branches.some((b) => b.type === 'string') && branches.some((b) => b.type === 'object' && b.properties?.en !== undefined);
}

/**
 * The fields an (expanded) object schema declares, with their schemas: `properties`, and those reached through
 * `allOf`. Used to give a template `null` for a declared field the record leaves out.
 */
export function declaredProperties(node: unknown): Record<string, unknown> {
  if (node === null || typeof node !== 'object') return {};
  const record = node as { properties?: Record<string, unknown>; allOf?: unknown[] };
  const own = record.properties && typeof record.properties === 'object' ? record.properties : {};
  const inherited = Array.isArray(record.allOf) ? record.allOf.flatMap((sub) => Object.entries(declaredProperties(sub))) : [];
  // fromEntries defines own keys: a property named __proto__ cannot reach the prototype.
  return Object.fromEntries([...inherited, ...Object.entries(own)]);
}

/**
 * The IEP record's JSON Schema as a profile sees it (`GET /api/schema?profile=`, the editor's form and completion):
 * the model's schema with `extensions.properties.<namespace>` set to the profile's extension schema, expanded as
 * the validator expands it, so that its text fields are the model's narrative text. `title` names the group (the
 * profile's name); the schema file's own `$schema` and `title` are dropped, its description kept as help.
 */
export function iepSchemaWithExtensions(
  iepSchema: Record<string, unknown>,
  extensions: { namespace: string; schema: Record<string, unknown> } | undefined,
  title?: string,
): Record<string, unknown> {
  if (!extensions) return iepSchema;
  const { $schema: _draft, title: _title, ...own } = expandExtensionSchema(extensions.schema).schema;
  const properties = (iepSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const base = properties.extensions ?? {};
  const namespaced = { ...own, ...(title ? { title } : {}) };
  return {
    ...iepSchema,
    properties: { ...properties, extensions: { ...base, properties: { ...((base.properties as object | undefined) ?? {}), [extensions.namespace]: namespaced } } },
  };
}
