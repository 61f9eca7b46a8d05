/**
 * The app's modal questions, as native <dialog>s: the browser traps focus, Escape cancels, and focus returns to
 * what opened them.
 */
import { h } from './dom.js';
import { t } from './i18n.js';
import { fileNameFor } from './file-name-for.js';
import { languageLabel } from './schema-languages.js';

/** Asks for a new IEP's file name and the family's language; undefined when cancelled. */
export function askNewIep(languages: string[]): Promise<{ name: string; lang: string } | undefined> {
  const name = h('input', { id: 'new-name', name: 'name', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'new-name-help', pattern: '[A-Za-z0-9][A-Za-z0-9 ._\\-]*' });
  const lang = h('select', { id: 'new-lang', name: 'lang' }, ...languages.map((code) => h('option', { value: code, lang: code }, languageLabel(code))));
  const form = h(
    'form',
    { method: 'dialog', class: 'dialog-form' },
    h('h2', { id: 'new-heading' }, t('newIep.heading')),
    h('div', { class: 'field' }, h('label', { for: 'new-name' }, t('newIep.name')), name, h('p', { id: 'new-name-help', class: 'help' }, t('newIep.nameHelp'))),
    h('div', { class: 'field' }, h('label', { for: 'new-lang' }, t('newIep.lang')), lang, h('p', { class: 'help', id: 'new-lang-help' }, t('newIep.langHelp'))),
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'submit', value: 'create', class: 'button button-primary' }, t('newIep.create')),
      h('button', { type: 'button', value: 'cancel', class: 'button', onclick: () => dialog.close('cancel') }, t('common.cancel')),
    ),
  );
  lang.setAttribute('aria-describedby', 'new-lang-help');
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'new-heading' }, form);
  document.body.append(dialog);
  dialog.showModal();
  name.focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      const value = name.value.trim();
      resolve(dialog.returnValue === 'create' && value ? { name: fileNameFor(value), lang: lang.value } : undefined);
    });
  });
}

export type ConflictChoice = 'mine' | 'disk';

/**
 * The file changed on disk since it was opened: keep mine (overwrite), load the disk's, or first look at both.
 * Cancelling keeps everything as it is (nothing saved, nothing lost).
 */
export function askConflict(name: string, mine: string, disk: string): Promise<ConflictChoice | undefined> {
  const mineLines = mine.split('\n');
  const diskLines = disk.split('\n');
  let firstDiff = 0;
  while (firstDiff < mineLines.length && mineLines[firstDiff] === diskLines[firstDiff]) firstDiff++;
  // No wrapping, so that line n is at n line-heights and both can be scrolled to the first difference.
  const area = (id: string, text: string) => h('textarea', { id, readonly: true, rows: 14, spellcheck: 'false', wrap: 'off' }, text);
  const mineArea = area('conflict-mine', mine);
  const diskArea = area('conflict-disk', disk);
  const both = h(
    'div',
    { class: 'conflict-both', hidden: true },
    h('p', { class: 'conflict-first-diff' }, t('conflict.firstDifference', { line: firstDiff + 1 })),
    h('div', { class: 'field' }, h('label', { for: 'conflict-mine' }, t('conflict.mine')), mineArea),
    h('div', { class: 'field' }, h('label', { for: 'conflict-disk' }, t('conflict.disk')), diskArea),
  );
  const showBoth = h(
    'button',
    { type: 'button', class: 'button', 'aria-expanded': 'false', 'aria-controls': 'conflict-both', onclick: () => {
      both.hidden = !both.hidden;
      showBoth.setAttribute('aria-expanded', String(!both.hidden));
      for (const textarea of [mineArea, diskArea]) {
        textarea.scrollTop = Math.max(0, firstDiff - 3) * parseFloat(getComputedStyle(textarea).lineHeight || '20');
      }
    } },
    t('conflict.showBoth'),
  );
  both.id = 'conflict-both';
  const form = h(
    'form',
    { method: 'dialog', class: 'dialog-form' },
    h('h2', { id: 'conflict-heading' }, t('conflict.heading')),
    h('p', { id: 'conflict-text' }, t('conflict.text', { name })),
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'submit', value: 'mine', class: 'button button-primary' }, t('conflict.keepMine')),
      h('button', { type: 'submit', value: 'disk', class: 'button' }, t('conflict.loadDisk')),
      showBoth,
      h('button', { type: 'submit', value: 'cancel', class: 'button' }, t('common.cancel')),
    ),
    both,
  );
  const dialog = h('dialog', { class: 'dialog dialog-wide', 'aria-labelledby': 'conflict-heading', 'aria-describedby': 'conflict-text' }, form);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      const value = dialog.returnValue;
      resolve(value === 'mine' || value === 'disk' ? value : undefined);
    });
  });
}
