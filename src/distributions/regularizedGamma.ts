/**
 * The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = Γ(a, x)/Γ(a) = 1 − P.
 *
 * Reference: W. H. Press et al., *Numerical Recipes* (3rd ed., 2007), §6.2: the power series
 *   P(a, x) = e^(−x)·x^a/Γ(a + 1) · Σ_{n≥0} xⁿ / ((a + 1)(a + 2)…(a + n))          for x < a + 1,
 * and the continued fraction (evaluated by the modified Lentz method, §5.2)
 *   Q(a, x) = e^(−x)·x^a/Γ(a) · 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − 2·(2 − a)/(x + 5 − a − …)))
 *                                                                                       for x ≥ a + 1.
 * On each side the function that is computed directly is the smaller tail, and the other is 1 minus
 * it, so the small tail always has full relative accuracy (no truncation at a fixed count: both loops
 * run to machine precision, O(√a) terms near x ≈ a). The prefactor e^(−x)·x^a/Γ(a + 1) is evaluated by
 * Loader's saddle-point form (see `saddlePoint.ts`), which keeps 1e-15 relative accuracy for a of
 * 1e6 where ln-space subtraction would lose four digits.
 *
 * The Poisson link: if D ~ Poisson(λ) then P(D ≤ k) = Q(k + 1, λ) and P(D > k) = P(k + 1, λ).
 *
 * Parameters: a > 0 (shape, finite), x ≥ 0 (x = +Infinity allowed). Throws `YieldInputError`
 * naming `a` or `x` otherwise.
 *
 * @example
 * regularizedGammaP(1, 1);  // => 0.6321205588285578   (1 − e^(−1))
 * regularizedGammaQ(11, 2); // => 0.9999916917756315   (P(Poisson(2) ≤ 10))
 */
import { fail } from '../internal/validate.js';
import { regularizedGammaUnchecked } from './incompleteGamma.js';

function check(a: number, x: number): void {
  if (typeof a !== 'number') fail('a', `must be a number, got ${typeof a}`, 'invalid-type');
  if (!(a > 0) || a === Infinity) fail('a', `must be a finite number > 0, got ${a}`);
  if (typeof x !== 'number') fail('x', `must be a number, got ${typeof x}`, 'invalid-type');
  if (!(x >= 0)) fail('x', `must be ≥ 0, got ${x}`);
}

/** P(a, x) = γ(a, x)/Γ(a), the regularized lower incomplete gamma function. */
export function regularizedGammaP(a: number, x: number): number {
  check(a, x);
  return regularizedGammaUnchecked(a, x, false);
}

/** Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x), computed directly where it is small. */
export function regularizedGammaQ(a: number, x: number): number {
  check(a, x);
  return regularizedGammaUnchecked(a, x, true);
}
