/** A readable JSON path as diagnostics give it (`goals[2].criteria`, `a["odd key"]`) as keys and indexes. */
export function parseJsonPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let match: RegExpExecArray | null;
  while (token.lastIndex < path.length && (match = token.exec(path))) {
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
    else parts.push(JSON.parse(match[3]!) as string);
  }
  return parts;
}

/** The value at a path of a parsed record, or undefined. */
export function valueAt(record: unknown, path: readonly (string | number)[]): unknown {
  let node = record;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
