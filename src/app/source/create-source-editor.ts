// TEMPORARY STUB (not committed)
export function createSourceEditor(container: HTMLElement, options: { schema: Record<string, unknown>; text: string; onChange(text: string): void }) {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', 'YAML source');
  area.value = options.text;
  area.addEventListener('input', () => options.onChange(area.value));
  container.append(area);
  return { setText(text: string) { area.value = text; }, getText: () => area.value, focusLine(_l: number) { area.focus(); } };
}
