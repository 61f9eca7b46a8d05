import { UsageError } from './io.js';

/** A comma-separated option (`official,family` or `all`) checked against its allowed values. */
export function parseList<T extends string>(value: string, allowed: readonly T[], what: string): T[] {
  const items = value === 'all' ? [...allowed] : value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new UsageError(`unknown ${what} "${item}" (choose from: ${allowed.join(', ')}, or all)`);
  return items as T[];
}
