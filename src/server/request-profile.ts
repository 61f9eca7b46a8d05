import { DEFAULTS } from '../model/defaults.js';
import { loadProfile } from '../pipeline/index.js';
import { HttpError } from './http-error.js';

/** The profiles a server answers with (`iep serve --profile --templates --locales`, or its config file). */
export interface ServedProfiles {
  /** The profile of a request that names none (default ny). */
  profile?: string;
  /** Templates folders searched before the bundled one. */
  templates?: readonly string[];
  /** Locales folders whose labels override the bundled ones key by key. */
  locales?: readonly string[];
}

/**
 * The profile a request asks for (`?profile=`), with the server's folders: any profile that exists in them. One that
 * does not, or whose profile.yaml is broken, is a 400 naming it, with the diagnostic (profile-unknown and its
 * did-you-mean), as a wrong value of any other parameter is.
 */
export function requestProfile(name: string | undefined, served: ServedProfiles): { profile: string; templates?: readonly string[]; locales?: readonly string[] } {
  const profile = name ?? served.profile ?? DEFAULTS.profile;
  const dirs = { templates: served.templates, locales: served.locales };
  const loaded = loadProfile(profile, dirs);
  if (!loaded.profile) {
    const first = loaded.diagnostics[0];
    const hint = first?.hint ? ` (${first.hint})` : '';
    throw new HttpError(400, 'bad-request', `querystring/profile: ${first?.message ?? `profile "${profile}" cannot be used`}${hint}`, undefined, { diagnostics: loaded.diagnostics.map(({ file, ...d }) => d) });
  }
  return { profile, ...dirs };
}
