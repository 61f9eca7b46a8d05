// TEMPORARY STUB (not committed)
import { parseDocument } from 'yaml';
export function applyEdit(yamlText: string, path: (string | number)[], value: unknown | undefined): string {
  const doc = parseDocument(yamlText);
  if (value === undefined) doc.deleteIn(path); else doc.setIn(path, value);
  return doc.toString();
}
