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
  const strings = uncoveredStrings(iep, lang).map(({ text, jsonPath }) => ({ text, path: formatJsonPath(jsonPath), jsonPath }));
  const paths = new Map(strings.map((s) => [s.path, s.jsonPath]));
  return checkGlyphCoverage(strings.map(({ text, path }) => ({ text, path, ...(source.file !== undefined ? { file: source.file } : {}) }))).map((d) => {
    const jsonPath = d.path === undefined ? undefined : paths.get(d.path);
    const at = jsonPath && source.sourceMap?.locate(jsonPath);
    return at ? { ...d, line: at.line, column: at.column } : d;
  });
}

const LANGUAGE_KEYS = new Set<string>(LANGUAGES);

/**
 * Every text value the copy prints from the data (the copy's language and the English) that some character of it no
 * font draws, with its JSON path. The walk keeps one path and copies it only for such a value: a path for every value
 * was most of the check's cost (650 KB of garbage for a ten-page IEP).
 */
function uncoveredStrings(iep: Iep, lang: string): { text: string; jsonPath: JsonPath }[] {
  const out: { text: string; jsonPath: JsonPath }[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (!isTextCovered(value)) out.push({ text: value, jsonPath: [...path] });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      const translations = 'en' in value;
      for (const key of Object.keys(value)) {
        // In a translations map only the copy's language and the English fallback are printed.
        if (translations && LANGUAGE_KEYS.has(key) && key !== lang && key !== 'en') continue;
        path.push(key);
        walk((value as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  walk(iep);
  return out;
}
