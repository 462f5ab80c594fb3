import { fail, finite, object } from '../internal/validate.js';
import { ratio, type MetricValue } from './metricValue.js';

export interface RevenueOpportunityInput {
  readonly realised: number;
  readonly noControl: number;
  readonly perfect: number;
}

export interface RevenueOpportunity {
  readonly opportunity: number;
  readonly achieved: number;
  readonly share: MetricValue;
}

/** Slack allowed when checking realised ≤ perfect and noControl ≤ perfect (relative, for rounding). */
export const REVENUE_OPPORTUNITY_TOLERANCE = 1e-9;

/**
 * Revenue opportunity (Smith, Leimkuhler & Darrow 1992, "Yield management at American Airlines",
 * Interfaces 22(1), pp. 8–31): how much of the revenue that capacity control *could* add over selling
 * first-come-first-served was actually captured.
 *
 *   opportunity = perfect − noControl                 (what perfect hindsight adds over no control)
 *   achieved    = realised − noControl
 *   share       = achieved / opportunity              (1: as good as perfect hindsight; < 0: worse than
 *                                                      no control at all)
 *
 * `perfect` is the revenue with every request known in advance (the best subset of the realised demand
 * that fits), `noControl` the revenue when every request is accepted while capacity lasts. When the two
 * coincide there was no opportunity (the night never filled, or every request paid the same) and the
 * share is `{ status: 'not-defined' }`.
 *
 * @param input.realised - revenue earned under the controls, money
 * @param input.noControl - revenue of first-come-first-served on the same demand, money, ≤ perfect
 * @param input.perfect - perfect-hindsight revenue on the same demand, money, ≥ realised
 * @example
 * import { revenueOpportunity } from 'yieldcraft/metrics';
 * revenueOpportunity({ realised: 59200, noControl: 46000, perfect: 66000 });
 * // => { opportunity: 20000, achieved: 13200, share: { status: 'ok', value: 0.66 } }
 */
export function revenueOpportunity(input: RevenueOpportunityInput): RevenueOpportunity {
  const o = object(input, 'input');
  const realised = finite(o.realised, 'realised');
  const noControl = finite(o.noControl, 'noControl');
  const perfect = finite(o.perfect, 'perfect');
  const slack = REVENUE_OPPORTUNITY_TOLERANCE * Math.max(1, Math.abs(perfect));
  if (realised > perfect + slack)
    fail('realised', `exceeds the perfect-hindsight revenue (${perfect}): ${realised}`, 'inconsistent');
  if (noControl > perfect + slack)
    fail('noControl', `exceeds the perfect-hindsight revenue (${perfect}): ${noControl}`, 'inconsistent');
  const opportunity = Math.max(0, perfect - noControl);
  const achieved = realised - noControl;
  return {
    opportunity,
    achieved,
    share: ratio(achieved, opportunity > slack ? opportunity : 0, 'no revenue opportunity: perfect hindsight earns no more than no control'),
  };
}
