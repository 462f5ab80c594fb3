import { readCensored, type CensoredObservation } from './censored.js';
import { normIsf, normSf } from './internal/normal.js';
import { fail, finite, nonNegative, object, positiveInteger } from '../internal/validate.js';
import type { UnconstrainOptions, UnconstrainResult } from './emUnconstrain.js';

export const PROJECTION_DETRUNCATION_DEFAULTS = { tau: 0.5, tolerance: 1e-10, maxIterations: 10_000 } as const;

export interface ProjectionDetruncationOptions extends UnconstrainOptions {
  readonly tau?: number;
}

/** Ê for one censored value c under N(mu, sigma²): P(D > Ê | D > c) = tau. @internal */
export function projectTail(c: number, mu: number, sigma: number, tau: number): number {
  const q = tau * normSf((c - mu) / sigma);
  if (q <= 0) return c; // the tail above c is numerically empty: nothing to add
  return Math.max(c, mu + sigma * normIsf(q));
}

/**
 * Unconstrains censored demand by projection detruncation: each censored observation is replaced by the
 * point of the fitted normal's tail above it that leaves a share τ of that tail beyond it, and the normal
 * is refitted, until the estimates settle.
 *
 * Reference: Hopperstad (1995, Boeing; presented at AGIFORS) introduced it; Weatherford & Pölt (2002),
 * "Better unconstraining of airline demand data in revenue management systems for improved forecast
 * accuracy and greater revenues", J. Revenue Pricing Manag. 1(3): 234–254, compare it with EM and find
 * both the most robust of six methods. The projection, for a censored value c under N(μ, σ²):
 *
 *   P(D > Ê | D > c) = τ   ⇔   Ê = μ + σ·Φ̄⁻¹(τ·Φ̄((c − μ)/σ)),   Φ̄ = 1 − Φ
 *
 * so τ = ½ projects to the median of the tail (the convention of the RM2 R package, Bodea, Koushik &
 * Ferguson, whose `PD` uses the same τ); a smaller τ projects further out. Each step recomputes μ as the
 * mean and σ as the sample standard deviation (divisor n − 1) of the projected data. Unlike EM it is
 * not a likelihood method: its fixed point depends on τ.
 *
 * Start: μ and σ of all observations taken at face value (the naive estimate).
 *
 * @param observations - `{ value, censored }` per observation, non-empty, finite
 * @param options.tau - tail share left beyond the projection, in (0, 1) (default 0.5)
 * @param options.tolerance - stop when |Δμ| + |Δσ| ≤ tolerance·(1 + |μ| + σ) (default 1e-10)
 * @param options.maxIterations - default 10,000
 * @returns `status` 'ok' | 'iteration-limit' | 'not-identifiable' (all censored, or fewer than two
 *   observations, or no spread at all), `mean`, `sd`, `iterations`, `unconstrained` (censored values
 *   replaced by their projections).
 * @example
 * import { projectionDetruncation } from 'yieldcraft/forecast';
 * const r = projectionDetruncation([
 *   { value: 8, censored: false }, { value: 10, censored: false }, { value: 12, censored: false },
 *   { value: 12, censored: true },
 * ]);
 * r.unconstrained[3] > 12;  // => true
 */
export function projectionDetruncation(
  observations: readonly CensoredObservation[],
  options: ProjectionDetruncationOptions = {},
): UnconstrainResult {
  object(options, 'options');
  const { values, censored } = readCensored(observations);
  const tau = options.tau === undefined ? PROJECTION_DETRUNCATION_DEFAULTS.tau : finite(options.tau, 'options.tau');
  if (!(tau > 0 && tau < 1)) fail('options.tau', `must be strictly between 0 and 1, got ${tau}`);
  const tol = options.tolerance === undefined ? PROJECTION_DETRUNCATION_DEFAULTS.tolerance : nonNegative(options.tolerance, 'options.tolerance');
  const maxIt =
    options.maxIterations === undefined
      ? PROJECTION_DETRUNCATION_DEFAULTS.maxIterations
      : positiveInteger(options.maxIterations, 'options.maxIterations');
  const n = values.length;
  const work = Float64Array.from(values);
  let k = 0;
  for (let i = 0; i < n; i++) k += censored[i]!;
  let [mu, sigma] = meanSd(work);
  if (k === 0) return { status: 'ok', mean: mu, sd: sigma, iterations: 0, unconstrained: Array.from(values) };
  if (k === n || n < 2 || !(sigma > 0))
    return { status: 'not-identifiable', mean: mu, sd: sigma, iterations: 0, unconstrained: Array.from(values) };
  let it = 0;
  let status: UnconstrainResult['status'] = 'iteration-limit';
  while (it < maxIt) {
    it++;
    for (let i = 0; i < n; i++) if (censored[i]) work[i] = projectTail(values[i]!, mu, sigma, tau);
    const [nmu, nsigma] = meanSd(work);
    const change = Math.abs(nmu - mu) + Math.abs(nsigma - sigma);
    mu = nmu;
    sigma = nsigma;
    if (change <= tol * (1 + Math.abs(mu) + sigma)) {
      status = 'ok';
      break;
    }
  }
  return { status, mean: mu, sd: sigma, iterations: it, unconstrained: Array.from(work) };
}

function meanSd(x: Float64Array): [number, number] {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  const m = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i]! - m) ** 2;
  return [m, x.length > 1 ? Math.sqrt(v / (x.length - 1)) : 0];
}
