/**
 * Form order: the order in which the record's fields are laid out (the schema's property order, then list index), the
 * order a person filling the form meets them. Diagnostics of one place, and the live preview's whole list, come in
 * this order rather than alphabetically ("document" before "student" before "goals").
 */
import { IepSchema } from './iep.js';

interface Node {
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: readonly Node[];
}

const SEGMENT = /([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/** The path's place in form order: for each step, the key's position among its object's properties, or the index. */
export function formOrderKey(path: string, schema: unknown = IepSchema): number[] {
  const key: number[] = [];
  let node: Node | undefined = schema as Node;
  for (const match of path.matchAll(SEGMENT)) {
    if (match[2] !== undefined) {
      key.push(Number(match[2]));
      node = node?.items ?? node?.anyOf?.find((branch) => branch.items)?.items;
      continue;
    }
    const name = match[1] ?? (JSON.parse(match[3]!) as string);
    const owner: Node | undefined = node?.properties ? node : node?.anyOf?.find((branch) => branch.properties?.[name]);
    const names = Object.keys(owner?.properties ?? {});
    const at = names.indexOf(name);
    // A key the schema does not know comes after the known ones of its object.
    key.push(at === -1 ? names.length : at);
    node = owner?.properties?.[name];
  }
  return key;
}

/** Negative when path `a` comes before `b` in form order; a field comes before the fields inside it. */
export function compareFormOrder(a: string, b: string): number {
  const ka = cachedKey(a);
  const kb = cachedKey(b);
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return ka.length - kb.length;
}

/**
 * Diagnostics in form order: those about no field first (a syntax error, a template), by line; then by their path's
 * place in the form. Diagnostics of one field keep the order they came in (validation, compliance, wording).
 */
export function sortInFormOrder<D extends { path?: string; line?: number }>(diagnostics: readonly D[]): D[] {
  return [...diagnostics].sort((a, b) => {
    if (a.path === undefined || b.path === undefined) {
      if (a.path !== undefined) return 1;
      if (b.path !== undefined) return -1;
      return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
    }
    return compareFormOrder(a.path, b.path);
  });
}

const keys = new Map<string, number[]>();

function cachedKey(path: string): number[] {
  let key = keys.get(path);
  if (!key) {
    key = formOrderKey(path);
    if (keys.size < 10_000) keys.set(path, key);
  }
  return key;
}
