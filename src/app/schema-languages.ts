/**
 * The languages a document can be written in, read from the JSON Schema the server sends (the app may import
 * only types from src/model): the keys of the schema's translated-text object, whose only required key is `en`.
 */
export function schemaLanguages(schema: unknown): string[] {
  const seen = new Set<unknown>();
  const find = (node: unknown): string[] | undefined => {
    if (!node || typeof node !== 'object' || seen.has(node)) return undefined;
    seen.add(node);
    const object = node as { required?: unknown; properties?: Record<string, unknown> };
    if (Array.isArray(object.required) && object.required.length === 1 && object.required[0] === 'en' && object.properties) {
      return Object.keys(object.properties);
    }
    for (const value of Object.values(node)) {
      const found = find(value);
      if (found) return found;
    }
    return undefined;
  };
  return find(schema) ?? ['en'];
}

/** "Spanish (español)": the English name for the case manager and the language's own name for the family. */
export function languageLabel(code: string): string {
  try {
    const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
    const own = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return own.toLowerCase() === english.toLowerCase() ? english : `${english} (${own})`;
  } catch {
    return code;
  }
}
