/** Test helpers for pricing, written independently of the library. */
import { expect } from 'vitest';
import { YieldInputError } from '../../src/model/index.js';

export function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null) {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/** Expect `f` to throw a YieldInputError whose path is `path` (and code, if given). */
export function expectInputError(f: () => unknown, path: string, code?: string): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(YieldInputError);
  expect((caught as YieldInputError).path).toBe(path);
  if (code) expect((caught as YieldInputError).code).toBe(code);
}

export async function expectInputErrorAsync(f: () => Promise<unknown>, path: string, code?: string): Promise<void> {
  let caught: unknown;
  try {
    await f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(YieldInputError);
  expect((caught as YieldInputError).path).toBe(path);
  if (code) expect((caught as YieldInputError).code).toBe(code);
}

/** d(p) written out again from the textbook formulas (not the library's `demandOf`). */
export function demandFormula(r: { kind: string; [k: string]: number | string }, p: number): number {
  const n = (k: string) => r[k] as number;
  if (r.kind === 'linear') return Math.max(0, n('a') - n('b') * p);
  if (r.kind === 'exponential') return n('a') * Math.exp(-n('alpha') * p);
  if (r.kind === 'constant-elasticity') return n('a') / p ** n('elasticity');
  // logit: size · e^(−(a + b p)) / (1 + e^(−(a + b p)))  (Phillips' form with the signs flipped)
  const e = Math.exp(-(n('a') + n('b') * p));
  return Number.isFinite(e) ? (n('size') * e) / (1 + e) : n('size');
}
