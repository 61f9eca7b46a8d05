/**
 * The translation columns the form shows beside each narrative field: the family's languages as the record
 * names them (the home language, each guardian's preferred language) and any language a text is already
 * translated into, among the languages documents can be written in. Not all eleven: a column per language on
 * every narrative field would bury the English text the case manager is writing.
 */
export function familyLanguages(record: unknown, available: readonly string[]): string[] {
  const found = new Set<string>();
  const student = (record as { student?: { homeLanguage?: unknown; guardians?: unknown } } | undefined)?.student;
  found.add(String(student?.homeLanguage ?? ''));
  if (Array.isArray(student?.guardians)) for (const guardian of student.guardians) found.add(String((guardian as { preferredLanguage?: unknown })?.preferredLanguage ?? ''));
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      // A translated text is an object with a string `en` beside other language keys.
      if (typeof (node as { en?: unknown }).en === 'string') for (const key of Object.keys(node)) found.add(key);
      Object.values(node).forEach(walk);
    }
  };
  walk(record);
  return available.filter((lang) => lang !== 'en' && found.has(lang));
}
