import { fail, nonNegative, object } from '../internal/validate.js';

export interface SpillAndSpoilageInput {
  readonly capacity: number;
  readonly demand: number;
  readonly sold: number;
}

export interface SpillAndSpoilage {
  readonly rejected: number;
  readonly spill: number;
  readonly spoilage: number;
  readonly empty: number;
}

/**
 * Spill and spoilage on one resource after the fact: of the demand that was turned away, how much no
 * control could have carried (spill: it exceeded the capacity) and how much left units empty that it
 * could have filled (spoilage: the control was too tight).
 *
 *   rejected = demand − sold
 *   spill    = max(0, demand − capacity)              demand beyond what the capacity could hold
 *   spoilage = min(capacity − sold, rejected)         empty units while demand was turned away
 *   empty    = capacity − sold                        (spill + spoilage = rejected)
 *
 * After Smith, Leimkuhler & Darrow (1992), who call spill the passengers turned away from flights that
 * depart full and spoilage the seats that depart empty on flights that turned passengers away; counting
 * spoilage only up to the demand turned away (not every empty seat) is a yieldcraft convention, so that
 * spill + spoilage partitions the rejected demand. With overbooking, pass the authorized level as the
 * capacity of bookings.
 *
 * @param input.capacity - units on offer, whole number ≥ 0
 * @param input.demand - units requested (unconstrained demand), ≥ sold
 * @param input.sold - units sold, ≤ capacity
 * @example
 * import { spillAndSpoilage } from 'yieldcraft/metrics';
 * spillAndSpoilage({ capacity: 100, demand: 110, sold: 95 });
 * // => { rejected: 15, spill: 10, spoilage: 5, empty: 5 }
 */
export function spillAndSpoilage(input: SpillAndSpoilageInput): SpillAndSpoilage {
  const o = object(input, 'input');
  const capacity = nonNegative(o.capacity, 'capacity');
  const demand = nonNegative(o.demand, 'demand');
  const sold = nonNegative(o.sold, 'sold');
  if (sold > capacity) fail('sold', `exceeds the capacity (${capacity}): ${sold}`, 'inconsistent');
  if (sold > demand) fail('sold', `exceeds the demand (${demand}): ${sold}`, 'inconsistent');
  const rejected = demand - sold;
  const empty = capacity - sold;
  return { rejected, spill: Math.max(0, demand - capacity), spoilage: Math.min(empty, rejected), empty };
}
