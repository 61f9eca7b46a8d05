import type { Command } from 'commander';
import type { CliIo } from '../io.js';

// Placeholder while issue 18 is built on its branch: replaced by the real command before it lands.
export function registerI18nImport(_i18n: Command, _io: CliIo, _setExit: (code: number) => void): void {}
