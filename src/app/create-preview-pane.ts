/**
 * The live preview: which copy (layout) in which language, the DRAFT badge, the downloads, and the page itself
 * in a sandboxed frame: no script runs in it and it has an opaque origin (the server's answer carries CSP
 * `sandbox` as well, and lets the frame load its fonts).
 */
import { h } from './dom.js';
import { t } from './i18n.js';
import { languageLabel } from './schema-languages.js';

/** A copy the case manager can preview and download: a layout, in a state profile for the official IEP. */
export interface CopyChoice {
  id: string;
  layout: string;
  profile?: string;
}

export const COPIES: readonly CopyChoice[] = [
  { id: 'official', layout: 'official' },
  { id: 'federal', layout: 'official', profile: 'federal' },
  { id: 'family', layout: 'family' },
  { id: 'student', layout: 'student' },
];

export interface PreviewPane {
  element: HTMLElement;
  copy(): CopyChoice;
  lang(): string;
  /** Shows the preview page of this id; `draft` switches the badge. */
  show(id: string, draft: boolean, errors: number): void;
  setBusy(busy: boolean): void;
  setUnavailable(message: string): void;
}

export interface PreviewPaneOptions {
  languages: string[];
  onChange(): void;
  onDownload(format: 'pdf' | 'docx'): void;
  onFinalize(): void;
}

export function createPreviewPane(options: PreviewPaneOptions): PreviewPane {
  const copySelect = h(
    'select',
    { id: 'preview-copy', onchange: () => options.onChange() },
    ...COPIES.map((copy) => h('option', { value: copy.id }, t(`copies.${copy.id}`))),
  );
  const langSelect = h(
    'select',
    { id: 'preview-lang', onchange: () => options.onChange() },
    ...options.languages.map((code) => h('option', { value: code, lang: code }, languageLabel(code))),
  );
  const badge = h('span', { class: 'badge', id: 'preview-badge' });
  const state = h('span', { class: 'preview-state', id: 'preview-state' });
  const frameHolder = h('div', { class: 'preview-frame-holder' }, h('p', { class: 'preview-empty' }, t('preview.empty')));
  let frame: HTMLIFrameElement | undefined;

  const element = h(
    'section',
    { class: 'preview', 'aria-labelledby': 'preview-heading' },
    h(
      'div',
      { class: 'preview-bar' },
      h('h2', { id: 'preview-heading', class: 'pane-heading' }, t('preview.heading')),
      badge,
      state,
    ),
    h(
      'div',
      { class: 'preview-controls' },
      h(
        'div',
        { class: 'control-group' },
        h('label', { class: 'field-inline' }, h('span', {}, t('preview.copy')), copySelect),
        h('label', { class: 'field-inline' }, h('span', {}, t('preview.language')), langSelect),
      ),
      h(
        'div',
        { class: 'control-group control-group-end' },
        h('button', { type: 'button', class: 'button', id: 'download-pdf', onclick: () => options.onDownload('pdf') }, t('preview.downloadPdf')),
        h('button', { type: 'button', class: 'button', id: 'download-docx', onclick: () => options.onDownload('docx') }, t('preview.downloadDocx')),
        h('button', { type: 'button', class: 'button button-primary', id: 'finalize', onclick: () => options.onFinalize() }, t('preview.finalize')),
      ),
    ),
    frameHolder,
  );

  const copy = () => COPIES.find((c) => c.id === copySelect.value) ?? COPIES[0]!;

  return {
    element,
    copy,
    lang: () => langSelect.value,
    show(id, draft, errors) {
      badge.textContent = draft ? (errors ? t('preview.draftErrors', { count: errors }) : t('preview.draft')) : errors ? t('preview.hasErrors', { count: errors }) : t('preview.complete');
      badge.className = `badge ${draft ? 'badge-draft' : errors ? 'badge-error' : 'badge-ok'}`;
      const title = t('preview.frameTitle', { copy: t(`copies.${copy().id}`), language: languageLabel(langSelect.value) });
      // A new frame per answer, swapped in when it has loaded: no blank flash while the next page loads.
      const next = h('iframe', { sandbox: '', title, class: 'preview-frame', src: `/preview/${encodeURIComponent(id)}` });
      next.addEventListener('load', () => {
        next.classList.add('is-ready');
        // Older frames (also any still loading: this one is newer) go.
        for (const old of frameHolder.querySelectorAll('iframe')) {
          if (old === next) break;
          old.remove();
        }
        frameHolder.querySelector('.preview-empty')?.remove();
      }, { once: true });
      frame = next;
      frameHolder.append(next);
    },
    setBusy(busy) {
      state.textContent = busy ? t('preview.updating') : '';
    },
    setUnavailable(message) {
      state.textContent = message;
    },
  };
}
