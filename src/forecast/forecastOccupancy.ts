/**
 * Forecasts the room-nights that will be occupied (by bookings that stay) on each of the next
 * `horizonDays` nights, for the hotel or by segment, from booking history as it was known on `asOf`:
 * the pickup methods on booking curves by day of week, Holt-Winters on the final counts of past nights,
 * their combination, or — with `method: 'auto'` — whichever did best, lead time by lead time, in a
 * backtest on the history before `asOf`.
 *
 * Reference: Weatherford & Kimes (2003), "A comparison of forecasting methods for hotel revenue
 * management", IJF 19: 401–415 (pickup, exponential smoothing and their combination on hotel arrivals;
 * the best method depends on the lead time); Talluri & van Ryzin (2004), §9.3 (forecasting from
 * booking data); Bates & Granger (1969), "The combination of forecasts", Oper. Res. Q. 20: 451–468
 * (inverse-variance weights for `pickup-holt-winters`).
 *
 * Definitions (dates are nights; D = `asOf`; lead L = night − D, 0 … horizonDays − 1):
 * - on the books: rooms of bookings made before D covering the night and not known (before D) to be
 *   cancelled or a no-show — what `history/`'s on-the-books reports as of D;
 * - final (what is forecast): rooms of bookings covering the night that were not cancelled and not
 *   no-shows (they stayed), known for nights before D;
 * - floor = on the books × show-up probability(segment, L) (see `cancellationRates`): the expected part
 *   of what is on the books that will stay. Every forecast is at least the floor: never below the
 *   bookings already held, net of expected cancellations and no-shows. (A forecast may be below the raw
 *   on-the-books: some of it will cancel.) `naive-on-the-books` returns the raw count.
 *
 * Methods: 'additive-pickup', 'multiplicative-pickup', 'advanced-pickup' (same weekday, the `window`
 * most recent usable nights); 'holt-winters' (damped trend, weekly season, yearly season when more than
 * a year of nights is known; fitted on the final counts before D, the first `warmupDays` nights of the
 * records dropped because stays that began before them are missing); 'pickup-holt-winters' (advanced
 * pickup and Holt-Winters weighted by inverse error variance); the baselines 'naive-on-the-books',
 * 'naive-last-year' (the same weekday 52 weeks earlier), 'naive-seasonal' (the latest same weekday with
 * a final count); and 'auto'. Where a method cannot forecast a night (no comparable history), the night
 * falls back to Holt-Winters, then to the floor, and says so in its `method` field.
 *
 * No future information: the records go through `historyAsOf(records, D)` first, so only bookings made
 * before D and cancellations, no-shows and stays known before D are used (and the kernels themselves
 * read nothing dated D or later).
 *
 * @param records - booking records (`BookingRecord`); several properties mix unless `property` is given
 * @param options.asOf - ISO date D
 * @param options.horizonDays - nights to forecast from D on, 1 … 730
 * @param options.method - default 'auto'
 * @param options.by - 'total' (default) or 'segment'
 * @param options.property - only records of this property
 * @param options.window - pickup window in same-weekday nights (default 8)
 * @param options.events - calendar events (`CalendarEvent[]`) applied above the floor
 * @param options.holtWinters - options passed to `holtWinters` (period, trend, …)
 * @returns `{ status, asOf, method, nights }`; status 'insufficient-history' (and no nights) when fewer
 *   than `minHistoryDays` (28) nights before D are known. Each night: `{ date, segment?, lead,
 *   onTheBooks, mean, sd, floor, method, events? }` (rooms).
 * @example
 * import { forecastOccupancy, readHotelBookingsCsv } from 'yieldcraft';
 * const { records } = readHotelBookingsCsv(csvText);
 * const f = forecastOccupancy(records, { asOf: '2017-03-01', horizonDays: 30, property: 'City Hotel' });
 * f.status;                 // => 'ok'
 * f.nights[0].mean >= f.nights[0].floor; // => true
 */
import { fail, object, positiveInteger, nonNegativeInteger } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { adjustForEvents, readCalendarEvents, type CalendarEvent } from './calendarEvents.js';
import type { HoltWintersOptions } from './holtWinters.js';
import { prepareRecords } from './internal/records.js';
import {
  AUTO_CANDIDATES,
  Engine,
  OCCUPANCY_METHODS,
  bucketIndex,
  chooseMethods,
  type FixedOccupancyMethod,
  type NightForecast,
} from './internal/engine.js';

export { OCCUPANCY_METHODS };
export type OccupancyMethod = 'auto' | FixedOccupancyMethod;

export const FORECAST_OCCUPANCY_DEFAULTS = {
  method: 'auto',
  by: 'total',
  window: 8,
  warmupDays: 14,
  minHistoryDays: 28,
  lookbackDays: 365,
  autoOrigins: 8,
} as const;

export interface ForecastOccupancyOptions {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly method?: OccupancyMethod;
  readonly by?: 'total' | 'segment';
  readonly property?: string;
  readonly window?: number;
  readonly warmupDays?: number;
  readonly events?: readonly CalendarEvent[];
  readonly holtWinters?: HoltWintersOptions;
}

export interface OccupancyNight {
  readonly date: string;
  readonly segment?: string;
  readonly lead: number;
  readonly onTheBooks: number;
  /** Expected occupied rooms. */
  readonly mean: number;
  readonly sd: number;
  /** onTheBooks × show-up probability: the forecast never goes below it. */
  readonly floor: number;
  /** The method that produced this night (after any fallback). */
  readonly method: FixedOccupancyMethod;
  /** Calendar events applied. */
  readonly events?: readonly string[];
}

export interface OccupancyForecast {
  readonly status: 'ok' | 'insufficient-history';
  readonly asOf: string;
  readonly method: OccupancyMethod;
  readonly nights: readonly OccupancyNight[];
}

/** Validated options. @internal */
export interface ReadOccupancyOptions {
  asOf: number;
  horizon: number;
  method: OccupancyMethod;
  by: 'total' | 'segment';
  property: string | undefined;
  window: number;
  warmupDays: number;
  events: ReturnType<typeof readCalendarEvents>;
  holtWinters: HoltWintersOptions | undefined;
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
  const window = o.window === undefined ? FORECAST_OCCUPANCY_DEFAULTS.window : positiveInteger(o.window, `${path}.window`);
  const warmupDays = o.warmupDays === undefined ? FORECAST_OCCUPANCY_DEFAULTS.warmupDays : nonNegativeInteger(o.warmupDays, `${path}.warmupDays`);
  const events = o.events === undefined ? [] : readCalendarEvents(o.events, `${path}.events`);
  if (o.holtWinters !== undefined) object(o.holtWinters, `${path}.holtWinters`);
  return {
    asOf,
    horizon,
    method,
    by,
    property: o.property as string | undefined,
    window,
    warmupDays,
    events,
    holtWinters: o.holtWinters as HoltWintersOptions | undefined,
  };
}

/** Forecasts every key and night with an engine (shared with backtest). @internal */
export function runOccupancy(engine: Engine, method: OccupancyMethod, events: ReadOccupancyOptions['events'], by: 'total' | 'segment'): OccupancyNight[] {
  const D = engine.asOf;
  const chosen = method === 'auto' ? chooseMethods(engine, FORECAST_OCCUPANCY_DEFAULTS.autoOrigins, AUTO_CANDIDATES) : null;
  const nights: OccupancyNight[] = [];
  for (let k = 0; k < engine.keys.length; k++) {
    for (let L = 0; L < engine.horizon; L++) {
      const m = chosen ? chosen[k]![bucketIndex(L)]! : (method as FixedOccupancyMethod);
      let f: NightForecast | null = engine.forecast(k, m, D, L);
      if (!f) f = engine.forecast(k, 'holt-winters', D, L);
      if (!f) {
        const otb = engine.forecast(k, 'naive-on-the-books', D, L)!;
        f = { ...otb, mean: otb.floor, method: 'naive-on-the-books' };
      }
      const date = fromEpochDay(D + L);
      const segment = by === 'segment' ? engine.keys[k]! : undefined;
      let { mean, sd } = f;
      let applied: string[] | undefined;
      if (events.length > 0) {
        const adj = adjustForEvents(events, D + L, segment, mean, sd, f.floor);
        mean = Math.max(adj.mean, f.method === 'naive-on-the-books' ? 0 : f.floor);
        sd = adj.sd;
        applied = adj.names;
      }
      nights.push({
        date,
        ...(segment !== undefined ? { segment } : {}),
        lead: L,
        onTheBooks: f.onTheBooks,
        mean,
        sd,
        floor: f.floor,
        method: f.method,
        ...(applied ? { events: applied } : {}),
      });
    }
  }
  return nights;
}

/** The records of one property (all when `property` is undefined), without validating them. @internal */
export function byProperty(records: readonly BookingRecord[], property: string | undefined): readonly BookingRecord[] {
  if (property === undefined) return records;
  if (!Array.isArray(records)) fail('records', `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  return records.filter((r) => typeof r === 'object' && r !== null && r.property === property);
}

export function forecastOccupancy(records: readonly BookingRecord[], options: ForecastOccupancyOptions): OccupancyForecast {
  const o = readOccupancyOptions(options);
  const asOf = fromEpochDay(o.asOf);
  const p = prepareRecords(historyAsOf(byProperty(records, o.property), asOf));
  const engine = new Engine(p, o.asOf, o.horizon, o.by, {
    window: o.window,
    warmupDays: o.warmupDays,
    lookbackDays: FORECAST_OCCUPANCY_DEFAULTS.lookbackDays,
    holtWinters: o.holtWinters,
  });
  if (p.length === 0 || engine.historyDays() < FORECAST_OCCUPANCY_DEFAULTS.minHistoryDays)
    return { status: 'insufficient-history', asOf, method: o.method, nights: [] };
  return { status: 'ok', asOf, method: o.method, nights: runOccupancy(engine, o.method, o.events, o.by) };
}
