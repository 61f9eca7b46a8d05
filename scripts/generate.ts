/**
 * Writes the files produced from the code: the published JSON Schema, the data-model guide, the compliance rules
 * (src/rules), the diagnostics catalog (docs/errors.md) and, from the NY form transcription, its English locale and
 * docs/ny-form.md, the template fields reference (docs/template-fields.md), and the schema validators as code (scripts/schema-validator-code.ts). Listed in scripts/generated-files.ts.
 * Run after changing the model: `npm run generate`. Tests fail when the committed copies are stale.
 */
import { writeFileSync } from 'node:fs';
import { generatedFiles } from './generated-files.js';

for (const [path, content] of Object.entries(generatedFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), content);
  console.log(`wrote ${path}`);
}
