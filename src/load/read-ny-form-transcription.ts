import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { formatJsonPath } from '../model/diagnostic.js';
import { NY_FORM_FILE, NyFormSchema, nyFormProblems, type NyForm } from '../model/ny-form.js';
import { pathOfPointer } from '../model/schema-error-words.js';
import { SourceMap } from './source-map.js';

let compiled: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(NyFormSchema);
  return compiled;
}

/**
 * Reads the NY form transcription (templates/ny/official/form.yaml unless `file` says otherwise) and checks it against
 * NyFormSchema and nyFormProblems. The file ships with iepkit, so a problem in it is iepkit's bug, not a user's: it
 * throws one Error that lists every problem with its line.
 */
export function readNyFormTranscription(file: string = NY_FORM_FILE): NyForm {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) fail(file, doc.errors.map((e) => e.message.split('\n')[0]!));

  const data: unknown = doc.toJS();
  const validate = schemaValidator();
  if (!validate(data)) {
    const sourceMap = new SourceMap(doc, lineCounter);
    fail(
      file,
      (validate.errors ?? []).map((e) => {
        const path = pathOfPointer(e.instancePath);
        const at = sourceMap.locate(path);
        const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
        return `${at ? `${at.line}:${at.column} ` : ''}${path.length ? formatJsonPath(path) : 'the file'} ${e.message ?? 'is not valid'}${extra}`;
      }),
    );
  }
  const form = data as NyForm;
  const problems = nyFormProblems(form);
  if (problems.length > 0) fail(file, problems);
  return form;
}

function fail(file: string, problems: string[]): never {
  throw new Error(`${file} is not a valid NY form transcription:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
