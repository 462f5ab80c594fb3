import { array, fail, join, object, probability } from '../internal/validate.js';

export const COMBINATION_WEIGHTS_DEFAULTS = { minCoverage: 0.5, maxRatio: Infinity } as const;

export interface CombinationWeightsOptions {
  readonly minCoverage?: number;
  readonly maxRatio?: number;
}

export interface CombinationWeights {
  readonly status: 'ok' | 'insufficient-history';
  readonly weights: readonly number[];
  readonly mse: readonly (number | null)[];
  readonly points: readonly number[];
}

/** The kernel on a flat error array (candidate m, point i at m·P + i; NaN = missing). @internal */
export function inverseMseWeights(err: Float64Array, M: number, P: number, minCoverage: number, maxRatio: number, out: Float64Array): boolean {
  let maxN = 0;
  const n = new Int32Array(M);
  const mse = new Float64Array(M);
  for (let m = 0; m < M; m++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < P; i++) {
      const e = err[m * P + i]!;
      if (Number.isNaN(e)) continue;
      s += e * e;
      c++;
    }
    n[m] = c;
    mse[m] = c > 0 ? s / c : Infinity;
    if (c > maxN) maxN = c;
  }
  out.fill(0);
  if (maxN === 0) return false;
  let zeros = 0;
  let best = Infinity;
  for (let m = 0; m < M; m++) {
    if (!(n[m]! >= minCoverage * maxN && n[m]! > 0)) continue;
    if (mse[m] === 0) zeros++;
    if (mse[m]! < best) best = mse[m]!;
  }
  let total = 0;
  for (let m = 0; m < M; m++) {
    if (!(n[m]! >= minCoverage * maxN && n[m]! > 0)) continue;
    if (mse[m]! > maxRatio * best) continue;
    out[m] = zeros > 0 ? (mse[m] === 0 ? 1 : 0) : 1 / mse[m]!;
    total += out[m]!;
  }
  for (let m = 0; m < M; m++) out[m] = out[m]! / total;
  return true;
}

/**
 * Weights for combining forecasts, inversely proportional to each candidate's mean squared error in a
 * backtest on data before the forecast origin (no hindsight): the combination `auto` uses.
 *
 * Reference: Bates & Granger (1969), "The combination of forecasts", Oper. Res. Q. 20: 451–468 (weights
 * from past error variances; the inverse-variance rule when errors are taken as uncorrelated); Stock &
 * Watson (2004), "Combination forecasts of output growth in a seven-country data set", J. Forecasting
 * 23: 405–430 (inverse-MSE weights, eq. 3 with κ = 1, among the most robust combinations).
 *
 * Notation: e_{m,i} the error of candidate m at backtest point i (forecast − actual, units of the
 * forecast; null where m gave no forecast); n_m its points; MSE_m = Σ_i e_{m,i}² / n_m.
 *
 *   w_m = (1 / MSE_m) / Σ_j (1 / MSE_j)
 *
 * over the candidates with n_m ≥ `minCoverage` × max_j n_j (others get 0: too little evidence) and
 * MSE_m ≤ `maxRatio` × min_j MSE_j (optional trimming, off by default: a candidate clearly worse than the
 * best adds mostly its errors — Aiolfi & Timmermann 2006, "Persistence in forecasting performance and conditional
 * combination strategies", J. Econometrics 135: 31–53; Timmermann 2006, "Forecast combinations",
 * Handbook of Economic Forecasting 1, §7). When some eligible candidates have MSE 0, they share the
 * weight equally. When no candidate has a point, every weight is 0 and status is 'insufficient-history'.
 *
 * @param errors - errors[m][i], one row per candidate (rows may differ in length; null = no forecast)
 * @param options.minCoverage - share of the best-covered candidate's points a candidate needs (default 0.5)
 * @param options.maxRatio - largest MSE relative to the best candidate's that still gets a weight
 *   (default Infinity: every candidate is kept)
 * @returns `{ status, weights, mse, points }` (mse null for a candidate without points)
 * @example
 * import { combinationWeights } from 'yieldcraft/forecast';
 * combinationWeights([[1, -1], [2, -2]]).weights;                    // => [0.8, 0.2]  (MSE 1 and 4)
 * combinationWeights([[1, -1], [2, -2]], { maxRatio: 2 }).weights;   // => [1, 0]      (MSE 4 is over twice the best: trimmed)
 */
export function combinationWeights(errors: readonly (readonly (number | null)[])[], options?: CombinationWeightsOptions): CombinationWeights {
  const rows = array<unknown>(errors, 'errors');
  if (rows.length === 0) fail('errors', 'must list at least one candidate', 'empty');
  if (options !== undefined) object(options, 'options');
  const minCoverage = options?.minCoverage === undefined ? COMBINATION_WEIGHTS_DEFAULTS.minCoverage : probability(options.minCoverage, 'options.minCoverage');
  const maxRatio = options?.maxRatio === undefined ? COMBINATION_WEIGHTS_DEFAULTS.maxRatio : options.maxRatio;
  if (typeof maxRatio !== 'number' || !(maxRatio >= 1)) fail('options.maxRatio', `must be a number ≥ 1 (Infinity allowed), got ${String(maxRatio)}`);
  const M = rows.length;
  const lists = rows.map((r, m) => array<unknown>(r, join('errors', m)));
  const P = Math.max(0, ...lists.map((l) => l.length));
  const err = new Float64Array(M * P).fill(Number.NaN);
  lists.forEach((l, m) =>
    l.forEach((e, i) => {
      if (e === null) return;
      if (typeof e !== 'number' || !Number.isFinite(e)) fail(join(join('errors', m), i), `must be a finite number or null, got ${String(e)}`);
      err[m * P + i] = e;
    }),
  );
  const w = new Float64Array(M);
  const ok = inverseMseWeights(err, M, P, minCoverage, maxRatio, w);
  const points = lists.map((l) => l.filter((e) => e !== null).length);
  const mse = lists.map((l, m) => (points[m]! > 0 ? l.reduce<number>((s, e) => (e === null ? s : s + (e as number) ** 2), 0) / points[m]! : null));
  return { status: ok ? 'ok' : 'insufficient-history', weights: Array.from(w), mse, points };
}
