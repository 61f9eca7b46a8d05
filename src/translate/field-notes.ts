import type { JsonPath } from '../model/diagnostic.js';
import { humanize, singular } from '../model/humanize.js';

/**
 * What a translator is told about a field: its section of the IEP and its label, named from the record's own keys
 * the way the editor's form names a field it has no written label for ("goals[2].criteria" is section "Goals",
 * field "Goal 3 › Criteria"). Nothing else of the record goes into the notes. A profile's own field
 * (`extensions.ma.visionHighSchool`) is in the section of the profile's fields ("Massachusetts fields
 * (extensions.ma)"), named from its keys below the namespace ("Vision high school").
 */
export function fieldNotes(fieldPath: JsonPath, extension?: { profileName: string }): { section: string; label: string } {
  if (extension && fieldPath[0] === 'extensions' && fieldPath.length > 2) {
    const namespace = String(fieldPath[1]);
    const inside = fieldNotes(fieldPath.slice(2));
    const label = inside.label === inside.section ? inside.section : `${inside.section} › ${inside.label}`;
    return { section: `${extension.profileName} fields (extensions.${namespace})`, label };
  }
  const [top, ...rest] = fieldPath;
  const section = humanize(String(top ?? ''));
  const parts: string[] = [];
  let previous = String(top ?? '');
  for (const key of rest) {
    if (typeof key === 'number') {
      const noun = humanize(singular(previous));
      // "Goals" then [2] reads "Goal 3", replacing the list's name when the list is the last part named.
      if (parts.length > 0 && parts[parts.length - 1] === humanize(previous)) parts.pop();
      parts.push(`${noun} ${key + 1}`);
    } else {
      parts.push(humanize(key));
      previous = key;
    }
  }
  return { section, label: parts.length ? parts.join(' › ') : section };
}
