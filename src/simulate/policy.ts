import type { Network } from '../model/index.js';
import type { DailyBookingProcess } from '../model/dailyBookingProcess.js';
import { reoptimizationSchedule } from '../model/bookingProcess.js';
import type { Controls } from '../control/controls.js';
import type { BookingProcess } from './compileProcess.js';

/**
 * What a policy sees when it plans: the process, the decision epoch, what is held and sold so far, and
 * the networks it needs, built once per plan. Everything is read-only: copy what you keep.
 */
export interface PlanningContext {
  /** The booking process as given (a `NetworkBookingProcess` or a `HotelBookingProcess`). */
  readonly process: BookingProcess;
  readonly kind: 'network' | 'hotel';
  /** The period (network) or booking day (hotel) about to be played. */
  readonly period: number;
  /** Units held per resource (network resource order). */
  readonly held: Float64Array;
  /** Units on sale per resource (the overbooking level; physical rooms without overbooking). */
  readonly authorized: Float64Array;
  /** Units sold per product so far in this trajectory. */
  readonly productSold: Float64Array;
  /**
   * The network to optimise: capacity = units on sale still free (0 on resources already consumed),
   * demand = the expected requests still to come per product (a mean, or a Poisson `Demand`).
   */
  remainingNetwork(demand?: 'mean' | 'poisson'): Network;
  /** The network the controls must be built on (capacity = units on sale, the resources' totals). */
  controlsNetwork(): Network;
  /**
   * The remaining horizon as a daily booking process (`DailyBookingProcess`, what the leg DPs of
   * `dpDecomposition` and `lagrangianRelaxation` take for a hotel): the network of `remainingNetwork`
   * (capacity = units on sale still free), `days` = the process's periods (booking days), and the
   * expected units per day and product, zero before this period. Plan it from `startPeriod: period`.
   */
  dailyProcess(): DailyBookingProcess;
}

/**
 * A booking policy: something that plans controls (`Controls` of `yieldcraft/control`) from the state
 * of the booking horizon; the simulator applies them to each request with the same `decide` that a
 * booking system calls, and records sales, cancellations and no-shows with the same validated state
 * operations (`recordSale`, `recordCancellation`, `recordNoShow`).
 *
 * `plan` may be slow and asynchronous (it solves an LP, a set of dynamic programs); it must be a pure
 * function of (process, context): the runner computes the plan of the initial state once and shares it
 * across trajectories, and plans again on the re-optimisation schedule. Every policy states its tie rule.
 * `spec` (plain data) lets worker threads rebuild the policy (built-in factories set it; a user's own
 * policy runs on worker threads as `{ kind: 'module', module, export?, options? }`).
 *
 * Reference: Talluri & van Ryzin (2004), ch. 3 (bid-price and booking-limit controls, re-solving);
 * Topaloglu (2009), computational study (5 re-optimisations, common random numbers).
 * @example
 * import { bidPriceControls } from 'yieldcraft/control';
 * // the user's own policy: a fixed bid price of 80 per unit on every resource
 * const fixed = {
 *   name: 'fixed 80', tieRule: 'value = Σ bid prices: accepted',
 *   plan: (ctx) => { const n = ctx.controlsNetwork(); return bidPriceControls(n, Object.fromEntries(n.resources.map((r) => [r.id, 80]))); },
 * };
 */
export interface Policy {
  /** Short name for reports ("DLP bid prices"). */
  readonly name: string;
  /** How a value exactly equal to the hurdle is treated, in words. */
  readonly tieRule: string;
  /** Plans controls for the state in `context`. */
  plan(context: PlanningContext): Controls | Promise<Controls>;
  /** Releases resources held across plans (LP sessions); the runner calls it when done. */
  dispose?(): void;
  /**
   * Value-aware acceptance: the simulator sends `decide` each request's value plus the future value a
   * refusal would lose (the process's `futureValue`); default false (contribution now only).
   */
  readonly valueAware?: boolean;
  /** Plain-data description for worker threads (see `policyFromSpec`). */
  readonly spec?: PolicySpec;
}

/** Plain-data policies (what worker threads receive). */
export type PolicySpec =
  | { readonly kind: 'fcfs' }
  | { readonly kind: 'dlp'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'rlp'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'davn'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'emsrb-per-night'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'dp-decomposition'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'lagrangian'; readonly options?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'dynamic-pricing'; readonly options?: Readonly<Record<string, unknown>> }
  /** A user's policy: `module` is an absolute path or file URL whose export (default `default`) is a
   * Policy or a factory `(options) => Policy`. */
  | { readonly kind: 'module'; readonly module: string; readonly export?: string; readonly options?: unknown };

/**
 * The periods at which a policy re-optimises: `count` equally spaced times starting with period 0,
 * ⌊k·T/count⌋ for k = 0 … count − 1 (every period once when count ≥ periods). Topaloglu (2009) uses 5.
 * The one schedule function of the library (`reoptimizationSchedule` of `yieldcraft/model`).
 * @example
 * import { reoptimizationPeriods } from 'yieldcraft/simulate';
 * reoptimizationPeriods(200, 5); // => [0, 40, 80, 120, 160]
 * reoptimizationPeriods(3, 5); // => [0, 1, 2]
 */
export function reoptimizationPeriods(periods: number, count: number): number[] {
  return reoptimizationSchedule(periods, count);
}
