/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
 *
 * Reference: W. H. Press et al., *Numerical Recipes* (3rd ed., 2007), §6.4, eq. 6.4.5: the continued
 * fraction
 *   I_x(a, b) = x^a·(1 − x)^b / (a·B(a, b)) · 1/(1 + d₁/(1 + d₂/(1 + …))),
 *   d_{2m+1} = −(a + m)(a + b + m)·x / ((a + 2m)(a + 2m + 1)),  d_{2m} = m(b − m)·x / ((a + 2m − 1)(a + 2m)),
 * evaluated by the modified Lentz method, used directly for x < (a + 1)/(a + b + 2) and through the
 * symmetry I_x(a, b) = 1 − I_{1−x}(b, a) otherwise (so the fraction always converges fast, in
 * O(√(a + b)) steps, and the smaller tail is the one computed directly). The prefactor is Loader's
 * saddle-point binomial term (`saddlePoint.ts`), accurate for parameters in the millions.
 *
 * The links used in yieldcraft: for X ~ Binomial(n, p), P(X ≤ k) = I_{1−p}(n − k, k + 1); for a
 * negative binomial D (failures before the r-th success, success probability p), P(D ≤ k) = I_p(r, k + 1).
 *
 * Parameters: x in [0, 1], a > 0, b > 0 (finite). Throws `YieldInputError` naming `x`, `a` or `b`.
 *
 * @example
 * regularizedBeta(0.5, 2, 3);  // => 0.6875          (= 11/16)
 * regularizedBeta(0.3, 1, 1);  // => 0.30000000000000004   (uniform: x)
 */
import { fail } from '../internal/validate.js';
import { regularizedBetaUnchecked } from './incompleteBeta.js';

function positiveFinite(v: number, name: string): void {
  if (typeof v !== 'number') fail(name, `must be a number, got ${typeof v}`, 'invalid-type');
  if (!(v > 0) || v === Infinity) fail(name, `must be a finite number > 0, got ${v}`);
}

/** I_x(a, b), the regularized incomplete beta function. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (typeof x !== 'number') fail('x', `must be a number, got ${typeof x}`, 'invalid-type');
  if (!(x >= 0 && x <= 1)) fail('x', `must be in [0, 1], got ${x}`);
  positiveFinite(a, 'a');
  positiveFinite(b, 'b');
  return regularizedBetaUnchecked(x, 1 - x, a, b, false);
}
