/**
 * A list the person can add to, remove from and reorder (goals, team, needs...). Items of objects are <details> with
 * a summary line; every button says which item it acts on ("Move goal 2 up"). Edits send the whole new list.
 * Items are rebuilt only when the list's length or order changes, and focus is put back where it was.
 */
import { h } from '../dom.js';
import { excerpt } from './dom.js';
import { groupFrame, type FrameOptions } from './field-frame.js';
import { keyOf, schemaPathOf, type FormContext } from './form-context.js';
import { appendProperties } from './group-control.js';
import type { JSONSchema } from '../../model/json-schema.js';
import type { PathKey } from './json-path.js';

// Which property names the summary line of an item, in order of preference.
const SUMMARY_KEYS = ['name', 'title', 'goal', 'text', 'service', 'accommodation', 'test', 'area', 'description', 'id'];

export function buildList(ctx: FormContext, schema: JSONSchema, path: PathKey[], options: FrameOptions): HTMLElement {
  const itemSchema = schema.items ?? {};
  const objects = itemSchema.type === 'object';
  const noun = ctx.labels.item(schemaPathOf(path));
  const title = (i: number): string => ctx.labels.ui('item', { noun: capitalize(noun), n: i + 1 });
  const { fieldset, messages } = groupFrame(ctx, path, options, 'list');
  const items = h('ol', { class: 'items' });
  const add = h('button', { type: 'button', class: 'add' }, ctx.labels.ui('add', { noun }));
  fieldset.append(items, add);
  let rendered: unknown[] | undefined;
  const open: boolean[] = []; // which items are expanded, by index (kept across rebuilds)
  const current = (): unknown[] => {
    const value = ctx.get(path);
    return Array.isArray(value) ? [...value] : [];
  };

  const summaryOf = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return '';
    const record = value as Record<string, unknown>;
    for (const key of SUMMARY_KEYS) {
      const v = record[key];
      const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? (v as Record<string, unknown>).en : undefined;
      if (typeof text === 'string' && text.trim()) return excerpt(text);
    }
    return '';
  };

  // "Move goal 2 up": the item's noun and number are in the name but visually hidden, so the visible words
  // ("Move up") are part of the accessible name (WCAG 2.5.3, axe label-content-name-mismatch).
  const button = (action: string, key: string, i: number, disabled: boolean, onClick: () => void): HTMLButtonElement => {
    const b = h('button', { type: 'button', 'data-action': action });
    const [before, after] = ctx.labels.ui(key, { noun: '\u0001', n: '\u0002' }).split(/\u0001\s*\u0002/);
    if (after === undefined) b.textContent = ctx.labels.ui(key, { noun, n: i + 1 });
    else b.append(before!, h('span', { class: 'visually-hidden' }, `${noun} ${i + 1}`), after);
    if (disabled) b.setAttribute('aria-disabled', 'true');
    b.addEventListener('click', () => {
      if (!disabled) onClick();
    });
    return b;
  };

  const renderItem = (i: number, count: number): HTMLLIElement => {
    const itemPath = [...path, i];
    const actions = h(
      'div',
      { class: 'item-actions' },
      button('up', 'moveUp', i, i === 0, () => move(i, -1)),
      button('down', 'moveDown', i, i === count - 1, () => move(i, 1)),
      button('remove', 'remove', i, false, () => remove(i)),
    );
    const li = h('li', { 'data-index': String(i) });
    if (!objects) {
      li.append(ctx.build(itemSchema, itemPath, { label: title(i), required: false }), actions);
      return li;
    }
    const line = h('span', { class: 'item-excerpt' });
    const problems = h('span', { class: 'item-problems' });
    const details = h('details', { 'data-path': keyOf(itemPath) }, h('summary', {}, h('span', { class: 'item-title' }, title(i)), line, problems));
    details.open = open[i] ?? false;
    details.addEventListener('toggle', () => (open[i] = details.open));
    const itemMessages = h('div', { class: 'messages' });
    const body = h('div', { class: 'item-body' }, itemMessages);
    details.append(body, actions);
    li.append(details);
    ctx.register({
      path: itemPath,
      target: details,
      messages: itemMessages,
      refresh(v) {
        const text = summaryOf(v);
        line.textContent = text ? `: ${text}` : '';
      },
    });
    appendProperties(ctx, itemSchema, itemPath, body);
    return li;
  };

  const render = (list: unknown[]): void => {
    const focus = rememberFocus(items);
    ctx.unregisterUnder(path);
    items.replaceChildren(...list.map((_, i) => renderItem(i, list.length)));
    rendered = list;
    ctx.refreshUnder(path);
    focus();
  };

  const commit = (list: unknown[]): void => {
    ctx.edit(path, list);
    render(list);
  };

  const move = (i: number, delta: number): void => {
    const list = current();
    const j = i + delta;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    [open[i], open[j]] = [open[j] ?? false, open[i] ?? false];
    commit(list);
    const action = delta < 0 ? (j === 0 ? 'down' : 'up') : j === list.length - 1 ? 'up' : 'down';
    itemPart(items, j, `.item-actions > button[data-action="${action}"]`)?.focus();
    ctx.announce(ctx.labels.ui('moved', { item: title(i), n: j + 1 }));
  };

  const remove = (i: number): void => {
    const list = current();
    list.splice(i, 1);
    open.splice(i, 1);
    commit(list);
    const next = Math.min(i, list.length - 1);
    (itemPart(items, next, 'details > summary') ?? itemPart(items, next, '.item-actions > button') ?? add).focus();
    ctx.announce(ctx.labels.ui('removed', { item: title(i) }));
  };

  add.addEventListener('click', () => {
    const list = current();
    list.push(objects ? {} : '');
    open[list.length - 1] = true;
    commit(list);
    itemPart(items, list.length - 1, ':is(input, select, textarea)')?.focus();
    ctx.announce(ctx.labels.ui('added', { item: title(list.length - 1) }));
  });

  ctx.register({
    path,
    target: fieldset,
    messages,
    refresh(value) {
      const list = Array.isArray(value) ? value : [];
      if (!rendered || list.length !== rendered.length) render(list);
      else rendered = list;
    },
  });
  render([]);
  return fieldset;
}

/** An element of item `i` of this list (not of a list nested in it). */
function itemPart(items: HTMLElement, i: number, selector: string): HTMLElement | null {
  const li = items.querySelector<HTMLElement>(`:scope > li[data-index="${i}"]`);
  return li?.querySelector<HTMLElement>(`:scope > ${selector}, :scope > details > ${selector}`) ?? li?.querySelector<HTMLElement>(selector) ?? null;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Remembers the focused field or button inside `root` by its path; the returned function focuses it again. */
function rememberFocus(root: HTMLElement): () => void {
  const active = root.ownerDocument.activeElement;
  if (!(active instanceof HTMLElement) || !root.contains(active)) return () => {};
  // A button of this list's own items (one of a nested list is found by its item's path instead).
  const action = active.closest('ol') === root ? active.dataset.action : undefined;
  const index = active.closest('li')?.dataset.index;
  const field = active.closest<HTMLElement>('[data-path]')?.dataset.path;
  const start = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active.selectionStart : null;
  const lang = active.getAttribute('lang');
  return () => {
    let target: HTMLElement | null = null;
    if (action && index !== undefined) target = itemPart(root, Number(index), `.item-actions > button[data-action="${action}"]`);
    else if (field) {
      const wrapper = root.querySelector(`[data-path="${CSS.escape(field)}"]`);
      target = wrapper?.querySelector<HTMLElement>(lang ? `[lang="${CSS.escape(lang)}"]` : 'input, select, textarea, summary') ?? null;
    }
    target?.focus();
    if (start !== null && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
      try {
        target.setSelectionRange(start, start);
      } catch {
        // number and date inputs have no caret
      }
    }
  };
}
