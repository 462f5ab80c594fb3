/**
 * Saddle-point evaluation of Poisson and binomial probabilities with full relative accuracy.
 *
 * Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000), the
 * algorithm behind R's dbinom/dpois. With the deviance term
 *   bd0(x, m) = x·ln(x/m) + m − x  (≥ 0, computed by a series when x ≈ m to avoid cancellation)
 * and the Stirling remainder δ (see `stirlingError`):
 *   e^(−m)·m^x / Γ(x + 1) = e^(−δ(x) − bd0(x, m)) / √(2πx)
 *   C(n, x)·p^x·q^(n−x)  = e^(δ(n) − δ(x) − δ(n−x) − bd0(x, np) − bd0(n−x, nq)) · √(n / (2πx(n−x)))
 * Both hold for real (non-integer) x and n, which the incomplete gamma/beta prefactors and the
 * negative binomial with non-integer size need. No large logs are subtracted, so the relative error
 * stays near 1e-15 even for counts of 1e6 and beyond.
 * @internal
 */
import { logGammaUnchecked, stirlingError } from './lgamma.js';

const TWO_PI = 2 * Math.PI;

/** x·ln(x/m) + m − x for x ≥ 0, m > 0. @internal */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  const d = x - m;
  const s0 = x + m;
  if (Math.abs(d) < 0.1 * s0) {
    // x ln(x/m) + m − x = d·v + 2x·Σ_{j≥1} v^{2j+1}/(2j+1), v = d/(x + m).
    const v = d / s0;
    let s = d * v;
    let ej = 2 * x * v;
    const v2 = v * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * e^(−m)·m^x / Γ(x + 1) for real x ≥ 0, m ≥ 0 (the Poisson pmf at integer x).
 * @internal
 */
export function poissonTerm(x: number, m: number): number {
  if (m === 0) return x === 0 ? 1 : 0;
  if (x === 0) return Math.exp(-m);
  if (x < 10 && m < 700) {
    // Small x: e^(−m) (exact input, one rounding) times e^(x·ln m − ln Γ(x + 1)), an exponent below 66
    // in size, so the relative error stays ~1e-15 even where the result is e^(−300).
    return Math.exp(x * Math.log(m) - logGammaUnchecked(x + 1)) * Math.exp(-m);
  }
  return Math.exp(-stirlingError(x) - bd0(x, m)) / Math.sqrt(TWO_PI * x);
}

/**
 * C(n, x)·p^x·q^(n − x) for real 0 ≤ x ≤ n, p + q = 1 given separately (q exact when p is tiny).
 * @internal
 */
export function binomialTerm(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return n === 0 ? 1 : Math.exp(n * (p < 0.5 ? Math.log1p(-p) : Math.log(q)));
  if (x === n) return Math.exp(n * (q < 0.5 ? Math.log1p(-q) : Math.log(p)));
  const lc = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return Math.exp(lc) * Math.sqrt(n / (TWO_PI * x * (n - x)));
}
