import { fail, object, positiveInteger, nonNegativeInteger, probability } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { selectProperty } from '../history/selectProperty.js';
import { adjustForEvents, readCalendarEvents, type CalendarEvent } from './calendarEvents.js';
import type { HoltWintersOptions } from './holtWinters.js';
import { prepareRecords, staleDays } from './internal/records.js';
import { cappedNormal, resolveCapacity, type CapacityInput, type CapacityUsed, type ResolvedCapacity } from './internal/capacity.js';
import { normQuantile } from './internal/normal.js';
import {
  AUTO_CANDIDATES,
  AUTO_DEFAULT,
  Engine,
  OCCUPANCY_METHODS,
  bucketIndex,
  combineMethods,
  type Combination,
  type FixedOccupancyMethod,
  type NightForecast,
} from './internal/engine.js';

export { OCCUPANCY_METHODS, AUTO_CANDIDATES };
export type { CapacityInput, CapacityUsed };
export type OccupancyMethod = 'auto' | FixedOccupancyMethod;

export const FORECAST_OCCUPANCY_DEFAULTS = {
  method: 'auto',
  by: 'total',
  window: 8,
  warmupDays: 14,
  minHistoryDays: 28,
  lookbackDays: 365,
  autoOrigins: 8,
  capacity: 'estimate',
  soldOutShare: 0.95,
  unconstrain: 'em',
  maxStaleDays: 7,
  mixProperties: false,
} as const;

export interface ForecastOccupancyOptions {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly method?: OccupancyMethod;
  readonly by?: 'total' | 'segment';
  readonly property?: string;
  /** Pool the records of several properties without naming one (default false: an error). */
  readonly mixProperties?: boolean;
  readonly window?: number;
  readonly warmupDays?: number;
  readonly events?: readonly CalendarEvent[];
  readonly holtWinters?: HoltWintersOptions;
  /** Rooms (per property), with rooms out of order by night; 'estimate' (default) or 'none'. */
  readonly capacity?: CapacityInput;
  /** A past night with occupied ≥ soldOutShare × capacity is sold out: its demand censored (default 0.95). */
  readonly soldOutShare?: number;
  /** How sold-out nights are unconstrained: 'em' (default), 'projection-detruncation' or 'none'. */
  readonly unconstrain?: 'em' | 'projection-detruncation' | 'none';
  /** Most days without any new booking or cancellation before the as-of date still taken as current (default 7). */
  readonly maxStaleDays?: number;
}

/** How a night's forecast was made: one method, or `auto`'s combination. */
export type OccupancyNightMethod = FixedOccupancyMethod | 'combination';

export interface OccupancyNight {
  readonly date: string;
  readonly segment?: string;
  readonly lead: number;
  readonly onTheBooks: number;
  /** Expected occupied rooms: E[min(demand, capacity)] (the segment's share of it with `by: 'segment'`). */
  readonly mean: number;
  /** sd of occupied rooms. */
  readonly sd: number;
  /** onTheBooks × show-up probability: demand never goes below it. */
  readonly floor: number;
  /** Unconstrained demand (rooms that would stay with rooms to spare): mean ≥ occupancy mean. */
  readonly demand: { readonly mean: number; readonly sd: number };
  /** Rooms that night (capacity less rooms out of order); null without capacity. */
  readonly capacity: number | null;
  /** Central 80 % and 95 % prediction intervals of occupied rooms. */
  readonly interval80: readonly [number, number];
  readonly interval95: readonly [number, number];
  /** The method that produced this night (after any fallback), or 'combination' (`auto`). */
  readonly method: OccupancyNightMethod;
  /** With method 'combination': the weight of each candidate. */
  readonly weights?: Readonly<Partial<Record<FixedOccupancyMethod, number>>>;
  /** Calendar events applied. */
  readonly events?: readonly string[];
}

export interface OccupancyForecast {
  readonly status: 'ok' | 'insufficient-history' | 'stale-history';
  readonly asOf: string;
  readonly method: OccupancyMethod;
  readonly nights: readonly OccupancyNight[];
  /** The capacity used and how it was found. */
  readonly capacity: CapacityUsed;
  /** Days from the last booking or cancellation on record to the day before asOf (status 'stale-history' when > maxStaleDays). */
  readonly staleDays: number | null;
  /** The last day on which the history records a booking or a cancellation (ISO); null when empty. */
  readonly historyEnds: string | null;
  /** Key × night finals of sold-out past nights replaced by their unconstrained value. */
  readonly unconstrainedNights: number;
}

/** Validated options. @internal */
export interface ReadOccupancyOptions {
  asOf: number;
  horizon: number;
  method: OccupancyMethod;
  by: 'total' | 'segment';
  property: string | undefined;
  mixProperties: boolean;
  window: number;
  warmupDays: number;
  events: ReturnType<typeof readCalendarEvents>;
  holtWinters: HoltWintersOptions | undefined;
  capacity: unknown;
  soldOutShare: number;
  unconstrain: 'em' | 'projection-detruncation' | 'none';
  maxStaleDays: number;
}

export function readOccupancyOptions(options: unknown, path = 'options'): ReadOccupancyOptions {
  const o = object(options, path);
  const asOf = parseEpochDay(o.asOf);
  if (Number.isNaN(asOf)) fail(`${path}.asOf`, `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const horizon = positiveInteger(o.horizonDays, `${path}.horizonDays`);
  if (horizon > 730) fail(`${path}.horizonDays`, `must be at most 730, got ${horizon}`);
  const method = (o.method ?? FORECAST_OCCUPANCY_DEFAULTS.method) as OccupancyMethod;
  if (method !== 'auto' && !(OCCUPANCY_METHODS as readonly string[]).includes(method))
    fail(`${path}.method`, `must be 'auto' or one of ${OCCUPANCY_METHODS.join(', ')}, got ${JSON.stringify(method)}`);
  const by = o.by ?? FORECAST_OCCUPANCY_DEFAULTS.by;
  if (by !== 'total' && by !== 'segment') fail(`${path}.by`, `must be 'total' or 'segment', got ${JSON.stringify(by)}`);
  if (o.property !== undefined && typeof o.property !== 'string') fail(`${path}.property`, 'must be a string', 'invalid-type');
  if (o.mixProperties !== undefined && typeof o.mixProperties !== 'boolean') fail(`${path}.mixProperties`, 'must be true or false', 'invalid-type');
  const window = o.window === undefined ? FORECAST_OCCUPANCY_DEFAULTS.window : positiveInteger(o.window, `${path}.window`);
  const warmupDays = o.warmupDays === undefined ? FORECAST_OCCUPANCY_DEFAULTS.warmupDays : nonNegativeInteger(o.warmupDays, `${path}.warmupDays`);
  const events = o.events === undefined ? [] : readCalendarEvents(o.events, `${path}.events`);
  if (o.holtWinters !== undefined) object(o.holtWinters, `${path}.holtWinters`);
  const soldOutShare = o.soldOutShare === undefined ? FORECAST_OCCUPANCY_DEFAULTS.soldOutShare : probability(o.soldOutShare, `${path}.soldOutShare`);
  if (!(soldOutShare > 0)) fail(`${path}.soldOutShare`, 'must be above 0');
  const unconstrain = o.unconstrain ?? FORECAST_OCCUPANCY_DEFAULTS.unconstrain;
  if (unconstrain !== 'em' && unconstrain !== 'projection-detruncation' && unconstrain !== 'none')
    fail(`${path}.unconstrain`, `must be 'em', 'projection-detruncation' or 'none', got ${JSON.stringify(unconstrain)}`);
  const maxStaleDays = o.maxStaleDays === undefined ? FORECAST_OCCUPANCY_DEFAULTS.maxStaleDays : nonNegativeInteger(o.maxStaleDays, `${path}.maxStaleDays`);
  return {
    asOf,
    horizon,
    method,
    by,
    property: o.property as string | undefined,
    mixProperties: o.mixProperties === true,
    window,
    warmupDays,
    events,
    holtWinters: o.holtWinters as HoltWintersOptions | undefined,
    capacity: o.capacity,
    soldOutShare,
    unconstrain,
    maxStaleDays,
  };
}

const Z80 = -normQuantile(0.1);
const Z95 = -normQuantile(0.025);

function demandOf(engine: Engine, k: number, method: OccupancyMethod, combos: Combination[][] | null, D: number, L: number): NightForecast & { weights?: Float64Array } {
  if (combos) {
    const c = combos[k]![bucketIndex(L)]!;
    if (c.points > 0) {
      let s = 0;
      let ws = 0;
      let floor = 0;
      let otb = 0;
      let sdModel = 0;
      const used = new Float64Array(AUTO_CANDIDATES.length);
      AUTO_CANDIDATES.forEach((m, i) => {
        if (c.weights[i] === 0) return;
        const f = engine.forecast(k, m, D, L);
        if (!f) return;
        s += c.weights[i]! * f.mean;
        ws += c.weights[i]!;
        sdModel += c.weights[i]! * f.sd;
        used[i] = c.weights[i]!;
        floor = f.floor;
        otb = f.onTheBooks;
      });
      if (ws > 0) {
        for (let i = 0; i < used.length; i++) used[i] = used[i]! / ws;
        const sd = Number.isFinite(c.rmse) ? c.rmse : sdModel / ws;
        return { mean: Math.max(floor, s / ws), sd, onTheBooks: otb, floor, method: AUTO_DEFAULT, weights: used };
      }
    }
  }
  const m = method === 'auto' ? AUTO_DEFAULT : method;
  let f: NightForecast | null = engine.forecast(k, m, D, L);
  if (!f) f = engine.forecast(k, 'holt-winters', D, L);
  if (!f) {
    const otb = engine.forecast(k, 'naive-on-the-books', D, L)!;
    f = { ...otb, mean: otb.floor, method: 'naive-on-the-books' };
  }
  return f;
}

/** Forecasts every key and night with an engine (shared with backtest). @internal */
export function runOccupancy(engine: Engine, method: OccupancyMethod, events: ReadOccupancyOptions['events'], by: 'total' | 'segment'): OccupancyNight[] {
  const D = engine.asOf;
  const K = engine.keys.length;
  const combos = method === 'auto' ? combineMethods(engine, FORECAST_OCCUPANCY_DEFAULTS.autoOrigins, AUTO_CANDIDATES) : null;
  const out: OccupancyNight[][] = Array.from({ length: K }, () => []);
  const dem = new Array<ReturnType<typeof demandOf>>(K);
  const mus = new Float64Array(K);
  const sds = new Float64Array(K);
  const applied: (string[] | undefined)[] = new Array(K);
  for (let L = 0; L < engine.horizon; L++) {
    const n = D + L;
    const date = fromEpochDay(n);
    let muT = 0;
    let varT = 0;
    for (let k = 0; k < K; k++) {
      const f = demandOf(engine, k, method, combos, D, L);
      dem[k] = f;
      let { mean, sd } = f;
      applied[k] = undefined;
      if (events.length > 0) {
        const segment = by === 'segment' ? engine.keys[k]! : undefined;
        const adj = adjustForEvents(events, n, segment, mean, sd, f.floor);
        mean = Math.max(adj.mean, f.method === 'naive-on-the-books' ? 0 : f.floor);
        sd = adj.sd;
        applied[k] = adj.names;
      }
      mus[k] = mean;
      sds[k] = sd;
      muT += mean;
      varT += sd * sd;
    }
    const cap = engine.capAt(n);
    const ceff = engine.effectiveCap(n);
    const sdT = Math.sqrt(varT);
    const occT = cappedNormal(muT, sdT, ceff);
    // (the normal law puts some mass below 0 rooms: E[min(D, C)] can dip below 0 when σ is large next to
    // μ and C; occupancy is never negative)
    const ratio = muT > 0 ? Math.max(0, Math.min(1, occT.mean / muT)) : 1;
    const sdRatio = sdT > 0 ? Math.min(1, occT.sd / sdT) : 1;
    for (let k = 0; k < K; k++) {
      const f = dem[k]!;
      const mu = mus[k]!;
      const sd = sds[k]!;
      const mean = mu * ratio;
      const interval = (z: number): [number, number] => {
        let lo = Math.max(0, mu - z * sd);
        let hi = Math.min(mu + z * sd, cap);
        lo = K === 1 ? Math.min(lo, ceff) : lo * ratio;
        if (lo > mean) lo = mean;
        if (hi < mean) hi = mean;
        return [lo, hi];
      };
      const w = f.weights;
      out[k]!.push({
        date,
        ...(by === 'segment' ? { segment: engine.keys[k]! } : {}),
        lead: L,
        onTheBooks: f.onTheBooks,
        mean,
        sd: sd * sdRatio,
        floor: f.floor,
        demand: { mean: mu, sd },
        capacity: cap === Infinity ? null : cap,
        interval80: interval(Z80),
        interval95: interval(Z95),
        method: w ? 'combination' : f.method,
        ...(w ? { weights: Object.fromEntries(AUTO_CANDIDATES.flatMap((m, i) => (w[i]! > 0 ? [[m, w[i]!]] : []))) } : {}),
        ...(applied[k] ? { events: applied[k] } : {}),
      });
    }
  }
  return out.flat();
}

/** The records of one property (all when `property` is undefined), without validating them. @internal */
export function byProperty(records: readonly BookingRecord[], property: string | undefined): readonly BookingRecord[] {
  if (property === undefined) return records;
  if (!Array.isArray(records)) fail('records', `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  return records.filter((r) => typeof r === 'object' && r !== null && r.property === property);
}

/** An engine as of the options' date, with its capacity resolved (shared with backtest). @internal */
export function occupancyEngine(
  recs: readonly BookingRecord[],
  o: ReadOccupancyOptions,
  asOfDay: number,
): { engine: Engine; capacity: ResolvedCapacity; known: ReturnType<typeof prepareRecords> } {
  const known = historyAsOf(recs, fromEpochDay(asOfDay));
  const p = prepareRecords(known);
  const capacity = resolveCapacity(o.capacity, p, asOfDay);
  const engine = new Engine(p, asOfDay, o.horizon, o.by, {
    window: o.window,
    warmupDays: o.warmupDays,
    lookbackDays: FORECAST_OCCUPANCY_DEFAULTS.lookbackDays,
    holtWinters: o.holtWinters,
    capacity,
    soldOutShare: o.soldOutShare,
    unconstrain: o.unconstrain,
  });
  return { engine, capacity, known: p };
}

/** What a forecast says about its capacity. @internal */
export function capacityUsed(c: ResolvedCapacity, engine: Engine, soldOutShare: number): CapacityUsed {
  return {
    source: c.source,
    rooms: c.rooms,
    ...(c.estimate ? { estimate: c.estimate } : {}),
    outOfOrderNights: c.outOfOrder.size,
    soldOutShare,
    soldOutFill: engine.soldOutFill,
    soldOutNights: engine.soldOutNights,
  };
}

/**
 * Forecasts, for each of the next `horizonDays` nights, for the hotel or by segment, from booking history
 * as it was known on `asOf`: the unconstrained **demand** (rooms that would be occupied by stays with rooms
 * to spare) and the **occupancy** (what will stay, never above capacity) — by the pickup methods on
 * booking curves by day of week, Holt-Winters on the final counts of past nights, the same night last
 * year, or — with `method: 'auto'` — a combination of them weighted by their inverse mean squared error,
 * lead time by lead time, in a backtest on the history before `asOf`.
 *
 * Reference: Weatherford & Kimes (2003), "A comparison of forecasting methods for hotel revenue
 * management", IJF 19: 401–415 (pickup, exponential smoothing and their combination on hotel arrivals;
 * the best method depends on the lead time); Talluri & van Ryzin (2004), §9.3 (forecasting from
 * booking data), §9.4.2 (censored demand and unconstraining); Bates & Granger (1969), "The combination
 * of forecasts", Oper. Res. Q. 20: 451–468 (inverse-variance weights); McGill (1995) and Weatherford &
 * Pölt (2002) (EM unconstraining); Johnson, Kotz & Balakrishnan (1994), §10.1 (moments of the
 * truncated normal: E[min(D, C)]).
 *
 * Definitions (dates are nights; D = `asOf`; lead L = night − D, 0 … horizonDays − 1):
 * - on the books: rooms of bookings made before D covering the night and not known (before D) to be
 *   cancelled or a no-show — what `history/`'s on-the-books reports as of D;
 * - final: rooms of bookings covering the night that were not cancelled and not no-shows (they
 *   stayed), known for nights before D; a past night with final ≥ `soldOutShare` × capacity was sold
 *   out, so its final is only a lower bound of demand: it is unconstrained (EM over the same weekday
 *   ±8 weeks) before any method reads it;
 * - demand (`night.demand`): the method's forecast of the final, from the unconstrained history, at
 *   least the floor = on the books × show-up probability(segment, L) (see `cancellationRates`);
 * - occupancy (`night.mean`, `sd`, `interval80`, `interval95`): E[min(D_total, C)] with D_total normal
 *   (the segments' demands summed, taken as independent) and C the effective capacity = capacity ×
 *   `soldOutFill` (the mean fill of the last year's sold-out nights), shared among segments in
 *   proportion to their demand. So the segments' occupancy sums to at most the capacity on every night.
 *
 * Capacity (`options.capacity`): a number of rooms; `{ rooms, outOfOrder: { date: rooms } }`; 'estimate'
 * (default: `estimateCapacity`, the most rooms occupied on any night before D); or 'none' (occupancy =
 * demand, nothing censored). The result's `capacity` says which, and how it was found.
 *
 * Methods: 'additive-pickup', 'multiplicative-pickup', 'advanced-pickup' (same weekday, the `window`
 * most recent usable nights); 'holt-winters' (damped trend, weekly season, yearly season when more than
 * two years of nights are known); 'pickup-holt-winters' (advanced pickup and Holt-Winters weighted by
 * inverse error variance); the baselines 'naive-on-the-books', 'naive-last-year' (the same weekday 52
 * weeks earlier), 'naive-seasonal' (the latest same weekday with a final count); and 'auto' (see
 * docs/forecast.md: candidates `AUTO_CANDIDATES`, weights by `combinationWeights` on an inner backtest,
 * sd = the combination's inner RMSE). Where a method cannot forecast a night (no comparable history),
 * the night falls back to Holt-Winters, then to the floor, and says so in its `method` field.
 *
 * No future information: the records go through `historyAsOf(records, D)` first, so only bookings made
 * before D and cancellations, no-shows and stays known before D are used — the capacity estimate too.
 *
 * @param records - booking records (`BookingRecord`) of one property, or name it with `property`
 * @param options.asOf - ISO date D
 * @param options.horizonDays - nights to forecast from D on, 1 … 730
 * @param options.method - default 'auto'
 * @param options.by - 'total' (default) or 'segment'
 * @param options.property - only records of this property (a `YieldInputError` listing the properties
 *   present when it matches none; records of several properties without it are an error unless
 *   `mixProperties: true`)
 * @param options.capacity - see above (default 'estimate'); options.soldOutShare (0.95);
 *   options.unconstrain ('em' | 'projection-detruncation' | 'none', default 'em')
 * @param options.window - pickup window in same-weekday nights (default 8)
 * @param options.events - calendar events (`CalendarEvent[]`) applied to demand above the floor
 * @param options.holtWinters - options passed to `holtWinters` (period, trend, …)
 * @param options.maxStaleDays - default 7 (see status)
 * @returns `{ status, asOf, method, nights, capacity, staleDays, historyEnds, unconstrainedNights }`;
 *   status 'insufficient-history' (no nights) when fewer than `minHistoryDays` (28) nights before D are
 *   known; 'stale-history' (no nights) when nothing was booked or cancelled in the `maxStaleDays` days
 *   before D (`staleDays` = days from the last such day, `historyEnds`, to D − 1). Each night: `{ date,
 *   segment?, lead, onTheBooks, mean, sd, floor, demand: { mean, sd }, capacity, interval80,
 *   interval95, method, weights?, events? }` (rooms).
 * @example
 * // (not run: needs the text of the hotel data set's CSV file, data/hotel-bookings)
 * import { forecastOccupancy, readHotelBookingsCsv } from 'yieldcraft';
 * const { records } = readHotelBookingsCsv(csvText);
 * const f = forecastOccupancy(records, { asOf: '2016-06-01', horizonDays: 90, property: 'Resort Hotel' });
 * f.status;                                   // => 'ok'
 * f.capacity.rooms;                           // => 187  (estimated: the most rooms occupied before 1 June 2016)
 * f.nights.every((n) => n.mean <= 187);       // => true
 * f.nights[60].demand.mean >= f.nights[60].mean; // => true
 */
export function forecastOccupancy(records: readonly BookingRecord[], options: ForecastOccupancyOptions): OccupancyForecast {
  const o = readOccupancyOptions(options);
  const asOf = fromEpochDay(o.asOf);
  const recs = selectProperty(records, o.property, { mix: o.mixProperties });
  const { engine, capacity, known } = occupancyEngine(recs, o, o.asOf);
  const stale = staleDays(known, o.asOf);
  const base = {
    asOf,
    method: o.method,
    capacity: capacityUsed(capacity, engine, o.soldOutShare),
    staleDays: Number.isNaN(stale.days) ? null : stale.days,
    historyEnds: Number.isNaN(stale.last) ? null : fromEpochDay(stale.last),
    unconstrainedNights: engine.unconstrainedCount,
  };
  if (known.length === 0 || engine.historyDays() < FORECAST_OCCUPANCY_DEFAULTS.minHistoryDays)
    return { status: 'insufficient-history', ...base, nights: [] };
  if (stale.days > o.maxStaleDays) return { status: 'stale-history', ...base, nights: [] };
  return { status: 'ok', ...base, nights: runOccupancy(engine, o.method, o.events, o.by) };
}
