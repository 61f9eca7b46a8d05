import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUTS, type LayoutName } from '../model/layouts.js';
import type { ProfileDefinition, ProfileDirs } from '../model/profiles.js';
import { availableProfiles, loadProfile } from './load-profile.js';
import { layoutFolders } from './load-layout.js';

/** What a client is told of one profile (`GET /api/profiles`): never where its files are. */
export interface ProfileSummary {
  id: string;
  name: string;
  description: string;
  /** The layouts found for it (its own, those of the profiles it extends, the common ones), in LAYOUTS order. */
  layouts: LayoutName[];
  /** The namespace of its own data under `extensions`, when it declares any. */
  extensions?: { namespace: string };
}

/** The layouts a profile has: those with a layout.md in one of the folders loadLayout looks in. */
export function profileLayouts(profile: Pick<ProfileDefinition, 'chain' | 'templateRoots'>): LayoutName[] {
  return LAYOUTS.filter((layout) => layoutFolders(profile, layout).some((dir) => existsSync(join(dir, 'layout.md'))));
}

/**
 * Every profile of the templates folders (bundled and `--templates`) that can be used, sorted by id. One whose
 * profile.yaml has problems is left out here: naming it (`?profile=`, `--profile`) reports them.
 */
export function listProfiles(dirs: ProfileDirs = {}): ProfileSummary[] {
  return availableProfiles(dirs).flatMap((id) => {
    const profile = loadProfile(id, dirs).profile;
    if (!profile) return [];
    return [{
      id: profile.id,
      name: profile.name,
      description: profile.description,
      layouts: profileLayouts(profile),
      ...(profile.extensions ? { extensions: { namespace: profile.extensions.namespace } } : {}),
    }];
  });
}
