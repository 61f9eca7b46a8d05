/** The frame every field shares: a label naming the control, "(required)" in words, the schema's help, messages. */
import { h } from '../dom.js';
import { describedBy } from './dom.js';
import { keyOf, type FormContext } from './form-context.js';
import type { PathKey } from './json-path.js';

export interface FrameOptions {
  label: string;
  required: boolean;
  description?: string;
}

/** A labelled control: <label for>, the help tied by aria-describedby, and a place for messages. */
export function fieldFrame(
  ctx: FormContext,
  path: PathKey[],
  options: FrameOptions,
  control: HTMLElement,
): { wrapper: HTMLElement; messages: HTMLElement } {
  control.id ||= ctx.id();
  const label = h('label', { for: control.id }, options.label);
  if (options.required) {
    label.append(' ', h('span', { class: 'required' }, ctx.labels.ui('required')));
    control.setAttribute('aria-required', 'true');
  }
  const help = options.description ? h('p', { class: 'help', id: ctx.id() }, options.description) : undefined;
  if (help) describedBy(control, help.id, true);
  const messages = h('div', { class: 'messages' });
  const wrapper = h('div', { class: 'field', 'data-path': keyOf(path) }, label, help, control, messages);
  return { wrapper, messages };
}

/** A group of fields: <fieldset> with a <legend>, its help tied to it, a place for messages about the group. */
export function groupFrame(
  ctx: FormContext,
  path: PathKey[],
  options: FrameOptions,
  className: string,
): { fieldset: HTMLFieldSetElement; messages: HTMLElement } {
  const legend = h('legend', {}, options.label);
  if (options.required) legend.append(' ', h('span', { class: 'required' }, ctx.labels.ui('required')));
  const fieldset = h('fieldset', { class: className, 'data-path': keyOf(path) }, legend);
  fieldset.id = ctx.id();
  if (options.description) {
    const help = h('p', { class: 'help', id: ctx.id() }, options.description);
    fieldset.append(help);
    describedBy(fieldset, help.id, true);
  }
  const messages = h('div', { class: 'messages' });
  fieldset.append(messages);
  return { fieldset, messages };
}

/** True while the person is typing in `control`: update() leaves its value and caret alone. */
export const isFocused = (control: Element): boolean => control.ownerDocument.activeElement === control;
