import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocale } from '../../src/i18n/load-locales.js';
import { compareWithEnglish, flattenKeys } from '../../src/i18n/locale-keys.js';
import { LANGUAGES, RTL_LANGUAGES, type Language } from '../../src/model/languages.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../../src/model/paths.js';

const en = loadLocale('en');
const present = LANGUAGES.filter((lang) => existsSync(join(LOCALES_DIR, lang)));

/** Every `{{t "ns:key"}}` / `{{ta "ns:key"}}` a template uses. */
function templateKeys(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\{\{\s*ta?\s+"([^"]+)"/g)) found.push({ key: m[1]!, file: path });
      }
    }
  };
  walk(TEMPLATES_DIR);
  return found;
}

describe('locales', () => {
  it('has every language iepkit serves', () => {
    expect(present).toEqual([...LANGUAGES]);
  });

  it('English defines every label a template uses', () => {
    const keys = flattenKeys(en.resources);
    const bases = new Set([...keys.keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
    const missing = templateKeys().filter(({ key }) => !bases.has(key));
    expect(missing).toEqual([]);
  });

  it('templates contain no bare English words outside labels and data', () => {
    // Strip Handlebars expressions, directive syntax and Markdown punctuation; what remains would be printed as is.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.md') && entry.name !== 'layout.md') {
          const text = readFileSync(path, 'utf8')
            .replace(/\{\{[^}]*\}\}/g, ' ')
            .replace(/:{1,3}[a-z]+(\{[^}]*\})?/g, ' ')
            .replace(/\{[^}]*\}/g, ' ');
          const words = text.match(/[A-Za-z]{2,}/g) ?? [];
          if (words.length > 0) offenders.push(`${path}: ${words.join(' ')}`);
        }
      }
    };
    walk(TEMPLATES_DIR);
    expect(offenders).toEqual([]);
  });

  describe.each(present.filter((l) => l !== 'en'))('%s', (lang: Language) => {
    const own = loadLocale(lang);
    const comparison = compareWithEnglish(lang, en.resources, own.resources);

    it('has every English key, with the plural forms the language needs', () => {
      expect(comparison.missing).toEqual([]);
    });

    it('has no keys English lacks', () => {
      expect(comparison.extra).toEqual([]);
    });

    it('keeps every placeholder', () => {
      expect(comparison.placeholderMismatch).toEqual([]);
    });

    it('says in its metadata who reviewed it and which way it reads', () => {
      expect(typeof own.meta.name).toBe('string');
      expect(own.meta.name.length).toBeGreaterThan(1);
      expect(typeof own.meta.reviewed).toBe('boolean');
      expect(own.meta.dir).toBe(RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr');
    });

    it('is translated, not copied from English', () => {
      const enKeys = flattenKeys(en.resources);
      const ownKeys = flattenKeys(own.resources);
      // Placeholders ({{name}}) are the same in every language; only the words around them count.
      const words = (v: string) => v.replace(/\{\{[^}]*\}\}|\{page\}|\{pages\}/g, ' ');
      const same = [...ownKeys].filter(([k, v]) => enKeys.get(k) === v && /[a-z]{4,}/.test(words(v)));
      // A handful may legitimately match (abbreviations like "IEP (CSE)"); whole sentences may not.
      expect(same.filter(([, v]) => words(v).trim().split(/\s+/).length > 3)).toEqual([]);
    });
  });
});
