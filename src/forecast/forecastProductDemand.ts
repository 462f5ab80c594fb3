import { fail, object, positiveInteger, nonNegativeInteger, probability } from '../internal/validate.js';
import type { Demand } from '../model/demand.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { selectProperty } from '../history/selectProperty.js';
import { readCalendarEvents, type CalendarEvent } from './calendarEvents.js';
import { emUnconstrain } from './emUnconstrain.js';
import { projectionDetruncation } from './projectionDetruncation.js';
import { resolveCapacity, type CapacityInput, type CapacityUsed } from './internal/capacity.js';
import { CANCELLED, NO_SHOW, prepareRecords, staleDays } from './internal/records.js';

export const FORECAST_PRODUCT_DEMAND_DEFAULTS = {
  maxNights: 7,
  window: 8,
  basis: 'gross',
  capacity: 'estimate',
  soldOutShare: 0.95,
  unconstrain: 'em',
  maxStaleDays: 7,
  mixProperties: false,
} as const;

export interface ForecastProductDemandOptions {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly maxNights?: number;
  readonly window?: number;
  readonly property?: string;
  readonly mixProperties?: boolean;
  /** 'gross' (default): bookings made, cancellations and no-shows not netted; 'net': rooms that will stay. */
  readonly basis?: 'gross' | 'net';
  readonly capacity?: CapacityInput;
  readonly soldOutShare?: number;
  readonly unconstrain?: 'em' | 'projection-detruncation' | 'none';
  readonly events?: readonly CalendarEvent[];
  readonly maxStaleDays?: number;
}

export interface ProductDemand {
  readonly arrivalDate: string;
  readonly segment: string;
  /** Length of stay (nights); `maxNights` stands for "maxNights or more". */
  readonly nights: number;
  /** Unconstrained demand to come (on the result's `basis`). */
  readonly demand: Demand;
  /** Comparable nights the estimate rests on. */
  readonly samples: number;
  /** Of those, nights that were sold out (their bookings a lower bound of demand). */
  readonly censoredSamples: number;
  /** Share of such bookings later cancelled (segment, lead ≤ L; all stay lengths pooled). */
  readonly cancellationRate: number;
  /** Share of such bookings that did not show. */
  readonly noShowRate: number;
  /** Calendar events applied. */
  readonly events?: readonly string[];
}

export interface ProductDemandForecast {
  readonly status: 'ok' | 'insufficient-history' | 'stale-history';
  readonly asOf: string;
  /** What `demand` counts: 'gross' (bookings made) or 'net' (bookings that will stay). */
  readonly basis: 'gross' | 'net';
  readonly products: readonly ProductDemand[];
  /** Capacity used to find the sold-out (censored) comparable nights, and how it was found. */
  readonly capacity: CapacityUsed;
  readonly staleDays: number | null;
  readonly historyEnds: string | null;
}

/**
 * Unconstrained demand still to come, by arrival night × segment × length of stay, as the `Demand`
 * objects that the network models of `optimize/` and the hotel booking simulator take (a product is a
 * stay of some nights starting on a night, sold to a segment), with the cancellation and no-show rates
 * of those bookings stated beside it.
 *
 * Reference: Talluri & van Ryzin (2004), §3.1 and §9.2 (product-level — origin-destination-fare, here
 * arrival-night × length-of-stay × segment — forecasts for network revenue management), §9.4.2
 * (unconstraining: sold-out nights record only a lower bound of demand); Weatherford & Kimes (2003)
 * (forecasting hotel arrivals by length of stay and day of week); McGill (1995) and Weatherford & Pölt
 * (2002) (EM unconstraining, `emUnconstrain`).
 *
 * For an arrival night a = D + L (D = `asOf`) the demand to come is the rooms of bookings that will be
 * made from D on (lead time ≤ L) for that arrival, segment and stay length (stays longer than
 * `maxNights` count as `maxNights`). It is estimated from the `window` most recent comparable arrival
 * nights — the same weekday, arrived before D, so that all their bookings are known: x_j = rooms booked
 * with lead ≤ L.
 *
 * Unconstrained: a comparable night that was sold out (rooms occupied ≥ `soldOutShare` × capacity; the
 * capacity given, or estimated as in `forecastOccupancy`) turned requests away, so its x_j is only a
 * lower bound of demand (censored). When some comparable nights are censored, mean and variance come
 * from `emUnconstrain` (censored-normal MLE) over the x_j — or `projectionDetruncation` — instead of the
 * sample moments; when the EM is not identifiable (every night censored, or no spread), the sample
 * moments stay (a lower bound) and `censoredSamples` says so.
 *
 * Netting, stated: with `basis: 'gross'` (the default) `demand` counts bookings made, whatever became of
 * them — cancellations and no-shows are NOT netted, and each product carries `cancellationRate` and
 * `noShowRate` (room-weighted shares of the comparable nights' bookings with lead ≤ L of that segment,
 * all stay lengths pooled, that were later cancelled / did not show) for a simulator or an overbooking
 * model to apply. With `basis: 'net'` `demand` is thinned by the show rate q = 1 − cancellationRate −
 * noShowRate (mean q·m, variance q²·v + q(1 − q)·m: binomial thinning), i.e. rooms that will stay.
 *
 * Distribution: with mean m and variance v (sample moments with divisor N − 1, or the EM's),
 * `{ kind: 'negative-binomial', mean: m, variance: v }` when v > m (overdispersed, as hotel demand
 * usually is), else `{ kind: 'normal', mean: m, sd: √v }`. Products whose mean is 0 are left out.
 * Calendar events (`events`, as in `forecastOccupancy`) act on arrival nights: a multiplicative factor k
 * scales a product's mean by k (variance by k²); an additive r rooms is shared among the night's
 * products of the segments named, in proportion to their means.
 *
 * @param records - booking records; they go through `historyAsOf(records, asOf)` first
 * @param options.asOf - ISO date D
 * @param options.horizonDays - arrival nights D … D + horizonDays − 1 (≤ 730)
 * @param options.maxNights - longest stay length kept apart (default 7)
 * @param options.window - comparable nights per estimate (default 8)
 * @param options.property - only records of this property (a `YieldInputError` listing the properties
 *   present when it matches none; several properties without `property` are an error unless
 *   `mixProperties: true`)
 * @param options.basis - 'gross' (default) or 'net' (see above)
 * @param options.capacity - rooms, `{ rooms, outOfOrder }`, 'estimate' (default) or 'none'
 * @param options.soldOutShare - default 0.95; options.unconstrain - 'em' (default), 'projection-detruncation', 'none'
 * @param options.events - calendar events / shocks
 * @param options.maxStaleDays - default 7 (see status)
 * @returns `{ status, asOf, basis, products: [{ arrivalDate, segment, nights, demand, samples,
 *   censoredSamples, cancellationRate, noShowRate, events? }], capacity, staleDays, historyEnds }`;
 *   status 'insufficient-history' (no products) when, for some arrival night, the known history covers
 *   fewer than `window` comparable same-weekday nights (nights before the first stay on record are
 *   missing data, not zero demand); 'stale-history' (no products) when nothing was booked or cancelled
 *   in the `maxStaleDays` days before D (`staleDays` says how many)
 * @example
 * // (not run: needs booking records, e.g. readHotelBookingsCsv of the hotel data set in data/hotel-bookings)
 * import { forecastProductDemand } from 'yieldcraft/forecast';
 * const d = forecastProductDemand(records, { asOf: '2017-03-01', horizonDays: 14, property: 'City Hotel' });
 * d.basis;       // => 'gross'
 * d.products[0]; // => { arrivalDate: '2017-03-01', segment: 'Corporate', nights: 1, demand: { kind: 'normal', … }, samples: 8, censoredSamples: 0, cancellationRate: 0.1…, noShowRate: 0, … }
 */
export function forecastProductDemand(records: readonly BookingRecord[], options: ForecastProductDemandOptions): ProductDemandForecast {
  const o = object(options, 'options');
  const D = parseEpochDay(o.asOf);
  if (Number.isNaN(D)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const H = positiveInteger(o.horizonDays, 'options.horizonDays');
  if (H > 730) fail('options.horizonDays', `must be at most 730, got ${H}`);
  const K = o.maxNights === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.maxNights : positiveInteger(o.maxNights, 'options.maxNights');
  const W = o.window === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.window : positiveInteger(o.window, 'options.window');
  if (o.property !== undefined && typeof o.property !== 'string') fail('options.property', 'must be a string', 'invalid-type');
  if (o.mixProperties !== undefined && typeof o.mixProperties !== 'boolean') fail('options.mixProperties', 'must be true or false', 'invalid-type');
  const basis = (o.basis ?? FORECAST_PRODUCT_DEMAND_DEFAULTS.basis) as 'gross' | 'net';
  if (basis !== 'gross' && basis !== 'net') fail('options.basis', `must be 'gross' or 'net', got ${JSON.stringify(basis)}`);
  const share = o.soldOutShare === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.soldOutShare : probability(o.soldOutShare, 'options.soldOutShare');
  if (!(share > 0)) fail('options.soldOutShare', 'must be above 0');
  const how = o.unconstrain ?? FORECAST_PRODUCT_DEMAND_DEFAULTS.unconstrain;
  if (how !== 'em' && how !== 'projection-detruncation' && how !== 'none')
    fail('options.unconstrain', `must be 'em', 'projection-detruncation' or 'none', got ${JSON.stringify(how)}`);
  const events = o.events === undefined ? [] : readCalendarEvents(o.events, 'options.events');
  const maxStale = o.maxStaleDays === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.maxStaleDays : nonNegativeInteger(o.maxStaleDays, 'options.maxStaleDays');
  const asOf = fromEpochDay(D);
  const known = historyAsOf(selectProperty(records, o.property as string | undefined, { mix: o.mixProperties === true }), asOf);
  const p = prepareRecords(known);
  const cap = resolveCapacity(o.capacity, p, D);
  // comparable arrival nights lie in [D − 7·(W + ⌈H/7⌉ + 1), D − 1]
  const span = 7 * (W + Math.ceil(H / 7) + 1);
  const from = D - span;
  const S = p.segments.length;
  // counts[(night − from)][segment][nights − 1][lead] for lead < H, then cumulated over lead; and per
  // segment (stay lengths pooled) the rooms booked / later cancelled / no-show
  const cell = (m: number, s: number, k: number) => (((m - from) * S + s) * K + k) * H;
  const rcell = (m: number, s: number) => ((m - from) * S + s) * H;
  const counts = new Float64Array(span * S * K * H);
  const booked = new Float64Array(span * S * H);
  const cancelled = new Float64Array(span * S * H);
  const noShow = new Float64Array(span * S * H);
  // rooms occupied on each night of the span (bookings not known to be cancelled / no-show)
  const occ = new Float64Array(span + 1);
  for (let j = 0; j < p.length; j++) {
    const a = p.arrivalDay[j]!;
    const st = p.status[j]!;
    const lost = (st === CANCELLED || st === NO_SHOW) && p.knownDay[j]! < D;
    if (!lost) {
      const lo = Math.max(a, from);
      const hi = Math.min(a + p.nights[j]!, D);
      if (lo < hi) {
        occ[lo - from]! += p.rooms[j]!;
        occ[hi - from]! -= p.rooms[j]!;
      }
    }
    if (a < from || a >= D) continue;
    const lead = a - p.bookingDay[j]!;
    if (lead >= H) continue;
    const s = p.segment[j]!;
    counts[cell(a, s, Math.min(p.nights[j]!, K) - 1) + lead]! += p.rooms[j]!;
    booked[rcell(a, s) + lead]! += p.rooms[j]!;
    if (st === CANCELLED && p.knownDay[j]! < D) cancelled[rcell(a, s) + lead]! += p.rooms[j]!;
    if (st === NO_SHOW && p.knownDay[j]! < D) noShow[rcell(a, s) + lead]! += p.rooms[j]!;
  }
  for (let c = 0; c < counts.length; c += H) for (let L = 1; L < H; L++) counts[c + L]! += counts[c + L - 1]!;
  for (const arr of [booked, cancelled, noShow]) for (let c = 0; c < arr.length; c += H) for (let L = 1; L < H; L++) arr[c + L]! += arr[c + L - 1]!;
  // sold-out (censored) nights of the span
  const soldOut = new Uint8Array(span);
  let acc = 0;
  let nSold = 0;
  let fillSum = 0;
  for (let t = 0; t < span; t++) {
    acc += occ[t]!;
    const c = cap.at(from + t);
    if (c !== Infinity && c > 0 && acc >= share * c) {
      soldOut[t] = 1;
      nSold++;
      fillSum += Math.min(1, acc / c);
    }
  }
  const stale = staleDays(p, D);
  const base = {
    asOf,
    basis,
    capacity: {
      source: cap.source,
      rooms: cap.rooms,
      ...(cap.estimate ? { estimate: cap.estimate } : {}),
      outOfOrderNights: cap.outOfOrder.size,
      soldOutShare: share,
      soldOutFill: nSold > 0 ? fillSum / nSold : 1,
      soldOutNights: nSold,
    } satisfies CapacityUsed,
    staleDays: Number.isNaN(stale.days) ? null : stale.days,
    historyEnds: Number.isNaN(stale.last) ? null : fromEpochDay(stale.last),
  };
  const products: ProductDemand[] = [];
  const firstKnown = p.length === 0 ? D : p.firstNight;
  let short = false;
  const xs = new Float64Array(W);
  const night: { s: number; k: number; mean: number; v: number; n: number; cens: number }[] = [];
  for (let L = 0; L < H; L++) {
    const a = D + L;
    const nights: number[] = [];
    // Comparable nights are same-weekday nights the known history covers: a night before the first
    // stay night on record is missing data, not a night of zero demand.
    for (let m = a - 7; m >= from && m >= firstKnown && nights.length < W; m -= 7) if (m < D) nights.push(m);
    if (nights.length < W) short = true;
    if (nights.length < 2) continue;
    let cens = 0;
    for (const m of nights) cens += soldOut[m - from]!;
    night.length = 0;
    for (let s = 0; s < S; s++)
      for (let k = 0; k < K; k++) {
        let sum = 0;
        nights.forEach((m, i) => {
          xs[i] = counts[cell(m, s, k) + L]!;
          sum += xs[i]!;
        });
        const n = nights.length;
        let mean = sum / n;
        if (!(mean > 0)) continue;
        let v = 0;
        for (let i = 0; i < n; i++) v += (xs[i]! - mean) ** 2;
        v /= n - 1;
        if (cens > 0 && how !== 'none') {
          const obs = nights.map((m, i) => ({ value: xs[i]!, censored: soldOut[m - from] === 1 }));
          const u = how === 'em' ? emUnconstrain(obs, { tolerance: 1e-6, maxIterations: 200 }) : projectionDetruncation(obs, { tolerance: 1e-6, maxIterations: 200 });
          if (u.status !== 'not-identifiable' && u.mean > mean) {
            mean = u.mean;
            v = u.sd * u.sd;
          }
        }
        night.push({ s, k, mean, v, n, cens });
      }
    // segment cancellation / no-show shares over the comparable nights (lead ≤ L)
    const rates = new Float64Array(S * 2);
    for (let s = 0; s < S; s++) {
      let b = 0;
      let c = 0;
      let ns = 0;
      for (const m of nights) {
        b += booked[rcell(m, s) + L]!;
        c += cancelled[rcell(m, s) + L]!;
        ns += noShow[rcell(m, s) + L]!;
      }
      rates[2 * s] = b > 0 ? c / b : 0;
      rates[2 * s + 1] = b > 0 ? ns / b : 0;
    }
    // calendar events on this arrival night
    const names: string[][] = night.map(() => []);
    for (const e of events) {
      if (a < e.from || a > e.to) continue;
      const hit = night.map((x) => e.segments === null || e.segments.has(p.segments[x.s]!));
      let factor: number;
      if (e.effect.kind === 'multiplicative') factor = e.effect.factor;
      else {
        let M = 0;
        night.forEach((x, i) => {
          if (hit[i]) M += x.mean;
        });
        factor = M > 0 ? Math.max(0, M + e.effect.rooms) / M : 1;
      }
      night.forEach((x, i) => {
        if (!hit[i]) return;
        x.mean *= factor;
        x.v *= factor * factor;
        names[i]!.push(e.name);
      });
    }
    night.forEach((x, i) => {
      const c = rates[2 * x.s]!;
      const ns = rates[2 * x.s + 1]!;
      let { mean, v } = x;
      if (basis === 'net') {
        const q = Math.max(0, 1 - c - ns);
        v = q * q * v + q * (1 - q) * mean;
        mean = q * mean;
      }
      if (!(mean > 0)) return;
      const demand: Demand = v > mean ? { kind: 'negative-binomial', mean, variance: v } : { kind: 'normal', mean, sd: Math.sqrt(Math.max(0, v)) };
      products.push({
        arrivalDate: fromEpochDay(a),
        segment: p.segments[x.s]!,
        nights: x.k + 1,
        demand,
        samples: x.n,
        censoredSamples: x.cens,
        cancellationRate: c,
        noShowRate: ns,
        ...(names[i]!.length > 0 ? { events: names[i]! } : {}),
      });
    });
  }
  if (p.length > 0 && stale.days > maxStale) return { status: 'stale-history', ...base, products: [] };
  if (short) return { status: 'insufficient-history', ...base, products: [] };
  return { status: 'ok', ...base, products };
}
