/**
 * Private helpers of the single-resource optimizers: moments of a `Demand`, the distribution of a sum of
 * class demands (EMSR-b's aggregate), the Littlewood protection for a fare ratio, and the pmf of a demand
 * on 0..C (the exact DPs). Not exported from the package.
 * @internal
 */
import type { Demand } from '../../model/demand.js';
import { toDistribution, normalCdf, normalSf, normalQuantile } from '../../distributions/index.js';
import type { DemandDistribution } from '../../distributions/index.js';

/** E[D]. */
export function demandMean(d: Demand): number {
  switch (d.kind) {
    case 'normal':
    case 'poisson':
    case 'negative-binomial':
      return d.mean;
    case 'empirical': {
      let m = 0;
      d.probabilities.forEach((p, k) => (m += k * p));
      return m;
    }
  }
}

/** Var[D]. */
export function demandVariance(d: Demand): number {
  switch (d.kind) {
    case 'normal':
      return d.sd * d.sd;
    case 'poisson':
      return d.mean;
    case 'negative-binomial':
      return d.variance;
    case 'empirical': {
      const m = demandMean(d);
      let v = 0;
      d.probabilities.forEach((p, k) => (v += p * (k - m) * (k - m)));
      return v;
    }
  }
}

/**
 * The law of a sum of independent class demands, as used by EMSR-b:
 * - all normal: normal with the summed mean and variance (Belobaba 1992);
 * - all Poisson: Poisson with the summed mean (exact);
 * - all discrete (Poisson / negative binomial / empirical), not all Poisson: the exact pmf by convolution,
 *   each pmf cut where its upper tail is below `TAIL` (the cut mass is put on the last point kept);
 * - a mix of normal and discrete classes: normal with the summed mean and variance (moment matching).
 */
export type Aggregate =
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'pmf'; readonly pmf: Float64Array };

/** Fare ratios within this of 1 count as equal fares. */
export const RATIO_TIE = 1e-12;

/** Tail mass below which a discrete pmf is cut when convolving. */
export const TAIL = 1e-15;

/** P(D = k) for k = 0..K where P(D > K) < TAIL; the remaining mass is added to the last point. */
function fullPmf(d: Demand): Float64Array {
  if (d.kind === 'empirical') return Float64Array.from(d.probabilities);
  const dist: DemandDistribution = toDistribution(d);
  let K = 0;
  while (dist.sf(K) >= TAIL) K++;
  const out = new Float64Array(K + 1);
  let s = 0;
  for (let k = 0; k < K; k++) {
    out[k] = dist.pdf(k);
    s += out[k]!;
  }
  out[K] = Math.max(0, 1 - s);
  return out;
}

function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += ai * b[j]!;
  }
  // Trim a negligible upper tail (keeps repeated convolutions small).
  let end = out.length - 1;
  let tail = 0;
  while (end > 0 && tail + out[end]! < TAIL) tail += out[end--]!;
  const t = out.slice(0, end + 1);
  t[end]! += tail;
  return t;
}

export function aggregate(demands: readonly Demand[]): Aggregate {
  if (demands.every((d) => d.kind === 'normal')) {
    let m = 0;
    let v = 0;
    for (const d of demands) {
      m += d.mean;
      v += d.sd * d.sd;
    }
    return { kind: 'normal', mean: m, sd: Math.sqrt(v) };
  }
  if (demands.every((d) => d.kind === 'poisson')) {
    let m = 0;
    for (const d of demands) m += d.mean;
    return { kind: 'poisson', mean: m };
  }
  if (demands.some((d) => d.kind === 'normal')) {
    let m = 0;
    let v = 0;
    for (const d of demands) {
      m += demandMean(d);
      v += demandVariance(d);
    }
    return { kind: 'normal', mean: m, sd: Math.sqrt(v) };
  }
  let pmf: Float64Array = new Float64Array([1]);
  for (const d of demands) pmf = convolve(pmf, fullPmf(d));
  return { kind: 'pmf', pmf };
}

/** The aggregate of a single class (no approximation). */
export function single(d: Demand): Aggregate {
  if (d.kind === 'normal') return { kind: 'normal', mean: d.mean, sd: d.sd };
  if (d.kind === 'poisson') return { kind: 'poisson', mean: d.mean };
  return aggregate([d]);
}

/**
 * Littlewood's protection against a fare ratio r = p_low / p_high (T&vR 2004, §2.2.1):
 * - r ≥ 1 − 1e-12: 0 (a class that pays no more is not worth a held unit; ratios within 1e-12 of 1 are
 *   taken as equal fares, so that rounding in p̄ or in scaled fares never flips the answer);
 * - continuous (normal): y = max(0, μ + σ·Φ⁻¹(1 − r)) (eq. 2.4; y ≥ 0 is a constraint of the problem,
 *   the normal's mass below 0 is not demand); σ = 0: y = μ;
 * - discrete: the largest y with P(D ≥ y) > r, i.e. the smallest k ≥ 0 with P(D > k) ≤ r (eq. 2.3);
 * - r = 0 (a worthless lower fare): everything the higher class could ever want: the top of the support,
 *   +Infinity for a normal with σ > 0 or a Poisson with λ > 0.
 */
export function protect(agg: Aggregate, r: number): number {
  if (r >= 1 - RATIO_TIE) return 0;
  switch (agg.kind) {
    case 'normal': {
      if (agg.sd === 0) return agg.mean;
      if (r === 0) return Infinity;
      return Math.max(0, agg.mean + agg.sd * normalQuantile(1 - r));
    }
    case 'poisson': {
      if (agg.mean === 0) return 0;
      if (r === 0) return Infinity;
      const dist = toDistribution({ kind: 'poisson', mean: agg.mean });
      let y = Math.max(0, dist.quantile(1 - r));
      while (y > 0 && dist.sf(y - 1) <= r) y--;
      while (dist.sf(y) > r) y++;
      return y;
    }
    case 'pmf': {
      const p = agg.pmf;
      let top = p.length - 1;
      while (top > 0 && p[top] === 0) top--;
      if (r === 0) return top;
      // sf(k) = P(D > k) by suffix sums from the top (accurate in the tail).
      let sf = 0;
      let k = top;
      // Walk down while P(D > k − 1) = sf + p[k] ≤ r.
      while (k > 0 && sf + p[k]! <= r) {
        sf += p[k]!;
        k--;
      }
      return k;
    }
  }
}

/**
 * The pmf of a demand on 0..C with the tail lumped: out[k] = P(D = k) for k < C, out[C] = P(D ≥ C).
 * Exact for sales against C units (sales never exceed C). Normal demand is discretised by rounding to the
 * nearest whole unit: P(D = k) = Φ((k + ½ − μ)/σ) − Φ((k − ½ − μ)/σ), the mass below ½ on 0; σ = 0 puts
 * all the mass on ⌊μ + ½⌋.
 */
export function pmfOnCapacity(d: Demand, C: number): Float64Array {
  const out = new Float64Array(C + 1);
  if (C === 0) {
    out[0] = 1;
    return out;
  }
  if (d.kind === 'normal') {
    if (d.sd === 0) {
      out[Math.min(C, Math.floor(d.mean + 0.5))] = 1;
      return out;
    }
    const z = (x: number): number => (x - d.mean) / d.sd;
    let prev = normalCdf(z(0.5));
    out[0] = prev;
    for (let k = 1; k < C; k++) {
      const hi = z(k + 0.5);
      // Differences of the upper tail where it is the smaller one (accuracy in the right tail).
      if (hi > 0) {
        out[k] = normalSf(z(k - 0.5)) - normalSf(hi);
        prev = 1 - normalSf(hi);
      } else {
        const c = normalCdf(hi);
        out[k] = c - prev;
        prev = c;
      }
    }
    out[C] = normalSf(z(C - 0.5));
    return out;
  }
  if (d.kind === 'empirical') {
    const ps = d.probabilities;
    let tail = 0;
    for (let k = 0; k < ps.length; k++) {
      if (k < C) out[k] = ps[k]!;
      else tail += ps[k]!;
    }
    out[C] = tail;
    return out;
  }
  const dist = toDistribution(d);
  for (let k = 0; k < C; k++) out[k] = dist.pdf(k);
  out[C] = dist.sf(C - 1);
  return out;
}
