import { fail, object, positive } from '../../internal/validate.js';
import type { NetworkBookingProcess } from '../../model/bookingProcess.js';
import { YieldInputError } from '../../model/errors.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { dpDecomposition } from '../../optimize/network/dpDecomposition.js';
import type { Policy } from '../policy.js';
import { legValueControls, remainingUnits } from './legValuePolicy.js';

/**
 * Bid-price control with time- and capacity-dependent bid prices from the dynamic-programming
 * decomposition (`dpDecomposition`): at each planning time, the DLP with the units left and the expected
 * remaining demand prices every leg's partner legs at its duals, one DP per leg runs over the remaining
 * periods, and the leg value tables become `dynamic-bid-prices` controls: a request for j in period t is
 * accepted iff every leg has a unit left and its value ≥ Σ_{i ∈ j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)]
 * (ties accepted, as the leg DPs are indifferent there).
 *
 * On a hotel process each night's DP runs on sub-periods of the booking days (the daily form of
 * `dpDecomposition`, from `ctx.dailyProcess()`: the fewest sub-periods per day that keep a night's
 * arrival probability per sub-period at most `maxStepProbability`), and the tables have one row per
 * booking day, priced from the middle of the day. A multi-room request is priced at the sum of its
 * rooms' opportunity costs, as `decide` does. It costs more than the DLP per plan (a DP per night over
 * every sub-period left): plan it nightly on weeks, not on a year.
 *
 * Reference: Talluri & van Ryzin (2004), §3.4.3; Topaloglu (2009).
 * @example
 * import { dpDecompositionPolicy } from 'yieldcraft/simulate';
 * dpDecompositionPolicy().name; // => 'DP decomposition (DLP duals)'
 */
export function dpDecompositionPolicy(options: { readonly solver?: LpSolverName; readonly maxStepProbability?: number } = {}): Policy {
  object(options, 'options');
  if (options.maxStepProbability !== undefined) {
    const p = positive(options.maxStepProbability, 'options.maxStepProbability');
    if (p > 1) fail('options.maxStepProbability', `must be a probability in (0, 1], got ${p}`);
  }
  return {
    name: 'DP decomposition (DLP duals)',
    tieRule: 'value = Σ capacity-dependent bid prices: accepted (as the leg DPs do)',
    spec: {
      kind: 'dp-decomposition',
      options: { ...(options.solver ? { solver: options.solver } : {}), ...(options.maxStepProbability !== undefined ? { maxStepProbability: options.maxStepProbability } : {}) },
    },
    async plan(ctx) {
      const dp =
        ctx.kind === 'hotel'
          ? // a hotel: the daily form (each night's DP on sub-periods of the booking days)
            await dpDecomposition(ctx.dailyProcess(), {
              startPeriod: ctx.period,
              ...(options.solver ? { solver: options.solver } : {}),
              ...(options.maxStepProbability !== undefined ? { maxStepProbability: options.maxStepProbability } : {}),
            })
          : await dpDecomposition(ctx.process as NetworkBookingProcess, {
              startPeriod: ctx.period,
              capacity: remainingUnits(ctx),
              ...(options.solver ? { solver: options.solver } : {}),
            });
      if (dp.status !== 'ok') throw new YieldInputError('invalid', 'policy', `DP decomposition policy: the LP solver failed at period ${ctx.period} (${dp.message})`);
      return legValueControls(ctx, dp);
    },
  };
}
