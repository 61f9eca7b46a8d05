/**
 * A narrative field (Text: a plain English string or `{ en, es, ... }`): one textarea per language side by side,
 * each with its lang and dir. English stays a plain string until a translation is added (applyEdit makes the map).
 */
import { h } from '../dom.js';
import { fieldFrame, groupFrame, isFocused, type FrameOptions } from './field-frame.js';
import type { FormContext } from './form-context.js';
import type { PathKey } from './json-path.js';

const RIGHT_TO_LEFT = new Set(['ar', 'ur', 'he', 'fa', 'yi']);
export const directionOf = (lang: string): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(lang.split('-')[0]!) ? 'rtl' : 'ltr');

export function buildNarrative(ctx: FormContext, path: PathKey[], options: FrameOptions): HTMLElement {
  const languages = ['en', ...ctx.languages.filter((l) => l !== 'en')];
  const textOf = (value: unknown, lang: string): string => {
    if (typeof value === 'string') return lang === 'en' ? value : '';
    const text = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[lang] : undefined;
    return typeof text === 'string' ? text : '';
  };
  const areas = languages.map((lang) => {
    const area = h('textarea', { rows: '3', lang, dir: directionOf(lang), 'data-lang': lang });
    area.addEventListener('input', () => {
      const current = ctx.get(path);
      const text = area.value === '' ? undefined : area.value;
      if (lang === 'en' && (current === undefined || typeof current === 'string')) ctx.edit(path, text);
      else ctx.edit([...path, lang], text);
    });
    return { lang, area };
  });
  const refresh = (value: unknown): void => {
    for (const { lang, area } of areas) {
      const text = textOf(value, lang);
      if (!isFocused(area) && area.value !== text) area.value = text;
    }
  };

  if (areas.length === 1) {
    const { area } = areas[0]!;
    const { wrapper, messages } = fieldFrame(ctx, path, options, area);
    ctx.register({ path, control: area, target: area, messages, refresh });
    ctx.register({ path: [...path, 'en'], control: area, target: area, messages });
    return wrapper;
  }
  const { fieldset, messages } = groupFrame(ctx, path, options, 'narrative');
  const columns = h('div', { class: 'columns' });
  for (const { lang, area } of areas) {
    const column = fieldFrame(ctx, [...path, lang], { label: ctx.labels.language(lang), required: false }, area);
    columns.append(column.wrapper);
    ctx.register({ path: [...path, lang], control: area, target: area, messages: column.messages });
  }
  fieldset.append(columns);
  ctx.register({ path, control: areas[0]!.area, target: fieldset, messages, refresh });
  return fieldset;
}
