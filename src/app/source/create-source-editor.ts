/**
 * The source tab: the record's YAML in CodeMirror 6, with highlighting, completion of keys and closed-list values
 * from the schema, and an accessible name. Tab is left to move focus out (no indentWithTab: keyboard users would be
 * trapped); Enter keeps the indentation.
 */
import { autocompletion } from '@codemirror/autocomplete';
import { yaml } from '@codemirror/lang-yaml';
import { Annotation, EditorSelection } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';
import type { JSONSchema } from '../../model/json-schema.js';
import { schemaCompletion } from './schema-completion.js';

export interface SourceEditorOptions {
  schema: JSONSchema;
  text: string;
  onChange(text: string): void;
  /** The editor's accessible name. */
  label?: string;
}

export interface SourceEditor {
  setText(text: string): void;
  getText(): string;
  focusLine(line: number): void;
}

// Marks changes made by setText, so they are not reported back through onChange.
const fromOutside = Annotation.define<boolean>();

export function createSourceEditor(container: HTMLElement, options: SourceEditorOptions): SourceEditor {
  const view = new EditorView({
    parent: container,
    doc: options.text,
    extensions: [
      basicSetup,
      yaml(),
      autocompletion({ override: [schemaCompletion(options.schema)] }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': options.label ?? 'IEP record, YAML source' }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromOutside))) {
          options.onChange(update.state.doc.toString());
        }
      }),
    ],
  });

  return {
    getText: () => view.state.doc.toString(),

    setText(text) {
      const old = view.state.doc.toString();
      if (old === text) return;
      // Replace only the part that differs: the caret and selection map through the change and stay put.
      let start = 0;
      while (start < old.length && start < text.length && old[start] === text[start]) start++;
      let end = 0;
      while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
      view.dispatch({
        changes: { from: start, to: old.length - end, insert: text.slice(start, text.length - end) },
        annotations: fromOutside.of(true),
      });
    },

    focusLine(line) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(1, Math.round(line)), doc.lines));
      view.dispatch({
        selection: EditorSelection.cursor(target.from),
        effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
      });
      view.focus();
    },
  };
}
