import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { closest } from '../model/closest.js';
import { formatJsonPath, type Diagnostic } from '../model/diagnostic.js';
import type { ProfileConfig } from '../model/profile-config.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../model/paths.js';
import { DEFAULTS } from '../model/defaults.js';
import type { Profile, ProfileDefinition, ProfileDirs, ProfileSettings } from '../model/profiles.js';
import { describeSchemaError } from './describe-schema-error.js';
import { SourceMap } from './source-map.js';
import { validateProfileConfig } from './validate-profile-config.generated.js';

export interface LoadedProfile {
  /** Absent when the profile has problems; the diagnostics say which. */
  profile?: ProfileDefinition;
  diagnostics: Diagnostic[];
}

const HINT = 'see "Profiles" in docs/templates.md';
const RULE_FILE = /\.(js|mjs|ts)$/;
/** What a profile's id may be (the pattern of `id` in ProfileConfigSchema). */
const PROFILE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** The templates folders searched, in order: the overlays, then the bundled templates/ (or its replacement). */
export function templateRoots(dirs: ProfileDirs = {}): string[] {
  return [...(dirs.templates ?? []).map((d) => resolve(d)), resolve(dirs.templatesDir ?? TEMPLATES_DIR)];
}

/** Every profile (a folder with a profile.yaml) in the templates folders, sorted. */
export function availableProfiles(dirs: ProfileDirs = {}): string[] {
  const found = new Set<string>();
  for (const root of templateRoots(dirs)) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root)) if (existsSync(join(root, entry, 'profile.yaml'))) found.add(entry);
  }
  return [...found].sort();
}

const cache = new Map<string, { loaded: LoadedProfile; signature: string }>();

/**
 * Finds the profile `name` in the templates folders (the `--templates` overlays first, then the bundled ones), reads
 * its profile.yaml and those of the profiles it extends, and resolves what it inherits: settings, rule set, the
 * folders its layouts and labels are looked for in, its rule files and the schema of its own data. Never throws:
 * an unknown name is `profile-unknown` with a did-you-mean, every problem of a profile.yaml a located `profile-error`.
 * Read once per name and folders, again when a file it read changes.
 */
export function loadProfile(name: string, dirs: ProfileDirs = {}): LoadedProfile {
  // A name is a folder's name, never a path: `../x` or `/etc` must not reach outside the templates folders.
  if (typeof name !== 'string' || !PROFILE_NAME.test(name)) {
    const known = availableProfiles(dirs);
    const guess = typeof name === 'string' ? closest(name.toLowerCase(), known) : undefined;
    return {
      diagnostics: [
        {
          code: 'profile-unknown',
          severity: 'error',
          message: `${JSON.stringify(String(name)).slice(0, 80)} is not a profile name: a profile is named by lowercase letters, digits and hyphens (profiles: ${known.join(', ')})`,
          hint: guess ? `did you mean \`${guess}\`?` : 'give the name of a folder that holds a profile.yaml, e.g. ny; its folder goes in --templates DIR',
        },
      ],
    };
  }
  const roots = templateRoots(dirs);
  const key = JSON.stringify([name, roots, dirs.locales ?? [], dirs.localesDir ?? '']);
  const hit = cache.get(key);
  if (hit && hit.signature === signatureOf(hit.loaded, roots, name)) return hit.loaded;
  const loaded = readProfile(name, dirs, roots);
  if (cache.size >= 64) cache.delete(cache.keys().next().value!);
  cache.set(key, { loaded, signature: signatureOf(loaded, roots, name) });
  return loaded;
}

/**
 * The profile a caller asks for: as given when it was resolved already (a run loads it once), else read by name from
 * its folders (the default profile when none is named).
 */
export function resolveProfile(options: { profile?: Profile | ProfileDefinition } & ProfileDirs): LoadedProfile {
  const profile = options.profile ?? DEFAULTS.profile;
  if (typeof profile !== 'string') return { profile, diagnostics: [] };
  return loadProfile(profile, options);
}

function readProfile(name: string, dirs: ProfileDirs, roots: string[]): LoadedProfile {
  const configs: { config: ProfileConfig; dir: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  let wanted = name;
  let from: { file: string; line?: number; column?: number } | undefined;
  for (;;) {
    const dir = roots.map((root) => join(root, wanted)).find((d) => existsSync(join(d, 'profile.yaml')));
    if (!dir) {
      const known = availableProfiles(dirs);
      const guess = closest(wanted, known);
      if (!from) {
        diagnostics.push({
          code: 'profile-unknown',
          severity: 'error',
          message: `there is no profile "${wanted}" (profiles: ${known.join(', ')})`,
          hint: guess ? `did you mean \`${guess}\`?` : `give the folder that holds ${wanted}/profile.yaml with --templates DIR`,
        });
      } else {
        diagnostics.push({ code: 'profile-error', severity: 'error', ...from, path: 'extends', message: `extends "${wanted}", but there is no such profile (profiles: ${known.join(', ')})`, hint: guess ? `did you mean \`${guess}\`?` : HINT });
      }
      return { diagnostics };
    }
    const file = join(dir, 'profile.yaml');
    const read = readConfig(file);
    if (!read.config) return { diagnostics: read.diagnostics };
    if (read.config.id !== wanted) {
      return { diagnostics: [{ code: 'profile-error', severity: 'error', file, path: 'id', ...read.locate('id'), message: `id is "${read.config.id}", but the profile's folder is "${wanted}"`, hint: `write \`id: ${wanted}\`, or rename the folder` }] };
    }
    configs.push({ config: read.config, dir });
    const parent = read.config.extends;
    if (parent === undefined) break;
    if (configs.some((c) => c.config.id === parent)) {
      return { diagnostics: [{ code: 'profile-error', severity: 'error', file, path: 'extends', ...read.locate('extends'), message: `extends "${parent}", which extends this profile again (${[...configs.map((c) => c.config.id), parent].join(' -> ')})`, hint: 'a profile may extend another only in a line, never in a circle' }] };
    }
    from = { file, ...read.locate('extends') };
    wanted = parent;
  }

  // Settings: the most specific profile that states one wins.
  const first = <T>(pick: (config: ProfileConfig) => T | undefined): T | undefined => configs.map((c) => pick(c.config)).find((v) => v !== undefined);
  const own = configs[0]!;
  const ownFile = join(own.dir, 'profile.yaml');
  const settings = {
    transitionAge: first((c) => c.settings?.transitionAge),
    rightsTransferAtMajority: first((c) => c.settings?.rightsTransferAtMajority),
    ageOfMajority: first((c) => c.settings?.ageOfMajority),
    schoolDayMinutes: first((c) => c.settings?.schoolDayMinutes),
    classification: first((c) => c.settings?.classification),
  };
  const ruleSet = first((c) => c.ruleSet);
  const missing = [
    ...(['transitionAge', 'rightsTransferAtMajority', 'schoolDayMinutes', 'classification'] as const).filter((k) => settings[k] === undefined).map((k) => `settings.${k}`),
    ...(ruleSet === undefined ? ['ruleSet'] : []),
  ];
  for (const path of missing) {
    diagnostics.push({ code: 'profile-error', severity: 'error', file: ownFile, line: 1, column: 1, path, message: `${path} is required: neither this profile nor one it extends states it`, hint: `add \`${path.split('.').pop()}:\`${path.startsWith('settings.') ? ' under settings' : ''}, or extend a profile that has it (extends: federal)` });
  }

  const chain = configs.map((c) => c.config.id);
  let extensions: ProfileDefinition['extensions'];
  const declaring = configs.find((c) => c.config.extensions !== undefined);
  if (declaring) {
    const declared = declaring.config.extensions!;
    const schemaFile = join(declaring.dir, declared.schema);
    const schema = readJsonObject(schemaFile);
    if ('error' in schema) diagnostics.push({ code: 'profile-error', severity: 'error', file: schemaFile, line: schema.line ?? 1, column: schema.column ?? 1, message: `the extensions schema could not be read: ${schema.error}`, hint: 'the file must be a JSON Schema: a JSON object such as { "type": "object", "properties": { ... } }' });
    else extensions = { namespace: declared.namespace, schema: schema.value, file: schemaFile };
  }
  if (diagnostics.length > 0) return { diagnostics };

  const resolvedSettings: ProfileSettings = {
    transitionAge: settings.transitionAge!,
    rightsTransferAtMajority: settings.rightsTransferAtMajority!,
    schoolDayMinutes: settings.schoolDayMinutes!,
    classification: { labels: settings.classification!.labels, terms: settings.classification!.terms ?? {} },
    ...(settings.ageOfMajority !== undefined ? { ageOfMajority: settings.ageOfMajority } : {}),
  };
  const inChain = (sub: string) => chain.flatMap((id) => roots.map((root) => join(root, id, sub)).filter((d) => isFolder(d)));
  const profile: ProfileDefinition = {
    id: own.config.id,
    name: own.config.name,
    description: own.config.description.trim(),
    chain,
    ruleSet: ruleSet!,
    settings: resolvedSettings,
    dir: own.dir,
    templateRoots: roots,
    localeRoots: [...(dirs.locales ?? []).map((d) => resolve(d)), ...inChain('locales'), resolve(dirs.localesDir ?? LOCALES_DIR)],
    ruleFiles: inChain('rules').flatMap((d) =>
      readdirSync(d)
        .filter((f) => RULE_FILE.test(f) && !f.endsWith('.d.ts'))
        .sort()
        .map((f) => join(d, f)),
    ),
    ...(extensions ? { extensions } : {}),
  };
  return { profile, diagnostics: [] };
}

function readConfig(file: string): { config?: ProfileConfig; locate(key: string): { line?: number; column?: number }; diagnostics: Diagnostic[] } {
  const nowhere = () => ({});
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { locate: nowhere, diagnostics: [{ code: 'profile-error', severity: 'error', file, message: `profile.yaml could not be read: ${(error as Error).message}`, hint: 'check that the file is readable' }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, schema: 'core', version: '1.2', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      locate: nowhere,
      diagnostics: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { code: 'profile-error', severity: 'error', file, line: pos.line, column: pos.col, message: `profile.yaml is not valid YAML: ${e.message.split('\n')[0]}`, hint: 'check the indentation, colons and brackets around this line' };
      }),
    };
  }
  const sourceMap = new SourceMap(doc, lineCounter);
  const data: unknown = doc.toJS();
  const locate = (key: string) => sourceMap.locate([key]) ?? {};
  if (validateProfileConfig(data)) return { config: data as ProfileConfig, locate, diagnostics: [] };
  const errors = validateProfileConfig.errors ?? [];
  const typeErrorAt = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  return {
    locate,
    diagnostics: errors
      .filter((e) => !(e.keyword === 'enum' && typeErrorAt.has(e.instancePath)))
      .map((e) => {
        const d = describeSchemaError(e, 'profile.yaml', HINT);
        return { code: 'profile-error', severity: 'error', file, ...(sourceMap.locate(d.path, { key: d.key }) ?? {}), path: formatJsonPath(d.path), message: d.message, hint: d.hint };
      }),
  };
}

function readJsonObject(file: string): { value: Record<string, unknown> } | { error: string; line?: number; column?: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'it is not a JSON object' };
    return { value: value as Record<string, unknown> };
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    if (!at) return { error: (error as Error).message };
    const before = text.slice(0, Number(at[1])).split('\n');
    return { error: (error as Error).message, line: before.length, column: before.at(-1)!.length + 1 };
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The files a profile's reading depends on, with their modification times, so an edit is seen at the next load. */
function signatureOf(loaded: LoadedProfile, roots: readonly string[], name: string): string {
  const ids = loaded.profile?.chain ?? [name];
  const paths = ids.flatMap((id) => roots.flatMap((root) => [join(root, id, 'profile.yaml'), join(root, id, 'rules'), join(root, id, 'locales')]));
  if (loaded.profile?.extensions) paths.push(loaded.profile.extensions.file);
  return paths
    .map((path) => {
      const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
      return stat ? `${stat.size}:${stat.mtimeNs}` : '-';
    })
    .join(' ');
}
