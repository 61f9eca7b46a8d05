import { basename } from 'node:path';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';

/**
 * XLIFF ids: a field's `<group>` is `<file name>#<JSON path>` (`maya-thompson.iep.yaml#goals[2].criteria`) and its
 * sentences' `<trans-unit>`s are `<group id>/<n>` from 1. XLIFF 1.2 lets an id be any string, so the JSON path is
 * written as iepkit writes it everywhere else; the file's name (not its folder) keeps a batch's students apart.
 */
export function xliffFileName(file: string): string {
  return basename(file);
}

export function unitId(file: string, fieldPath: JsonPath): string {
  return `${xliffFileName(file)}#${formatJsonPath(fieldPath)}`;
}

export function segmentId(unit: string, n: number): string {
  return `${unit}/${n}`;
}
