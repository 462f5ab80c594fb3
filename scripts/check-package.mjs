// Is the published package sound? Every subpath in package.json "exports" must load from ESM (import)
// and CJS (require), export the same names both ways, and have its types resolve for a TypeScript
// consumer using Node's own resolution (module: node16). Run after `npm run build`.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const require = createRequire(import.meta.url);
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
let problems = 0;
for (const sp of subpaths) {
  const spec = sp === '.' ? pkg.name : `${pkg.name}/${sp.slice(2)}`;
  for (const cond of ['import', 'require']) {
    const entry = pkg.exports[sp][cond];
    for (const file of [entry.types, entry.default]) {
      if (!existsSync(file)) { console.log(`FAIL ${spec} (${cond}): ${file} is missing`); problems++; }
    }
  }
  const esm = await import(spec);
  const cjs = require(spec);
  const a = Object.keys(esm).filter((k) => k !== 'default').sort().join(',');
  const b = Object.keys(cjs).filter((k) => k !== 'default').sort().join(',');
  if (a !== b) { console.log(`FAIL ${spec}: ESM and CJS export different names\n  esm: ${a}\n  cjs: ${b}`); problems++; }
  else console.log(`ok   ${spec}: ${a.split(',').filter(Boolean).length} exports from ESM and CJS`);
}
// Types as a user sees them: a consumer compiled with Node16 resolution, once as ESM and once as CJS.
// inside the package, so the consumer resolves 'yieldcraft' by self-reference through "exports"
const dir = mkdtempSync(join(process.cwd(), '.types-check-'));
try {
  const imports = subpaths
    .map((sp, i) => `import * as m${i} from '${sp === '.' ? pkg.name : `${pkg.name}/${sp.slice(2)}`}';\nvoid m${i};`)
    .join('\n');
  writeFileSync(join(dir, 'esm.mts'), imports + '\n');
  writeFileSync(join(dir, 'cjs.cts'), imports + '\n');
  const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16',
    '--skipLibCheck', 'false', '--types', 'node', '--typeRoots', join(process.cwd(), 'node_modules', '@types'),
    join(dir, 'esm.mts'), join(dir, 'cjs.cts')], { encoding: 'utf8', cwd: process.cwd() });
  if (r.status !== 0) { console.log(`FAIL types do not resolve for a node16 consumer:\n${r.stdout}${r.stderr}`); problems++; }
  else console.log(`ok   types resolve for ${subpaths.length} subpaths (node16, ESM and CJS consumers)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(problems ? 1 : 0);
