// TEMPORARY STUB (not committed): the form helper's module per CONTRACT.md.
import type { Diagnostic } from '../../model/diagnostic.js';
export type JSONSchema = Record<string, unknown>;
export function createForm(container: HTMLElement, options: { schema: JSONSchema; onEdit: (path: (string | number)[], value: unknown | undefined) => void; languages?: string[] }) {
  const label = document.createElement('label');
  label.textContent = 'Student first name';
  label.htmlFor = 'f-first';
  const input = document.createElement('input');
  input.id = 'f-first';
  input.dataset.path = 'student.firstName';
  input.addEventListener('input', () => options.onEdit(['student', 'firstName'], input.value));
  container.append(label, input);
  return {
    update(record: unknown) { const v = (record as any)?.student?.firstName; if (document.activeElement !== input) input.value = v ?? ''; },
    showDiagnostics(_d: Diagnostic[]) {},
    focusPath(_p: string) { input.focus(); },
  };
}
