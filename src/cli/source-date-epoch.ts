/**
 * The timestamp a reproducible build asks for (https://reproducible-builds.org/specs/source-date-epoch/): whole
 * seconds since 1970 in SOURCE_DATE_EPOCH. Read here, in the CLI, and passed down as the `timestamp` option; the
 * library never reads the environment. Undefined when unset or not a number: documents then carry the IEP's dates.
 */
export function timestampFromEnvironment(env: Readonly<Record<string, string | undefined>>): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
