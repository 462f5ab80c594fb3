import { nonNegativeInteger, object, probability } from '../internal/validate.js';
import { ProfitWalk, type OverbookingOutcome } from './profitWalk.js';
import { validateShowUp, showUpLaw, type ShowUpModel } from './showUp.js';
import { validateMaxAuthorized } from './validateInput.js';

export interface RiskBasedOverbookingInput {
  readonly capacity: number;
  readonly showUp: ShowUpModel;
  readonly maxDeniedProbability: number;
}

export interface RiskBasedOverbookingOptions {
  readonly maxAuthorized?: number;
}

export const RISK_BASED_OVERBOOKING_DEFAULTS = {
  maxAuthorized: Infinity,
} as const satisfies Required<RiskBasedOverbookingOptions>;

/** The outcome at the authorized level, without money (no fare or cost is involved). */
export type RiskBasedOutcome = Omit<OverbookingOutcome, 'expectedProfit'>;

export type RiskBasedOverbookingResult =
  | ({ readonly status: 'optimal' | 'capped' } & RiskBasedOutcome)
  | { readonly status: 'unbounded'; readonly authorized: number; readonly reason: string };

/**
 * Risk-based (service-level) overbooking: the most bookings b one resource may accept while the
 * probability of denying service to anyone stays within a target ε:
 *
 *   authorized = max { b ≥ C : P(S_b > C) ≤ ε }
 *
 * P(S_b > C) is non-decreasing in b under every `ShowUpModel` (binomial shows are stochastically
 * increasing in b; with independent no-shows it is F(b − C − 1)), so the search climbs from C (where the
 * probability is 0) and stops at the first b + 1 that breaks the target. Use it where the cost of a
 * denied customer is hard to price (reputation, regulation); compare with the cost-based
 * `overbookingLimit`. If the target can never be broken (ε = 1, or nobody ever shows up) the result is
 * `status: 'unbounded'` with `authorized: Infinity`, unless `options.maxAuthorized` caps the search.
 *
 * Reference: Talluri & van Ryzin (2004), §4.2.1 "service-level" overbooking policies; Phillips (2005),
 * §9.2.3 (service-level policy).
 *
 * @param input.capacity - C, physical units; a whole number ≥ 0
 * @param input.showUp - the show-up model
 * @param input.maxDeniedProbability - ε, the largest acceptable P(S_b > C), in [0, 1]
 * @param options.maxAuthorized - largest b to consider (default `Infinity`)
 * @example
 * import { riskBasedOverbookingLimit } from 'yieldcraft/overbooking';
 * // 35 seats, 80 % show up: with 40 bookings P(more than 35 show) ≈ 0.0759, above a 5 % target
 * riskBasedOverbookingLimit({ capacity: 35, showUp: { kind: 'binomial', probability: 0.8 },
 *   maxDeniedProbability: 0.05 }).authorized; // => 39
 */
export function riskBasedOverbookingLimit(
  input: RiskBasedOverbookingInput,
  options: RiskBasedOverbookingOptions = {},
): RiskBasedOverbookingResult {
  const o = object(input, 'input');
  const C = nonNegativeInteger(o.capacity, 'capacity');
  const showUp = validateShowUp(o.showUp, 'showUp');
  const eps = probability(o.maxDeniedProbability, 'maxDeniedProbability');
  const opts = object(options, 'options');
  const cap =
    opts.maxAuthorized === undefined
      ? RISK_BASED_OVERBOOKING_DEFAULTS.maxAuthorized
      : validateMaxAuthorized(opts.maxAuthorized, C, 'options.maxAuthorized');
  const law = showUpLaw(showUp, C);
  const nobodyShows = showUp.kind === 'binomial' && showUp.probability === 0;
  if ((eps === 1 || nobodyShows) && cap === Infinity)
    return {
      status: 'unbounded',
      authorized: Infinity,
      reason: eps === 1 ? 'maxDeniedProbability is 1: any level meets it' : 'nobody ever shows up',
    };

  const walk = new ProfitWalk(law, C, 0, 0, 'per-show');
  for (;;) {
    const b = walk.b;
    const stop = law.overflow(b + 1) > eps ? 'optimal' : b >= cap ? 'capped' : undefined;
    if (stop) {
      const { expectedProfit: _, ...outcome } = walk.outcome();
      return { status: stop, ...outcome };
    }
    walk.step(law.turnsUp(b), law.denied(b));
  }
}
