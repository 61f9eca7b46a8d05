import { loadProfile } from '../../src/load/load-profile.js';
import type { ProfileDefinition } from '../../src/model/profiles.js';

/** A bundled profile whose layouts are looked for in `templatesRoot` alone (a test's own small templates folder). */
export function profileIn(templatesRoot: string, id = 'ny'): ProfileDefinition {
  const loaded = loadProfile(id);
  if (!loaded.profile) throw new Error(`the bundled profile ${id} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return { ...loaded.profile, templateRoots: [templatesRoot] };
}

/** A bundled profile as loadProfile reads it. */
export function bundledProfile(id = 'ny'): ProfileDefinition {
  const loaded = loadProfile(id);
  if (!loaded.profile) throw new Error(`the bundled profile ${id} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  return loaded.profile;
}
