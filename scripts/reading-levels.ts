/**
 * Writes docs/lint.md (the lint's codes and word list, from src/lint/deficit-terms.ts) and, when examples exist,
 * docs/reading-levels.md (the reading grade of each section of every example's family copy and student summary,
 * and of the amended examples' letter about their changes, examples/amendments/NAME-v2 beside examples/NAME).
 *
 *   npx tsx scripts/reading-levels.ts
 *
 * Run it after changing the word list or the examples. A test fails when docs/lint.md is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { lintDocMarkdown } from '../src/lint/lint-docs.js';
import { measureReadingLevels } from '../src/pipeline/check-reading-level.js';
import { readingLevelsDoc } from '../src/readability/reading-levels-doc.js';
import { loadIepFile } from '../src/validate/load-iep.js';

const root = new URL('..', import.meta.url);
const rootDir = fileURLToPath(root);
const write = (path: string, content: string) => {
  writeFileSync(new URL(path, root), content);
  console.log(`wrote ${path}`);
};

write('docs/lint.md', lintDocMarkdown());

const files = [...(await glob('examples/*.iep.yaml', { cwd: rootDir })).sort(), ...(await glob('examples/amendments/*.iep.yaml', { cwd: rootDir })).sort()];
/** An amended example's earlier version: examples/amendments/mateo-almonte-v2.iep.yaml amends examples/mateo-almonte.iep.yaml. */
const baseOf = (file: string) => (file.startsWith('examples/amendments/') ? file.replace('amendments/', '').replace(/-v\d+\.iep\.yaml$/, '.iep.yaml') : undefined);
if (files.length === 0) {
  console.log('no examples/*.iep.yaml yet: docs/reading-levels.md not written');
} else {
  const entries = [];
  for (const file of files) {
    const loaded = await loadIepFile(fileURLToPath(new URL(file, root)));
    if (!loaded.iep) {
      console.error(`skipped ${file}: it is not a valid IEP (run: node bin/iep.js validate ${file})`);
      continue;
    }
    const basePath = baseOf(file);
    const base = basePath === undefined ? undefined : (await loadIepFile(fileURLToPath(new URL(basePath, root)))).iep;
    if (basePath !== undefined && !base) {
      console.error(`${file}: its earlier version ${basePath} is missing or invalid`);
      process.exit(1);
    }
    const { reports, diagnostics } = measureReadingLevels(loaded.iep, { base });
    // Every example renders, so a copy that cannot be composed is a broken layout: fail rather than document it.
    if (diagnostics.length > 0) {
      console.error(`${file}: a copy could not be composed:\n${diagnostics.map((d) => `  ${d.file ?? ''} ${d.message}`).join('\n')}`);
      process.exit(1);
    }
    entries.push({ file, reports });
  }
  write('docs/reading-levels.md', readingLevelsDoc(entries));
}
