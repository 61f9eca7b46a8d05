/** The value when it is a mapping: cross-field checks also read data the schema rejected, one part at a time. */
export function asMapping(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
