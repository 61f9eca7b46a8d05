/**
 * Writes the files produced from src/model: the published JSON Schema, the data-model guide and the error catalog.
 * Run after changing the model: `npm run generate`. Tests fail when the committed copies are stale.
 */
import { writeFileSync } from 'node:fs';
import { generatedFiles } from './generated-files.js';

for (const [path, content] of Object.entries(generatedFiles())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), content);
  console.log(`wrote ${path}`);
}
