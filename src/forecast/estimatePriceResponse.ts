import { fail, object, positiveInteger } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { fromEpochDay, parseEpochDay } from '../history/epochDay.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { byProperty } from './forecastOccupancy.js';
import { fitPriceResponse, willingnessToPay, type PriceResponseFit } from './fitPriceResponse.js';
import { prepareRecords } from './internal/records.js';

export const ESTIMATE_PRICE_RESPONSE_DEFAULTS = { control: 'month', minNights: 30 } as const;

export interface SegmentPriceResponse {
  readonly segment: string;
  /** Arrival nights observed (with a positive rate). */
  readonly nights: number;
  readonly fit: PriceResponseFit | null;
  readonly willingnessToPay: { readonly price: readonly number[]; readonly share: readonly number[] };
}

/**
 * Estimates each segment's sensitivity to rate from booking history: a constant-elasticity demand
 * curve (log-log regression of rooms booked per arrival night on the average rate paid, within
 * calendar months), the linear and exponential alternatives, and the willingness-to-pay curve of the
 * rates paid — the inputs of `pricing/`.
 *
 * Reference: Phillips (2005), ch. 3 (price-response functions and elasticity) and §3.4 (willingness to
 * pay); Talluri & van Ryzin (2004), §7.3.1 (estimating price response by regression) and §9.4 on
 * endogeneity. Fitting by `fitPriceResponse`.
 *
 * Observations: for each arrival night before `asOf` with bookings of the segment at a positive rate,
 * q = rooms booked for arrivals that night (room-weighted, cancelled ones included: they were demand at
 * that rate) and p = their room-weighted mean rate. With `control: 'month'` (default) ln q and ln p are
 * centred within each calendar month (a fixed effect per month) before the fit, so the season's
 * common swing of price and demand is not read as a price response; the curve is then re-centred at the
 * segment's overall geometric means.
 *
 * Caveat — rates are endogenous: the hotel sets them knowing demand, so even within a month busy
 * nights carry higher rates. Expect elasticities biased towards zero, or of the wrong sign (reported as
 * status 'wrong-sign', not as a curve to price with). Prefer rate tests or exogenous variation where
 * you have them — `estimatePriceResponseWithinNight` uses the spread of rates within a night (between
 * lead-time bands or channels), which the night's demand level cannot explain; treat these numbers as
 * descriptive.
 *
 * @param records - booking records; they go through `historyAsOf(records, asOf)` first
 * @param options.asOf - ISO date: arrivals before it are used
 * @param options.property - only records of this property
 * @param options.control - 'month' (default) or 'none'
 * @param options.minNights - least arrival nights per segment for a fit (default 30)
 * @returns one entry per segment: `{ segment, nights, fit (PriceResponseFit or null), willingnessToPay }`
 * @example
 * // (not run: needs booking records, e.g. readHotelBookingsCsv of the hotel data set in data/hotel-bookings)
 * import { estimatePriceResponse } from 'yieldcraft/forecast';
 * const r = estimatePriceResponse(records, { asOf: '2017-01-01', property: 'City Hotel' });
 * r.find((x) => x.segment === 'Online TA')?.fit?.status; // => 'ok' or 'wrong-sign' (data)
 */
export function estimatePriceResponse(
  records: readonly BookingRecord[],
  options: { readonly asOf: string; readonly property?: string; readonly control?: 'month' | 'none'; readonly minNights?: number },
): SegmentPriceResponse[] {
  const o = object(options, 'options');
  const D = parseEpochDay(o.asOf);
  if (Number.isNaN(D)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const control = o.control ?? ESTIMATE_PRICE_RESPONSE_DEFAULTS.control;
  if (control !== 'month' && control !== 'none') fail('options.control', `must be 'month' or 'none', got ${JSON.stringify(control)}`);
  const minNights = o.minNights === undefined ? ESTIMATE_PRICE_RESPONSE_DEFAULTS.minNights : positiveInteger(o.minNights, 'options.minNights');
  const p = prepareRecords(historyAsOf(byProperty(records, o.property as string | undefined), fromEpochDay(D)));
  const S = p.segments.length;
  const byNight: Map<number, { q: number; rev: number }>[] = Array.from({ length: S }, () => new Map());
  const rates: number[][] = Array.from({ length: S }, () => []);
  const weights: number[][] = Array.from({ length: S }, () => []);
  for (let j = 0; j < p.length; j++) {
    const a = p.arrivalDay[j]!;
    if (a >= D) continue;
    const r = p.rate[j]!;
    const s = p.segment[j]!;
    const rn = p.rooms[j]! * p.nights[j]!;
    rates[s]!.push(r);
    weights[s]!.push(rn);
    if (!(r > 0)) continue;
    const cell = byNight[s]!.get(a) ?? { q: 0, rev: 0 };
    cell.q += p.rooms[j]!;
    cell.rev += p.rooms[j]! * r;
    byNight[s]!.set(a, cell);
  }
  return p.segments.map((segment, s) => {
    const cells = [...byNight[s]!.entries()].sort((x, y) => x[0] - y[0]);
    const wtp = rates[s]!.length > 0 ? willingnessToPay(rates[s]!, weights[s]!) : { price: [], share: [] };
    if (cells.length < minNights) return { segment, nights: cells.length, fit: null, willingnessToPay: wtp };
    const lq = cells.map(([, c]) => Math.log(c.q));
    const lp = cells.map(([, c]) => Math.log(c.rev / c.q));
    if (control === 'month') {
      const month = cells.map(([a]) => fromEpochDay(a).slice(0, 7));
      const gq = lq.reduce((x, y) => x + y, 0) / lq.length;
      const gp = lp.reduce((x, y) => x + y, 0) / lp.length;
      const sums = new Map<string, { q: number; p: number; n: number }>();
      month.forEach((m, i) => {
        const e = sums.get(m) ?? { q: 0, p: 0, n: 0 };
        e.q += lq[i]!;
        e.p += lp[i]!;
        e.n++;
        sums.set(m, e);
      });
      month.forEach((m, i) => {
        const e = sums.get(m)!;
        lq[i] = lq[i]! - e.q / e.n + gq;
        lp[i] = lp[i]! - e.p / e.n + gp;
      });
    }
    const fit = fitPriceResponse(lq.map((q, i) => ({ price: Math.exp(lp[i]!), quantity: Math.exp(q) })));
    return { segment, nights: cells.length, fit, willingnessToPay: wtp };
  });
}
