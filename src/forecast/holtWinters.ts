import { fail, finite, join, nonEmptyArray, object, positiveInteger } from '../internal/validate.js';
import { fromInterval, nelderMead, toInterval } from './internal/nelderMead.js';

export const HOLT_WINTERS_DEFAULTS = {
  period: 7,
  yearPeriod: 364,
  yearly: 'auto',
  trend: 'damped',
  bounds: {
    alpha: [0.0001, 0.9999],
    beta: [0.0001, 0.5],
    gamma: [0.0001, 0.9999],
    delta: [0.0001, 0.9999],
    phi: [0.8, 0.98],
  },
  start: { alpha: 0.2, beta: 0.01, gamma: 0.1, delta: 0.1, phi: 0.9 },
} as const;

export interface HoltWintersOptions {
  readonly period?: number;
  readonly yearly?: 'auto' | 'none';
  readonly yearPeriod?: number;
  readonly trend?: 'damped' | 'linear' | 'none';
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  readonly delta?: number;
  readonly phi?: number;
  readonly initial?: {
    readonly level: number;
    readonly trend?: number;
    readonly season: readonly number[];
    readonly yearSeason?: readonly number[];
  };
}

export interface HoltWintersFit {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  /** Yearly smoothing (0 when no yearly season is used). */
  readonly delta: number;
  readonly phi: number;
  readonly trend: 'damped' | 'linear' | 'none';
  readonly yearly: boolean;
  readonly period: number;
  readonly yearPeriod: number;
  /** Final level ℓ_T, trend b_T. */
  readonly level: number;
  readonly slope: number;
  /** Final weekly season, season[j] applies to the day T + 1 + j − period·⌈…⌉ (next `period` days in order). */
  readonly season: readonly number[];
  /** Final yearly season for the next `yearPeriod` days in order (empty when not used). */
  readonly yearSeason: readonly number[];
  /** One-step-ahead forecasts ŷ_t for every observation (t = 1..n). */
  readonly fitted: readonly number[];
  readonly sse: number;
  readonly sigma: number;
  forecast(h: number): { mean: number[]; sd: number[] };
}

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
  phi: number;
}

interface Init {
  level: number;
  trend: number;
  season: Float64Array;
  yearSeason: Float64Array;
}

/** Runs the recursion; writes states into `out` when given; returns the SSE from `sseFrom` on. */
function filter(
  y: ArrayLike<number>,
  p: Params,
  init: Init,
  m: number,
  M: number,
  useTrend: boolean,
  sseFrom: number,
  out?: { fitted: Float64Array; season: Float64Array; yearSeason: Float64Array; state: Float64Array },
): number {
  const n = y.length;
  // circular buffers: season for the next m days, yearly for the next M days
  const s = out ? out.season : new Float64Array(m);
  s.set(init.season);
  const w = out ? out.yearSeason : new Float64Array(M);
  if (M > 0) w.set(init.yearSeason);
  let l = init.level;
  let b = useTrend ? init.trend : 0;
  const { alpha, gamma, delta, phi } = p;
  const beta = useTrend ? p.beta : 0;
  let sse = 0;
  let si = 0;
  let wi = 0;
  for (let t = 0; t < n; t++, si = si + 1 === m ? 0 : si + 1, wi = wi + 1 === M ? 0 : wi + 1) {
    const sOld = s[si]!;
    const wOld = M > 0 ? w[wi]! : 0;
    const yhat = l + phi * b + sOld + wOld;
    const yt = y[t]!;
    const e = yt - yhat;
    if (t >= sseFrom) sse += e * e;
    if (out) out.fitted[t] = yhat;
    const lNew = alpha * (yt - sOld - wOld) + (1 - alpha) * (l + phi * b);
    b = beta * (lNew - l) + (1 - beta) * phi * b;
    l = lNew;
    s[si] = gamma * (yt - l - wOld) + (1 - gamma) * sOld;
    if (M > 0) w[wi] = delta * (yt - l - sOld) + (1 - delta) * wOld;
  }
  if (out) {
    out.state[0] = l;
    out.state[1] = b;
  }
  return sse;
}

function defaultInit(y: ArrayLike<number>, m: number, M: number, useTrend: boolean): Init {
  const n = y.length;
  const yearSeason = new Float64Array(M);
  const ma = new Float64Array(Math.max(M, m * 4));
  const half = Math.floor(m / 2);
  if (M > 0) {
    // centred m-day moving average over the first year (truncated window at the ends)
    for (let t = 0; t < M; t++) {
      let sum = 0;
      let cnt = 0;
      for (let k = t - half; k <= t + half; k++) {
        if (k < 0 || k >= n) continue;
        sum += y[k]!;
        cnt++;
      }
      ma[t] = sum / cnt;
    }
    // growth per day from year-over-year differences (they cancel the season): without removing it,
    // a series that grew during its first year would read the growth as a yearly season
    let g = 0;
    if (n > M) {
      for (let t = M; t < n; t++) g += y[t]! - y[t - M]!;
      g /= (n - M) * M;
    }
    let mean = 0;
    for (let t = 0; t < M; t++) mean += ma[t]! - g * t;
    mean /= M;
    for (let t = 0; t < M; t++) yearSeason[t] = ma[t]! - g * t - mean;
  }
  const weeks = Math.max(1, Math.min(4, Math.floor(n / m)));
  const adj = (t: number) => y[t]! - (M > 0 ? yearSeason[t]! : 0);
  const weekMean = new Float64Array(weeks);
  for (let k = 0; k < weeks; k++) {
    for (let j = 0; j < m; j++) weekMean[k]! += adj(k * m + j) / m;
  }
  // trend per day: least-squares slope of the weekly means, divided by m (0 with a single week)
  let trend = 0;
  if (useTrend && weeks >= 2) {
    const kbar = (weeks - 1) / 2;
    let num = 0;
    let den = 0;
    for (let k = 0; k < weeks; k++) {
      num += (k - kbar) * (weekMean[k]! - weekMean.reduce((a, b) => a + b, 0) / weeks);
      den += (k - kbar) ** 2;
    }
    trend = num / den / m;
  }
  const season = new Float64Array(m);
  const centre = (m - 1) / 2;
  for (let k = 0; k < weeks; k++)
    for (let j = 0; j < m; j++) season[j]! += (adj(k * m + j) - weekMean[k]! - trend * (j - centre)) / weeks;
  // the level just before the first day
  const level = weekMean[0]! - trend * (centre + 1);
  return { level, trend, season, yearSeason };
}

/**
 * Holt-Winters exponential smoothing of a daily series (final demand by night) with a damped additive
 * trend, an additive weekly season and, when the series is long enough, an additive yearly season;
 * smoothing parameters fitted by minimising the one-step-ahead sum of squared errors.
 *
 * Reference: Holt (1957) and Winters (1960), "Forecasting sales by exponentially weighted moving
 * averages", Management Science 6: 324–342 (the additive seasonal method, in the component form that
 * R's `stats::HoltWinters` uses); Gardner & McKenzie (1985), "Forecasting trends in time series",
 * Management Science 31: 1237–1246 (the damped trend φ); Taylor (2003), "Short-term electricity demand
 * forecasting using double seasonal exponential smoothing", J. Oper. Res. Soc. 54: 799–805 (a second
 * seasonal cycle); Hyndman, Koehler, Ord & Snyder (2008), *Forecasting with Exponential Smoothing*,
 * §6.3 (prediction variances, class 1); Weatherford & Kimes (2003), IJF 19: 401–415 (exponential
 * smoothing among the most robust hotel forecasts). Services have life cycles (launch, growth, maturity,
 * decline): the damped trend follows them without extrapolating growth for ever.
 *
 * Notation (t indexes days; m = `period`, the weekly cycle, 7; M = `yearPeriod`, 364 = 52 weeks so the
 * yearly cycle keeps weekdays aligned; φ_h = φ + φ² + … + φ^h):
 *
 *   ŷ_t   = ℓ_{t−1} + φ·b_{t−1} + s_{t−m} + w_{t−M}                        (one-step forecast)
 *   ℓ_t   = α·(y_t − s_{t−m} − w_{t−M}) + (1 − α)·(ℓ_{t−1} + φ·b_{t−1})   (level)
 *   b_t   = β·(ℓ_t − ℓ_{t−1}) + (1 − β)·φ·b_{t−1}                          (trend)
 *   s_t   = γ·(y_t − ℓ_t − w_{t−M}) + (1 − γ)·s_{t−m}                      (weekly season)
 *   w_t   = δ·(y_t − ℓ_t − s_{t−m}) + (1 − δ)·w_{t−M}                      (yearly season)
 *   ŷ_{T+h|T} = ℓ_T + φ_h·b_T + s_{T+h−m⌈h/m⌉} + w_{T+h−M⌈h/M⌉}
 *
 * With φ = 1 and no yearly season these are exactly Winters' additive equations as computed by
 * `stats::HoltWinters(seasonal = "additive")`. Without a trend (`trend: 'none'`) b ≡ 0.
 *
 * Start (when `initial` is not given): the yearly season (if used) is the first year's centred 7-day
 * moving average (so it carries no weekly pattern), less the growth measured by the mean
 * year-over-year difference (so a service growing through its first year is not read as a season),
 * centred on 0; the weekly season is the mean, over
 * the first min(4, n/m) weeks, of y − w minus its week's mean (detrended within the week); the trend is the
 * least-squares slope of those weekly means divided by m (0 with `trend: 'none'`); the level is the first
 * week's mean extrapolated back to the day before the series. Filtering starts with the first value.
 * The yearly season is used only when the series holds at least two years (`2·yearPeriod + 4·period`
 * days, with the default `yearly: 'auto'`); a shorter series degrades gracefully to the weekly model.
 * With a single year, the yearly states are one noisy reading each and are confounded with growth: on
 * the real hotel data (City Hotel, forecasts 30–60 days out from autumn 2016) they raised the MAE from
 * 16 to 55 rooms. Pass `yearly: 'auto'` with `yearPeriod` shorter, or supply `initial.yearSeason`
 * from a trusted profile, to force it.
 *
 * Fitting: parameters not fixed by the caller are found by Nelder–Mead on logistic transforms, within
 * α ∈ [0.0001, 0.9999], β ∈ [0.0001, 0.5], γ, δ ∈ [0.0001, 0.9999], φ ∈ [0.8, 0.98] (the bounds of
 * Hyndman et al. 2008, §5.2), minimising Σ (y_t − ŷ_t)² over t after the first `period` days.
 *
 * Prediction sd: σ·√(1 + Σ_{j<h} c_j²) with c_j = α(1 + βφ_j) + γ(1 − α)·[j ≡ 0 mod m] +
 * δ(1 − α)·[j ≡ 0 mod M] (the error-correction form of the same model, Hyndman et al. 2008, Table 6.1),
 * σ² = SSE / (number of fitted errors).
 *
 * @param series - the observations, oldest first, one per day (units: rooms); finite; at least
 *   2·`period` values
 * @param options - `period` (default 7), `yearly` ('auto' | 'none', default 'auto'), `yearPeriod`
 *   (default 364), `trend` ('damped' | 'linear' | 'none', default 'damped'), fixed `alpha`, `beta`,
 *   `gamma`, `delta`, `phi`, and `initial` states `{ level, trend, season, yearSeason? }` (season[j]
 *   applies to series[j], j < period)
 * @returns the fitted parameters and final states, `sse`, `sigma`, one-step `fitted` values, and
 *   `forecast(h)` → { mean, sd } arrays for steps 1..h after the last observation
 * @example
 * import { holtWinters } from 'yieldcraft/forecast';
 * // three weeks of a perfectly weekly series: the forecast repeats the week
 * const week = [40, 42, 45, 50, 80, 95, 60];
 * const hw = holtWinters([...week, ...week, ...week], { trend: 'none', alpha: 0.3, gamma: 0.1 });
 * hw.forecast(7).mean.map(Math.round); // => [40, 42, 45, 50, 80, 95, 60]
 */
export function holtWinters(series: readonly number[], options: HoltWintersOptions = {}): HoltWintersFit {
  object(options, 'options');
  const list = nonEmptyArray<unknown>(series, 'series');
  const y = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) y[i] = finite(list[i], join('series', i));
  const m = options.period === undefined ? HOLT_WINTERS_DEFAULTS.period : positiveInteger(options.period, 'options.period');
  const Mfull = options.yearPeriod === undefined ? HOLT_WINTERS_DEFAULTS.yearPeriod : positiveInteger(options.yearPeriod, 'options.yearPeriod');
  const yearlyOpt = options.yearly ?? HOLT_WINTERS_DEFAULTS.yearly;
  if (yearlyOpt !== 'auto' && yearlyOpt !== 'none') fail('options.yearly', `must be 'auto' or 'none', got ${JSON.stringify(yearlyOpt)}`);
  const trendOpt = options.trend ?? HOLT_WINTERS_DEFAULTS.trend;
  if (trendOpt !== 'damped' && trendOpt !== 'linear' && trendOpt !== 'none')
    fail('options.trend', `must be 'damped', 'linear' or 'none', got ${JSON.stringify(trendOpt)}`);
  if (y.length < 2 * m) fail('series', `needs at least 2 seasons (${2 * m} values), got ${y.length}`, 'invalid');
  const initOpt = options.initial;
  const yearly =
    initOpt !== undefined ? initOpt.yearSeason !== undefined && initOpt.yearSeason.length > 0 : yearlyOpt === 'auto' && y.length >= 2 * Mfull + 4 * m;
  const M = yearly ? Mfull : 0;
  let init: Init;
  if (initOpt !== undefined) {
    const level = finite(initOpt.level, 'options.initial.level');
    const trend = initOpt.trend === undefined ? 0 : finite(initOpt.trend, 'options.initial.trend');
    const s = nonEmptyArray<unknown>(initOpt.season, 'options.initial.season');
    if (s.length !== m) fail('options.initial.season', `must have ${m} values (one per day of the period), got ${s.length}`);
    const season = Float64Array.from(s, (v, i) => finite(v, join('options.initial.season', i)));
    const yearSeason = new Float64Array(M);
    if (M > 0) {
      const ys = nonEmptyArray<unknown>(initOpt.yearSeason, 'options.initial.yearSeason');
      if (ys.length !== M) fail('options.initial.yearSeason', `must have ${M} values, got ${ys.length}`);
      ys.forEach((v, i) => (yearSeason[i] = finite(v, join('options.initial.yearSeason', i))));
    }
    init = { level, trend, season, yearSeason };
  } else init = defaultInit(y, m, M, trendOpt !== 'none');

  const useTrend = trendOpt !== 'none';
  const B = HOLT_WINTERS_DEFAULTS.bounds;
  const fixed = (name: keyof Params, v: number | undefined, lo: number, hi: number): number | undefined => {
    if (v === undefined) return undefined;
    const x = finite(v, `options.${name}`);
    if (x < lo || x > hi) fail(`options.${name}`, `must be in [${lo}, ${hi}], got ${x}`);
    return x;
  };
  const given: Partial<Params> = {
    alpha: fixed('alpha', options.alpha, 0, 1),
    beta: useTrend ? fixed('beta', options.beta, 0, 1) : 0,
    gamma: fixed('gamma', options.gamma, 0, 1),
    delta: M > 0 ? fixed('delta', options.delta, 0, 1) : 0,
    phi: trendOpt === 'damped' ? fixed('phi', options.phi, 0, 1) : 1,
  };
  const free = (Object.keys(B) as (keyof Params)[]).filter((k) => given[k] === undefined);
  const sseFrom = m;
  const p: Params = {
    alpha: given.alpha ?? HOLT_WINTERS_DEFAULTS.start.alpha,
    beta: given.beta ?? HOLT_WINTERS_DEFAULTS.start.beta,
    gamma: given.gamma ?? HOLT_WINTERS_DEFAULTS.start.gamma,
    delta: given.delta ?? HOLT_WINTERS_DEFAULTS.start.delta,
    phi: given.phi ?? HOLT_WINTERS_DEFAULTS.start.phi,
  };
  if (free.length > 0) {
    const start = free.map((k) => fromInterval(p[k], B[k][0], B[k][1]));
    const trial: Params = { ...p };
    const objective = (u: Float64Array): number => {
      for (let i = 0; i < free.length; i++) {
        const k = free[i]!;
        trial[k] = toInterval(u[i]!, B[k][0], B[k][1]);
      }
      return filter(y, trial, init, m, M, useTrend, sseFrom);
    };
    const best = nelderMead(objective, start, { step: 1, maxIterations: 100 * free.length, tolerance: 1e-7 });
    free.forEach((k, i) => (p[k] = toInterval(best.x[i]!, B[k][0], B[k][1])));
  }
  const out = {
    fitted: new Float64Array(y.length),
    season: new Float64Array(m),
    yearSeason: new Float64Array(M),
    state: new Float64Array(2),
  };
  const sse = filter(y, p, init, m, M, useTrend, sseFrom, out);
  const nErr = Math.max(1, y.length - sseFrom);
  const sigma = Math.sqrt(sse / nErr);
  const level = out.state[0]!;
  const slope = out.state[1]!;
  const n = y.length;
  // reorder the circular buffers so index j is the day n + j
  const season = Array.from({ length: m }, (_, j) => out.season[(n + j) % m]!);
  const yearSeason = Array.from({ length: M }, (_, j) => out.yearSeason[(n + j) % M]!);
  const phi = p.phi;
  const forecast = (h: number) => {
    const steps = positiveInteger(h, 'h');
    const mean: number[] = new Array(steps);
    const sd: number[] = new Array(steps);
    let phiSum = 0;
    let phiPow = 1;
    let varSum = 1;
    let cPhiSum = 0; // φ_j for the variance terms
    let cPow = 1;
    for (let k = 1; k <= steps; k++) {
      phiPow *= phi;
      phiSum += phiPow;
      mean[k - 1] = level + (useTrend ? phiSum * slope : 0) + season[(k - 1) % m]! + (M > 0 ? yearSeason[(k - 1) % M]! : 0);
      sd[k - 1] = sigma * Math.sqrt(varSum);
      // add c_k² for the next horizon
      cPow *= phi;
      cPhiSum += cPow;
      const c =
        p.alpha * (1 + (useTrend ? p.beta * cPhiSum : 0)) +
        (k % m === 0 ? p.gamma * (1 - p.alpha) : 0) +
        (M > 0 && k % M === 0 ? p.delta * (1 - p.alpha) : 0);
      varSum += c * c;
    }
    return { mean, sd };
  };
  return {
    alpha: p.alpha,
    beta: useTrend ? p.beta : 0,
    gamma: p.gamma,
    delta: M > 0 ? p.delta : 0,
    phi: useTrend ? p.phi : 1,
    trend: trendOpt,
    yearly: M > 0,
    period: m,
    yearPeriod: Mfull,
    level,
    slope,
    season,
    yearSeason,
    fitted: Array.from(out.fitted),
    sse,
    sigma,
    forecast,
  };
}
