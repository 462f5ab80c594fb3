import { fail, object, positiveInteger } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import { asBookingTable, STATUS_CANCELLED, STATUS_NO_SHOW, type BookingTable } from './bookingTable.js';
import { fromEpochDay, parseEpochDay } from './epochDay.js';
import { selectProperty } from './selectProperty.js';

export const ESTIMATE_CAPACITY_DEFAULTS = { lookbackDays: undefined } as const;

export interface EstimateCapacityOptions {
  readonly asOf: string;
  readonly property?: string;
  readonly lookbackDays?: number;
}

export interface CapacityEstimate {
  readonly status: 'ok' | 'insufficient-history';
  /** Estimated rooms a night (0 when no night had an occupied room). */
  readonly rooms: number;
  /** The first night on which that many rooms were occupied, ISO; null when none. */
  readonly night: string | null;
  /** Nights looked at (from the first stay night on record, or the lookback, to D − 1). */
  readonly nights: number;
  readonly method: 'max-occupied-before-as-of';
}

/**
 * An estimate of a property's capacity (rooms a night) from its history, for users who have no figure:
 * the most rooms occupied on any night before the as-of date, as known on that date.
 *
 *   Ĉ = max over nights n < D of occ(n),   occ(n) = Σ rooms_i over bookings i made before D, covering
 *       n, and not known before D to be cancelled or a no-show
 *
 * It is a lower bound of the true capacity (a hotel that never filled shows less than it has), which is
 * why forecasting reports it with its source and lets the user override it. Only nights in the
 * `lookbackDays` before D count when that option is given (default: all the history).
 *
 * Reference: Talluri & van Ryzin (2004), §9.4.2 — demand is censored at capacity, so sold-out nights
 * are where the capacity shows; this estimator reads capacity off those nights (none are needed to
 * compute it, but without a sold-out night it understates).
 *
 * @param records - booking records of one property (see `selectProperty`), or a `bookingTable` of them
 * @param options.asOf - ISO date D; nothing dated D or later is used
 * @param options.property - keep only this property (errors as `selectProperty`)
 * @param options.lookbackDays - count only the nights D − lookbackDays … D − 1
 * @returns `{ status, rooms, night, nights, method }`: status 'insufficient-history' (rooms 0, night
 *   null) when no night before D has an occupied room; `night` is the first night that reached the
 *   maximum; `nights` the nights looked at; `method` 'max-occupied-before-as-of'
 * @example
 * import { estimateCapacity } from 'yieldcraft/history';
 * const stays = [
 *   { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 3, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
 * ] as const;
 * estimateCapacity(stays, { asOf: '2016-09-01' });
 * // => { status: 'ok', rooms: 5, night: '2016-08-15', nights: 18, method: 'max-occupied-before-as-of' }
 */
export function estimateCapacity(records: readonly BookingRecord[] | BookingTable, options: EstimateCapacityOptions): CapacityEstimate {
  const o = object(options, 'options');
  const D = parseEpochDay(o.asOf);
  if (Number.isNaN(D)) fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const lookback = o.lookbackDays === undefined ? undefined : positiveInteger(o.lookbackDays, 'options.lookbackDays');
  const t = Array.isArray(records)
    ? asBookingTable(selectProperty(records as readonly BookingRecord[], o.property as string | undefined))
    : o.property === undefined
      ? asBookingTable(records)
      : fail('options.property', 'cannot select a property from a booking table: pass the records', 'inconsistent');
  let first = Number.isNaN(t.firstNight) ? D : Math.min(t.firstNight, D);
  if (lookback !== undefined) first = Math.max(first, D - lookback);
  const days = D - first;
  const occ = new Float64Array(days + 1);
  for (let i = 0; i < t.length; i++) {
    if (t.bookingDay[i]! >= D) continue;
    const s = t.status[i]!;
    if ((s === STATUS_CANCELLED || s === STATUS_NO_SHOW) && t.knownDay[i]! < D) continue;
    const a = Math.max(t.arrivalDay[i]!, first);
    const e = Math.min(t.arrivalDay[i]! + t.nights[i]!, D); // exclusive
    if (a >= e) continue;
    occ[a - first]! += t.rooms[i]!;
    occ[e - first]! -= t.rooms[i]!;
  }
  let acc = 0;
  let best = 0;
  let at = -1;
  for (let d = 0; d < days; d++) {
    acc += occ[d]!;
    if (acc > best) {
      best = acc;
      at = d;
    }
  }
  return {
    status: at < 0 ? 'insufficient-history' : 'ok',
    rooms: best,
    night: at < 0 ? null : fromEpochDay(first + at),
    nights: days,
    method: 'max-occupied-before-as-of',
  };
}
