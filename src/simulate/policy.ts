/**
 * What a booking policy is to the simulator: something that, given the state of the network (the
 * period about to be played, the units left on each resource, the units sold of each product), plans
 * a decision rule, and the rule then says yes or no to each request until the next re-optimisation.
 *
 * `plan` may be slow and asynchronous (it solves an LP, a set of dynamic programs); the rule it
 * returns must be fast and synchronous (it runs once per request). A plan must be a pure function of
 * (process, state): the runner computes the plan of the initial state once and shares it across
 * trajectories. The state handed to `plan` and to the rule belongs to the simulator, which updates it in
 * place between calls: copy what you need to keep, never modify it.
 *
 * Every policy states its tie rule: what it does with a request whose fare equals the sum of the bid
 * prices of the resources it uses (on the standard instances this moves a static DLP bid-price policy's
 * revenue by up to 10 %: see ../shared/data/topaloglu-2009/README.md).
 *
 * Reference: Talluri & van Ryzin (2004), ch. 3 (bid-price and booking-limit controls); Topaloglu (2009),
 * computational study (5 re-optimisations, common random numbers).
 */
import type { NetworkBookingProcess } from '../optimize/network/topalogluModel.js';
import { positiveInteger } from '../internal/validate.js';

/** The simulator's state at a decision. */
export interface BookingState {
  /** The period being played (0-based, forward). */
  readonly period: number;
  /** Units left per resource, in `network.resources` order. */
  readonly remaining: Int32Array;
  /** Units sold so far per product, in `network.products` order. */
  readonly sold: Int32Array;
}

/** Accept one unit of product `product` (index in `network.products`) in `state`? */
export type BookingRule = (product: number, state: BookingState) => boolean;

export interface Policy {
  /** Short name for reports ("DLP bid prices"). */
  readonly name: string;
  /** How a fare exactly equal to the sum of bid prices is treated, in words. */
  readonly tieRule: string;
  /** Plans from `state` (period about to be played, capacities left). */
  plan(process: NetworkBookingProcess, state: BookingState): BookingRule | Promise<BookingRule>;
  /** Releases resources held across plans (LP sessions); the runner calls it when done. */
  dispose?(): void;
}

/**
 * The periods at which a policy re-optimises: `count` equally spaced times starting with period 0,
 * ⌊k·T/count⌋ for k = 0 … count − 1 (duplicates dropped when count > T). Topaloglu (2009) uses 5.
 * @example
 * import { reoptimizationPeriods } from 'yieldcraft/simulate';
 * reoptimizationPeriods(200, 5); // => [0, 40, 80, 120, 160]
 */
export function reoptimizationPeriods(periods: number, count: number): number[] {
  positiveInteger(periods, 'periods');
  positiveInteger(count, 'count');
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const t = Math.floor((k * periods) / count);
    if (out[out.length - 1] !== t) out.push(t);
  }
  return out;
}
