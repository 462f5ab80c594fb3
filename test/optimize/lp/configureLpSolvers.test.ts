import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildLp, configureLpSolvers, solveLp } from '../../../src/optimize/index.js';
import { YieldInputError } from '../../../src/model/errors.js';

const require = createRequire(import.meta.url);
const wasmPath = require.resolve('highs/runtime');

// max x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6,  x, y ≥ 0: optimum (1.6, 1.2), objective 2.8 (by hand: the
// two rows bind; x = (2·6 − 4)/5, y = (3·4 − 6)/5).
const model = buildLp({
  sense: 'max',
  variables: [{ objective: 1 }, { objective: 1 }],
  constraints: [
    { terms: [[0, 1], [1, 2]], upper: 4 },
    { terms: [[0, 3], [1, 1]], upper: 6 },
  ],
});

afterEach(() => configureLpSolvers({}));

describe('configureLpSolvers(options)', () => {
  it('solves with HiGHS found through locateFile (what a bundled application gives)', async () => {
    const asked: string[] = [];
    configureLpSolvers({ highs: { locateFile: (file) => (asked.push(file), wasmPath) } });
    const r = await solveLp(model);
    expect(asked).toContain('highs.wasm');
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(2.8, 9);
  });

  it('solves with the bytes of highs.wasm or a compiled module given directly', async () => {
    const bytes = readFileSync(wasmPath);
    configureLpSolvers({ highs: { wasmBinary: bytes } });
    expect((await solveLp(model)).objective).toBeCloseTo(2.8, 9);
    const wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WebAssembly.Module> } }).WebAssembly;
    configureLpSolvers({ highs: { wasmModule: await wasm.compile(bytes) } });
    expect((await solveLp(model)).objective).toBeCloseTo(2.8, 9);
  });

  it('a highs.wasm that is not where locateFile says gives status solver-failed, not an exception', async () => {
    configureLpSolvers({ highs: { locateFile: () => '/nonexistent/highs.wasm' } });
    const r = await solveLp(model);
    expect(r.status).toBe('solver-failed');
    expect(r.objective).toBeNull();
    configureLpSolvers({});
    expect((await solveLp(model)).status).toBe('optimal'); // the failed load is not cached
  });

  it('javascript-lp-solver missing (an optional dependency) gives status solver-failed saying how to install it', async () => {
    configureLpSolvers({
      javascriptLpSolver: {
        loader: () =>
          Promise.reject(Object.assign(new Error("Cannot find package 'javascript-lp-solver'"), { code: 'ERR_MODULE_NOT_FOUND' })),
      },
    });
    const r = await solveLp(model, { solver: 'javascript-lp-solver' });
    expect(r.status).toBe('solver-failed');
    expect(r.status === 'solver-failed' && r.message).toMatch(/optional dependency.*npm install javascript-lp-solver/);
    configureLpSolvers({});
    const ok = await solveLp(model, { solver: 'javascript-lp-solver' });
    expect(ok.objective).toBeCloseTo(2.8, 6);
  });

  it('rejects what is not an option with a YieldInputError naming it', () => {
    const bad: [unknown, string][] = [
      [null, 'options'],
      [{ highs: { locateFile: 'highs.wasm' } }, 'options.highs.locateFile'],
      [{ highs: { wasmBinary: 'bytes' } }, 'options.highs.wasmBinary'],
      [{ highs: { wasmModule: {} } }, 'options.highs.wasmModule'],
      [{ highs: { wasmPath: '/x' } }, 'options.highs.wasmPath'],
      [{ javascriptLpSolver: { loader: 1 } }, 'options.javascriptLpSolver.loader'],
      [{ glpk: {} }, 'options.glpk'],
    ];
    for (const [options, path] of bad) {
      let caught: unknown;
      try {
        configureLpSolvers(options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(YieldInputError);
      expect((caught as YieldInputError).path).toBe(path);
    }
  });
});
