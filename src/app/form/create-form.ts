/**
 * The form for every field of the IEP JSON Schema: sections in the schema's order, labels from labels.en.json or the
 * property names, the schema's descriptions as help, closed lists as choices with human labels, lists that can be
 * added to, removed and reordered, narrative fields with their translations side by side.
 *
 * Hand-written rather than @json-editor/json-editor or JSON Forms: JSON Forms needs React, Angular or Vue and its
 * renderer sets, and re-renders from its own data store; json-editor builds its controls from theme HTML templates,
 * validates with its own validator and shows its own errors, and its accessible names have been fixed piecemeal
 * (json-editor#997, #1457, #1476). Neither takes diagnostics from outside by JSON path (ours come from the server's
 * validation, compliance rules and lint), nor leaves the record's text alone (it is edited with applyEdit so YAML
 * comments and order stay). What is left is a few hundred lines over the DOM, with text set only as text.
 */
import type { Diagnostic } from '../../model/diagnostic.js';
import { buildField } from './build-field.js';
import { h } from '../dom.js';
import { describedBy } from './dom.js';
import { getLocal, keyOf, schemaPathOf, setLocal, type Binding, type FormContext } from './form-context.js';
import { appendProperties } from './group-control.js';
import { parsePath, type PathKey } from './json-path.js';
import type { JSONSchema } from '../../model/json-schema.js';
import { createLabels } from './labels.js';

export type { JSONSchema } from '../../model/json-schema.js';

/** A diagnostic as the server sends it; deficit-wording ones may carry the rewritten text of the field. */
export type FormDiagnostic = Diagnostic & { fix?: { path: string; text: string } };

export interface FormOptions {
  schema: JSONSchema;
  /** An edit: the path and its new value (undefined removes it; a list is sent whole). */
  onEdit: (path: (string | number)[], value: unknown | undefined) => void;
  /** Translation columns shown beside English for narrative fields (e.g. ['es']). */
  languages?: string[];
}

export interface Form {
  update(record: unknown): void;
  showDiagnostics(diagnostics: FormDiagnostic[]): void;
  focusPath(path: string): void;
}

let forms = 0;

export function createForm(container: HTMLElement, options: FormOptions): Form {
  const labels = createLabels();
  const bindings = new Map<string, Binding>();
  const prefix = `iepf${++forms}-`;
  let ids = 0;
  let record: unknown = {};
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const recordMessages = h('div', { class: 'messages record-messages', 'aria-label': labels.ui('recordMessages'), role: 'group' });

  const ctx: FormContext = {
    labels,
    languages: options.languages ?? [],
    edit(path, value) {
      record = setLocal(record, path, value);
      options.onEdit([...path], value);
    },
    get: (path) => getLocal(record, path),
    id: () => `${prefix}${++ids}`,
    register: (binding) => void bindings.set(keyOf(binding.path), binding),
    unregisterUnder(path) {
      for (const key of below(path)) bindings.delete(key);
    },
    refreshUnder(path) {
      for (const key of below(path)) {
        const binding = bindings.get(key); // a nested list may have rebuilt (and dropped) it meanwhile
        binding?.refresh?.(getLocal(record, binding.path));
      }
    },
    announce: (text) => void (status.textContent = text),
    build: (schema, path, frame) => buildField(ctx, schema, path, frame),
  };
  const below = (path: PathKey[]): string[] => {
    const key = keyOf(path);
    return [...bindings.keys()].filter((k) => k.startsWith(`${key}[`) || (key !== '' && k.startsWith(`${key}.`)) || (key === '' && k !== ''));
  };

  const form = h('form', { class: 'iep-form', 'aria-label': labels.ui('form'), novalidate: '' }, status, recordMessages);
  form.addEventListener('submit', (event) => event.preventDefault()); // Enter in a field must not reload the page
  appendProperties(ctx, options.schema, [], form);
  bindings.set('', { path: [], target: form, messages: recordMessages });
  container.replaceChildren(form);

  let shown: { message: HTMLElement; target: HTMLElement; control?: HTMLElement }[] = [];

  return {
    update(next) {
      record = next !== null && typeof next === 'object' ? next : {};
      for (const [key, binding] of [...bindings]) {
        if (bindings.get(key) === binding) binding.refresh?.(getLocal(record, binding.path));
      }
    },

    showDiagnostics(diagnostics) {
      for (const { message, target, control } of shown) {
        describedBy(target, message.id, false);
        if (control && target !== control) describedBy(control, message.id, false);
        control?.removeAttribute('aria-invalid');
        message.remove();
      }
      shown = [];
      for (const summary of form.querySelectorAll('.item-problems')) summary.textContent = '';
      const problems = new Map<HTMLElement, number>();
      for (const diagnostic of diagnostics) {
        const { binding, exact } = nearest(bindings, diagnostic.path);
        const message = renderMessage(diagnostic, exact ? undefined : diagnostic.path);
        binding.messages.append(message);
        const control = exact ? binding.control : undefined;
        describedBy(binding.target, message.id, true);
        if (control && control !== binding.target) describedBy(control, message.id, true);
        if (control && diagnostic.severity === 'error') control.setAttribute('aria-invalid', 'true');
        shown.push({ message, target: binding.target, ...(control ? { control } : {}) });
        for (let details = binding.messages.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
          problems.set(details, (problems.get(details) ?? 0) + 1);
        }
      }
      for (const [details, count] of problems) {
        const badge = details.querySelector(':scope > summary > .item-problems');
        if (badge) badge.textContent = ` (${labels.ui('problems', { count })})`;
      }
    },

    focusPath(path) {
      const { binding } = nearest(bindings, path);
      for (let details = binding.target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) {
        details.open = true;
      }
      const target = binding.control ?? binding.target;
      if (!binding.control) target.tabIndex = -1;
      target.scrollIntoView?.({ block: 'center' });
      target.focus();
    },
  };

  function renderMessage(diagnostic: FormDiagnostic, missingPath: string | undefined): HTMLElement {
    const message = h('div', { class: `diagnostic ${diagnostic.severity}`, id: ctx.id() });
    const severity = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'info';
    const text = h('p', {}, h('strong', {}, labels.ui(severity)), ' ', diagnostic.message);
    if (missingPath) text.append(' ', h('span', { class: 'path' }, `(${fieldName(missingPath)})`));
    if (diagnostic.source) text.append(' ', h('cite', {}, diagnostic.source));
    message.append(text);
    // The fix on a line of its own, named as the problems panel names it: run on after the message, it read as one
    // sentence ("...were not checked ask the translator...").
    if (diagnostic.hint) message.append(h('p', { class: 'hint' }, h('strong', {}, labels.ui('howToFix')), ' ', diagnostic.hint));
    const fix = diagnostic.fix;
    const fixPath = fix ? parsePath(fix.path) : undefined;
    if (fix && fixPath) {
      const apply = h('button', { type: 'button', 'aria-describedby': message.id }, labels.ui('applyFix'));
      apply.addEventListener('click', () => ctx.edit(fixPath, fix.text));
      message.append(apply);
    }
    return message;
  }

  function fieldName(path: string): string {
    const keys = parsePath(path);
    return keys?.length ? labels.field(schemaPathOf(keys)) : path;
  }
}

/** The binding of `path`, or of its nearest shown ancestor (a missing field's group), or the whole record's. */
function nearest(bindings: Map<string, Binding>, path: string | undefined): { binding: Binding; exact: boolean } {
  const keys = path ? parsePath(path) : [];
  if (keys) {
    for (let n = keys.length; n >= 0; n--) {
      const binding = bindings.get(keyOf(keys.slice(0, n)));
      // Fields of a choice not taken (a frequency's count while "as needed" is chosen) are hidden: use their group.
      if (binding && !binding.messages.closest('[hidden]')) return { binding, exact: n === keys.length };
    }
  }
  return { binding: bindings.get('')!, exact: false };
}
