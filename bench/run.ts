/**
 * `npm run bench [-- NAME …] [--FLAG …]`: runs every bench/*.bench.ts (or those whose name contains a
 * NAME), each in its own process so memory readings do not mix; each prints its results, and records them
 * in bench/README.md only with `--record`. Flags are passed on to every bench.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Arguments starting with `--` (e.g. `--record`) are passed on to every bench; the rest filter by name.
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, f), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
