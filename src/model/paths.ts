import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root, the same from src/ (tests, tsx) and dist/ (the installed CLI). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/**
 * iepkit's version, from its package.json. Read here, two folders below the package root as every module of src/
 * and dist/ that looks for files of the package, and as the CLI's one-file build (dist/cli-bundle/) is too.
 */
export const PACKAGE_VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
