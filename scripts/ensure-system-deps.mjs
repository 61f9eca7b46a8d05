#!/usr/bin/env node
// Makes sure the programs iepkit needs outside npm are on this machine, installing them on Debian/Ubuntu when
// running as root (a fresh CI or dev machine), or saying exactly what to install otherwise.
//   node scripts/ensure-system-deps.mjs demo   -> a browser for PDF (Chromium)
//   node scripts/ensure-system-deps.mjs test   -> the browser plus the tools tests use to inspect output
//                                                 (poppler-utils, qpdf, LibreOffice Writer, and Debian's Python
//                                                 with pikepdf and pdfminer for the PDF/UA checker, test/pdfua,
//                                                 redis-server, which test/queue starts on a free port, and
//                                                 Translate Toolkit, the independent XLIFF/TMX reader in tests)
//   node scripts/ensure-system-deps.mjs bench  -> the browser, and Pandoc for the DOCX comparison (optional: the
//                                                 benchmark skips that comparison, and says so, without it)
// Plain .mjs so it runs before anything is compiled.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const purpose = process.argv[2] ?? 'demo';
const browserPaths = [
  process.env.IEPKIT_CHROMIUM,
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
].filter(Boolean);

const needs = [{ what: 'Chromium (for PDF)', ok: () => browserPaths.some((p) => existsSync(p)), apt: ['chromium'] }];
if (purpose === 'test') {
  needs.push(
    { what: 'poppler-utils (pdfinfo, pdftotext)', ok: () => onPath('pdftotext') && onPath('pdfinfo') && onPath('pdftoppm'), apt: ['poppler-utils'] },
    { what: 'qpdf', ok: () => onPath('qpdf'), apt: ['qpdf'] },
    { what: 'LibreOffice Writer (opens DOCX in tests)', ok: () => onPath('soffice'), apt: ['libreoffice-writer-nogui'] },
    {
      what: 'Python 3 with pikepdf and pdfminer (the PDF/UA checker)',
      ok: () => spawnSync('/usr/bin/python3', ['-c', 'import pikepdf, pdfminer'], { stdio: 'ignore' }).status === 0,
      apt: ['python3-pikepdf', 'python3-pdfminer'],
    },
    // The queue tests start their own server on a free loopback port; the package's system service is not used.
    { what: 'redis-server (the queue tests)', ok: () => onPath('redis-server'), apt: ['redis-server'] },
    // An XLIFF and TMX reader that is not ours (Translate Toolkit, as CAT pipelines use): the XLIFF round-trip tests
    // read iepkit's export with it, so a file only our own reader accepts fails.
    {
      what: 'Translate Toolkit for Debian\'s Python (reads XLIFF and TMX in tests)',
      ok: () => spawnSync('/usr/bin/python3', ['-c', 'import translate.storage.xliff, translate.storage.tmx'], { stdio: 'ignore' }).status === 0,
      apt: ['translate-toolkit'],
    },
  );
}

if (purpose === 'bench') needs.push({ what: 'Pandoc (the DOCX comparison)', ok: () => onPath('pandoc'), apt: ['pandoc'], optional: true });

const missing = needs.filter((n) => !n.ok());
if (missing.length === 0) process.exit(0);

const packages = missing.flatMap((n) => n.apt);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.error(`iepkit: installing ${packages.join(', ')} with apt-get (needed for ${purpose})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A failed install of something optional is not a failure: the check below decides.
  const onlyOptional = missing.every((n) => n.optional);
  if (!run('apt-get', ['update', '-qq'], env) || !run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], env)) {
    if (!onlyOptional) process.exit(1);
  }
  const still = missing.filter((n) => !n.ok());
  if (still.every((n) => n.optional)) process.exit(0);
  console.error(`iepkit: still missing after apt-get: ${still.map((n) => n.what).join(', ')}`);
  process.exit(1);
}
if (missing.every((n) => n.optional)) {
  console.error(`iepkit: ${missing.map((n) => n.what).join(', ')} not found (${missing.flatMap((n) => n.apt).join(' ')}); going on without it.`);
  process.exit(0);
}
console.error(`iepkit: missing ${missing.map((n) => n.what).join(', ')}.`);
console.error(`  Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}`);
console.error('  Other systems: install Chrome or Chromium and set IEPKIT_CHROMIUM=/path/to/chrome,');
console.error('  or run: npx @puppeteer/browsers install chrome-headless-shell@stable');
process.exit(1);

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, env) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    return true;
  } catch {
    console.error(`iepkit: ${cmd} ${args.join(' ')} failed`);
    return false;
  }
}
