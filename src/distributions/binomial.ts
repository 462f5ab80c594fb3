/**
 * The binomial distribution Binomial(n, p): the number of successes in n independent trials, each a
 * success with probability p. Overbooking uses it for show-ups: with n bookings each showing up with
 * probability p, the number of shows is Binomial(n, p) (Talluri & van Ryzin 2004, ch. 4 on overbooking;
 * Phillips 2005, on overbooking).
 *
 * Method: the pmf by Loader's (2000) saddle-point formula (full relative accuracy for n in the
 * millions); the cdf and survival function through the regularized incomplete beta function,
 *   P(X ≤ k) = I_{1−p}(n − k, k + 1),   P(X > k) = I_p(k + 1, n − k)        (A&S §26.5),
 * each tail computed directly, so both are accurate where they are tiny. No summation of terms.
 *
 * Parameters: k the count (any number; `binomialPmf` is 0 off the integers 0..n, the cdf uses ⌊k⌋),
 * n ≥ 0 an integer number of trials, p in [0, 1]. Bad input throws `YieldInputError` naming `k`,
 * `n` or `p`.
 *
 * @example
 * binomialPmf(2, 4, 0.5); // => 0.3750000000000002   (6/16)
 * binomialCdf(2, 4, 0.5); // => 0.6875     (11/16)
 * binomialSf(2, 4, 0.5);  // => 0.3125     (5/16)
 */
import { fail, nonNegativeInteger, probability } from '../internal/validate.js';
import { regularizedBetaUnchecked } from './incompleteBeta.js';
import { binomialTerm } from './saddlePoint.js';

function checkK(k: number): void {
  if (typeof k !== 'number') fail('k', `must be a number, got ${typeof k}`, 'invalid-type');
  if (k !== k) fail('k', 'must not be NaN');
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  checkK(k);
  nonNegativeInteger(n, 'n');
  probability(p, 'p');
  if (k < 0 || k > n || !Number.isInteger(k)) return 0;
  return binomialTerm(k, n, p, 1 - p);
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  checkK(k);
  nonNegativeInteger(n, 'n');
  probability(p, 'p');
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  return regularizedBetaUnchecked(p, 1 - p, j + 1, n - j, true);
}

/** P(X > k) for X ~ Binomial(n, p), computed directly (accurate where tiny). */
export function binomialSf(k: number, n: number, p: number): number {
  checkK(k);
  nonNegativeInteger(n, 'n');
  probability(p, 'p');
  const j = Math.floor(k);
  if (j < 0) return 1;
  if (j >= n) return 0;
  return regularizedBetaUnchecked(p, 1 - p, j + 1, n - j, false);
}
