/**
 * Every export of the package, called as a hostile user would (issue: "A package teams can install,
 * read in their editor, and trust"): NaN, ±Infinity, −0, 1e308, fractions, empty strings, null,
 * missing arguments, absurd sizes. The contract (DESIGN.md): a YieldInputError naming the field, or a
 * result — never another exception, never NaN or ±Infinity in a result unless documented, no hang, and
 * inputs never mutated.
 */
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { HOSTILE, attempt, nonFinitePaths, snapshot } from './harness.js';

/** Non-finite results that are documented (the mathematically right answer), by function. */
const DOCUMENTED_NON_FINITE: Record<string, string> = {
  logGamma: 'log Γ(∞) = ∞',
  normalQuantile: 'the 0 and 1 quantiles of the normal law are −∞ and +∞',
  normalLoss: 'E[(X − x)+] → ∞ as x → −∞',
};

const functions = Object.entries(lib)
  .filter(([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name))
  .sort(([a], [b]) => a.localeCompare(b)) as [string, (...a: unknown[]) => unknown][];

describe('every exported function with hostile arguments', () => {
  it('exports functions to check', () => {
    expect(functions.length).toBeGreaterThan(100);
  });
  for (const [name, f] of functions) {
    it(`${name}(hostile…) throws a YieldInputError or returns finite numbers, and never mutates its input`, async () => {
      const arity = Math.max(1, Math.min(3, f.length));
      const problems: string[] = [];
      for (const v of HOSTILE)
        for (let pos = 0; pos < arity; pos++) {
          // the hostile value at one position, plain empty objects before it (a typical mistake), nothing after
          const args = Array.from({ length: arity }, (_, i) => (i === pos ? v : i < pos ? {} : undefined));
          const before = snapshot(args);
          const t0 = performance.now();
          const o = await attempt(f, args);
          const ms = performance.now() - t0;
          const shown = `(${args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : snapshot(a))).join(', ')})`;
          if (o.kind === 'other-error') {
            const e = o.error as Error;
            problems.push(`${shown} threw ${e?.constructor?.name ?? typeof e}: ${String(e?.message).slice(0, 100)}`);
          } else if (o.kind === 'ok' && !(name in DOCUMENTED_NON_FINITE)) {
            const bad = nonFinitePaths(o.value);
            if (bad.length) problems.push(`${shown} returned ${bad.join('; ')}`);
          }
          if (snapshot(args) !== before) problems.push(`${shown} mutated its input`);
          if (ms > 5000) problems.push(`${shown} took ${ms.toFixed(0)} ms`);
        }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
