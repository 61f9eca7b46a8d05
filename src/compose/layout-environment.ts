import type { LayoutSource } from '../load/load-layout.js';
import { createTemplateEnvironment, type TemplateEnvironment } from './expand-template.js';

/** The environment of each layout folder, with the partials it was made from. */
const environments = new Map<string, { partials: string; env: TemplateEnvironment }>();

/**
 * The Handlebars environment of a layout: its own helpers and partials, made once per layout folder and reused by
 * every document composed with it, so its templates are compiled once. When the layout's partials change on disk
 * (someone editing templates), the next document gets a fresh environment made from the new ones.
 */
export function layoutEnvironment(layout: LayoutSource): TemplateEnvironment {
  const partials = JSON.stringify(layout.partials);
  const hit = environments.get(layout.dir);
  if (hit?.partials === partials) return hit.env;
  const env = createTemplateEnvironment(layout.partials);
  environments.set(layout.dir, { partials, env });
  return env;
}
