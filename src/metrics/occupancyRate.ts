import { fail, nonNegative, object, positive } from '../internal/validate.js';

export interface OccupancyRateInput {
  readonly occupied: number;
  readonly capacity: number;
  readonly outOfOrder?: number;
}

/**
 * Occupancy rate (hotels) or load factor (airlines): the share of the capacity on offer that was used.
 *
 *   occupancy rate = occupied / (capacity − outOfOrder)
 *
 * Over several nights or legs, pass totals: room-nights occupied over room-nights available (or revenue
 * passenger-km over available seat-km for the airline load factor). Rooms out of order may be taken out
 * of the base, as many hotel systems do.
 *
 * Reference: Talluri & van Ryzin (2004), §1.1 and §10.1 (load factor, occupancy); STR / Uniform System
 * of Accounts for the Lodging Industry (occupancy = rooms sold / rooms available).
 *
 * @param input.occupied - units used (rooms occupied, seats flown), ≥ 0
 * @param input.capacity - units on offer, > 0
 * @param input.outOfOrder - units withdrawn from sale, ≥ 0 and < capacity (default 0)
 * @returns a share in [0, 1]
 * @example
 * import { occupancyRate } from 'yieldcraft/metrics';
 * occupancyRate({ occupied: 30, capacity: 100 }); // => 0.3
 * occupancyRate({ occupied: 30, capacity: 100, outOfOrder: 5 }); // => 0.3157894736842105
 */
export function occupancyRate(input: OccupancyRateInput): number {
  const o = object(input, 'input');
  const occupied = nonNegative(o.occupied, 'occupied');
  const capacity = positive(o.capacity, 'capacity');
  const ooo = o.outOfOrder === undefined ? 0 : nonNegative(o.outOfOrder, 'outOfOrder');
  if (ooo >= capacity) fail('outOfOrder', `must be below the capacity (${capacity}), got ${ooo}`, 'inconsistent');
  const available = capacity - ooo;
  if (occupied > available)
    fail('occupied', `exceeds the units available (${available}): ${occupied}`, 'inconsistent');
  return occupied / available;
}

/** Load factor: the airline name for occupancy (seats flown over seats offered). */
export const loadFactor = occupancyRate;
