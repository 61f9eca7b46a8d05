/** Stable exit codes, documented in the README and `iep --help`. */
export const EXIT = {
  ok: 0,
  /** Invalid input or failed checks. */
  invalid: 1,
  /** Wrong command-line usage (unknown option, missing file). */
  usage: 2,
  /** A document could not be rendered. */
  renderFailed: 3,
  /** A bug in iepkit: please report it. */
  internal: 4,
} as const;
