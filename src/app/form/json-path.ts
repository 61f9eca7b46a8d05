/**
 * Readable JSON paths (`goals[2].criteria`, `student.firstName`, `x["odd key"]`) to and from key arrays. The same
 * format as src/model/diagnostic.ts formatJsonPath (the browser may import only types from src/model).
 */
export type PathKey = string | number;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Parses a readable path; undefined when it is not one. `""` is the whole record. */
export function parsePath(text: string): PathKey[] | undefined {
  const out: PathKey[] = [];
  const token = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < text.length) {
    token.lastIndex = at;
    const m = token.exec(text);
    if (!m || (m[0].startsWith('.') && at === 0)) return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3]!) as string);
    at = token.lastIndex;
  }
  return out;
}
