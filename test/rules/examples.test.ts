import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import { formatDiagnostics } from '../../src/cli/print-diagnostics.js';
import { loadIep } from '../../src/validate/load-iep.js';

const dir = fileURLToPath(new URL('../../examples/', import.meta.url));
let examples: string[] = [];
try {
  examples = readdirSync(dir).filter((f) => f.endsWith('.iep.yaml')).sort();
} catch {
  examples = [];
}

describe.runIf(examples.length > 0)('bundled examples', () => {
  it.each(examples)('%s has no New York compliance error', (name) => {
    const file = `examples/${name}`;
    const loaded = loadIep(readFileSync(`${dir}${name}`), { file });
    expect(loaded.iep, formatDiagnostics(loaded.diagnostics)).toBeDefined();
    const errors = checkCompliance(loaded.iep!, { profile: 'ny', file, sourceMap: loaded.sourceMap }).filter((d) => d.severity === 'error');
    expect(errors, formatDiagnostics(errors)).toEqual([]);
  });
});
