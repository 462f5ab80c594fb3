/**
 * Negative binomial demand, given by its mean m and variance v > m: the overdispersed count model for
 * hotel and airline demand whose variance exceeds its mean (a gamma mixture of Poissons).
 *
 * Parametrisation: size r = m²/(v − m) and success probability p = m/v (q = 1 − p = (v − m)/v), so
 *   P(D = k) = Γ(k + r) / (k!·Γ(r)) · p^r · q^k,  k = 0, 1, 2, …,  E[D] = rq/p = m,  Var[D] = rq/p² = v.
 * r need not be an integer. As v ↓ m it tends to Poisson(m).
 *
 * Method: the pmf as r/(k + r) times Loader's (2000) saddle-point binomial term C(k + r, k)·q^k·p^r;
 * the cdf and survival function through the regularized incomplete beta function,
 *   P(D ≤ k) = I_p(r, k + 1),   P(D > k) = I_q(k + 1, r)        (A&S §26.5; NR §6.4),
 * each tail computed directly (exact to ~1e-13 relative, no truncation at a fixed count).
 *
 * Partial expectation: since k·P_r(D = k) = m·P_{r+1}(D = k − 1) (the size-(r + 1) law with the same p),
 *   E[min(D, n)] = m·P_{r+1}(D ≤ n − 2) + n·P_r(D ≥ n)        for integers n ≥ 0,
 * two nonnegative terms, no cancellation. For non-integer x the exact E[min(D, x)] is the linear
 * interpolation between ⌊x⌋ and ⌈x⌉ (D is integer-valued).
 *
 * Conventions are those of every discrete distribution here (see `poissonDistribution`): `cdf(x)` =
 * P(D ≤ ⌊x⌋), `quantile(p)` = smallest k with cdf(k) ≥ p, `quantile(0)` = 0, `quantile(1)` = +Infinity;
 * m = 0 (with v = 0) is the point mass at 0. `sample(rng)` is inversion with one uniform per draw: a
 * sequential search by pmf recurrences from the exact cdf at a Cornish–Fisher start.
 *
 * Parameters: `mean` m ≥ 0 and `variance` v, with v > m when m > 0 and v = 0 when m = 0 (units of
 * capacity). Bad input throws `YieldInputError` naming `mean` or `variance`.
 *
 * @example
 * const d = negativeBinomialDistribution(4, 8); // r = 4, p = 1/2
 * d.pdf(0);          // => 0.0625      (p^r = 1/16)
 * d.cdf(1);          // => 0.18750000000000003   (1/16 + 4/32)
 */
import { fail, finite, nonNegative } from '../internal/validate.js';
import { checkLevel, drawUniform } from './checks.js';
import { integerSupportMethods } from './integerSupport.js';
import { regularizedBetaUnchecked } from './incompleteBeta.js';
import { ppnd16 } from './ppnd16.js';
import { binomialTerm } from './saddlePoint.js';
import { searchQuantile } from './searchQuantile.js';
import type { DemandDistribution, Rng } from './types.js';

export interface NegativeBinomialDistribution extends DemandDistribution {
  readonly kind: 'negative-binomial';
  readonly discrete: true;
  /** The size parameter r = m²/(v − m) (0 for the point mass). */
  readonly size: number;
  /** The success probability p = m/v (1 for the point mass). */
  readonly probability: number;
}

/** A negative binomial demand distribution with the given mean and variance (variance > mean). */
export function negativeBinomialDistribution(mean: number, variance: number): NegativeBinomialDistribution {
  const m = nonNegative(mean, 'mean');
  const v = finite(variance, 'variance');
  if (m === 0) {
    if (v !== 0) fail('variance', 'must be 0 when the mean is 0');
    return pointMassAtZero();
  }
  if (!(v > m))
    fail('variance', `must exceed the mean (${m}) for a negative binomial; use poisson when variance = mean`);
  const r = (m * m) / (v - m);
  const p = m / v;
  const q = (v - m) / v;
  const sd = Math.sqrt(v);
  const skew = (2 - p) / Math.sqrt(r * q); // (1 + q)/√(rq)

  const cdfInt = (k: number): number => (k < 0 ? 0 : regularizedBetaUnchecked(p, q, r, k + 1, false));
  const sfInt = (k: number): number => (k < 0 ? 1 : regularizedBetaUnchecked(p, q, r, k + 1, true));
  const pmfInt = (k: number): number => (r / (k + r)) * binomialTerm(k, k + r, q, p);
  /** P_{r+1}(D ≤ k): the size-(r + 1) law with the same p. */
  const cdfIntNext = (k: number): number => (k < 0 ? 0 : regularizedBetaUnchecked(p, q, r + 1, k + 1, false));
  const guess = (u: number): number => {
    const z = ppnd16(u);
    return Math.floor(m + sd * (z + (skew * (z * z - 1)) / 6));
  };
  const expectedMinInt = (n: number): number => (n <= 0 ? 0 : m * cdfIntNext(n - 2) + n * sfInt(n - 1));

  return Object.freeze({
    kind: 'negative-binomial' as const,
    discrete: true as const,
    mean: m,
    variance: v,
    sd,
    size: r,
    probability: p,
    ...integerSupportMethods({ mean: m, pmfInt, cdfInt, sfInt, expectedMinInt }),
    quantile(u: number): number {
      checkLevel(u);
      if (u === 0) return 0;
      if (u === 1) return Infinity;
      return searchQuantile(u, guess(u), 0, cdfInt, sfInt);
    },
    sample(rng: Rng): number {
      const u = drawUniform(rng);
      // smallest k with F(k) > u
      let k = u === 0 ? 0 : Math.max(0, guess(u));
      let f = cdfInt(k);
      let pk = pmfInt(k);
      if (f > u) {
        while (k > 0 && f - pk > u) {
          f -= pk;
          pk = (pk * k) / (q * (k - 1 + r)); // P(k − 1) = P(k)·k / (q·(k − 1 + r))
          k--;
        }
        return k;
      }
      while (f <= u) {
        pk = (pk * q * (k + r)) / (k + 1); // P(k + 1) = P(k)·q·(k + r)/(k + 1)
        k++;
        if (pk === 0 && k > m) return k; // numerically exhausted upper tail
        f += pk;
      }
      return k;
    },
  });
}

function pointMassAtZero(): NegativeBinomialDistribution {
  return Object.freeze({
    kind: 'negative-binomial' as const,
    discrete: true as const,
    mean: 0,
    variance: 0,
    sd: 0,
    size: 0,
    probability: 1,
    ...integerSupportMethods({
      mean: 0,
      pmfInt: (k) => (k === 0 ? 1 : 0),
      cdfInt: (k) => (k >= 0 ? 1 : 0),
      sfInt: (k) => (k >= 0 ? 0 : 1),
      expectedMinInt: () => 0,
    }),
    quantile(u: number): number {
      checkLevel(u);
      return 0;
    },
    sample(rng: Rng): number {
      drawUniform(rng);
      return 0;
    },
  });
}
