import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the LP solvers load lazily', () => {
  it('no source file imports highs or javascript-lp-solver statically (only `import type` or a dynamic import())', () => {
    const offenders: string[] = [];
    for (const f of files(src)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?from\s+['"](highs|javascript-lp-solver)['"]/gm)) offenders.push(`${f}: ${m[0].trim()}`);
      for (const m of text.matchAll(/require\(\s*['"](highs|javascript-lp-solver)['"]\s*\)/g)) offenders.push(`${f}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
  it('importing the whole package does not load HiGHS; the first solve does, once', async () => {
    const lp = await import('../../../src/optimize/lp/highsAdapter.js');
    await import('../../../src/index.js');
    expect(lp.isHighsLoaded()).toBe(false);
    const { solveLp, buildLp } = await import('../../../src/optimize/lp/index.js');
    const model = buildLp({ sense: 'max', variables: [{ objective: 1, upper: 1 }], constraints: [] });
    const a = await solveLp(model);
    expect(lp.isHighsLoaded()).toBe(true);
    const b = await solveLp(model);
    expect(a.timings.loadMs).toBeGreaterThanOrEqual(0);
    expect(b.timings.loadMs).toBeLessThan(5); // already loaded: no second instantiation
  });
});
