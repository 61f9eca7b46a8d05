import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import { IepSchema } from '../model/iep.js';
import { LANGUAGE_NAMES, type Language } from '../model/languages.js';
import { findUnwritten } from '../model/unwritten.js';
import type { SourceMap } from '../load/source-map.js';
import { shortLabel, type SchemaNode } from './complete-draft.js';

/**
 * A warning for each text that still holds the starter's "TO WRITE: ..." (src/model/unwritten.ts): the record is
 * valid, but it would print the starter's words as if they were the team's. A validation-stage check, not a
 * compliance rule: it concerns any field (a preferred name as much as a goal), in every profile, and so reaches
 * every command that reads a record (validate, check, lint, render) and the live preview.
 */
export function unwrittenText(data: unknown, options: { file?: string; sourceMap?: SourceMap } = {}): Diagnostic[] {
  return findUnwritten(data).map(({ path, label }) => ({
    code: 'unwritten-text',
    severity: 'warning',
    file: options.file,
    path: formatJsonPath(path),
    ...(options.sourceMap?.locate(path) ?? {}),
    message: CATALOG['unwritten-text'].message({ field: fieldInWords(path), path: formatJsonPath(path), label }),
    hint: 'write it, or remove the field if it does not apply',
  }));
}

/** What the field at `path` is, from its schema ("Legal first name"); a translation as "<field> (Spanish)". */
function fieldInWords(path: JsonPath): string {
  let node: SchemaNode | undefined = IepSchema as unknown as SchemaNode;
  let language: string | undefined;
  let labelled: { node: SchemaNode; path: JsonPath } = { node, path };
  path.forEach((step, i) => {
    if (typeof step === 'number') node = node?.items ?? node?.anyOf?.find((branch) => branch.items)?.items;
    else {
      const owner: SchemaNode | undefined = node?.properties ? node : node?.anyOf?.find((branch) => branch.properties?.[step]);
      // A key of a narrative field's translations: the field, in that language.
      if (node?.anyOf && owner !== node) language = LANGUAGE_NAMES[step as Language] ?? step;
      else labelled = { node: owner?.properties?.[step] ?? {}, path: path.slice(0, i + 1) };
      node = owner?.properties?.[step];
    }
  });
  const label = shortLabel(labelled.node.description, labelled.path);
  return language ? `${label} (${language})` : label;
}
