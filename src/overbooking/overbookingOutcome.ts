import { nonNegativeInteger, object } from '../internal/validate.js';
import type { OverbookingInput, OverbookingOptions } from './overbookingLimit.js';
import { OVERBOOKING_DEFAULTS } from './overbookingLimit.js';
import { ProfitWalk, type OverbookingOutcome } from './profitWalk.js';
import { showUpLaw } from './showUp.js';
import { validateCostInput, validateRevenueBasis } from './validateInput.js';

/**
 * The expected outcome of a given authorization level b on one resource: expected profit, shows, units
 * occupied, customers denied service, empty units and the probability of denying anyone — to evaluate a
 * level set by hand, or to compare a policy with the optimum of `overbookingLimit`.
 *
 *   E[min(S_b, C)], E[(S_b − C)⁺] and P(S_b > C) under the show-up model; profit as in
 *   `overbookingLimit`: p·E[min(S_b, C)] − h·E[(S_b − C)⁺] per show, p·b − h·E[(S_b − C)⁺] per booking.
 *
 * Reference: Talluri & van Ryzin (2004), §4.2.1; Phillips (2005), ch. 9.
 *
 * @param input - as for `overbookingLimit` (capacity C, fare p, deniedServiceCost h, showUp)
 * @param authorized - b, bookings accepted; a whole number ≥ 0
 * @param options.revenueBasis - `'per-show'` (default) or `'per-booking'`
 * @example
 * import { overbookingOutcome } from 'yieldcraft/overbooking';
 * const o = overbookingOutcome({ capacity: 200, fare: 300, deniedServiceCost: 500,
 *   showUp: { kind: 'binomial', probability: 0.93 } }, 205);
 * Math.round(o.expectedProfit); // => 57194
 * o.expectedShows; // => 190.65 (up to rounding)
 */
export function overbookingOutcome(
  input: OverbookingInput,
  authorized: number,
  options: Pick<OverbookingOptions, 'revenueBasis'> = {},
): OverbookingOutcome {
  const { capacity: C, fare: p, deniedServiceCost: h, showUp } = validateCostInput(input);
  const b = nonNegativeInteger(authorized, 'authorized');
  const opts = object(options, 'options');
  const basis =
    opts.revenueBasis === undefined
      ? OVERBOOKING_DEFAULTS.revenueBasis
      : validateRevenueBasis(opts.revenueBasis, 'options.revenueBasis');
  const law = showUpLaw(showUp, C);
  if (b <= C) {
    // S_b ≤ b ≤ C: nobody is denied.
    const shows = law.meanShows(b);
    return {
      authorized: b,
      expectedProfit: (basis === 'per-show' ? p * shows : p * b),
      expectedShows: shows,
      expectedOccupied: shows,
      expectedDenied: 0,
      expectedEmpty: C - shows,
      deniedServiceProbability: 0,
    };
  }
  const walk = new ProfitWalk(law, C, p, h, basis);
  while (walk.b < b) walk.step(law.turnsUp(walk.b), law.denied(walk.b));
  return walk.outcome();
}
