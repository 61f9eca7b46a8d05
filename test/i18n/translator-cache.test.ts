import i18next, { type i18n } from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { LOCALES_DIR } from '../../src/model/paths.js';

let translators = 0;

/** A translator of its own (the folder spelled differently is another cache key), with i18next's lookups counted. */
function countedTranslator() {
  const lookups: string[] = [];
  const create = i18next.createInstance.bind(i18next);
  const spy = vi.spyOn(i18next, 'createInstance').mockImplementation((...args) => {
    const instance: i18n = create(...args);
    const t = instance.t.bind(instance);
    instance.t = ((key: string, options?: unknown) => (lookups.push(`t ${key}`), t(key, options as never))) as i18n['t'];
    // init() sets its own exists(): wrap the one it leaves.
    const init = instance.init.bind(instance);
    instance.init = ((...initArgs: Parameters<i18n['init']>) => {
      const result = init(...initArgs);
      const exists = instance.exists.bind(instance);
      instance.exists = ((key: string, options?: unknown) => (lookups.push(`exists ${key}`), exists(key, options as never))) as i18n['exists'];
      return result;
    }) as i18n['init'];
    return instance;
  });
  const tr = createTranslator('es', `${LOCALES_DIR}${'./'.repeat(++translators)}`);
  spy.mockRestore();
  return { tr, lookups };
}

afterEach(() => vi.restoreAllMocks());

describe('createTranslator lookups', () => {
  it('looks a label up once per key and values', () => {
    const { tr, lookups } = countedTranslator();
    expect(tr.t('common:yes')).toBe('Sí');
    expect(tr.t('common:yes')).toBe('Sí');
    const three = tr.t('common:frequency.per-week', { count: 3 });
    expect(three).not.toBe(tr.t('common:frequency.per-week', { count: 1 }));
    expect(tr.t('common:frequency.per-week', { count: 3 })).toBe(three);
    // Compose's held data is a placeholder: the same label again, and a value of another type, is another key.
    const held = '\uE002\uE000\uE010\uE001\uE002';
    expect(tr.t('official:goalNumber', { number: held })).toContain(held);
    expect(tr.t('official:goalNumber', { number: held })).toContain(held);
    expect(tr.t('official:goalNumber', { number: 3 })).toContain('3');
    expect(tr.t('official:goalNumber', { number: '3' })).toContain('3');
    expect(lookups).toEqual(['t common:yes', 't common:frequency.per-week', 't common:frequency.per-week', 't official:goalNumber', 't official:goalNumber', 't official:goalNumber']);
  });

  it('checks whether a key exists once per key and language', () => {
    const { tr, lookups } = countedTranslator();
    expect([tr.isKnown('common:yes'), tr.isKnown('common:yes'), tr.isKnown('common:no-such-key'), tr.hasOwn('common:yes'), tr.hasOwn('common:yes')]).toEqual([true, true, false, true, true]);
    expect(lookups).toEqual(['exists common:yes', 'exists common:no-such-key', 'exists common:yes']);
  });

  it('keeps failing for a label that needs a value it was not given', () => {
    const { tr } = countedTranslator();
    expect(() => tr.t('common:frequency.per-week_other')).toThrow(/needs a value/);
    expect(() => tr.t('common:frequency.per-week_other')).toThrow(/needs a value/);
  });
});
