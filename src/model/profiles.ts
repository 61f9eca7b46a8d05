/** State profiles: which official layout and which compliance rules apply. New York first; federal for the rest. */
export const PROFILES = ['federal', 'ny'] as const;
export type Profile = (typeof PROFILES)[number];

export function isProfile(value: unknown): value is Profile {
  return typeof value === 'string' && (PROFILES as readonly string[]).includes(value);
}
