/**
 * The standard normal quantile Φ⁻¹(p): the z with Φ(z) = p.
 *
 * Reference: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37(3) (1988), 477–484, routine PPND16: three rational approximations (in
 * q = p − ½ for |q| ≤ 0.425, else in r = √(−ln min(p, 1 − p)) for r ≤ 5 and r > 5), each with a
 * relative error below 1e-16.
 *
 * Parameters: `p` a probability in [0, 1]. Returns −Infinity at p = 0 and +Infinity at p = 1;
 * throws `YieldInputError` naming `p` for NaN or p outside [0, 1].
 *
 * Accuracy in the upper tail is limited by the input itself: 1 − p is exact in binary floating point
 * for p ≥ ½, but p close to 1 carries only ~1e-16 absolute resolution, so Φ⁻¹(1 − 1e-17) = +Infinity
 * (p rounds to 1). Use the symmetric `−normalQuantile(tail)` when you hold the tail probability.
 *
 * @example
 * normalQuantile(0.975); // => 1.9599639845400536
 * normalQuantile(0.25);  // => -0.6744897501960817
 * normalQuantile(1e-20); // => -9.262340089798405   (Wichura: −9.262340089798408)
 */
import { fail } from '../internal/validate.js';
import { ppnd16 } from './ppnd16.js';

/** Φ⁻¹(p) for the standard normal; p in [0, 1]. */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number') fail('p', `must be a number, got ${typeof p}`, 'invalid-type');
  if (!(p >= 0 && p <= 1)) fail('p', `must be a probability in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return ppnd16(p);
}
