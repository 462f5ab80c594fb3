/**
 * One interface for every demand distribution, so optimizers need not care which one they got.
 *
 * For discrete distributions `pdf` is the pmf P(D = k) and `cdf(x)` = P(D ≤ ⌊x⌋); for continuous ones
 * `pdf` is the density. `sf(x)` = 1 − cdf(x) computed directly, accurate in the far tail.
 */

/** A source of uniform [0, 1) numbers; inject a seeded one (`simulate/` has `mulberry32`). */
export type Rng = () => number;

export interface DemandDistribution {
  readonly kind: 'normal' | 'poisson' | 'negative-binomial' | 'empirical';
  /** true for poisson, negative-binomial, empirical (support 0, 1, 2, …). */
  readonly discrete: boolean;
  readonly mean: number;
  readonly variance: number;
  readonly sd: number;
  /** Density (continuous) or pmf P(D = x) (discrete; 0 off the integers). */
  pdf(x: number): number;
  /** P(D ≤ x). */
  cdf(x: number): number;
  /** P(D > x), accurate where it is tiny. */
  sf(x: number): number;
  /** Smallest x with cdf(x) ≥ p (discrete); the inverse cdf (continuous). p in [0, 1]. */
  quantile(p: number): number;
  /** E[min(D, x)]: expected sales with x units available (the partial expectation). */
  expectedMin(x: number): number;
  /** One draw, using the injected uniform source. */
  sample(rng: Rng): number;
}
