/**
 * The standard normal loss function L(z) = E[(Z − z)⁺] = φ(z) − z·(1 − Φ(z)).
 *
 * Reference: R. L. Phillips, *Pricing and Revenue Optimization* (2005) (the expected spill of a
 * normal demand); K. T. Talluri & G. J. van Ryzin, *The Theory and Practice of Revenue Management*
 * (2004), ch. 2; the identity E[(X − x)⁺] = σ·L((x − μ)/σ) for X ~ N(μ, σ²).
 *
 * Evaluation without cancellation: for z < 0 both terms are positive; for 0 ≤ z ≤ 4√2 the direct
 * form loses at most ~1.5 digits (z·Q(z)/φ(z) ≤ 0.97 there); beyond 4√2 we use Cody's asymptotic
 * form for erfc, in which φ(z) − z·Q(z) reduces algebraically to e^(−z²/2)·x⁻²R₃(x⁻²)/√2
 * (x = z/√2), so L(z) keeps full relative accuracy down to underflow (L(30) ≈ 5.5e-201).
 *
 * Parameters: z, a standard score. Returns a nonnegative number of standard deviations.
 * L(−∞) = +∞, L(+∞) = 0; NaN throws `YieldInputError` naming `z`.
 *
 * @example
 * normalLoss(0);  // => 0.3989422804014327   (= φ(0))
 * normalLoss(1);  // => 0.08331547058768635
 * normalLoss(-1); // => 1.0833154705876864   (L(−z) = L(z) + z)
 */
import { fail } from '../internal/validate.js';
import { normalLossKernel } from './erfcCody.js';

/** E[(Z − z)⁺] for a standard normal Z. */
export function normalLoss(z: number): number {
  if (typeof z !== 'number') fail('z', `must be a number, got ${typeof z}`, 'invalid-type');
  if (z !== z) fail('z', 'must not be NaN');
  return normalLossKernel(z);
}
