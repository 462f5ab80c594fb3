import { fail, nonNegative, object, positive } from '../internal/validate.js';
import { yieldPerAvailableUnit } from './yieldPerAvailableUnit.js';

export interface RevparInput {
  readonly revenue: number;
  readonly capacity: number;
  readonly outOfOrder?: number;
}

/**
 * RevPAR, revenue per available room: room revenue over room-nights available. It equals
 * ADR × occupancy (when revenue is room revenue and occupancy is measured on the same base).
 *
 *   RevPAR = revenue / (capacity − outOfOrder)
 *
 * Reference: STR / Uniform System of Accounts for the Lodging Industry; Talluri & van Ryzin (2004), §10.1.
 *
 * @param input.revenue - room revenue over the period, money, ≥ 0
 * @param input.capacity - room-nights in the period, > 0
 * @param input.outOfOrder - room-nights withdrawn from sale, ≥ 0 and < capacity (default 0)
 * @example
 * import { revpar } from 'yieldcraft/metrics';
 * revpar({ revenue: 8000, capacity: 100 }); // => 80 (ADR 100 at 80 % occupancy)
 */
export function revpar(input: RevparInput): number {
  const o = object(input, 'input');
  const revenue = nonNegative(o.revenue, 'revenue');
  const capacity = positive(o.capacity, 'capacity');
  const ooo = o.outOfOrder === undefined ? 0 : nonNegative(o.outOfOrder, 'outOfOrder');
  if (ooo >= capacity) fail('outOfOrder', `must be below the capacity (${capacity}), got ${ooo}`, 'inconsistent');
  return yieldPerAvailableUnit({ amount: revenue, capacity: capacity - ooo });
}
