import { readCensored, type CensoredObservation } from './censored.js';
import { inverseMills, normPdf, normSf } from './internal/normal.js';
import { nonNegative, object, positiveInteger } from '../internal/validate.js';

export const EM_UNCONSTRAIN_DEFAULTS = { tolerance: 1e-10, maxIterations: 10_000 } as const;

export interface UnconstrainOptions {
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface UnconstrainResult {
  readonly status: 'ok' | 'iteration-limit' | 'not-identifiable';
  /** Estimated mean demand (units of the observations). */
  readonly mean: number;
  /** Estimated standard deviation of demand. */
  readonly sd: number;
  readonly iterations: number;
  /** Each observation's unconstrained value (its expected demand given what was observed). */
  readonly unconstrained: readonly number[];
}

export interface EmUnconstrainResult extends UnconstrainResult {
  /**
   * Censored-normal log-likelihood at (mean, sd): Σ log φ-density of exact values + Σ log P(D > c);
   * null when status is 'not-identifiable' or sd = 0 (the density is degenerate).
   */
  readonly logLikelihood: number | null;
}

/** Censored-normal log-likelihood (exact observations: log density; censored: log survival). @internal */
export function censoredNormalLogLikelihood(values: ArrayLike<number>, censored: ArrayLike<number>, mu: number, sigma: number): number {
  let ll = 0;
  for (let i = 0; i < values.length; i++) {
    const z = (values[i]! - mu) / sigma;
    ll += censored[i] ? Math.log(normSf(z)) : Math.log(normPdf(z) / sigma);
  }
  return ll;
}

/**
 * Unconstrains censored demand by the EM algorithm for a normal distribution: the maximum-likelihood
 * mean and standard deviation of demand when some observations are only lower bounds.
 *
 * Reference: McGill (1995), "Censored regression analysis of multiclass passenger demand data subject to
 * joint capacity constraints", Annals of OR 60: 209–240; Weatherford & Pölt (2002), "Better
 * unconstraining of airline demand data in revenue management systems", J. Revenue Pricing Manag. 1(3):
 * 234–254 (the "EM" method of their comparison); Talluri & van Ryzin (2004), §9.4.2 (pp. 474–477).
 * The E-step uses the moments of the normal truncated below at c (Johnson, Kotz & Balakrishnan 1994,
 * §10.1): with z = (c − μ)/σ and λ(z) = φ(z)/(1 − Φ(z)) (the inverse Mills ratio),
 *
 *   E[D | D > c]  = μ + σ·λ(z)
 *   E[D² | D > c] = μ² + σ² + σ·(c + μ)·λ(z)
 *
 * and the M-step sets μ = mean of the completed first moments and σ² = mean of the completed second
 * moments − μ². Because both moments are completed (not just the values), each iteration increases the
 * censored-normal likelihood and the fixed point is its maximum (Dempster, Laird & Rubin 1977). Note the
 * popular shortcut that imputes E[D | D > c] and then takes the sample variance is *not* this fixed
 * point: it understates σ.
 *
 * Notation: D demand (units: rooms, seats); c a censoring bound; n observations, of which k censored.
 *
 * @param observations - `{ value, censored }` per observation (see `CensoredObservation`); non-empty,
 *   finite values
 * @param options.tolerance - stop when |Δμ| + |Δσ| ≤ tolerance·(1 + |μ| + σ) (default 1e-10)
 * @param options.maxIterations - at most this many EM steps (default 10,000)
 * @returns `status`: 'ok' (converged), 'iteration-limit' (returned the last iterate), or
 *   'not-identifiable' (every observation censored, or a single one, or the EM iterates collapse to
 *   σ = 0 — all exact values equal and no censored bound above them: the likelihood grows without
 *   bound and has no maximum; `mean`/`sd` then hold the naive sample values). `mean`, `sd` (the MLE,
 *   divisor n), `iterations`, `logLikelihood` at the returned estimate (null when it is not a finite
 *   number: not identifiable, or sd = 0), and `unconstrained`: each observation replaced by its
 *   expected demand (E[D | D > c] when censored).
 * @example
 * import { emUnconstrain } from 'yieldcraft/forecast';
 * const r = emUnconstrain([
 *   { value: 8, censored: false }, { value: 10, censored: false }, { value: 12, censored: false },
 *   { value: 12, censored: true },
 * ]);
 * r.status;                 // => 'ok'
 * r.mean > 10.5;            // => true  (the naive mean of the four values is 10.5)
 */
export function emUnconstrain(
  observations: readonly CensoredObservation[],
  options: UnconstrainOptions = {},
): EmUnconstrainResult {
  object(options, 'options');
  const { values, censored } = readCensored(observations);
  const tol = options.tolerance === undefined ? EM_UNCONSTRAIN_DEFAULTS.tolerance : nonNegative(options.tolerance, 'options.tolerance');
  const maxIt =
    options.maxIterations === undefined ? EM_UNCONSTRAIN_DEFAULTS.maxIterations : positiveInteger(options.maxIterations, 'options.maxIterations');
  const n = values.length;
  let k = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    k += censored[i]!;
    s1 += values[i]!;
  }
  let mu = s1 / n;
  for (let i = 0; i < n; i++) s2 += (values[i]! - mu) ** 2;
  let sigma = Math.sqrt(s2 / n);
  const naive = Array.from(values);
  if (k === 0) {
    return { status: 'ok', mean: mu, sd: sigma, iterations: 0, unconstrained: naive, logLikelihood: sigma > 0 ? censoredNormalLogLikelihood(values, censored, mu, sigma) : null };
  }
  if (k === n || n < 2) {
    return { status: 'not-identifiable', mean: mu, sd: sigma, iterations: 0, unconstrained: naive, logLikelihood: null };
  }
  const naiveMean = mu;
  const naiveSd = sigma;
  if (!(sigma > 0)) sigma = Math.max(1e-3, 0.1 * Math.abs(mu));
  let it = 0;
  let status: EmUnconstrainResult['status'] = 'iteration-limit';
  for (; it < maxIt; ) {
    it++;
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i < n; i++) {
      const x = values[i]!;
      if (censored[i]) {
        const lam = inverseMills((x - mu) / sigma);
        m1 += mu + sigma * lam;
        m2 += mu * mu + sigma * sigma + sigma * (x + mu) * lam;
      } else {
        m1 += x;
        m2 += x * x;
      }
    }
    const nmu = m1 / n;
    const nsigma = Math.sqrt(Math.max(0, m2 / n - nmu * nmu));
    const change = Math.abs(nmu - mu) + Math.abs(nsigma - sigma);
    mu = nmu;
    sigma = nsigma;
    // σ collapsed to 0: the likelihood is unbounded as σ → 0 (no maximum)
    if (!(sigma > 0)) return { status: 'not-identifiable', mean: naiveMean, sd: naiveSd, iterations: it, unconstrained: naive, logLikelihood: null };
    if (change <= tol * (1 + Math.abs(mu) + sigma)) {
      status = 'ok';
      break;
    }
  }
  const unconstrained = naive.map((x, i) => (censored[i] ? mu + sigma * inverseMills((x - mu) / sigma) : x));
  return {
    status,
    mean: mu,
    sd: sigma,
    iterations: it,
    unconstrained,
    logLikelihood: censoredNormalLogLikelihood(values, censored, mu, sigma),
  };
}
