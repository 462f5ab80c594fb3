/**
 * ln Γ(x) for x > 0, and the Stirling-series remainder used by the saddle-point pmfs.
 *
 * Method: for x ≥ 10 the Stirling series
 *   ln Γ(x) = (x − ½)·ln x − x + ½·ln(2π) + Σ_{k=1}^{7} B₂ₖ / (2k(2k − 1)·x^{2k−1})
 * (Abramowitz & Stegun 6.1.40; Bernoulli numbers B₂…B₁₄), whose truncation error is below
 * 3617/(122400·x¹⁵) < 3e-17 at x = 10; for 0 < x < 10 the recurrence Γ(x) = Γ(x + n)/(x(x+1)…(x+n−1))
 * shifts the argument up to at least 10 (the product of at most 10 factors is exact to a few ulps).
 * Integers up to 170 use ln((x − 1)!) from the running product (so ln Γ(1) = ln Γ(2) = 0 exactly).
 * Accuracy: absolute error ≤ 6e-15 for x < 10 (ln of the shift product, ≈ 13, is subtracted; this
 * matters only just off the zeros at x = 1 and 2), relative error ≈ 1e-15 for x ≥ 10.
 *
 * `stirlingError(n)` = ln Γ(n + 1) − (n + ½)·ln n + n − ½·ln(2π), the δ(n) of C. Loader, "Fast and
 * accurate computation of binomial probabilities" (2000), evaluated from the series itself for n ≥ 10
 * (so no cancellation), by differences of logs below.
 *
 * Parameters: x > 0 (finite). Throws `YieldInputError` naming `x` otherwise.
 *
 * @example
 * logGamma(0.5); // => 0.5723649429246986   (ln √π = 0.57236494292470008…)
 * logGamma(10);  // => 12.801827480081469   (ln 9! = ln 362880)
 */
import { fail } from '../internal/validate.js';
import { logGammaUnchecked } from './lgamma.js';

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (typeof x !== 'number') fail('x', `must be a number, got ${typeof x}`, 'invalid-type');
  if (!(x > 0)) fail('x', `must be > 0, got ${x}`);
  if (x === Infinity) return Infinity;
  return logGammaUnchecked(x);
}
