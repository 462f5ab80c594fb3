/**
 * TEMPORARY private shim: binomial upper tail and Poisson cdf until `distributions/` lands its exact
 * versions (binomialSf, poissonCdf). Not exported from the package; to be deleted.
 * @internal
 */

/** ln Γ(x), x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function binomialLogPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
}

/** P(X > k), X ~ Binomial(n, p). */
export function binomialSf(k: number, n: number, p: number): number {
  if (k < 0) return 1;
  if (k >= n) return 0;
  if (k + 1 > n * p) {
    let s = 0;
    for (let j = k + 1; j <= n; j++) s += Math.exp(binomialLogPmf(j, n, p));
    return Math.min(1, s);
  }
  let s = 0;
  for (let j = 0; j <= k; j++) s += Math.exp(binomialLogPmf(j, n, p));
  return Math.max(0, 1 - s);
}

/** P(X ≤ k), X ~ Poisson(mean). */
export function poissonCdf(k: number, mean: number): number {
  if (k < 0) return 0;
  if (mean === 0) return 1;
  let term = Math.exp(-mean);
  let s = term;
  for (let j = 1; j <= k; j++) {
    term *= mean / j;
    s += term;
  }
  return Math.min(1, s);
}
