/**
 * Debian's Translate Toolkit (`from translate.storage import xliff`, for /usr/bin/python3): an XLIFF reader and
 * writer iepkit did not write, so a test of the export and import is not a test of the project against itself.
 */
import { execFileSync } from 'node:child_process';

export interface ToolkitUnit {
  id: string;
  source: string;
  target: string | null;
  notes: string;
  approved: boolean;
  fuzzy: boolean;
}

const READ = `
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
print(json.dumps({"target": store.gettargetlanguage(), "source": store.getsourcelanguage(), "units": [
  {"id": u.xmlelement.get("id"), "source": u.source, "target": u.target, "notes": u.getnotes(),
   "approved": u.isapproved(), "fuzzy": u.isfuzzy()} for u in units]}, ensure_ascii=False))
`;

/** Every trans-unit of an XLIFF file as the Translate Toolkit reads it. */
export function readWithToolkit(file: string): { source: string; target: string; units: ToolkitUnit[] } {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', READ, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

const FILL = `
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
targets = json.loads(sys.argv[3])
fallback = sys.argv[4]
n = 0
for u in store.units:
    if u.isheader():
        continue
    n += 1
    u.target = targets.get(u.xmlelement.get("id"), fallback.replace("{n}", str(n)))
with open(sys.argv[2], "wb") as out:
    store.serialize(out)
`;

/**
 * Fills every trans-unit's target the way a translator's tool would, with the Translate Toolkit: the given targets
 * by unit id, every other unit with `fallback` ("{n}" numbers them), and saves the file to `out`.
 */
export function fillWithToolkit(file: string, out: string, targets: Record<string, string>, fallback: string): void {
  execFileSync('/usr/bin/python3', ['-c', FILL, file, out, JSON.stringify(targets), fallback], { encoding: 'utf8' });
}
