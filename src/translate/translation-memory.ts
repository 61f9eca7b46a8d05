/**
 * The translation memory of a folder of IEPs: every English sentence a person has translated (XLIFF import records
 * them) with its translations, in one TMX file beside the IEPs, so that the same sentence in another student's
 * record is filled from it (`iep i18n apply-memory`) and a CAT tool can use it too.
 */
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import type { Language } from '../model/languages.js';
import { readBounded } from '../load/read-bounded.js';
import { writeFileAtomic } from '../load/write-file-atomic.js';
import type { MemoryPair } from './memory-pair.js';
import { MAX_TMX_BYTES, TmxDocument, tmxDate, type TmxUnit } from './tmx-document.js';
import { PACKAGE_VERSION } from '../model/paths.js';

/** The memory's file name in the IEPs' folder. */
export const MEMORY_FILE_NAME = 'iepkit-memory.tmx';

// The mark on a translation filled from memory is defined beside MemoryPair (the XLIFF export and import read it).
export { MEMORY_MARK } from './memory-pair.js';

/** A memory that could not be read or written; `diagnostics` say where. The file is left as it was. */
export class TranslationMemoryError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
    this.name = 'TranslationMemoryError';
  }
}

/** Characters XML 1.0 forbids: C0 controls but tab and line ends, U+FFFE/U+FFFF, unpaired surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The key a sentence is matched by: Unicode NFC, runs of white space as one space. */
export function sentenceKey(sentence: string): string {
  return sentence.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A TMX language tag read as one of iepkit's: `es`, `es-US` and `ES` are Spanish; `zh-Hans-CN` is zh-Hans. */
function sameLanguage(tag: string, lang: string): 'exact' | 'regional' | undefined {
  const t = tag.toLowerCase();
  const l = lang.toLowerCase();
  if (t === l) return 'exact';
  return t.startsWith(`${l}-`) ? 'regional' : undefined;
}

/**
 * The memory read from a TMX file. iepkit writes one unit per English sentence and language (en + one translation),
 * the form every CAT tool and the Translate Toolkit read; units with several translations, as some tools write
 * them, are read too.
 */
export class TranslationMemory {
  private readonly byEnglish = new Map<string, TmxUnit[]>();

  constructor(
    readonly tmx: TmxDocument,
    readonly file: string,
  ) {
    for (const unit of tmx.units()) this.index(unit);
  }

  /** English sentences the memory holds. */
  get size(): number {
    return this.byEnglish.size;
  }

  /** The translation of an English sentence into `lang`, if a person has given one (an exact tag before a regional one). */
  lookup(sentence: string, lang: Language): string | undefined {
    const variants = (this.byEnglish.get(sentenceKey(sentence)) ?? []).flatMap((unit) => unit.variants).filter((v) => v.text !== undefined && v.text.trim() !== '');
    return (variants.find((v) => sameLanguage(v.lang, lang) === 'exact') ?? variants.find((v) => sameLanguage(v.lang, lang)))?.text;
  }

  /** Records pairs; a sentence already translated otherwise takes the new translation (the latest a person gave). */
  record(pairs: readonly MemoryPair[], date: string): { added: number; changed: number } {
    let added = 0;
    let changed = 0;
    for (const pair of pairs) {
      const key = sentenceKey(pair.en);
      const text = pair.text.normalize('NFC').trim();
      // XML 1.0 cannot hold these at all: written, they would make the whole memory unreadable. No valid IEP text
      // has them (validation refuses control characters), so such a pair is not a translation to keep.
      if (!key || !text || NOT_XML.test(key) || NOT_XML.test(text)) continue;
      const variant = (this.byEnglish.get(key) ?? []).flatMap((unit) => unit.variants).find((v) => sameLanguage(v.lang, pair.lang) === 'exact');
      if (!variant) {
        this.index(this.tmx.addUnit([['en', key], [pair.lang, text]], date));
        added++;
      } else if (variant.text !== text) {
        this.tmx.setVariant(variant, text, date);
        changed++;
      }
    }
    return { added, changed };
  }

  private index(unit: TmxUnit): void {
    const en = unit.variants.find((v) => sameLanguage(v.lang, 'en') && v.text !== undefined);
    const key = en ? sentenceKey(en.text!) : '';
    if (key) this.byEnglish.set(key, [...(this.byEnglish.get(key) ?? []), unit]);
  }
}

/** Reads a memory file; a missing, unreadable, oversized or malformed file is a located diagnostic. */
export async function readMemory(file: string): Promise<{ memory?: TranslationMemory; diagnostics: Diagnostic[] }> {
  const { memory, diagnostics } = await readMemoryFile(file);
  return { memory, diagnostics };
}

async function readMemoryFile(file: string): Promise<{ memory?: TranslationMemory; diagnostics: Diagnostic[]; missing?: true }> {
  let bytes: Uint8Array;
  try {
    const read = await readBounded(file, MAX_TMX_BYTES);
    if (!('bytes' in read)) {
      return { diagnostics: [{ code: 'memory-malformed', severity: 'error', file, line: 1, column: 1, message: `the translation memory is larger than ${MAX_TMX_BYTES / 1024 / 1024} MB`, hint: CATALOG['memory-malformed'].hint }] };
    }
    bytes = read.bytes;
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    const message = `cannot read the translation memory ${file}: ${errno === 'ENOENT' ? 'there is no such file' : errno === 'EISDIR' ? 'it is a folder' : `it could not be read (${errno ?? 'unknown error'})`}`;
    return { diagnostics: [{ code: 'memory-unreadable', severity: 'error', file, message, hint: CATALOG['memory-unreadable'].hint }], ...(errno === 'ENOENT' ? { missing: true as const } : {}) };
  }
  const text = decodeXml(bytes);
  if (text === undefined) {
    return { diagnostics: [{ code: 'memory-malformed', severity: 'error', file, line: 1, column: 1, message: 'the translation memory is neither UTF-8 nor UTF-16 text', hint: CATALOG['memory-malformed'].hint }] };
  }
  const parsed = TmxDocument.parse(text, file);
  if (!parsed.tmx) return { diagnostics: parsed.diagnostics };
  return { memory: new TranslationMemory(parsed.tmx, file), diagnostics: [] };
}

/**
 * Adds translated sentences to the memory in `folder` (creating `iepkit-memory.tmx` there when absent), keeping every
 * unit already in it; nothing is written when nothing is new. Written atomically. Throws TranslationMemoryError for a
 * file that cannot be read as TMX (it is never overwritten), and Node's own error when the folder cannot be written.
 */
export async function recordInMemory(folder: string, pairs: MemoryPair[]): Promise<{ file: string; added: number; changed: number }> {
  const file = join(folder, MEMORY_FILE_NAME);
  const read = await readMemoryFile(file);
  if (!read.memory && !read.missing) throw new TranslationMemoryError(read.diagnostics);
  const memory = read.memory ?? new TranslationMemory(TmxDocument.create(packageVersion()), file);
  const counts = memory.record(pairs, tmxDate(new Date()));
  if (counts.added + counts.changed > 0) await writeFileAtomic(file, new TextEncoder().encode(memory.tmx.toString()));
  return { file, ...counts };
}

/** An XML file's text: UTF-8 (a byte-order mark allowed, as XML allows it), or UTF-16 with its mark, as some CAT tools write TMX. */
function decodeXml(bytes: Uint8Array): string | undefined {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function packageVersion(): string {
  return PACKAGE_VERSION;
}
