/** Helpers for tests that build malformed IEPs by editing test/fixtures/minimal.iep.yaml. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const minimalText = readFileSync(new URL('../fixtures/minimal.iep.yaml', import.meta.url), 'utf8');

/** The minimal record as data, read with the yaml library alone (not our loader). */
export const minimalData = (): Record<string, unknown> => parse(minimalText) as Record<string, unknown>;

/** minimal.iep.yaml with each `from` replaced by `to`; fails loudly when `from` is no longer in the file. */
export function editMinimal(...edits: [from: string, to: string][]): string {
  let text = minimalText;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`test setup: minimal.iep.yaml no longer contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/**
 * 1-based line and column of `target` where it directly follows `before` in `text` (the pair must be unique),
 * so expected positions stay exact when lines are added to minimal.iep.yaml.
 */
export function positionOf(text: string, before: string, target = ''): { line: number; column: number } {
  const needle = before + target;
  const at = text.indexOf(needle);
  if (at === -1 || text.indexOf(needle, at + 1) !== -1) throw new Error(`test setup: ${JSON.stringify(needle)} must occur exactly once`);
  const offset = at + before.length;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}
