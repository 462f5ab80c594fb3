/**
 * The economics of one booking, shared by profitability, customer value and the customer mix:
 * what a stay earns after channel commission and variable cost, and what a cancellation or a no-show
 * costs. One place, so that the three agree to the cent.
 *
 * Model (Phillips 2005, §6.1, contribution margin; Talluri & van Ryzin 2004, §10.1, net revenue by
 * channel), per booking of `rooms` rooms × `nights` nights at `rate`, channel commission c, variable
 * cost v per room-night, known ancillary spend A (whole booking):
 *
 *   contribution of a stay  = rooms · nights · (rate · (1 − c) − v) + A          (see `contribution`)
 *   cost of a cancellation  = that contribution (A left out) when it came less than
 *                             `lateCancellationDays` before arrival (the room rarely resells), else 0
 *   cost of a no-show       = that contribution (A left out) × `noShowLossShare`
 *
 * Deposits are not modelled (a kept non-refundable deposit would lower both costs).
 * @internal
 */
import { contribution } from '../model/contribution.js';
import { join, nonNegative, nonNegativeInteger, object, probability } from '../internal/validate.js';

/** Channel commission (share of the room rate) used when none is given for a channel. */
export const CHANNEL_COMMISSION_DEFAULTS: Readonly<Record<string, number>> = Object.freeze({
  /** Travel agents and tour operators, online and offline: a typical 15–25 % commission or wholesale margin. */
  'TA/TO': 0.18,
  /** Global distribution systems: ~10 % agent commission plus GDS fees. */
  GDS: 0.1,
  Direct: 0,
  Corporate: 0,
});

/** Options of the booking cost model (every field optional; see {@link BOOKING_ECONOMICS_DEFAULTS}). */
export interface BookingEconomicsOptions {
  /** Commission by channel (share of the rate, in [0, 1]); merged over {@link CHANNEL_COMMISSION_DEFAULTS}. */
  readonly commission?: Readonly<Record<string, number>>;
  /** Commission of a channel not listed, or of a record without a channel, in [0, 1]. */
  readonly defaultCommission?: number;
  /** Variable cost of serving one room-night (housekeeping, laundry, amenities, energy), money ≥ 0. */
  readonly variableCostPerRoomNight?: number;
  /** A cancellation made fewer than this many days before arrival loses the booking's contribution. */
  readonly lateCancellationDays?: number;
  /** Share of its contribution a no-show loses, in [0, 1]. */
  readonly noShowLossShare?: number;
}

/** Defaults of the booking cost model. */
export const BOOKING_ECONOMICS_DEFAULTS = {
  commission: CHANNEL_COMMISSION_DEFAULTS,
  defaultCommission: 0,
  variableCostPerRoomNight: 25,
  lateCancellationDays: 7,
  noShowLossShare: 1,
} as const satisfies Required<BookingEconomicsOptions>;

/** The validated cost model. */
export interface Economics {
  readonly commissionOf: (channel: string | undefined) => number;
  readonly variableCost: number;
  readonly lateCancellationDays: number;
  readonly noShowLossShare: number;
}

export function economics(options: BookingEconomicsOptions | undefined, path = 'options'): Economics {
  const o = options === undefined ? {} : object(options, path);
  const table: Record<string, number> = { ...CHANNEL_COMMISSION_DEFAULTS };
  if (o.commission !== undefined) {
    const c = object(o.commission, join(path, 'commission'));
    for (const [k, v] of Object.entries(c)) table[k] = probability(v, join(join(path, 'commission'), k));
  }
  const fallback =
    o.defaultCommission === undefined ? 0 : probability(o.defaultCommission, join(path, 'defaultCommission'));
  const variableCost =
    o.variableCostPerRoomNight === undefined
      ? BOOKING_ECONOMICS_DEFAULTS.variableCostPerRoomNight
      : nonNegative(o.variableCostPerRoomNight, join(path, 'variableCostPerRoomNight'));
  const late =
    o.lateCancellationDays === undefined
      ? BOOKING_ECONOMICS_DEFAULTS.lateCancellationDays
      : nonNegativeInteger(o.lateCancellationDays, join(path, 'lateCancellationDays'));
  const noShow =
    o.noShowLossShare === undefined
      ? BOOKING_ECONOMICS_DEFAULTS.noShowLossShare
      : probability(o.noShowLossShare, join(path, 'noShowLossShare'));
  return {
    commissionOf: (channel) => (channel !== undefined && channel in table ? (table[channel] as number) : fallback),
    variableCost,
    lateCancellationDays: late,
    noShowLossShare: noShow,
  };
}

/**
 * Contribution per room-night at `rate` through `channel` (commission and variable cost deducted; may be
 * negative for a complimentary or very cheap stay).
 */
export function contributionPerRoomNight(e: Economics, rate: number, channel: string | undefined): number {
  return contribution({ price: rate, commission: e.commissionOf(channel), variableCost: e.variableCost });
}
