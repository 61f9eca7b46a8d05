import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import { LANGUAGES, type Language } from '../model/languages.js';
import type { SourceMap } from '../load/source-map.js';
import { checkGlyphCoverage, isTextCovered } from '../render/fonts/check-glyph-coverage.js';

/**
 * Characters no bundled font can draw would print as empty boxes: each becomes a `missing-glyph` error naming the
 * character and the field, located in the IEP file (line:column) when the record came from one.
 */
export function checkGlyphs(iep: Iep, lang: Language, source: { file?: string; sourceMap?: SourceMap } = {}): Diagnostic[] {
  // Only a value holding a character no font draws gives a diagnostic: its path is written out then (for every value
  // it took a millisecond a document).
  const strings = dataStrings(iep, lang)
    .filter(({ text }) => !isTextCovered(text))
    .map(({ text, jsonPath }) => ({ text, path: formatJsonPath(jsonPath), jsonPath }));
  const paths = new Map(strings.map((s) => [s.path, s.jsonPath]));
  return checkGlyphCoverage(strings.map(({ text, path }) => ({ text, path, ...(source.file !== undefined ? { file: source.file } : {}) }))).map((d) => {
    const jsonPath = d.path === undefined ? undefined : paths.get(d.path);
    const at = jsonPath && source.sourceMap?.locate(jsonPath);
    return at ? { ...d, line: at.line, column: at.column } : d;
  });
}

/** Every text value the copy prints from the data, with its JSON path: the copy's language and the English. */
function dataStrings(iep: Iep, lang: string): { text: string; jsonPath: JsonPath }[] {
  const out: { text: string; jsonPath: JsonPath }[] = [];
  const languages = new Set<string>(LANGUAGES);
  const walk = (value: unknown, path: JsonPath) => {
    if (typeof value === 'string') out.push({ text: value, jsonPath: path });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        // In a translations map only the copy's language and the English fallback are printed.
        if (languages.has(key) && key !== lang && key !== 'en' && 'en' in value) continue;
        walk(v, [...path, key]);
      }
    }
  };
  walk(iep, []);
  return out;
}
