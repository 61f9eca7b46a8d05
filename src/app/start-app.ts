/**
 * The editor: the folder's IEP files, a form and a YAML source tab editing one text, the live preview of any copy,
 * the diagnostics, saving (with conflicts on disk and autosaved drafts) and the downloads.
 *
 * The record's YAML text is the one source of truth: the form's edits are applied to it (comments and order
 * kept), the source tab edits it directly, and preview, save and downloads send it.
 */
import { parse as parseYaml } from 'yaml';
import { createForm } from './form/create-form.js';
import { applyEdit } from '../model/apply-edit.js';
import { createSourceEditor } from './source/create-source-editor.js';
import {
  type AppDiagnostic,
  type FileEntry,
  HttpError,
  createFile,
  getProfiles,
  getSchema,
  listFiles,
  openFile,
  renderFile,
  requestPreview,
  saveDraft,
  saveFile,
} from './api.js';
import { createDiagnosticsPanel } from './create-diagnostics-panel.js';
import { copyChoices, createPreviewPane } from './create-preview-pane.js';
import { createTabs } from './create-tabs.js';
import { askConflict, askNewIep } from './dialogs.js';
import { h, replaceChildren } from './dom.js';
import { initI18n, t } from './i18n.js';
import { parseJsonPath, valueAt } from './json-path.js';
import { familyLanguages } from './family-languages.js';
import { latestOnly } from './latest-only.js';
import { SOURCE_EDITOR_CSS, mountInShadow } from './mount-in-shadow.js';
import { schemaLanguages } from './schema-languages.js';

const PREVIEW_DELAY_MS = 60;
const AUTOSAVE_EVERY_MS = 4000;

interface OpenDocument {
  name: string;
  etag: string;
  /** The text last written to (or read from) the file. */
  savedText: string;
  /** The text last autosaved as a draft. */
  autosavedText: string;
}

type Origin = 'form' | 'source' | 'load';

export async function startApp(root: HTMLElement): Promise<void> {
  await initI18n();
  let schema;
  let profiles;
  try {
    // The form edits records of the server's default profile: its own fields (extensions) are in the schema.
    profiles = await getProfiles();
    schema = await getSchema(profiles.default);
  } catch (error) {
    replaceChildren(root, h('p', { class: 'boot', role: 'alert' }, t('errors.noServer', { message: (error as Error).message })));
    return;
  }
  const languages = schemaLanguages(schema);

  // --- state ---------------------------------------------------------------------------------------------------
  let doc: OpenDocument | undefined;
  let text = '';
  // The text parsed into a record only when something needs the record (the form refreshed, a diagnostic followed):
  // not on every keystroke, where it would delay the preview of a large IEP by a parse.
  let parsedText: string | undefined;
  let record: unknown;
  let yamlError: string | undefined;
  let diagnostics: AppDiagnostic[] = [];
  let formStale = false;
  let sourceStale = false;
  let saving = false;
  let lastAnnouncedCount = -1;

  // --- the page's parts ---------------------------------------------------------------------------------------
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'status' });
  const announce = (message: string) => {
    status.textContent = message;
  };

  const fileMenuList = h('ul', { class: 'file-menu-list' });
  const fileMenu = h(
    'details',
    { class: 'file-menu' },
    h('summary', { class: 'button', id: 'file-menu' }, t('files.open')),
    h('nav', { 'aria-label': t('files.nav') }, fileMenuList),
  );
  const docTitle = h('p', { class: 'doc-title', id: 'doc-title' });
  const saveState = h('span', { class: 'save-state', id: 'save-state' });
  const saveButton = h('button', { type: 'button', class: 'button button-primary', id: 'save', 'aria-keyshortcuts': 'Control+S', onclick: () => void save() }, t('save.button'));
  const header = h(
    'header',
    { class: 'topbar' },
    h('h1', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'iep'), t('app.title')),
    h('div', { class: 'topbar-files' }, fileMenu, h('button', { type: 'button', class: 'button', id: 'new-iep', onclick: () => void newIep() }, t('files.new'))),
    docTitle,
    h('div', { class: 'topbar-save' }, saveState, saveButton),
  );

  const notice = h('div', { class: 'notice', hidden: true, role: 'region', 'aria-label': t('notice.label') });
  const formPanel = h('div', { id: 'panel-form', class: 'tab-panel', tabindex: '0' });
  const formHost = h('div', { class: 'form-host' });
  const formBlocked = h('p', { class: 'form-blocked', hidden: true });
  formPanel.append(formBlocked, formHost);
  const sourcePanel = h('div', { id: 'panel-source', class: 'tab-panel tab-panel-source' });
  const sourceHost = h('div', { class: 'source-host' });
  sourcePanel.append(sourceHost);

  // The form shows translation columns for the open record's family languages, so it is made again when those change.
  let formLanguages: string[] = [];
  const makeForm = (translations: string[]) => {
    formLanguages = translations;
    formHost.replaceChildren();
    return createForm(formHost, {
      schema,
      languages: translations,
      onEdit: (path, value) => {
        if (!formHost.hidden) edit(path, value, 'form', performance.now());
      },
    });
  };
  let form = makeForm([]);
  const sourceMount = mountInShadow(sourceHost, SOURCE_EDITOR_CSS);
  const source = createSourceEditor(sourceMount, { schema, text: '', onChange: (next) => setText(next, 'source') });

  // The editable text is the scrolling region's keyboard way in; say so explicitly (CodeMirror leaves it implicit
  // for contenteditable, which axe's scrollable-region-focusable does not count). CodeMirror keeps attributes it did
  // not set itself.
  sourceMount.querySelector('.cm-content')?.setAttribute('tabindex', '0');

  const tabs = createTabs(t('tabs.label'), [
    { id: 'form', label: t('tabs.form'), panel: formPanel },
    { id: 'source', label: t('tabs.source'), panel: sourcePanel },
  ], (id) => {
    if (id === 'form' && formStale) refreshForm();
    if (id === 'source' && sourceStale) {
      sourceStale = false;
      source.setText(text);
    }
  });

  const panel = createDiagnosticsPanel({ currentText, onGoTo: goTo, onFix: useFix });
  const preview = createPreviewPane({
    languages,
    copies: copyChoices(profiles),
    onChange: () => previewer.now(text),
    onDownload: (format) => void download(format),
    onFinalize: () => void finalize(),
  });

  const editor = h(
    'section',
    { class: 'editor', 'aria-labelledby': 'editor-heading' },
    h('h2', { id: 'editor-heading', class: 'visually-hidden' }, t('editor.heading')),
    notice,
    tabs.element,
    formPanel,
    sourcePanel,
    panel.element,
  );
  const welcome = h('section', { class: 'welcome', 'aria-labelledby': 'welcome-heading' });
  const main = h('main', { id: 'main', tabindex: '-1', class: 'workspace' }, welcome, editor, preview.element);
  const skip = h('a', { href: '#main', class: 'skip-link', onclick: (event: Event) => {
    event.preventDefault();
    main.focus();
  } }, t('app.skip'));
  const footer = h('footer', { class: 'footer' }, status, h('p', { class: 'footer-note' }, t('app.local')));
  replaceChildren(root, skip, header, main, footer);
  tabs.select('form');

  // --- text, views and preview ----------------------------------------------------------------------------------
  /** `since`: when the person's keystroke came (the preview's quiet time counts from it, not from after the work). */
  function setText(next: string, origin: Origin, since = performance.now()): void {
    text = next;
    if (origin !== 'source') {
      if (tabs.selected() === 'source') source.setText(text);
      else sourceStale = true;
    }
    if (origin !== 'form') {
      if (tabs.selected() === 'form') refreshForm();
      else formStale = true;
    }
    showSaveState();
    if (origin === 'load') previewer.now(text);
    else previewer.schedule(text, since);
  }

  /** Brings `record` and `yamlError` up to date with the text. */
  function parseText(): void {
    if (parsedText === text) return;
    parsedText = text;
    try {
      record = parseYaml(text, { prettyErrors: true });
      yamlError = undefined;
    } catch (error) {
      yamlError = (error as Error).message.split('\n')[0];
    }
  }

  /** A change made through the form or a suggestion, applied to the YAML text; a refused one is said, not lost. */
  function edit(path: (string | number)[], value: unknown, origin: Origin, since?: number): boolean {
    try {
      setText(applyEdit(text, path, value), origin, since);
      return true;
    } catch (error) {
      announce(t('editor.editFailed', { message: (error as Error).message }));
      return false;
    }
  }

  function refreshForm(): void {
    formStale = false;
    parseText();
    formBlocked.hidden = !yamlError;
    formHost.hidden = Boolean(yamlError);
    if (yamlError) {
      formBlocked.textContent = t('editor.yamlError', { message: yamlError });
      return;
    }
    const translations = familyLanguages(record, languages);
    if (translations.join() !== formLanguages.join() && !formHost.contains(document.activeElement)) form = makeForm(translations);
    form.update(record);
    form.showDiagnostics(diagnostics);
  }

  const previewer = latestOnly<string>(async (sent) => {
    if (!doc) return;
    preview.setBusy(true);
    try {
      const copy = preview.copy();
      const answer = await requestPreview(sent, { layout: copy.layout, profile: copy.profile, lang: preview.lang() });
      // Typed on meanwhile: the newer text goes next, and showing this older page would only delay it.
      if (previewer.superseded()) return;
      diagnostics = answer.diagnostics;
      panel.show(diagnostics);
      if (!formHost.hidden) form.showDiagnostics(diagnostics);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      await preview.show(answer.id, answer.draft, errors);
      preview.setBusy(false);
      if (diagnostics.length !== lastAnnouncedCount) {
        lastAnnouncedCount = diagnostics.length;
        announce(t('preview.updated', { count: diagnostics.length }));
      }
    } catch (error) {
      if (error instanceof HttpError && (error.status === 429 || error.status === 503)) {
        // The server is busy: try again shortly with whatever is newest by then.
        setTimeout(() => previewer.schedule(text), 1000);
        preview.setUnavailable(t('preview.busy'));
      } else {
        preview.setUnavailable(t('preview.failed', { message: (error as Error).message }));
      }
    }
  }, PREVIEW_DELAY_MS);

  // --- diagnostics -----------------------------------------------------------------------------------------------
  function goTo(diagnostic: AppDiagnostic): void {
    parseText();
    if (diagnostic.path && !yamlError) {
      tabs.select('form');
      form.focusPath(diagnostic.path);
    } else if (diagnostic.line) {
      tabs.select('source');
      source.focusLine(diagnostic.line);
    }
  }

  function currentText(jsonPath: string): string | undefined {
    parseText();
    const path = parseJsonPath(jsonPath);
    const value = path && valueAt(record, path);
    const text = value && typeof value === 'object' && 'en' in value ? (value as { en: unknown }).en : value;
    return typeof text === 'string' ? text : undefined;
  }

  function useFix(diagnostic: AppDiagnostic): void {
    const fix = diagnostic.fix;
    parseText();
    if (!fix || yamlError) return;
    const path = parseJsonPath(fix.path);
    if (!path) return;
    // A translated field holds { en, es, ... }: the suggestion is its English text.
    const current = valueAt(record, path);
    if (current && typeof current === 'object' && 'en' in current) path.push('en');
    if (!edit(path, fix.text, 'load')) return;
    announce(t('diagnostics.fixed', { path: fix.path }));
    if (tabs.selected() === 'form') form.focusPath(fix.path);
  }

  // --- files --------------------------------------------------------------------------------------------------------
  const dirty = () => Boolean(doc && text !== doc.savedText);

  function showSaveState(): void {
    const state = !doc ? '' : saving ? t('save.saving') : dirty() ? (text === doc.autosavedText ? t('save.autosaved') : t('save.unsaved')) : t('save.saved');
    saveState.textContent = state;
    saveState.dataset.state = !doc ? 'none' : dirty() ? 'dirty' : 'clean';
    saveButton.disabled = !doc;
    document.title = doc ? `${dirty() ? '• ' : ''}${doc.name} · ${t('app.title')}` : t('app.title');
  }

  async function refreshFiles(): Promise<FileEntry[]> {
    let files: FileEntry[] = [];
    try {
      files = await listFiles();
    } catch (error) {
      announce(t('files.listFailed', { message: (error as Error).message }));
    }
    const link = (file: FileEntry) =>
      h(
        'a',
        { href: `#file=${encodeURIComponent(file.name)}`, class: 'file-link', 'aria-current': doc?.name === file.name ? 'page' : undefined },
        h('span', { class: 'file-student' }, file.student || file.name),
        h('span', { class: 'file-name' }, file.student ? file.name : t('files.modified', { date: new Date(file.modified).toLocaleString() })),
      );
    replaceChildren(fileMenuList, ...(files.length ? files.map((f) => h('li', {}, link(f))) : [h('li', { class: 'file-none' }, t('files.none'))]));
    replaceChildren(
      welcome,
      h('h2', { id: 'welcome-heading' }, t('welcome.heading')),
      h('p', {}, t('welcome.text')),
      files.length ? h('ul', { class: 'welcome-files' }, ...files.map((f) => h('li', {}, link(f)))) : h('p', {}, t('files.none')),
      h('button', { type: 'button', class: 'button button-primary', onclick: () => void newIep() }, t('files.new')),
    );
    return files;
  }

  async function open(name: string): Promise<void> {
    if (doc?.name === name) return;
    fileMenu.open = false;
    await keepDraft();
    let file;
    try {
      file = await openFile(name);
    } catch (error) {
      announce(t('files.openFailed', { name, message: (error as Error).message }));
      return;
    }
    doc = { name: file.name, etag: file.etag, savedText: file.text, autosavedText: file.text };
    lastAnnouncedCount = -1;
    hideNotice();
    welcome.hidden = true;
    editor.hidden = false;
    preview.element.hidden = false;
    docTitle.textContent = file.name;
    setText(file.text, 'load');
    if (file.draft && file.draft.text !== file.text) {
      const draft = file.draft;
      showNotice(t('notice.draft', { time: new Date(draft.saved).toLocaleString() }), [
        [t('notice.restoreDraft'), () => {
          doc!.autosavedText = draft.text;
          setText(draft.text, 'load');
          announce(t('notice.draftRestored'));
        }],
        [t('notice.keepFile'), () => undefined],
      ]);
    }
    announce(t('files.opened', { name: file.name }));
    void refreshFiles();
  }

  async function newIep(): Promise<void> {
    const answer = await askNewIep(languages);
    if (!answer) return;
    try {
      const file = await createFile(answer.name, answer.lang);
      location.hash = `file=${encodeURIComponent(file.name)}`;
      announce(t('files.created', { name: file.name }));
    } catch (error) {
      announce(error instanceof HttpError && error.status === 409 ? t('files.exists', { name: answer.name }) : t('files.createFailed', { message: (error as Error).message }));
    }
  }

  async function save(): Promise<void> {
    if (!doc || saving) return;
    saving = true;
    showSaveState();
    const sending = text;
    const name = doc.name;
    try {
      const { etag } = await saveFile(name, sending, doc.etag);
      doc.etag = etag;
      doc.savedText = sending;
      doc.autosavedText = sending;
      announce(t('save.done', { name }));
      void refreshFiles();
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) {
        saving = false;
        showSaveState();
        await resolveConflict(error.body as { text: string; etag: string });
      } else {
        announce(t('save.failed', { message: (error as Error).message }));
      }
    } finally {
      saving = false;
      showSaveState();
    }
  }

  async function resolveConflict(disk: { text: string; etag: string }): Promise<void> {
    if (!doc) return;
    const choice = await askConflict(doc.name, text, disk.text);
    if (choice === 'mine') {
      doc.etag = disk.etag;
      await save();
    } else if (choice === 'disk') {
      // Never lose typed text: the replaced version stays one click away until another file is opened.
      const mine = text;
      doc.etag = disk.etag;
      doc.savedText = disk.text;
      setText(disk.text, 'load');
      showNotice(t('notice.replaced'), [[t('notice.restoreMine'), () => setText(mine, 'load')]]);
      announce(t('conflict.loaded'));
    } else {
      announce(t('conflict.notSaved'));
    }
  }

  /** Autosaves the draft when it changed since the last save or autosave. */
  async function keepDraft(keepalive = false): Promise<void> {
    if (!doc || !dirty() || text === doc.autosavedText) return;
    const sending = text;
    const name = doc.name;
    try {
      await saveDraft(name, sending, keepalive);
      if (doc?.name === name) doc.autosavedText = sending;
      showSaveState();
    } catch (error) {
      announce(t('save.autosaveFailed', { message: (error as Error).message }));
    }
  }

  // --- downloads ------------------------------------------------------------------------------------------------------
  async function download(format: 'pdf' | 'docx', final = false): Promise<void> {
    if (!doc) return;
    const copy = final ? { layout: 'official', profile: preview.copy().profile } : preview.copy();
    announce(t('download.working', { format: format.toUpperCase() }));
    try {
      const { blob, fileName } = await renderFile(text, { layout: copy.layout, profile: copy.profile, lang: preview.lang(), format, final });
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: fileName, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(t(final ? 'finalize.done' : 'download.done', { name: fileName }));
    } catch (error) {
      const refused = error instanceof HttpError && error.status === 422 ? (error.body as { diagnostics?: AppDiagnostic[] }).diagnostics : undefined;
      if (refused) {
        panel.show(refused, t(final ? 'finalize.refused' : 'download.refused'));
        announce(t(final ? 'finalize.refusedStatus' : 'download.refusedStatus', { count: refused.length }));
        document.getElementById('diagnostics-heading')?.setAttribute('tabindex', '-1');
        document.getElementById('diagnostics-heading')?.focus();
      } else {
        announce(t('download.failed', { message: (error as Error).message }));
      }
    }
  }

  const finalize = () => download('pdf', true);

  // --- notices --------------------------------------------------------------------------------------------------------
  function showNotice(message: string, actions: [string, () => void][]): void {
    replaceChildren(
      notice,
      h('p', {}, message),
      h('div', { class: 'notice-actions' }, ...actions.map(([label, act]) => h('button', { type: 'button', class: 'button button-small', onclick: () => {
        hideNotice();
        act();
      } }, label))),
    );
    notice.hidden = false;
  }
  function hideNotice(): void {
    notice.hidden = true;
    notice.replaceChildren();
  }

  // --- the page's life ------------------------------------------------------------------------------------------------
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });
  window.addEventListener('beforeunload', (event) => {
    if (!dirty()) return;
    void keepDraft(true);
    event.preventDefault();
    event.returnValue = '';
  });
  setInterval(() => void keepDraft(), AUTOSAVE_EVERY_MS);

  const fileInHash = () => {
    const match = /^#file=(.+)$/.exec(location.hash);
    return match ? decodeURIComponent(match[1]!) : undefined;
  };
  window.addEventListener('hashchange', () => {
    const name = fileInHash();
    if (name) void open(name);
  });

  editor.hidden = true;
  preview.element.hidden = true;
  showSaveState();
  await refreshFiles();
  const first = fileInHash();
  if (first) await open(first);
}
