/**
 * Argument checks shared by the distribution objects (points, probability levels, capacities, the
 * injected uniform source). Each throws `YieldInputError` naming the argument. Not exported.
 * @internal
 */
import { fail } from '../internal/validate.js';

/** Checks a point x at which a cdf/pmf is evaluated: any number but NaN (±Infinity allowed). */
export function checkPoint(x: number, name = 'x'): void {
  if (typeof x !== 'number') fail(name, `must be a number, got ${typeof x}`, 'invalid-type');
  if (x !== x) fail(name, 'must not be NaN');
}

/** Checks a probability level p in [0, 1]. */
export function checkLevel(p: number, name = 'p'): void {
  if (typeof p !== 'number') fail(name, `must be a number, got ${typeof p}`, 'invalid-type');
  if (!(p >= 0 && p <= 1)) fail(name, `must be a probability in [0, 1], got ${p}`);
}

/** Checks a capacity x ≥ 0 for E[min(D, x)] (+Infinity allowed: E[D]). */
export function checkCapacity(x: number, name = 'x'): void {
  if (typeof x !== 'number') fail(name, `must be a number, got ${typeof x}`, 'invalid-type');
  if (!(x >= 0)) fail(name, `must be ≥ 0, got ${x}`);
}

/** A uniform from the injected source, checked (a broken source must not produce silent garbage). */
export function drawUniform(rng: () => number): number {
  if (typeof rng !== 'function') fail('rng', 'must be a function returning uniforms in [0, 1)', 'invalid-type');
  const u = rng();
  if (!(u >= 0 && u < 1)) fail('rng', `must return a number in [0, 1), returned ${u}`);
  return u;
}

