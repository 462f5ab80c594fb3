/**
 * Bid-price control with randomized-LP bid prices (Talluri & van Ryzin 1999), re-computed at each
 * planning time: the DLP duals averaged over `samples` demand vectors drawn for the remaining horizon
 * (each product's remaining demand Poisson with mean D_j(t) = Σ_{s ≥ t} p_{s,j}, the limit of its sum of
 * rare Bernoulli arrivals), capacities as left; accept a request for j iff every resource it uses has a
 * unit left and f_j ≥ Σ_{i ∈ j} π_i.
 *
 * Tie rule: a fare equal to the sum of the averaged bid prices (to 1e-9 relative) is accepted; averaged
 * duals rarely tie exactly.
 *
 * The sampling seed of a plan is `deriveSeed(seed, period)`, so a plan depends only on the state (as the
 * simulator requires) and the same seed gives the same policy.
 *
 * Reference: Talluri & van Ryzin (1999), Transportation Science 33(2):207–216; Topaloglu (2009) (the
 * `rlp` benchmark policy).
 * @example
 * import { rlpBidPricePolicy } from 'yieldcraft/simulate';
 * const policy = rlpBidPricePolicy({ samples: 30, seed: 1 });
 */
import { finite, positiveInteger } from '../../internal/validate.js';
import { deriveSeed } from '../../internal/rng.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { compileNetwork } from '../../optimize/network/networkInput.js';
import { rlp } from '../../optimize/network/rlp.js';
import { remainingNetwork, type NetworkBookingProcess } from '../../optimize/network/topalogluModel.js';
import type { BookingRule, BookingState, Policy } from '../policy.js';
import { bidPriceRule } from './bidPriceRule.js';

export const RLP_POLICY_DEFAULTS = { samples: 30, seed: 1999 } as const;

export function rlpBidPricePolicy(
  options: { readonly samples?: number; readonly seed?: number; readonly solver?: LpSolverName } = {},
): Policy {
  const samples = positiveInteger(options.samples ?? RLP_POLICY_DEFAULTS.samples, 'options.samples');
  const seed = finite(options.seed ?? RLP_POLICY_DEFAULTS.seed, 'options.seed');
  return {
    name: `RLP bid prices (${samples} samples)`,
    tieRule: 'fare = Σ bid prices: accepted (fare ≥ Σ π)',
    async plan(process: NetworkBookingProcess, state: BookingState): Promise<BookingRule> {
      const network = remainingNetwork(process, state.period, state.remaining, 'poisson');
      const r = await rlp(network, { samples, seed: deriveSeed(seed, state.period), ...(options.solver ? { solver: options.solver } : {}) });
      if (r.status !== 'optimal') throw new Error(`RLP bid-price policy: ${r.message}`);
      const net = compileNetwork(network);
      return bidPriceRule(net, r.bidPriceArray, new Float64Array(network.products.length), state.sold, 'accept');
    },
  };
}
