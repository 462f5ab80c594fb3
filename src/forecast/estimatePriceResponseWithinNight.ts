import { array, fail, finite, join, object, positiveInteger } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { byProperty } from './forecastOccupancy.js';
import { fitWithinNightResponse, type FitWithinNightOptions, type WithinNightFit, type WithinNightGroup } from './fitWithinNightResponse.js';
import { prepareRecords } from './internal/records.js';

export interface EstimatePriceResponseWithinNightOptions {
  /** ISO date: arrivals before it, as known on it (`historyAsOf`). */
  readonly asOf: string;
  /** Only records of this property. */
  readonly property?: string;
  /** The alternatives compared within a night: 'lead-time' bands (default) or the booking's 'channel'. */
  readonly by?: 'lead-time' | 'channel';
  /** Lower edges of the lead-time bands in days, ascending from 0 (default [0, 7, 30, 90]). */
  readonly leadTimeBands?: readonly number[];
  /** 'constant-elasticity' (default) or 'exponential'. */
  readonly form?: 'constant-elasticity' | 'exponential';
  /** Least nights with two or more alternatives booked, per segment (default 30). */
  readonly minNights?: number;
  /** Confidence level of the interval (default 0.95). */
  readonly confidence?: number;
}

export const ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS = {
  by: 'lead-time',
  leadTimeBands: [0, 7, 30, 90],
  form: 'constant-elasticity',
  minNights: 30,
  confidence: 0.95,
} as const;

export interface SegmentWithinNightResponse {
  readonly segment: string;
  /** Arrival nights with bookings of the segment at a positive rate. */
  readonly nights: number;
  /** Share of the cells (used night × alternative seen in the segment) with no booking: missing from the fit. */
  readonly emptyCellShare: number;
  readonly fit: WithinNightFit;
}

/**
 * Estimates each segment's price response from booking history using only price variation **within**
 * an arrival night: how the night's bookings split between lead-time bands (or channels) as the rates
 * paid in them differ. The hotel's response to a night's demand — high rates on busy nights, the trap
 * that makes `estimatePriceResponse` report 'wrong-sign' — moves every band of the night together and
 * cancels; what remains is the spread of rates paid within a segment on the same stay night.
 *
 * Observations: for each arrival night before `asOf` and each alternative (band of lead time =
 * arrival − booking date, or channel), q = rooms booked (cancelled bookings included: they were
 * demand at that rate; complimentary rate-0 bookings left out) and p = their room-weighted mean rate.
 * The fit is `fitWithinNightResponse` (a Poisson model with a fixed effect per night and per
 * alternative, estimated by conditional likelihood); read its assumptions there. In short: the rate
 * spread within a night must not itself respond to the spread of demand within the night; bands must
 * not substitute for each other; and empty cells (no bookings, so no rate seen) are missing, which
 * biases towards 0 when common — `emptyCellShare` reports how common (keep it small: wide bands).
 *
 * Reference: Talluri & van Ryzin (2004), §9.4 (estimating price sensitivity; endogeneity of prices);
 * Hausman, J., Hall, B. & Griliches, Z. (1984), "Econometric models for count data with an application
 * to the patents–R&D relationship", Econometrica 52(4), 909–938 (the conditional Poisson fixed-effects
 * likelihood); Phillips (2005), ch. 3 (price-response functions).
 *
 * @param records - booking records; they go through `historyAsOf(records, asOf)` first
 * @param options - {@link ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS}; `asOf` required
 * @returns one entry per segment: `{ segment, nights, emptyCellShare, fit }`
 * @example
 * // (not run: needs booking records, e.g. readHotelBookingsCsv of the hotel data set in data/hotel-bookings)
 * import { estimatePriceResponseWithinNight } from 'yieldcraft/forecast';
 * const r = estimatePriceResponseWithinNight(records, { asOf: '2017-01-01', property: 'City Hotel' });
 * const ota = r.find((x) => x.segment === 'Online TA')?.fit;
 * ota?.status === 'ok' && ota.confidenceInterval; // => [low, high] for the elasticity (data)
 */
export function estimatePriceResponseWithinNight(
  records: readonly BookingRecord[],
  options: EstimatePriceResponseWithinNightOptions,
): SegmentWithinNightResponse[] {
  const o = object(options, 'options');
  const D = parseEpochDay(o.asOf);
  if (Number.isNaN(D)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const by = o.by ?? ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS.by;
  if (by !== 'lead-time' && by !== 'channel') fail('options.by', `must be 'lead-time' or 'channel', got ${JSON.stringify(by)}`);
  const bandsRaw = o.leadTimeBands === undefined ? ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS.leadTimeBands : array<unknown>(o.leadTimeBands, 'options.leadTimeBands');
  const bands = bandsRaw.map((b, i) => finite(b, join('options.leadTimeBands', i)));
  if (bands.length < 2) fail('options.leadTimeBands', 'must hold at least two band edges (two alternatives)', 'empty');
  if (bands[0] !== 0) fail(join('options.leadTimeBands', 0), `must be 0 (the first band starts at a lead time of 0 days), got ${bands[0]}`);
  for (let i = 1; i < bands.length; i++)
    if (!(bands[i]! > bands[i - 1]!) || !Number.isInteger(bands[i]))
      fail(join('options.leadTimeBands', i), `must be whole days, strictly increasing: ${bands[i]} follows ${bands[i - 1]}`, 'unsorted');
  const minNights = o.minNights === undefined ? ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS.minNights : positiveInteger(o.minNights, 'options.minNights');
  const fitOptions: FitWithinNightOptions = {
    form: (o.form ?? ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS.form) as FitWithinNightOptions['form'],
    confidence: (o.confidence ?? ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS.confidence) as number,
    minGroups: minNights,
  };

  const known = historyAsOf(byProperty(records, o.property as string | undefined), fromEpochDay(D));
  const p = prepareRecords(known);
  const bandName = bands.map((b, i) => (i + 1 < bands.length ? `${b}-${bands[i + 1]! - 1}d` : `${b}d+`));
  const alternativeOf = (j: number): string => {
    if (by === 'channel') return p.records[j]!.channel ?? 'unknown';
    const lead = p.arrivalDay[j]! - p.bookingDay[j]!;
    let k = bands.length - 1;
    while (k > 0 && lead < bands[k]!) k--;
    return bandName[k]!;
  };
  const S = p.segments.length;
  // per segment: night → alternative → { rooms, revenue }
  const cells: Map<number, Map<string, { q: number; rev: number }>>[] = Array.from({ length: S }, () => new Map());
  const altsSeen: Set<string>[] = Array.from({ length: S }, () => new Set());
  for (let j = 0; j < p.length; j++) {
    const a = p.arrivalDay[j]!;
    if (a >= D) continue;
    const r = p.rate[j]!;
    if (!(r > 0)) continue;
    const s = p.segment[j]!;
    const alt = alternativeOf(j);
    altsSeen[s]!.add(alt);
    let night = cells[s]!.get(a);
    if (!night) cells[s]!.set(a, (night = new Map()));
    const c = night.get(alt) ?? { q: 0, rev: 0 };
    c.q += p.rooms[j]!;
    c.rev += p.rooms[j]! * r;
    night.set(alt, c);
  }
  return p.segments.map((segment, s) => {
    const nights = [...cells[s]!.entries()].sort((x, y) => x[0] - y[0]);
    const groups: WithinNightGroup[] = nights.map(([a, m]) => ({
      night: fromEpochDay(a),
      cells: [...m.entries()].map(([alternative, c]) => ({ alternative, price: c.rev / c.q, quantity: c.q })),
    }));
    const A = altsSeen[s]!.size;
    let used = 0;
    let filled = 0;
    for (const g of groups)
      if (g.cells.length >= 2) {
        used++;
        filled += g.cells.length;
      }
    const emptyCellShare = used === 0 || A === 0 ? 0 : 1 - filled / (used * A);
    return { segment, nights: nights.length, emptyCellShare, fit: fitWithinNightResponse(groups, fitOptions) };
  });
}
