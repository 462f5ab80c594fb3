import { array, fail, join, nonNegativeInteger, object } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { forecastAccuracy, type ForecastAccuracy } from './accuracy.js';
import { selectProperty } from '../history/selectProperty.js';
import { FORECAST_OCCUPANCY_DEFAULTS, occupancyEngine, readOccupancyOptions, runOccupancy, type OccupancyMethod } from './forecastOccupancy.js';
import type { CapacityInput } from './internal/capacity.js';
import { buildCurves } from './internal/curves.js';
import { prepareRecords } from './internal/records.js';

export interface BacktestOptions {
  readonly method: OccupancyMethod | readonly OccupancyMethod[];
  readonly asOfDates: readonly string[];
  readonly horizons: readonly number[];
  readonly by?: 'total' | 'segment';
  readonly property?: string;
  readonly mixProperties?: boolean;
  readonly window?: number;
  readonly capacity?: CapacityInput;
  readonly soldOutShare?: number;
  readonly unconstrain?: 'em' | 'projection-detruncation' | 'none';
  readonly details?: boolean;
}

export interface LeadAccuracy extends ForecastAccuracy {
  readonly lead: number;
  /** Share of actuals inside the 80 % prediction interval. */
  readonly coverage80: number;
  /** Share of actuals inside the 95 % prediction interval. */
  readonly coverage95: number;
}

/** One scored night (with `details: true`). */
export interface BacktestNight {
  readonly asOf: string;
  readonly date: string;
  readonly lead: number;
  readonly segment?: string;
  /** Occupancy forecast (mean). */
  readonly forecast: number;
  /** Unconstrained demand forecast (mean). */
  readonly demand: number;
  readonly actual: number;
  readonly capacity: number | null;
  readonly interval80: readonly [number, number];
  readonly interval95: readonly [number, number];
}

export interface BacktestResult {
  /** Origins evaluated. */
  readonly origins: number;
  /** Origins skipped for insufficient history. */
  readonly skipped: number;
  readonly results: readonly {
    readonly method: OccupancyMethod;
    readonly overall: (ForecastAccuracy & { readonly coverage80: number; readonly coverage95: number }) | null;
    readonly byLead: readonly LeadAccuracy[];
    readonly nights?: readonly BacktestNight[];
  }[];
}

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
 * @param options - also `by`, `property`, `mixProperties`, `window`, `capacity`, `soldOutShare`,
 *   `unconstrain`: as in `forecastOccupancy`; an estimated capacity is estimated again at each origin
 *   from the history before it (no hindsight)
 * @param options.details - also return every scored night (default false)
 * @returns `{ origins, results: [{ method, overall, byLead: [{ lead, …accuracy, coverage80, coverage95 }],
 *   nights? }] }` — coverage = share of actuals inside the forecast's 80 % / 95 % interval (bounds
 *   included); an origin with insufficient history is skipped (counted in `skipped`)
 * @example
 * // (not run: needs booking records, e.g. readHotelBookingsCsv of the hotel data set in data/hotel-bookings)
 * import { backtest } from 'yieldcraft/forecast';
 * const r = backtest(records, { method: ['advanced-pickup', 'naive-last-year'],
 *   asOfDates: ['2016-10-01', '2016-11-01'], horizons: [1, 7, 30], property: 'City Hotel' });
 * r.results[0].byLead[0].lead; // => 1
 */
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
  const base = methods.map((m) =>
    readOccupancyOptions(
      {
        asOf: dates[0],
        horizonDays: H,
        method: m,
        by: o.by,
        property: o.property,
        mixProperties: o.mixProperties,
        window: o.window,
        capacity: o.capacity,
        soldOutShare: o.soldOutShare,
        unconstrain: o.unconstrain,
      },
      'options',
    ),
  );
  if (o.details !== undefined && typeof o.details !== 'boolean') fail('options.details', 'must be true or false', 'invalid-type');
  const details = o.details === true;
  const first = base[0]!;
  const recs = selectProperty(records, first.property, { mix: first.mixProperties });
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
  const errs = methods.map(() => horizons.map(() => ({ a: [] as number[], f: [] as number[], in80: 0, in95: 0 })));
  const kept = methods.map(() => [] as BacktestNight[]);
  let scaleSum = 0;
  let scaleN = 0;
  let used = 0;
  let skipped = 0;
  for (const D of origins) {
    const { engine, known: p } = occupancyEngine(recs, first, D);
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
        const e = errs[mi]![hi]!;
        e.a.push(actual);
        e.f.push(n.mean);
        if (actual >= n.interval80[0] && actual <= n.interval80[1]) e.in80++;
        if (actual >= n.interval95[0] && actual <= n.interval95[1]) e.in95++;
        if (details)
          kept[mi]!.push({
            asOf: fromEpochDay(D),
            date: n.date,
            lead: n.lead,
            ...(n.segment !== undefined ? { segment: n.segment } : {}),
            forecast: n.mean,
            demand: n.demand.mean,
            actual,
            capacity: n.capacity,
            interval80: n.interval80,
            interval95: n.interval95,
          });
      }
    });
  }
  const scale = scaleN > 0 ? scaleSum / scaleN : undefined;
  const results = methods.map((method, mi) => {
    const byLead: LeadAccuracy[] = [];
    const allA: number[] = [];
    const allF: number[] = [];
    let in80 = 0;
    let in95 = 0;
    horizons.forEach((lead, hi) => {
      const e = errs[mi]![hi]!;
      if (e.a.length === 0) return;
      byLead.push({ lead, ...forecastAccuracy(e.a, e.f, scale !== undefined ? { scale } : {}), coverage80: e.in80 / e.a.length, coverage95: e.in95 / e.a.length });
      allA.push(...e.a);
      allF.push(...e.f);
      in80 += e.in80;
      in95 += e.in95;
    });
    return {
      method,
      overall:
        allA.length > 0
          ? { ...forecastAccuracy(allA, allF, scale !== undefined ? { scale } : {}), coverage80: in80 / allA.length, coverage95: in95 / allA.length }
          : null,
      byLead,
      ...(details ? { nights: kept[mi]! } : {}),
    };
  });
  return { origins: used, skipped, results };
}
