import { finite, object, positive } from '../internal/validate.js';

export interface YieldPerAvailableUnitInput {
  readonly amount: number;
  readonly capacity: number;
}

/**
 * Yield per available unit: revenue — or, better, contribution — earned per unit of capacity on offer,
 * the measure yieldcraft maximises. With room revenue over room-nights available it is RevPAR; with
 * contribution it is the contribution per available room (a GOPPAR-like measure that sees commissions
 * and variable costs); airlines use revenue per available seat-km (RASK).
 *
 *   yield = amount / capacity
 *
 * Reference: Talluri & van Ryzin (2004), §1.1, §10.1 (RevPAR, RASM); Phillips (2005), §6.1 (contribution).
 *
 * @param input.amount - revenue or contribution over the period, money (contribution may be negative)
 * @param input.capacity - units available over the period (room-nights, seat-km), > 0
 * @example
 * import { yieldPerAvailableUnit } from 'yieldcraft/metrics';
 * yieldPerAvailableUnit({ amount: 8000, capacity: 100 }); // => 80
 */
export function yieldPerAvailableUnit(input: YieldPerAvailableUnitInput): number {
  const o = object(input, 'input');
  const amount = finite(o.amount, 'amount');
  const capacity = positive(o.capacity, 'capacity');
  return amount / capacity;
}
