/**
 * Bid-price control with the capacity-dependent bid prices of the Lagrangian relaxation (Topaloglu
 * 2009, the paper's own method): at period 0 the relaxation is solved from DLP-dual fare splits (so
 * its bound is at most the DLP bound) for `iterations` subgradient steps; at each later planning time
 * it is re-solved from the state reached, warm-started from the period-0 multipliers, for
 * `reoptimizationIterations` steps. A request for j in period t is accepted iff every leg has a unit
 * left and f_j ≥ Σ_{i ∈ j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)] (the leg value functions at the best
 * multipliers).
 *
 * Tie rule: a fare equal to the sum of the bid prices is accepted. (With capacity-dependent bid prices
 * exact ties are rare: none among the 20,000 requests of rm_200_5_1.0_4.0's 100 benchmark trajectories.)
 *
 * Re-solve accuracy: the default of 50 warm-started iterations per re-solve is near-converged (300 gave
 * the same mean revenue within 0.01 % on rm_200_5_1.0_4.0); 10 iterations gave 0.03–0.24 % less mean
 * revenue on each of the 17 Topaloglu (2009) instances compared on the same 100 trajectories.
 *
 * Reference: Topaloglu (2009).
 * @example
 * import { lagrangianPolicy } from 'yieldcraft/simulate';
 * const policy = lagrangianPolicy({ iterations: 300, reoptimizationIterations: 50 });
 */
import { positiveInteger, nonNegativeInteger } from '../../internal/validate.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { dlp } from '../../optimize/network/dlp.js';
import {
  LAGRANGIAN_DEFAULTS,
  lagrangianRelaxation,
  type LagrangianResult,
} from '../../optimize/network/lagrangianRelaxation.js';
import { remainingNetwork, type NetworkBookingProcess } from '../../optimize/network/topalogluModel.js';
import type { BookingRule, BookingState, Policy } from '../policy.js';

export const LAGRANGIAN_POLICY_DEFAULTS = {
  iterations: LAGRANGIAN_DEFAULTS.iterations,
  /** Subgradient iterations of each later re-solve (warm-started from the period-0 multipliers). */
  reoptimizationIterations: 50,
} as const;

export function lagrangianPolicy(
  options: { readonly iterations?: number; readonly reoptimizationIterations?: number; readonly solver?: LpSolverName } = {},
): Policy {
  const iterations = positiveInteger(options.iterations ?? LAGRANGIAN_POLICY_DEFAULTS.iterations, 'options.iterations');
  const reIt = nonNegativeInteger(
    options.reoptimizationIterations ?? LAGRANGIAN_POLICY_DEFAULTS.reoptimizationIterations,
    'options.reoptimizationIterations',
  );
  const initial = new WeakMap<NetworkBookingProcess, LagrangianResult>();
  const solveInitial = async (process: NetworkBookingProcess): Promise<LagrangianResult> => {
    let r = initial.get(process);
    if (!r) {
      const lp = await dlp(remainingNetwork(process, 0), options.solver ? { solver: options.solver } : {});
      r = lagrangianRelaxation(process, {
        iterations,
        ...(lp.status === 'optimal' ? { initialBidPrices: lp.bidPriceArray } : {}),
      });
      initial.set(process, r);
    }
    return r;
  };
  return {
    name: 'Lagrangian relaxation (Topaloglu 2009)',
    tieRule: 'fare = Σ capacity-dependent bid prices: accepted',
    async plan(process: NetworkBookingProcess, state: BookingState): Promise<BookingRule> {
      const first = await solveInitial(process);
      let full = true;
      for (let i = 0; i < state.remaining.length; i++) if (state.remaining[i] !== first.capacity[i]) full = false;
      const r =
        state.period === 0 && full
          ? first
          : lagrangianRelaxation(process, {
              startPeriod: state.period,
              capacity: state.remaining,
              initialMultipliers: first.multipliers,
              iterations: reIt,
            });
      return (j, s) => r.accept(j, s.period, s.remaining);
    },
  };
}
