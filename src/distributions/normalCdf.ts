/**
 * The standard normal distribution function Φ(z), its complement 1 − Φ(z) and its density φ(z).
 *
 * Reference: W. J. Cody, "Rational Chebyshev approximations for the error function", Mathematics of
 * Computation 23 (1969), 631–638, with the coefficients of his later SPECFUN routine CALERF (Argonne,
 * 1990). Three near-minimax rational functions, each good to about 18 significant digits:
 *
 * - |x| ≤ 0.46875:      erf(x) = x · R₁(x²)
 * - 0.46875 < x ≤ 4:   erfc(x) = e^(−x²) · R₂(x)
 * - x > 4:             erfc(x) = e^(−x²) / x · (1/√π − x⁻² · R₃(x⁻²))
 *
 * Here Φ(z) = ½·erfc(−z/√2). Two details keep full relative accuracy in the tails, where the answer is
 * tiny: the lower tail Φ(−|z|) is always computed from erfc (never as 1 − something), and the factor
 * e^(−z²/2) is computed as e^(−zr²/2) · e^(−(z − zr)(z + zr)/2) with zr = z rounded to 1/16, so the
 * rounding error of z² is not amplified by a large exponent (Cody's own device, applied to z not z/√2).
 *
 * Notation: z is a standard score (a number of standard deviations); results are probabilities.
 *
 * @example
 * normalCdf(1.959963984540054); // => 0.975
 * normalSf(10);                 // => 7.619853024160527e-24
 * normalPdf(0);                 // => 0.3989422804014327
 */
import { fail } from '../internal/validate.js';
import { expHalfSquare, INV_SQRT_2PI, normalUpperTail } from './erfcCody.js';

function checkZ(z: number, name: string): void {
  if (typeof z !== 'number') fail(name, `must be a number, got ${typeof z}`, 'invalid-type');
  if (z !== z) fail(name, 'must not be NaN');
}

/** Φ(z) = P(Z ≤ z) for a standard normal Z. ±Infinity are allowed (0 and 1); NaN throws. */
export function normalCdf(z: number): number {
  checkZ(z, 'z');
  return z >= 0 ? 1 - normalUpperTail(z) : normalUpperTail(-z);
}

/** 1 − Φ(z) = P(Z > z), computed directly: full relative accuracy for large z (normalSf(30) ≈ 4.9e-198). */
export function normalSf(z: number): number {
  checkZ(z, 'z');
  return z >= 0 ? normalUpperTail(z) : 1 - normalUpperTail(-z);
}

/** φ(z) = e^(−z²/2)/√(2π), the standard normal density. */
export function normalPdf(z: number): number {
  checkZ(z, 'z');
  const a = Math.abs(z);
  if (a > 40) return 0;
  return INV_SQRT_2PI * expHalfSquare(a);
}
