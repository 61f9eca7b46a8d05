import { fileURLToPath } from 'node:url';

/** The package root, the same from src/ (tests, tsx) and dist/ (the installed CLI). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));
