/**
 * Rolling-origin evaluation of occupancy forecasts on booking history: for each as-of date, forecast
 * from `historyAsOf(records, asOf)` alone, then score each lead time's forecasts against the final
 * counts that the full records show — MAE, RMSE, WAPE, MASE and bias by lead time and overall.
 *
 * Reference: Tashman (2000), "Out-of-sample tests of forecasting accuracy: an analysis and review",
 * IJF 16: 437–450 (rolling-origin evaluation); Hyndman & Koehler (2006) (MASE); Weatherford & Kimes
 * (2003) (hotel forecasts compared by lead time).
 *
 * Scoring: the actual of a night is its final count (rooms of bookings covering it that neither
 * cancelled nor no-showed) in the full records; nights after the last arrival date in the records are
 * not scored (later arrivals are missing). Errors are pooled over origins and keys (segments). MASE
 * divides by the in-sample MAE of the 7-day seasonal naive forecast of the final counts before each
 * origin (averaged over origins and keys).
 *
 * @param records - booking records with their final statuses
 * @param options.method - an occupancy method or a list of them (see `forecastOccupancy`)
 * @param options.asOfDates - forecast origins, ISO dates
 * @param options.horizons - lead times to score, in days (0 = the as-of night itself), ≤ 730
 * @param options.by, options.property, options.window - as in `forecastOccupancy`
 * @returns `{ origins, results: [{ method, overall, byLead: [{ lead, …accuracy }] }] }`; an origin with
 *   insufficient history is skipped (counted in `skipped`)
 * @example
 * import { backtest } from 'yieldcraft/forecast';
 * const r = backtest(records, { method: ['advanced-pickup', 'naive-last-year'],
 *   asOfDates: ['2016-10-01', '2016-11-01'], horizons: [1, 7, 30], property: 'City Hotel' });
 * r.results[0].byLead[0].lead; // => 1
 */
import { array, fail, join, nonNegativeInteger, object } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { forecastAccuracy, type ForecastAccuracy } from './accuracy.js';
import { FORECAST_OCCUPANCY_DEFAULTS, byProperty, readOccupancyOptions, runOccupancy, type OccupancyMethod } from './forecastOccupancy.js';
import { buildCurves } from './internal/curves.js';
import { Engine } from './internal/engine.js';
import { prepareRecords } from './internal/records.js';

export interface BacktestOptions {
  readonly method: OccupancyMethod | readonly OccupancyMethod[];
  readonly asOfDates: readonly string[];
  readonly horizons: readonly number[];
  readonly by?: 'total' | 'segment';
  readonly property?: string;
  readonly window?: number;
}

export interface LeadAccuracy extends ForecastAccuracy {
  readonly lead: number;
}

export interface BacktestResult {
  /** Origins evaluated. */
  readonly origins: number;
  /** Origins skipped for insufficient history. */
  readonly skipped: number;
  readonly results: readonly {
    readonly method: OccupancyMethod;
    readonly overall: ForecastAccuracy | null;
    readonly byLead: readonly LeadAccuracy[];
  }[];
}

export function backtest(records: readonly BookingRecord[], options: BacktestOptions): BacktestResult {
  const o = object(options, 'options');
  const methods = (Array.isArray(o.method) ? o.method : [o.method]) as OccupancyMethod[];
  if (methods.length === 0) fail('options.method', 'must name at least one method', 'empty');
  const dates = array<unknown>(o.asOfDates, 'options.asOfDates');
  if (dates.length === 0) fail('options.asOfDates', 'must not be empty', 'empty');
  const origins = dates.map((d, i) => {
    const v = parseEpochDay(d);
    if (Number.isNaN(v)) fail(join('options.asOfDates', i), `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(d)}`);
    return v;
  });
  const hs = array<unknown>(o.horizons, 'options.horizons');
  if (hs.length === 0) fail('options.horizons', 'must not be empty', 'empty');
  const horizons = hs.map((h, i) => nonNegativeInteger(h, join('options.horizons', i)));
  const H = Math.max(...horizons) + 1;
  // validate the shared options once (method by method)
  const base = methods.map((m, i) =>
    readOccupancyOptions({ asOf: dates[0], horizonDays: H, method: m, by: o.by, property: o.property, window: o.window }, `options.method[${i}]`),
  );
  const first = base[0]!;
  const recs = byProperty(records, first.property);
  // the truth: final counts from the full records, scored up to the last arrival date
  const truthP = prepareRecords(recs);
  if (truthP.length === 0) return { origins: 0, skipped: origins.length, results: methods.map((method) => ({ method, overall: null, byLead: [] })) };
  let lastArrival = -Infinity;
  for (let j = 0; j < truthP.length; j++) lastArrival = Math.max(lastArrival, truthP.arrivalDay[j]!);
  const truth = buildCurves(truthP, lastArrival + 1, truthP.firstNight, lastArrival, 0, first.by);
  const actualOf = (key: string, night: number): number => {
    const k = truth.keys.indexOf(key);
    if (k < 0) return 0; // a segment with no bookings at all in the truth occupies nothing
    if (night > lastArrival || night < truth.first) return Number.NaN;
    return truth.data[k]![(night - truth.first) * truth.width]!;
  };
  const errs = methods.map(() => horizons.map(() => ({ a: [] as number[], f: [] as number[] })));
  let scaleSum = 0;
  let scaleN = 0;
  let used = 0;
  let skipped = 0;
  for (const D of origins) {
    const p = prepareRecords(historyAsOf(recs, fromEpochDay(D)));
    const engine = new Engine(p, D, H, first.by, {
      window: first.window,
      warmupDays: first.warmupDays,
      lookbackDays: FORECAST_OCCUPANCY_DEFAULTS.lookbackDays,
    });
    if (p.length === 0 || engine.historyDays() < FORECAST_OCCUPANCY_DEFAULTS.minHistoryDays) {
      skipped++;
      continue;
    }
    used++;
    for (let k = 0; k < engine.keys.length; k++) {
      const y = engine.finals(k);
      if (y.length > 7) {
        let s = 0;
        for (let t = 7; t < y.length; t++) s += Math.abs(y[t]! - y[t - 7]!);
        scaleSum += s / (y.length - 7);
        scaleN++;
      }
    }
    methods.forEach((m, mi) => {
      const nights = runOccupancy(engine, m, [], first.by);
      const leadIndex = new Map(horizons.map((h, i) => [h, i]));
      for (const n of nights) {
        const hi = leadIndex.get(n.lead);
        if (hi === undefined) continue;
        const actual = actualOf(n.segment ?? 'total', D + n.lead);
        if (Number.isNaN(actual)) continue;
        errs[mi]![hi]!.a.push(actual);
        errs[mi]![hi]!.f.push(n.mean);
      }
    });
  }
  const scale = scaleN > 0 ? scaleSum / scaleN : undefined;
  const results = methods.map((method, mi) => {
    const byLead: LeadAccuracy[] = [];
    const allA: number[] = [];
    const allF: number[] = [];
    horizons.forEach((lead, hi) => {
      const e = errs[mi]![hi]!;
      if (e.a.length === 0) return;
      byLead.push({ lead, ...forecastAccuracy(e.a, e.f, scale !== undefined ? { scale } : {}) });
      allA.push(...e.a);
      allF.push(...e.f);
    });
    return { method, overall: allA.length > 0 ? forecastAccuracy(allA, allF, scale !== undefined ? { scale } : {}) : null, byLead };
  });
  return { origins: used, skipped, results };
}
