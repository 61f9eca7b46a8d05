/**
 * Synthetic IEPs for the benchmark: a bundled example (Mateo Almonte, grade 7, English/Spanish) used as a template,
 * its annual goals and special-education services repeated (each copy with its own id) to reach a size, and a
 * student id of its own. Every generated record is loaded and validated like a user's file: the benchmark only
 * measures valid data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadIep } from '../../src/validate/load-iep.js';
import { hasErrors } from '../../src/model/diagnostic.js';
import type { Iep } from '../../src/model/iep.js';
import type { Language } from '../../src/model/languages.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATE = path.join(root, 'examples', 'mateo-almonte.iep.yaml');

export interface SyntheticSpec {
  /** Annual goals (the template has 7). */
  goals: number;
  /** Languages each document is rendered in: English first, then Spanish (translated in the template), then Arabic
   * (labels and boilerplate translated; narrative fields print in English, marked untranslated, as in a draft). */
  languages: Language[];
}

export interface SyntheticIep {
  name: string;
  file: string;
  spec: SyntheticSpec;
  iep: Iep;
}

type Json = Record<string, unknown>;

/** The template with `goals` goals and a proportionate number of services, as YAML. */
export function syntheticYaml(spec: SyntheticSpec, studentId: string): string {
  const data = parse(readFileSync(TEMPLATE, 'utf8')) as Json;
  (data.student as Json).id = studentId;
  const goals = data.goals as Json[];
  data.goals = Array.from({ length: spec.goals }, (_, i) => {
    const goal = structuredClone(goals[i % goals.length]!);
    if (i >= goals.length) goal.id = `${String(goal.id)}-${Math.floor(i / goals.length) + 1}`;
    return goal;
  });
  // Progress reports name goals by id: keep the entries of the goals this record has (fewer goals than the template
  // would leave reports naming goals that are gone, which the validator rightly refuses).
  const ids = new Set((data.goals as Json[]).map((goal) => goal.id));
  const reports = ((data.progressReports as Json[] | undefined) ?? [])
    .map((report) => ({ ...report, goals: ((report.goals as Json[] | undefined) ?? []).filter((entry) => ids.has(entry.goal)) }))
    .filter((report) => report.goals.length > 0);
  if (reports.length > 0) data.progressReports = reports;
  else delete data.progressReports;
  // One special-education service per two goals beyond the template's, so the service tables grow too.
  const services = data.services as { specialEducation: Json[] };
  const base = services.specialEducation;
  const wanted = Math.max(base.length, Math.ceil(spec.goals / 2));
  services.specialEducation = Array.from({ length: wanted }, (_, i) => structuredClone(base[i % base.length]!));
  return stringify(data, { lineWidth: 0 });
}

/** Writes the IEPs for every size x language count into `dir` and loads them. Throws if one is not valid. */
export function generateSynthetic(dir: string, specs: readonly SyntheticSpec[]): SyntheticIep[] {
  mkdirSync(dir, { recursive: true });
  return specs.map((spec, i) => {
    const name = `g${spec.goals}-l${spec.languages.length}`;
    const file = path.join(dir, `${name}.iep.yaml`);
    writeFileSync(file, syntheticYaml(spec, String(800000000 + i)));
    const loaded = loadIep(readFileSync(file), { file });
    if (!loaded.iep || hasErrors(loaded.diagnostics)) {
      const first = loaded.diagnostics.find((d) => d.severity === 'error');
      throw new Error(`generated IEP ${file} is not valid: ${first?.code} ${first?.path ?? ''} ${first?.message ?? ''}`);
    }
    return { name, file, spec, iep: loaded.iep };
  });
}

export const LANGUAGE_SETS: Language[][] = [['en'], ['en', 'es'], ['en', 'es', 'ar']];
export const GOAL_COUNTS = [5, 10, 20, 40];
