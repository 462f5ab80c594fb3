// Runs every script in examples/ as a smoke test against the built package (`import … from 'yieldcraft'`
// resolves to dist/ through package.json "exports"). Fails on the first non-zero exit.
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

if (!existsSync('dist/index.js')) {
  console.error('examples: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const files = readdirSync('examples').filter((f) => /\.(ts|mjs|cjs|js)$/.test(f)).sort();
let failed = 0;
for (const f of files) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('examples', f)], {
    encoding: 'utf8',
    env: { ...process.env, YIELDCRAFT_SMOKE: '1' },
  });
  const ms = Date.now() - t0;
  if (r.status === 0) console.log(`ok   examples/${f} (${ms} ms)`);
  else {
    failed++;
    console.log(`FAIL examples/${f} (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  }
}
console.log(`${files.length - failed}/${files.length} examples ran`);
process.exit(failed ? 1 : 0);
