import { finite, object, positiveInteger } from '../../internal/validate.js';
import { YieldInputError } from '../../model/errors.js';
import { deriveSeed } from '../../internal/rng.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { rlp } from '../../optimize/network/rlp.js';
import { bidPriceControls } from '../../control/bidPriceControls.js';
import type { Policy } from '../policy.js';

/** Defaults of {@link rlpBidPricePolicy}. */
export const RLP_POLICY_DEFAULTS = { samples: 30, seed: 1999 } as const;

/**
 * Bid-price control with randomized-LP bid prices (Talluri & van Ryzin 1999): at each planning time,
 * average the DLP duals over `samples` draws of the remaining demand (Poisson with the expected
 * remaining requests), seeded by (seed, period) so the plan is a pure function of the state. Ties are
 * accepted (value ≥ Σ π): the averaged duals carry no allocation to split a tie with.
 * @example
 * import { rlpBidPricePolicy } from 'yieldcraft/simulate';
 * rlpBidPricePolicy({ samples: 30, seed: 1 }).name; // => 'RLP bid prices (30 samples)'
 */
export function rlpBidPricePolicy(options: { readonly samples?: number; readonly seed?: number; readonly solver?: LpSolverName } = {}): Policy {
  object(options, 'options');
  const samples = positiveInteger(options.samples ?? RLP_POLICY_DEFAULTS.samples, 'options.samples');
  const seed = finite(options.seed ?? RLP_POLICY_DEFAULTS.seed, 'options.seed');
  return {
    name: `RLP bid prices (${samples} samples)`,
    tieRule: 'value = Σ bid prices: accepted (value ≥ Σ π)',
    spec: { kind: 'rlp', options: { samples, seed, ...(options.solver ? { solver: options.solver } : {}) } },
    async plan(ctx) {
      const r = await rlp(ctx.remainingNetwork('poisson'), { samples, seed: deriveSeed(seed, ctx.period), ...(options.solver ? { solver: options.solver } : {}) });
      if (r.status !== 'optimal') throw new YieldInputError('invalid', 'policy', `RLP bid-price policy: the LP solver failed at period ${ctx.period} (${r.message})`);
      return bidPriceControls(ctx.controlsNetwork(), r.bidPrices, { ties: 'accept' });
    },
  };
}
