/**
 * The direction of imports between iepkit's stages (../shared/design/architecture.md, README "Architecture"):
 *
 *   model <- load <- validate <- rules, lint
 *   model <- i18n <- compose <- render <- pipeline <- batch <- queue <- server <- cli
 *   model, load, validate, i18n <- translate <- cli (XLIFF out and in, translation memory, glossary checks)
 *   model, i18n <- diff <- compose, cli (two versions of one IEP compared, field by field, in English words)
 *   model <- app (the browser editor; it reaches the server over HTTP only)
 *
 * A stage may import only the stages listed for it in STAGES; no file may take part in an import cycle.
 * test/architecture/dependencies.test.ts runs this with `npm test`, so a backward import or a cycle fails CI.
 */
const STAGES = {
  model: [],
  load: ['model'],
  validate: ['model', 'load'],
  rules: ['model', 'load'],
  lint: ['model', 'load', 'readability'],
  // Readability measures a composed document tree: compose's types only (checked by the rule below).
  readability: ['model', 'compose'],
  i18n: ['model'],
  // Two versions of one IEP compared (issue 20): the typed records, worded with the English copy's labels.
  diff: ['model', 'i18n'],
  compose: ['model', 'load', 'i18n', 'diff'],
  render: ['model', 'i18n', 'compose'],
  pipeline: ['model', 'load', 'validate', 'rules', 'lint', 'readability', 'i18n', 'diff', 'compose', 'render'],
  batch: ['model', 'pipeline'],
  queue: ['model', 'pipeline', 'batch'],
  server: ['model', 'pipeline', 'batch', 'queue'],
  // The translation office's workflow: reads IEPs and locales, writes XLIFF/TMX and edits IEP sources.
  translate: ['model', 'load', 'validate', 'i18n'],
  // The editor in the browser (bundled by scripts/build-app.mjs): it talks to src/server over HTTP only.
  app: ['model'],
};
const ALL = [...Object.keys(STAGES), 'cli'];

const stageRules = Object.entries(STAGES).map(([stage, allowed]) => ({
  name: `stage-${stage}`,
  comment: `src/${stage} may import only ${allowed.length ? allowed.map((s) => `src/${s}`).join(', ') : 'its own folder'}`,
  severity: 'error',
  from: { path: `^src/${stage}/` },
  to: { path: `^src/(${ALL.filter((s) => s !== stage && !allowed.includes(s)).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'files that import each other in a circle: recurse through a context object instead',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...stageRules,
    {
      name: 'readability-compose-types-only',
      comment: 'src/readability measures a composed tree; it may use compose\'s types but never compose itself',
      severity: 'error',
      from: { path: '^src/readability/' },
      to: { path: '^src/compose/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'library-never-imports-cli',
      comment: 'only src/cli prints and exits; the library never imports it',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
