import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, isAbsolute } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { closest } from '../model/closest.js';
import { formatJsonPath, type Diagnostic, type JsonPath } from '../model/diagnostic.js';
import { expandExtensionSchema } from '../model/extension-schema.js';
import type { Profile, ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import { availableProfiles, loadProfile, resolveProfile } from '../load/load-profile.js';
import { pathOfPointer } from '../model/schema-error-words.js';
import { parseSource } from '../load/parse-source.js';
import { asMapping } from './as-mapping.js';
import { describeError, simplifyErrors, type ValidateOptions } from './validate-iep.js';

// CommonJS with a default export that NodeNext types cannot call; require gives the function.
const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;

type ProfileExtensions = NonNullable<ProfileDefinition['extensions']>;
type Compiled = { validate: ValidateFunction } | { diagnostics: Diagnostic[] };

/** Compiled schemas by file and modification time; the schema's text confirms a hit (a definition made in memory). */
const compiledCache = new Map<string, { source: string; compiled: Compiled }>();

/**
 * Checks a record's `extensions` against the profile in use: the data under the profile's namespace must meet the
 * JSON Schema its profile.yaml declares (`extension-invalid`, located by JSON path and line, worded as the model's
 * own errors with a did-you-mean for a misspelled key); data under any other namespace is `extension-unknown`, a
 * warning, since no document of this profile prints it. A schema that ajv cannot compile is a `profile-error`
 * naming the schema file, reported with every record, since no record can be checked against it.
 */
export function validateExtensions(iep: unknown, profile: ProfileDefinition, options: ValidateOptions = {}): Diagnostic[] {
  const declared = profile.extensions;
  const compiled = declared ? compileExtensionSchema(declared) : undefined;
  if (compiled && 'diagnostics' in compiled) return compiled.diagnostics;
  const extensions = asMapping(asMapping(iep)?.extensions);
  if (!extensions) return [];

  const diagnostics: Diagnostic[] = [];
  const locate = (path: JsonPath, key = false) => options.sourceMap?.locate(path, { key }) ?? {};
  for (const [namespace, data] of Object.entries(extensions)) {
    const at: JsonPath = ['extensions', namespace];
    if (!declared || namespace !== declared.namespace) {
      const guess = declared ? closest(namespace, [declared.namespace]) : undefined;
      const owner = guess ? undefined : profileDeclaring(namespace, profile);
      diagnostics.push({
        code: 'extension-unknown',
        severity: 'warning',
        file: options.file,
        path: formatJsonPath(at),
        ...locate(at, true),
        message: `${formatJsonPath(at)} is not data of the ${profile.name} profile (${profile.id}), which ${declared ? `keeps its own data under extensions.${declared.namespace}` : 'declares no extensions'}: no document prints it`,
        hint: guess
          ? `did you mean \`${guess}\`?`
          : owner
            ? `it is data of the ${owner.name} profile: render, check, lint and translate with --profile ${owner.id} (or "profile": "${owner.id}" in iepkit.config.json)`
            : 'render with the profile that declares it (--profile), or remove the data',
      });
      continue;
    }
    const validate = (compiled as { validate: ValidateFunction }).validate;
    if (validate(data)) continue;
    const schemaHint = `see the profile's extensions schema, ${shownPath(declared.file)}`;
    const push = (path: JsonPath, d: Omit<Diagnostic, 'path' | 'file' | 'severity'>, key = false) =>
      diagnostics.push({
        severity: 'error',
        file: options.file,
        path: formatJsonPath(path),
        ...locate(path, key),
        ...d,
        // One code for the profile's data, whichever check it failed; the model's wording says which.
        code: 'extension-invalid',
        hint: !d.hint || d.hint === 'see docs/data-model.md' ? schemaHint : d.hint,
      });
    // The errors as if the profile's schema sat at extensions.<namespace> of the record's schema: full paths in messages.
    const errors = simplifyErrors((validate.errors ?? []).map((e) => ({ ...e, instancePath: `/extensions/${escapePointer(namespace)}${e.instancePath}` })));
    const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
    const written = (path: JsonPath) => options.sourceMap?.written(path);
    for (const e of errors) if (!(e.keyword === 'enum' && typeErrorAt.has(e.instancePath))) describeError(e, push, written);
  }
  return diagnostics;
}

/**
 * The profile (among those the one in use can see: its overlay folders, then the bundled ones) that keeps its own
 * data under `extensions.<namespace>`, to say which --profile a record was written for.
 */
function profileDeclaring(namespace: string, inUse: ProfileDefinition): ProfileDefinition | undefined {
  const dirs = { templates: inUse.templateRoots };
  for (const id of availableProfiles(dirs)) {
    if (id === inUse.id) continue;
    const other = loadProfile(id, dirs).profile;
    if (other?.extensions?.namespace === namespace) return other;
  }
  return undefined;
}

/**
 * validateExtensions with the profile named (or resolved) as the stages give it. A profile that cannot be read gives
 * no diagnostics here unless `reportProfile`: where the job also composes or checks rules with it, that step reports
 * the profile's problems once; `iep validate --profile` and the server's validate route, which read it for this
 * alone, ask for them.
 */
export function checkExtensions(iep: unknown, options: { profile?: Profile | ProfileDefinition; reportProfile?: boolean } & ProfileDirs & ValidateOptions = {}): Diagnostic[] {
  const resolved = resolveProfile(options);
  if (!resolved.profile) return options.reportProfile ? resolved.diagnostics : [];
  return validateExtensions(iep, resolved.profile, { file: options.file, sourceMap: options.sourceMap });
}

/**
 * The profile's schema with `x-iep` fields expanded, compiled by ajv: once per schema file and modification time.
 * A schema ajv refuses (an unknown keyword, a wrong type name, a `$ref` to nowhere: no schema is ever fetched) is
 * a located `profile-error`.
 */
export function compileExtensionSchema(declared: ProfileExtensions): Compiled {
  const stat = statSync(declared.file, { throwIfNoEntry: false, bigint: true });
  const key = `${declared.file}\0${stat ? `${stat.size}:${stat.mtimeNs}` : '-'}`;
  const source = JSON.stringify(declared.schema);
  const hit = compiledCache.get(key);
  if (hit && hit.source === source) return hit.compiled;
  const compiled = compile(declared);
  if (compiledCache.size >= 32) compiledCache.delete(compiledCache.keys().next().value!);
  compiledCache.set(key, { source, compiled });
  return compiled;
}

function compile(declared: ProfileExtensions): Compiled {
  const { schema, unknownKinds } = expandExtensionSchema(declared.schema);
  const problem = (pointer: string | undefined, message: string, hint: string): Compiled => ({
    diagnostics: [{ code: 'profile-error', severity: 'error', file: declared.file, ...locateInSchema(declared.file, pointer), ...(pointer !== undefined ? { path: formatJsonPath(pathOfPointer(pointer)) } : {}), message, hint }],
  });
  if (unknownKinds.length > 0) {
    const first = unknownKinds[0]!;
    return problem(first.pointer, `the extensions schema says "x-iep": ${JSON.stringify(first.value)}, which iepkit does not know`, 'write "x-iep": "text" for narrative text with translations ("student-words" or "parents-words" for text that is the student\'s or the parents\' own words), or remove the key');
  }
  // A schema of its own kind: draft-07 like the model's, with its formats (date, email...). Strict, so that a
  // misspelled keyword ("requird") is an error in the profile rather than a check that silently never runs.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  try {
    return { validate: ajv.compile(schema) };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!;
    return problem(pointerOfCompileError(message, declared.schema), `the extensions schema is not a schema iepkit can use: ${message}`, 'fix the schema file: a JSON Schema (draft-07) object such as { "type": "object", "properties": { ... } }; see "Extensions" in docs/templates.md');
  }
}

/**
 * Where in the schema file ajv's complaint is, as a JSON Pointer: `schema is invalid: data/properties/x/type ...`
 * names it; `unknown keyword: "requird"` names a key, found by looking for it.
 */
function pointerOfCompileError(message: string, schema: unknown): string | undefined {
  const invalid = /schema is invalid: data(\/\S*)/.exec(message);
  if (invalid) return invalid[1]!.replace(/[,:]$/, '');
  const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1] ?? /unknown format "([^"]+)"/.exec(message)?.[1];
  if (!keyword) return undefined;
  const find = (node: unknown, pointer: string): string | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${escapePointer(key)}`;
      if (key === keyword || value === keyword) return here;
      const inside = find(value, here);
      if (inside !== undefined) return inside;
    }
    return undefined;
  };
  return find(schema, '');
}

/** The line and column of a JSON Pointer in the schema file (its key), or the file's start. */
function locateInSchema(file: string, pointer: string | undefined): { line: number; column: number } {
  if (pointer === undefined) return { line: 1, column: 1 };
  try {
    const parsed = parseSource(readFileSync(file, 'utf8'), file);
    const path = pathOfPointer(pointer);
    return parsed.sourceMap?.locate(path, { key: true }) ?? { line: 1, column: 1 };
  } catch {
    return { line: 1, column: 1 };
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A file as a message names it: relative to the working folder when inside it. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

