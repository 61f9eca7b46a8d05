/** "Jordan Lee" -> "jordan-lee.iep.yaml"; a name that already ends in .yaml/.yml/.json is kept. */
export function fileNameFor(input: string): string {
  if (/\.(ya?ml|json)$/i.test(input)) return input;
  const base = input.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'new-iep';
  return `${base}.iep.yaml`;
}
