// Is the published package sound? Every subpath in package.json "exports" must load from ESM (import)
// and CJS (require), export the same names both ways, and have its types resolve for a TypeScript
// consumer using Node's own resolution (module: node16) and for one on the older `node10` resolution
// (through "typesVersions"). The two builds must also work together in one process (the dual-package
// hazard): controls compiled by one are accepted by the other, and a YieldInputError thrown by either is
// recognised by either. Run after `npm run build`.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

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

// Types for a consumer on `moduleResolution: node10` (TypeScript's old "node"; no "exports" support):
// the package is found in node_modules and each subpath through "typesVersions".
const dir10 = mkdtempSync(join(tmpdir(), 'yieldcraft-node10-'));
try {
  mkdirSync(join(dir10, 'node_modules'));
  symlinkSync(process.cwd(), join(dir10, 'node_modules', pkg.name), 'dir');
  const lines = subpaths.map((sp, i) => {
    const spec = sp === '.' ? pkg.name : `${pkg.name}/${sp.slice(2)}`;
    return `import * as m${i} from '${spec}';\nexport const n${i}: number = Object.keys(m${i}).length;`;
  });
  // a real name through the root and a subpath, so an `any` fallback cannot pass
  lines.push(`import { littlewood } from '${pkg.name}';\nimport { emsrB } from '${pkg.name}/optimize';`);
  lines.push(`export const y: number = littlewood({ kind: 'normal', mean: 1, sd: 1 }, 2, 1) + emsrB([]).protectionLevels.length;`);
  writeFileSync(join(dir10, 'consumer.ts'), lines.join('\n') + '\n');
  const tsc = join(process.cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'commonjs', '--moduleResolution', 'node10',
    '--esModuleInterop', '--skipLibCheck', 'false', '--types', 'node',
    '--typeRoots', join(process.cwd(), 'node_modules', '@types'), join(dir10, 'consumer.ts')],
    { encoding: 'utf8', cwd: dir10 });
  const out = `${r.stdout}${r.stderr}`;
  if (r.status !== 0) { console.log(`FAIL types do not resolve for a node10 consumer:\n${out}`); problems++; }
  else console.log(`ok   types resolve for ${subpaths.length} subpaths (moduleResolution node10, CJS consumer)`);
} finally {
  rmSync(dir10, { recursive: true, force: true });
}

// The dual-package hazard: an application whose ESM code imports yieldcraft while a CJS dependency
// requires it gets two copies of every module. Controls compiled by one copy must be accepted by the
// other, and an error thrown by one must be recognisable by the other.
{
  const esm = await import(pkg.name);
  const cjs = require(pkg.name);
  const check = (what, fn) => {
    try {
      const why = fn();
      if (why) { console.log(`FAIL dual package: ${what}: ${why}`); problems++; }
      else console.log(`ok   dual package: ${what}`);
    } catch (e) { console.log(`FAIL dual package: ${what}: threw ${e?.name}: ${e?.message}`); problems++; }
  };
  check('two distinct copies are loaded (the check below is meaningful)',
    () => (esm.decide === cjs.decide ? 'ESM and CJS resolved to the same module' : ''));
  for (const [from, to, a, b] of [['CJS', 'ESM', cjs, esm], ['ESM', 'CJS', esm, cjs]]) {
    check(`nested-limit controls compiled by ${from} are accepted by ${to} decide`, () => {
      const controls = a.nestedLimitControls([10, 6, 2], { classIds: ['Y', 'B', 'Q'] });
      const state = b.nestedLimitState(controls);
      const d = b.decide({ product: 'Q', quantity: 2 }, state, controls, b.createDecision());
      return d.accept === true ? '' : `rejected (${d.reason})`;
    });
    check(`bid-price controls compiled by ${from} are accepted by ${to} decideBidPrice`, () => {
      const network = { resources: [{ id: 'AB', capacity: 10 }], products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 8 }] };
      const controls = a.bidPriceControls(network, { AB: 40 });
      const inventory = { sold: {} };
      const d = b.decideBidPrice({ product: 'AB-Y' }, inventory, controls);
      return d.accept === true ? '' : `rejected (${JSON.stringify(d)})`;
    });
    check(`a YieldInputError thrown by ${from} is recognised by ${to}`, () => {
      if (typeof b.isYieldInputError !== 'function') return `${to} build exports no isYieldInputError`;
      let thrown;
      try { a.littlewood({ kind: 'normal', mean: 40, sd: -1 }, 200, 120); } catch (e) { thrown = e; }
      if (!thrown) return `${from} littlewood accepted sd = -1`;
      if (!b.isYieldInputError(thrown)) return `isYieldInputError(${from} error) is false`;
      if (b.isYieldInputError(new Error('x'))) return 'isYieldInputError(new Error) is true';
      return '';
    });
  }
}

// Bundlers (esbuild here, as tsup ships it). A CommonJS build cannot be tree-shaken, so what a subpath's
// CJS entry reaches is what a bundled CommonJS application carries: `littlewood` from
// 'yieldcraft/optimize' must not bring zod or either LP solver (the solvers are imported by name at run
// time, hidden from bundlers, unless the application passes a loader to configureLpSolvers).
{
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'yieldcraft-bundle-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(process.cwd(), join(dir, 'node_modules', pkg.name), 'dir');
    for (const [name, source] of [
      ['littlewood.cjs', `const { littlewood } = require('${pkg.name}/optimize');\nconsole.log(littlewood({ kind: 'normal', mean: 40, sd: 10 }, 200, 120));\n`],
      ['littlewood.mjs', `import { littlewood } from '${pkg.name}/optimize';\nconsole.log(littlewood({ kind: 'normal', mean: 40, sd: 10 }, 200, 120));\n`],
    ]) {
      writeFileSync(join(dir, name), source);
      const r = await build({ entryPoints: [join(dir, name)], bundle: true, minify: true, platform: 'node', write: false,
        metafile: true, logLevel: 'silent', nodePaths: [join(process.cwd(), 'node_modules')] });
      const inputs = Object.keys(r.metafile.inputs);
      const heavy = ['zod', 'highs', 'javascript-lp-solver'].filter((d) => inputs.some((i) => i.includes(`node_modules/${d}/`)));
      const kb = (r.outputFiles[0].contents.length / 1024).toFixed(0);
      if (heavy.length) { console.log(`FAIL bundling littlewood from ${name} (${kb} KB) carries ${heavy.join(', ')}`); problems++; }
      else console.log(`ok   bundling littlewood from ${name}: ${kb} KB, without zod or an LP solver`);
    }

    // A bundled dlp: HiGHS' loader bundled through configureLpSolvers' loader, highs.wasm copied beside
    // the bundle and found through locateFile (a CommonJS bundle: `require('highs')`; an ES module one: `import('highs')`): what docs/bundling.md tells esbuild/serverless users.
    const app = `const { dlp, configureLpSolvers } = require('${pkg.name}/optimize');
const path = require('node:path');
const network = { resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 5 }],
  products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 8 }, { id: 'AC-Y', fare: 180, resources: ['AB', 'BC'], demand: 6 },
    { id: 'BC-Y', fare: 90, resources: ['BC'], demand: 4 }] };
(async () => {
  const before = await dlp(network);
  configureLpSolvers({ highs: { loader: async () => require('highs'), locateFile: (file) => path.join(__dirname, file) } });
  const after = await dlp(network);
  console.log(JSON.stringify({ before: before.status, message: before.message ?? null, after: after.status, objective: after.objective }));
})();
`;
    const appDir = join(dir, 'deploy');
    mkdirSync(appDir);
    writeFileSync(join(dir, 'app.cjs'), app);
    await build({ entryPoints: [join(dir, 'app.cjs')], bundle: true, platform: 'node', format: 'cjs', outfile: join(appDir, 'app.js'),
      logLevel: 'silent', nodePaths: [join(process.cwd(), 'node_modules')] })
      .catch((e) => { console.log(`FAIL bundling a dlp application: ${e.message}`); problems++; });
    writeFileSync(join(appDir, 'highs.wasm'), readFileSync(require.resolve('highs/runtime')));
    const run = spawnSync(process.execPath, [join(appDir, 'app.js')], { encoding: 'utf8', cwd: appDir });
    let out = null;
    try { out = JSON.parse(run.stdout.trim().split('\n').pop()); } catch { /* reported below */ }
    const unbundled = await (await import(pkg.name)).dlp({ resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 5 }],
      products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 8 }, { id: 'AC-Y', fare: 180, resources: ['AB', 'BC'], demand: 6 },
        { id: 'BC-Y', fare: 90, resources: ['BC'], demand: 4 }] });
    if (!out || out.after !== 'optimal' || Math.abs(out.objective - unbundled.objective) > 1e-6) {
      console.log(`FAIL a bundled dlp with configureLpSolvers does not solve:\n${run.stdout}${run.stderr}`); problems++;
    } else if (out.before !== 'solver-failed' || !/bundling/.test(out.message ?? '')) {
      console.log(`FAIL a bundled dlp without configureLpSolvers should say how to configure it: ${run.stdout}`); problems++;
    } else console.log('ok   a bundled dlp solves with configureLpSolvers (loader + locateFile); without it, a solver-failed status that says what to do');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(problems ? 1 : 0);
