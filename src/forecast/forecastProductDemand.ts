/**
 * Demand still to come, by arrival night × segment × length of stay, as the `Demand` objects that the
 * network models of `optimize/` take (a product is a stay of some nights starting on a night, sold to
 * a segment).
 *
 * Reference: Talluri & van Ryzin (2004), §3.1 and §9.2 (product-level — origin-destination-fare, here
 * arrival-night × length-of-stay × segment — forecasts for network revenue management); Weatherford &
 * Kimes (2003) (forecasting hotel arrivals by length of stay and day of week).
 *
 * For an arrival night a = D + L (D = `asOf`) the demand to come is the rooms of bookings that will be
 * made from D on (lead time ≤ L) for that arrival, segment and stay length (stays longer than
 * `maxNights` count as `maxNights`). It is estimated from the `window` most recent comparable arrival
 * nights — the same weekday, arrived before D, so that all their bookings are known: x_j = rooms booked
 * with lead ≤ L. Demand is gross (bookings made, whatever became of them later); pair it with
 * `cancellationRates` / overbooking for the net. Distribution: with sample mean m and variance v
 * (divisor N − 1), `{ kind: 'negative-binomial', mean: m, variance: v }` when v > m (overdispersed, as
 * hotel demand usually is), else `{ kind: 'normal', mean: m, sd: √v }`. Products whose mean is 0 are
 * left out.
 *
 * @param records - booking records; they go through `historyAsOf(records, asOf)` first
 * @param options.asOf - ISO date D
 * @param options.horizonDays - arrival nights D … D + horizonDays − 1 (≤ 730)
 * @param options.maxNights - longest stay length kept apart (default 7)
 * @param options.window - comparable nights per estimate (default 8)
 * @param options.property - only records of this property
 * @returns `{ status, products: [{ arrivalDate, segment, nights, demand, samples }] }`; status
 *   'insufficient-history' (no products) when, for some arrival night, the known history covers fewer
 *   than `window` comparable same-weekday nights (nights before the first stay on record are missing
 *   data, not zero demand)
 * @example
 * import { forecastProductDemand } from 'yieldcraft/forecast';
 * const d = forecastProductDemand(records, { asOf: '2017-03-01', horizonDays: 14, property: 'City Hotel' });
 * d.products[0]; // => { arrivalDate: '2017-03-01', segment: 'Corporate', nights: 1, demand: { kind: 'normal', … }, samples: 8 }
 */
import { fail, object, positiveInteger } from '../internal/validate.js';
import type { Demand } from '../model/demand.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { byProperty } from './forecastOccupancy.js';
import { prepareRecords } from './internal/records.js';

export const FORECAST_PRODUCT_DEMAND_DEFAULTS = { maxNights: 7, window: 8 } as const;

export interface ForecastProductDemandOptions {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly maxNights?: number;
  readonly window?: number;
  readonly property?: string;
}

export interface ProductDemand {
  readonly arrivalDate: string;
  readonly segment: string;
  /** Length of stay (nights); `maxNights` stands for "maxNights or more". */
  readonly nights: number;
  readonly demand: Demand;
  /** Comparable nights the estimate rests on. */
  readonly samples: number;
}

export function forecastProductDemand(
  records: readonly BookingRecord[],
  options: ForecastProductDemandOptions,
): { readonly status: 'ok' | 'insufficient-history'; readonly asOf: string; readonly products: readonly ProductDemand[] } {
  const o = object(options, 'options');
  const D = parseEpochDay(o.asOf);
  if (Number.isNaN(D)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const H = positiveInteger(o.horizonDays, 'options.horizonDays');
  if (H > 730) fail('options.horizonDays', `must be at most 730, got ${H}`);
  const K = o.maxNights === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.maxNights : positiveInteger(o.maxNights, 'options.maxNights');
  const W = o.window === undefined ? FORECAST_PRODUCT_DEMAND_DEFAULTS.window : positiveInteger(o.window, 'options.window');
  if (o.property !== undefined && typeof o.property !== 'string') fail('options.property', 'must be a string', 'invalid-type');
  const asOf = fromEpochDay(D);
  const p = prepareRecords(historyAsOf(byProperty(records, o.property as string | undefined), asOf));
  // comparable arrival nights lie in [D − 7·(W + ⌈H/7⌉ + 1), D − 1]
  const span = 7 * (W + Math.ceil(H / 7) + 1);
  const from = D - span;
  const S = p.segments.length;
  // counts[(night − from)][segment][nights − 1][lead] for lead < H, then cumulated over lead
  const cell = (m: number, s: number, k: number) => (((m - from) * S + s) * K + k) * H;
  const counts = new Float64Array(span * S * K * H);
  for (let j = 0; j < p.length; j++) {
    const a = p.arrivalDay[j]!;
    if (a < from || a >= D) continue;
    const lead = a - p.bookingDay[j]!;
    if (lead >= H) continue;
    counts[cell(a, p.segment[j]!, Math.min(p.nights[j]!, K) - 1) + lead]! += p.rooms[j]!;
  }
  for (let c = 0; c < counts.length; c += H) for (let L = 1; L < H; L++) counts[c + L]! += counts[c + L - 1]!;
  const products: ProductDemand[] = [];
  const firstKnown = p.length === 0 ? D : p.firstNight;
  let short = false;
  const xs = new Float64Array(W);
  for (let L = 0; L < H; L++) {
    const a = D + L;
    const nights: number[] = [];
    // Comparable nights are same-weekday nights the known history covers: a night before the first
    // stay night on record is missing data, not a night of zero demand.
    for (let m = a - 7; m >= from && m >= firstKnown && nights.length < W; m -= 7) if (m < D) nights.push(m);
    if (nights.length < W) short = true;
    if (nights.length < 2) continue;
    for (let s = 0; s < S; s++)
      for (let k = 0; k < K; k++) {
        let sum = 0;
        nights.forEach((m, i) => {
          xs[i] = counts[cell(m, s, k) + L]!;
          sum += xs[i]!;
        });
        const n = nights.length;
        const mean = sum / n;
        if (!(mean > 0)) continue;
        let v = 0;
        for (let i = 0; i < n; i++) v += (xs[i]! - mean) ** 2;
        v /= n - 1;
        const demand: Demand = v > mean ? { kind: 'negative-binomial', mean, variance: v } : { kind: 'normal', mean, sd: Math.sqrt(v) };
        products.push({ arrivalDate: fromEpochDay(a), segment: p.segments[s]!, nights: k + 1, demand, samples: n });
      }
  }
  if (short) return { status: 'insufficient-history', asOf, products: [] };
  return { status: 'ok', asOf, products };
}
