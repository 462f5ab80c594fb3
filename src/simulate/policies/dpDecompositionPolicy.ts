/**
 * Bid-price control with time- and capacity-dependent bid prices from the dynamic-programming
 * decomposition (`dpDecomposition`): at each planning time, solve the DLP with the capacities left and
 * the expected remaining demand, price every leg's partner legs at the DLP duals, solve one dynamic
 * program per leg over the remaining periods; then accept a request for j in period t iff every leg has
 * a unit left and f_j ≥ Σ_{i ∈ j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)].
 *
 * Tie rule: a fare equal to the sum of the (capacity-dependent) bid prices is accepted, as the leg
 * dynamic programs themselves do; with these bid prices exact ties are rare (they vary with x and t).
 *
 * Reference: Talluri & van Ryzin (2004), §3.4; Topaloglu (2009).
 * @example
 * import { dpDecompositionPolicy } from 'yieldcraft/simulate';
 * const policy = dpDecompositionPolicy();
 */
import type { LpSolverName } from '../../optimize/lp/types.js';
import { dpDecomposition } from '../../optimize/network/dpDecomposition.js';
import type { NetworkBookingProcess } from '../../optimize/network/topalogluModel.js';
import type { BookingRule, BookingState, Policy } from '../policy.js';

export function dpDecompositionPolicy(options: { readonly solver?: LpSolverName } = {}): Policy {
  return {
    name: 'DP decomposition (DLP duals)',
    tieRule: 'fare = Σ capacity-dependent bid prices: accepted (as the leg DPs do)',
    async plan(process: NetworkBookingProcess, state: BookingState): Promise<BookingRule> {
      const dp = await dpDecomposition(process, {
        startPeriod: state.period,
        capacity: state.remaining,
        ...(options.solver ? { solver: options.solver } : {}),
      });
      if (dp.status !== 'ok') throw new Error(`DP decomposition policy: ${dp.message}`);
      return (j, s) => dp.accept(j, s.period, s.remaining);
    },
  };
}
