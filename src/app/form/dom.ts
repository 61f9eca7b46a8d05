/** Small DOM helpers of the form; elements are made with src/app/dom.ts's `h` (text only, never innerHTML). */
/** Adds or removes one id in an aria-describedby list. */
export function describedBy(element: Element, id: string, on: boolean): void {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) element.setAttribute('aria-describedby', [...ids].join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Text for people, the same in a summary line and a list: first line, at most `max` characters. */
export function excerpt(text: string, max = 80): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
