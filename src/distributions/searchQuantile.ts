/**
 * The quantile search of the discrete distributions (support 0, 1, 2, …). Not exported.
 * @internal
 */

/**
 * Smallest integer k ≥ lo with cdf(k) ≥ p, for p in (0, 1), searching from `guess` (clamped to ≥ lo).
 * Below the median it compares cdf(k) ≥ p; above, sf(k) ≤ 1 − p (1 − p is exact there), so upper
 * quantiles are found with the accuracy of the tail. Each step is one cdf or sf call; with a good
 * guess (normal approximation with a skewness correction) the walk is a handful of steps.
 */
export function searchQuantile(
  p: number,
  guess: number,
  lo: number,
  cdf: (k: number) => number,
  sf: (k: number) => number,
): number {
  const k = Math.max(lo, Number.isFinite(guess) ? Math.floor(guess) : lo);
  const upper = p > 0.5;
  const tail = 1 - p;
  // "cdf(j) ≥ p", evaluated on the side where it is accurate (one small closure per quantile call;
  // quantiles are not on the hot path, cdf/sf/pdf/expectedMin allocate nothing)
  const reached = (j: number): boolean => (upper ? sf(j) <= tail : cdf(j) >= p);
  if (reached(k)) {
    // walk down (by doubling, then bisection) while the condition still holds
    let step = 1;
    let hi = k;
    while (hi - step >= lo && reached(hi - step)) {
      hi -= step;
      step *= 2;
    }
    let low = Math.max(lo - 1, hi - step); // condition fails at `low` (or low = lo − 1)
    while (hi - low > 1) {
      const mid = low + Math.floor((hi - low) / 2);
      if (reached(mid)) hi = mid;
      else low = mid;
    }
    return hi;
  }
  // walk up by doubling until the condition holds, then bisect
  let step = 1;
  let low = k;
  let hi = k + step;
  while (!reached(hi)) {
    low = hi;
    step *= 2;
    hi = low + step;
    if (hi > 9007199254740991) return Infinity;
  }
  while (hi - low > 1) {
    const mid = low + Math.floor((hi - low) / 2);
    if (reached(mid)) hi = mid;
    else low = mid;
  }
  return hi;
}
