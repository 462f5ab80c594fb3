import { fail, finite, join, nonEmptyArray, nonNegative, object, positiveInteger } from '../internal/validate.js';

export interface ForecastAccuracy {
  readonly n: number;
  readonly mae: number;
  readonly rmse: number;
  /** Σ|e| / Σ|y|, a share (0.1 = 10 %); null when Σ|y| = 0. */
  readonly wape: number | null;
  /** MAE / scale; null without a positive scale. */
  readonly mase: number | null;
  /** Mean of forecast − actual (positive: forecasts too high). */
  readonly bias: number;
}

/**
 * Forecast accuracy: MAE, RMSE, WAPE, MASE and bias of forecasts against what happened.
 *
 * Reference: Hyndman & Koehler (2006), "Another look at measures of forecast accuracy", International
 * Journal of Forecasting 22(4): 679–688 (MASE: errors scaled by the in-sample MAE of the seasonal naive
 * forecast); Hyndman & Athanasopoulos, *Forecasting: Principles and Practice* (3rd ed., 2021), §5.8.
 * WAPE (weighted absolute percentage error) = Σ|e| / Σ|y|, the hotel industry's usual percentage error,
 * defined when some actual value is non-zero (unlike MAPE, which fails on zero-demand nights).
 *
 * Notation: y_i actual, f_i forecast, e_i = f_i − y_i (positive = over-forecast), n pairs.
 *
 *   MAE = (1/n) Σ|e_i|,  RMSE = √((1/n) Σ e_i²),  WAPE = Σ|e_i| / Σ|y_i|,  bias = (1/n) Σ e_i,
 *   MASE = MAE / scale,   scale = (1/(T − m)) Σ_{t>m} |y_t − y_{t−m}| over the training series
 *
 * @param actual - what happened, finite
 * @param forecast - the forecasts, same length, finite
 * @param options.scale - the MASE denominator (e.g. `seasonalNaiveScale(training, 7)`); without it (or
 *   when it is 0) `mase` is null
 * @returns `{ n, mae, rmse, wape, mase, bias }`; `wape` is null when every actual is 0
 * @example
 * import { forecastAccuracy } from 'yieldcraft/forecast';
 * forecastAccuracy([10, 20, 30], [12, 18, 33], { scale: 2 });
 * // => { n: 3, mae: 2.3333…, rmse: 2.3805…, wape: 0.11666…, mase: 1.1666…, bias: 1 }
 */
export function forecastAccuracy(
  actual: readonly number[],
  forecast: readonly number[],
  options: { readonly scale?: number } = {},
): ForecastAccuracy {
  object(options, 'options');
  const a = nonEmptyArray<unknown>(actual, 'actual');
  const f = nonEmptyArray<unknown>(forecast, 'forecast');
  if (a.length !== f.length) fail('forecast', `must have as many values as actual (${a.length}), got ${f.length}`, 'inconsistent');
  const scale = options.scale === undefined ? undefined : nonNegative(options.scale, 'options.scale');
  let abs = 0;
  let sq = 0;
  let sum = 0;
  let absY = 0;
  for (let i = 0; i < a.length; i++) {
    const y = finite(a[i], join('actual', i));
    const e = finite(f[i], join('forecast', i)) - y;
    abs += Math.abs(e);
    sq += e * e;
    sum += e;
    absY += Math.abs(y);
  }
  const n = a.length;
  const mae = abs / n;
  return {
    n,
    mae,
    rmse: Math.sqrt(sq / n),
    wape: absY > 0 ? abs / absY : null,
    mase: scale !== undefined && scale > 0 ? mae / scale : null,
    bias: sum / n,
  };
}

/**
 * The MASE scale of Hyndman & Koehler (2006): the mean absolute error of the seasonal naive forecast
 * (y_t predicted by y_{t−m}) over a training series. Returns 0 for a series that repeats exactly.
 *
 * @example
 * import { seasonalNaiveScale } from 'yieldcraft/forecast';
 * seasonalNaiveScale([1, 2, 3, 5], 1); // => (1 + 1 + 2) / 3 = 1.3333…
 */
export function seasonalNaiveScale(training: readonly number[], period = 1): number {
  const y = nonEmptyArray<unknown>(training, 'training');
  const m = positiveInteger(period, 'period');
  if (y.length <= m) fail('training', `needs more than period (${m}) values, got ${y.length}`);
  let s = 0;
  for (let t = m; t < y.length; t++) s += Math.abs(finite(y[t], join('training', t)) - finite(y[t - m], join('training', t - m)));
  return s / (y.length - m);
}
