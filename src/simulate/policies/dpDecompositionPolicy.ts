import { object } from '../../internal/validate.js';
import { YieldInputError } from '../../model/errors.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { dpDecomposition } from '../../optimize/network/dpDecomposition.js';
import type { Policy } from '../policy.js';
import { legValueControls, networkProcessOf, remainingUnits } from './legValuePolicy.js';

/**
 * Bid-price control with time- and capacity-dependent bid prices from the dynamic-programming
 * decomposition (`dpDecomposition`): at each planning time, the DLP with the units left and the expected
 * remaining demand prices every leg's partner legs at its duals, one DP per leg runs over the remaining
 * periods, and the leg value tables become `dynamic-bid-prices` controls: a request for j in period t is
 * accepted iff every leg has a unit left and its value ≥ Σ_{i ∈ j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)]
 * (ties accepted, as the leg DPs are indifferent there). Needs the network (one-request-per-period)
 * process.
 *
 * Reference: Talluri & van Ryzin (2004), §3.4.3; Topaloglu (2009).
 * @example
 * import { dpDecompositionPolicy } from 'yieldcraft/simulate';
 * dpDecompositionPolicy().name; // => 'DP decomposition (DLP duals)'
 */
export function dpDecompositionPolicy(options: { readonly solver?: LpSolverName } = {}): Policy {
  object(options, 'options');
  return {
    name: 'DP decomposition (DLP duals)',
    tieRule: 'value = Σ capacity-dependent bid prices: accepted (as the leg DPs do)',
    spec: { kind: 'dp-decomposition', options: options.solver ? { solver: options.solver } : {} },
    async plan(ctx) {
      const process = networkProcessOf(ctx, 'the DP decomposition policy');
      const dp = await dpDecomposition(process, {
        startPeriod: ctx.period,
        capacity: remainingUnits(ctx),
        ...(options.solver ? { solver: options.solver } : {}),
      });
      if (dp.status !== 'ok') throw new YieldInputError('invalid', 'policy', `DP decomposition policy: the LP solver failed at period ${ctx.period} (${dp.message})`);
      return legValueControls(ctx, dp);
    },
  };
}
