import { object } from '../internal/validate.js';
import { ProfitWalk, type OverbookingOutcome, type RevenueBasis } from './profitWalk.js';
import type { ShowUpModel } from './showUp.js';
import { showUpLaw } from './showUp.js';
import { validateCostInput, validateMaxAuthorized, validateRevenueBasis } from './validateInput.js';

export interface OverbookingInput {
  readonly capacity: number;
  readonly fare: number;
  readonly deniedServiceCost: number;
  readonly showUp: ShowUpModel;
}

export interface OverbookingOptions {
  readonly revenueBasis?: RevenueBasis;
  readonly maxAuthorized?: number;
}

export const OVERBOOKING_DEFAULTS = {
  revenueBasis: 'per-show',
  maxAuthorized: Infinity,
} as const satisfies Required<OverbookingOptions>;

/** Gains below this share of (fare + deniedServiceCost) count as ties. */
export const OVERBOOKING_TIE_TOLERANCE = 1e-12;

export type OverbookingLimitResult =
  | ({ readonly status: 'optimal' | 'capped' } & OverbookingOutcome)
  | {
      readonly status: 'unbounded';
      /** Infinity: every booking adds expected profit. */
      readonly authorized: number;
      readonly expectedProfit?: undefined;
      readonly reason: string;
    };

/**
 * Cost-based overbooking: how many bookings to accept on one resource (a night, a flight leg) so that
 * the revenue from the extra guests who fill no-show vacancies outweighs the cost of those who find no
 * room.
 *
 * With capacity C, b bookings and S_b of them showing up (see `ShowUpModel`), the expected profit is
 *
 *   per-show (default):  π(b) = p·E[min(S_b, C)] − h·E[(S_b − C)⁺]
 *   per-booking:         π(b) = p·b − h·E[(S_b − C)⁺]
 *
 * `per-show` is the formula: the fare p is earned from each guest who shows up and is served;
 * no-shows pay nothing (refundable bookings) and a denied guest pays nothing and costs h (compensation,
 * re-accommodation, goodwill). `per-booking` is the other model common in the literature (Talluri & van
 * Ryzin 2004, §4.2.1; Phillips 2005, §9.2.1): non-refundable tickets, every booking pays p, no-shows
 * included, and h is the full cost of a denied customer (with a refund, include it in h).
 *
 * Marginal analysis (T&vR §4.2.1; Phillips ch. 9): adding booking b + 1 changes the profit by
 *
 *   per-show:     Δ(b) = p·(turnsUp(b) − denied(b)) − h·denied(b)      per-booking:  Δ(b) = p − h·denied(b)
 *
 * where turnsUp(b) = P(the extra booking shows) and denied(b) = P(it shows and finds no room), which is
 * non-decreasing in b. For binomial shows turnsUp(b) = q, so Δ is non-increasing: π is unimodal, and the search climbs from C and
 * stops at the first b with Δ(b) ≤ 0 (the rule q·(p + h)·P(S_b ≥ C) ≥ q·p, i.e. P(S_b ≥ C) ≥ p/(p + h)).
 * When no-shows are independent of bookings the cap S_b ≥ 0 breaks monotonicity, so the search keeps the
 * best b seen and stops once the bound U(b) = p − (p + h)·denied(b) ≥ Δ(b′) for all b′ ≥ b is ≤ 0.
 * For b < C, Δ(b) ≥ 0, so the maximizer is never below C.
 *
 * Ties: the smallest maximizer is returned (a booking that adds an expected gain below 1e-12·(p + h) is
 * not worth its risk). When π never stops growing (h = 0 per show; p ≥ q·h per booking) the result has
 * `status: 'unbounded'` and `authorized: Infinity`, unless `options.maxAuthorized` caps the search
 * (`status: 'capped'`: the best b ≤ maxAuthorized, and the stop rule had not fired).
 *
 * Reference: Talluri & van Ryzin, *The Theory and Practice of Revenue Management* (2004), §4.2 (static
 * overbooking, binomial show-ups, marginal analysis); Phillips, *Pricing and Revenue Optimization* (2005),
 * ch. 9 "Overbooking"; Beckmann (1958).
 *
 * @param input.capacity - C, physical units (rooms, seats); a whole number ≥ 0
 * @param input.fare - p, money per served guest (per booking with `revenueBasis: 'per-booking'`); ≥ 0
 * @param input.deniedServiceCost - h, money per customer denied service; ≥ 0
 * @param input.showUp - the show-up model
 * @param options.revenueBasis - `'per-show'` (default) or `'per-booking'`
 * @param options.maxAuthorized - largest b to consider (default `Infinity`)
 * @returns the authorization level and its expected outcome (profit, shows, denied, empty units, P(denied))
 * @example
 * import { overbookingLimit } from 'yieldcraft/overbooking';
 * // 200 seats, fare 300, 93 % show up, 500 per bumped passenger (Schmedders, "Introduction to Probability")
 * overbookingLimit({ capacity: 200, fare: 300, deniedServiceCost: 500,
 *   showUp: { kind: 'binomial', probability: 0.93 } }).authorized; // => 214
 */
export function overbookingLimit(input: OverbookingInput, options: OverbookingOptions = {}): OverbookingLimitResult {
  const { capacity: C, fare: p, deniedServiceCost: h, showUp } = validateCostInput(input);
  const opts = object(options, 'options');
  const basis =
    opts.revenueBasis === undefined
      ? OVERBOOKING_DEFAULTS.revenueBasis
      : validateRevenueBasis(opts.revenueBasis, 'options.revenueBasis');
  const cap =
    opts.maxAuthorized === undefined
      ? OVERBOOKING_DEFAULTS.maxAuthorized
      : validateMaxAuthorized(opts.maxAuthorized, C, 'options.maxAuthorized');
  const law = showUpLaw(showUp, C);

  // Unbounded: Δ(b) > 0 for every b, though it may tend to 0 (so no tolerance may decide it).
  const unbounded =
    p > 0 &&
    (basis === 'per-show'
      ? h === 0 && C > 0 && law.unboundedSupport
      : p > h * law.maxShowProbability || (p === h * law.maxShowProbability && C > 0 && law.unboundedSupport));
  if (unbounded && cap === Infinity) {
    return {
      status: 'unbounded',
      authorized: Infinity,
      reason:
        basis === 'per-show'
          ? 'deniedServiceCost is 0: every extra booking adds expected revenue'
          : 'fare ≥ show probability × deniedServiceCost: every extra non-refundable booking adds expected profit',
    };
  }

  const tol = OVERBOOKING_TIE_TOLERANCE * p + OVERBOOKING_TIE_TOLERANCE * h; // no overflow for huge p, h
  const walk = new ProfitWalk(law, C, p, h, basis);
  let best = walk.outcome();
  for (;;) {
    const b = walk.b;
    const denied = law.denied(b);
    // An upper bound on Δ(b′) for every b′ ≥ b (it is Δ(b) itself for binomial shows or per booking).
    const bound = basis === 'per-show' ? p * (law.maxShowProbability - denied) - h * denied : p - h * denied;
    if (bound <= tol) return { status: 'optimal', ...best };
    if (b >= cap) return { status: 'capped', ...best };
    walk.step(law.turnsUp(b), denied);
    if (walk.profit() > best.expectedProfit + tol) best = walk.outcome();
  }
}
