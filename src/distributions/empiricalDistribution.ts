/**
 * An empirical (any discrete) demand distribution on 0, 1, …, n: `probabilities[k]` = P(D = k).
 *
 * Use it for demand read off history (a histogram of final bookings) or for any law the other kinds
 * cannot express. The probabilities must be finite, in [0, 1], and sum to 1 within
 * `PROBABILITY_SUM_TOLERANCE` (1e-9, from `yieldcraft/model`); they are then divided by their sum, so
 * the cdf reaches exactly 1 at the top of the support (a documented renormalisation of at most 1e-9,
 * not a clamp). The array is copied: later changes by the caller do not affect the distribution.
 *
 * Method: prefix sums (the cdf, accurate for small lower tails), suffix sums (the survival function,
 * accurate for small upper tails) and the partial expectations E[min(D, n)] = Σ_{k<n} P(D > k) are
 * tabulated once in Float64Arrays; every query is then O(1) (quantiles O(log n) by bisection).
 *
 * Conventions are those of every discrete distribution here (see `poissonDistribution`), with a bounded
 * support: `quantile(0)` = the smallest k with P(D = k) > 0 and `quantile(1)` = the largest such k;
 * `expectedMin(x)` for non-integer x interpolates linearly between ⌊x⌋ and ⌈x⌉ (exact for integer D);
 * `sample(rng)` is inversion, one uniform per draw (smallest k with cdf(k) > u).
 *
 * @example
 * const d = empiricalDistribution([0.2, 0.5, 0.3]);
 * d.mean;              // => 1.1
 * d.cdf(1);            // => 0.7
 * d.expectedMin(1);    // => 0.8
 * d.quantile(0.7);     // => 1
 */
import { array, fail, join, probability } from '../internal/validate.js';
import { PROBABILITY_SUM_TOLERANCE } from '../model/demand.js';
import { checkLevel, drawUniform } from './checks.js';
import { integerSupportMethods } from './integerSupport.js';
import type { DemandDistribution, Rng } from './types.js';

export interface EmpiricalDistribution extends DemandDistribution {
  readonly kind: 'empirical';
  readonly discrete: true;
  /** The largest k with P(D = k) > 0. */
  readonly max: number;
}

/** A discrete demand distribution with P(D = k) = probabilities[k], k = 0..probabilities.length − 1. */
export function empiricalDistribution(probabilities: readonly number[], path = 'probabilities'): EmpiricalDistribution {
  const ps = array<number>(probabilities, path);
  if (ps.length === 0) fail(path, 'must not be empty', 'empty');
  const len = ps.length;
  const pmf = new Float64Array(len);
  let s = 0;
  for (let k = 0; k < len; k++) {
    const v = probability(ps[k], join(path, k));
    pmf[k] = v;
    s += v;
  }
  if (Math.abs(s - 1) > PROBABILITY_SUM_TOLERANCE)
    fail(path, `must sum to 1, got ${s}`, 'inconsistent');
  let lo = 0;
  while (pmf[lo] === 0) lo++;
  let hi = len - 1;
  while (pmf[hi] === 0) hi--;
  for (let k = 0; k < len; k++) pmf[k] = pmf[k]! / s;

  // cum[k] = P(D ≤ k), tail[k] = P(D > k), emin[n] = E[min(D, n)] for n = 0..hi + 1
  const cum = new Float64Array(len);
  const tail = new Float64Array(len);
  const emin = new Float64Array(hi + 2);
  let acc = 0;
  for (let k = 0; k < len; k++) cum[k] = acc += pmf[k]!;
  for (let k = hi; k < len; k++) cum[k] = 1;
  acc = 0;
  for (let k = len - 1; k >= 0; k--) {
    tail[k] = acc;
    acc += pmf[k]!;
  }
  for (let n = 1; n <= hi + 1; n++) emin[n] = emin[n - 1]! + tail[n - 1]!;
  let mean = 0;
  for (let k = hi; k >= lo; k--) mean += k * pmf[k]!;
  let variance = 0;
  for (let k = lo; k <= hi; k++) variance += (k - mean) * (k - mean) * pmf[k]!;
  const sd = Math.sqrt(variance);

  const cdfInt = (k: number): number => (k < 0 ? 0 : k >= hi ? 1 : cum[k]!);
  const sfInt = (k: number): number => (k < 0 ? 1 : k >= hi ? 0 : tail[k]!);

  return Object.freeze({
    kind: 'empirical' as const,
    discrete: true as const,
    mean,
    variance,
    sd,
    max: hi,
    ...integerSupportMethods({
      mean: emin[hi + 1]!, // = Σ_k P(D > k): the mean, up to rounding
      pmfInt: (k) => (k < len ? pmf[k]! : 0),
      cdfInt,
      sfInt,
      expectedMinInt: (n) => (n <= 0 ? 0 : emin[Math.min(n, hi + 1)]!),
    }),
    quantile(p: number): number {
      checkLevel(p);
      if (p === 0) return lo;
      if (p === 1) return hi;
      // bisection on [lo, hi] for the smallest k with cdf(k) ≥ p (sf(k) ≤ 1 − p above the median)
      const upper = p > 0.5;
      const t = 1 - p;
      let a = lo - 1;
      let b = hi;
      while (b - a > 1) {
        const mid = (a + b) >> 1;
        if (upper ? sfInt(mid) <= t : cdfInt(mid) >= p) b = mid;
        else a = mid;
      }
      return b;
    },
    sample(rng: Rng): number {
      const u = drawUniform(rng);
      // smallest k with cdf(k) > u
      let a = lo - 1;
      let b = hi;
      while (b - a > 1) {
        const mid = (a + b) >> 1;
        if (cdfInt(mid) > u) b = mid;
        else a = mid;
      }
      return b;
    },
  });
}
