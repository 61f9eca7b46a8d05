/**
 * The live preview: which copy (layout) in which language, the DRAFT badge, the downloads, and the page itself
 * in a sandboxed frame.
 *
 * The frame is `sandbox="allow-same-origin"` and nothing more: no script runs in it at all (no <script>, no event
 * handler attribute, no javascript: URL), whatever the page holds, so sharing the editor's origin gives the page's
 * content nothing to act with. What it does give is this script's access to the frame: it reads where the person has
 * scrolled, and updates the page in place. (The dangerous pair is allow-scripts with allow-same-origin, where a
 * script in the frame could remove its own sandbox; allow-scripts is never given.) The server's answer repeats the
 * policy: CSP `default-src 'none'` (no script, no network but the fonts) and `sandbox allow-same-origin`.
 *
 * An update of the same copy and language changes only the parts of the page that differ (fetched, parsed inert by
 * DOMParser, and swapped in): the reader's place, the loaded fonts and the laid-out pages that did not change all
 * stay, with no flash. Another copy or language, or a page that cannot be patched, loads in a second frame, hidden
 * until it has loaded, then scrolled to where the first one was and shown in its place.
 */
import { h } from './dom.js';
import { t } from './i18n.js';
import { languageLabel } from './schema-languages.js';
import type { ProfileInfo } from './api.js';

/** A copy the case manager can preview and download: a layout, in a state profile, with its label. */
export interface CopyChoice {
  id: string;
  layout: string;
  profile?: string;
  label: string;
}

/** The layouts offered after the official IEPs, in this order, when the server's default profile has them. */
const OTHER_COPIES = ['family', 'student'] as const;

/**
 * The copies offered, from the server's profiles: the official IEP of its default profile, the official IEPs of the
 * other profiles that have one, then the family copy and the student summary (in the default profile).
 */
export function copyChoices(served: { default: string; profiles: readonly ProfileInfo[] }): CopyChoice[] {
  const main = served.profiles.find((p) => p.id === served.default);
  const official = (p: ProfileInfo, id: string): CopyChoice => ({ id, layout: 'official', profile: p.id, label: t('copies.official', { profile: p.name }) });
  return [
    ...(main?.layouts.includes('official') ? [official(main, 'official')] : []),
    ...served.profiles.filter((p) => p !== main && p.layouts.includes('official')).map((p) => official(p, `official-${p.id}`)),
    ...OTHER_COPIES.filter((layout) => !main || main.layouts.includes(layout)).map((layout) => ({ id: layout, layout, ...(main ? { profile: main.id } : {}), label: t(`copies.${layout}`) })),
  ];
}

export interface PreviewPane {
  element: HTMLElement;
  copy(): CopyChoice;
  lang(): string;
  /** Shows the preview page of this id; `draft` switches the badge. */
  show(id: string, draft: boolean, errors: number): Promise<void>;
  setBusy(busy: boolean): void;
  setUnavailable(message: string): void;
}

export interface PreviewPaneOptions {
  languages: string[];
  /** The copies to offer (copyChoices), the first chosen at the start. */
  copies: readonly CopyChoice[];
  onChange(): void;
  onDownload(format: 'pdf' | 'docx'): void;
  onFinalize(): void;
}

export function createPreviewPane(options: PreviewPaneOptions): PreviewPane {
  const copySelect = h(
    'select',
    { id: 'preview-copy', onchange: () => options.onChange() },
    ...options.copies.map((copy) => h('option', { value: copy.id }, copy.label)),
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

  const copy = () => options.copies.find((c) => c.id === copySelect.value) ?? options.copies[0]!;

  return {
    element,
    copy,
    lang: () => langSelect.value,
    async show(id, draft, errors) {
      badge.textContent = draft ? (errors ? t('preview.draftErrors', { count: errors }) : t('preview.draft')) : errors ? t('preview.hasErrors', { count: errors }) : t('preview.complete');
      badge.className = `badge ${draft ? 'badge-draft' : errors ? 'badge-error' : 'badge-ok'}`;
      const title = t('preview.frameTitle', { copy: copy().label, language: languageLabel(langSelect.value) });
      const key = `${copy().id} ${langSelect.value}`;
      const src = `/preview/${encodeURIComponent(id)}`;
      const shown = frame?.classList.contains('is-ready') && frame.dataset.key === key ? frame : undefined;
      if (shown?.contentDocument) {
        try {
          const response = await fetch(src, { credentials: 'same-origin', cache: 'no-store' });
          if (response.ok && patchPage(shown, await response.text())) {
            shown.title = title;
            return;
          }
        } catch {
          // the page could not be fetched or patched: load it in a new frame
        }
      }
      const next = h('iframe', { sandbox: 'allow-same-origin', title, class: 'preview-frame', src, 'data-key': key });
      next.addEventListener('load', () => {
        // The reader's place in the page shown until now, kept for the same copy and language.
        const before = [...frameHolder.querySelectorAll<HTMLIFrameElement>('iframe.preview-frame.is-ready')].pop();
        if (before?.dataset.key === key) next.contentWindow?.scrollTo(before.contentWindow?.scrollX ?? 0, before.contentWindow?.scrollY ?? 0);
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

/**
 * Makes `doc` (the page shown) read as `html` (the new page) by replacing only the children of <main> that differ, and
 * the head when its styles changed (a newly typed letter may need another font subset). False when the two pages are
 * not of one kind (language, direction, layout): the caller loads the new one instead. The new page is parsed by the
 * frame's own DOMParser, which runs nothing and loads nothing, under the page's own CSP (the editor's would refuse
 * its inline styles) and sandbox.
 */
function patchPage(frame: HTMLIFrameElement, html: string): boolean {
  const doc = frame.contentDocument;
  const Parser = (frame.contentWindow as (Window & { DOMParser: typeof DOMParser }) | null)?.DOMParser;
  if (!doc || !Parser) return false;
  const next = new Parser().parseFromString(html, 'text/html');
  const root = doc.documentElement;
  const nextRoot = next.documentElement;
  if (root.lang !== nextRoot.lang || root.dir !== nextRoot.dir || doc.body.className !== next.body.className) return false;
  // (Nodes of the frame's document belong to its window: compared by nodeType, not instanceof.)
  const main = doc.querySelector('body > main');
  const nextMain = next.querySelector('body > main');
  if (!main || !nextMain || doc.body.children.length !== 1 || next.body.children.length !== 1) return false;
  if (doc.head.innerHTML !== next.head.innerHTML) doc.head.replaceChildren(...[...next.head.childNodes].map((n) => doc.importNode(n, true)));
  const old = [...main.childNodes];
  const fresh = [...nextMain.childNodes];
  // The unchanged head and tail of the page stay; what lies between is replaced.
  let start = 0;
  while (start < old.length && start < fresh.length && same(old[start]!, fresh[start]!)) start++;
  let end = 0;
  while (end < old.length - start && end < fresh.length - start && same(old[old.length - 1 - end]!, fresh[fresh.length - 1 - end]!)) end++;
  const anchor = old[old.length - end] ?? null;
  for (const gone of old.slice(start, old.length - end)) main.removeChild(gone);
  for (const node of fresh.slice(start, fresh.length - end)) main.insertBefore(doc.importNode(node, true), anchor);
  return true;
}

const same = (a: Node, b: Node): boolean =>
  a.nodeType === b.nodeType && (a.nodeType === Node.ELEMENT_NODE ? (a as Element).outerHTML === (b as Element).outerHTML : a.textContent === b.textContent);
