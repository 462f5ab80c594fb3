import { fail, object } from '../../internal/validate.js';
import { YieldInputError } from '../../model/errors.js';
import type { BidPriceTieRule } from '../../model/bookingPath.js';
import { compileNetwork, type CompiledNetwork } from '../../model/compileNetwork.js';
import { solveDlp } from '../../optimize/network/dlp.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { bidPriceControls } from '../../control/bidPriceControls.js';
import type { Policy } from '../policy.js';

/** The tie rule of the DLP policy (the booking path's `BidPriceTieRule`). */
export type DlpTieRule = BidPriceTieRule;

/** Defaults of {@link dlpBidPricePolicy}. */
export const DLP_POLICY_DEFAULTS = { tieRule: 'allocation', solver: 'highs' } as const;

const TIE_TEXT: Record<DlpTieRule, string> = {
  allocation: 'value = Σ bid prices: accepted while the product sold under these controls stays within ⌈its LP allocation⌉',
  accept: 'value = Σ bid prices: accepted (value ≥ Σ π)',
  reject: 'value = Σ bid prices: rejected (value > Σ π)',
};

/**
 * Bid-price control with deterministic-LP bid prices, re-solved at each planning time: solve the DLP
 * with the units on sale still free and the expected requests still to come (Williamson 1992; Talluri &
 * van Ryzin 2004, §3.3), and hand `decide` bid-price controls with the duals π and the allocation x:
 * a request for j is accepted iff its resources have units left and its value exceeds Σ_{i ∈ j} π_i.
 *
 * Tie rule (`tieRule`, value = Σ π to the shared tolerance): on the standard instances many products
 * sit exactly at their hurdle, because the DLP takes only part of their demand; 'allocation' (default)
 * follows the LP's own split: a tied product sells while its sales under these controls, this request
 * included, stay within ⌈x_j⌉ units. Each plan is a fresh LP solve (not a warm-started session), so the
 * plan is a pure function of the state: with degenerate duals a warm start picks a vertex that depends on
 * the plans solved before, which made results depend on the number of workers.
 *
 * Reference: Williamson (1992); Talluri & van Ryzin (2004), ch. 3; Topaloglu (2009) (the `dlp` policy).
 * @param options.tieRule - 'allocation' (default) | 'accept' | 'reject'
 * @param options.solver - LP solver ('highs' default)
 * @param options.valueAware - judge each request at its contribution plus the future value a refusal
 *   would lose (the process's `futureValue`; see `yieldcraft/customer`), default false
 * @example
 * import { dlpBidPricePolicy } from 'yieldcraft/simulate';
 * dlpBidPricePolicy({ tieRule: 'accept' }).name; // => 'DLP bid prices (ties: accept)'
 */
export function dlpBidPricePolicy(
  options: { readonly tieRule?: DlpTieRule; readonly solver?: LpSolverName; readonly valueAware?: boolean } = {},
): Policy {
  object(options, 'options');
  const tieRule = options.tieRule ?? DLP_POLICY_DEFAULTS.tieRule;
  if (!(tieRule in TIE_TEXT)) fail('options.tieRule', `must be 'allocation', 'accept' or 'reject', got ${JSON.stringify(tieRule)}`);
  const solver = options.solver ?? DLP_POLICY_DEFAULTS.solver;
  if (solver !== 'highs' && solver !== 'javascript-lp-solver') fail('options.solver', `must be 'highs' or 'javascript-lp-solver', got ${JSON.stringify(solver)}`);
  const valueAware = options.valueAware ?? false;
  if (typeof valueAware !== 'boolean') fail('options.valueAware', 'must be true or false', 'invalid-type');
  // one compiled network per process; each plan is a fresh LP solve, so that the duals and the allocation
  // (not unique when the LP is degenerate) depend only on the state planned from — never on which plans
  // a warm-started session solved before (that made results depend on the number of workers)
  const compiled = new Map<unknown, CompiledNetwork>();
  return {
    name: `DLP bid prices (ties: ${tieRule})${valueAware ? ', value-aware' : ''}`,
    tieRule: TIE_TEXT[tieRule],
    valueAware,
    spec: { kind: 'dlp', options: { tieRule, solver, valueAware } },
    async plan(ctx) {
      const remaining = ctx.remainingNetwork('mean');
      let net = compiled.get(ctx.process);
      if (!net) {
        net = compileNetwork(remaining);
        compiled.set(ctx.process, net);
      }
      const capacity = Float64Array.from(remaining.resources, (r) => r.capacity);
      const demand = Float64Array.from(remaining.products, (p) => p.demand as number);
      const r = await solveDlp(net, { capacity, demand }, { solver });
      if (r.status !== 'optimal')
        throw new YieldInputError('invalid', 'policy', `DLP bid-price policy: the LP solver failed at period ${ctx.period} (${r.message})`);
      const network = ctx.controlsNetwork();
      const allocation: Record<string, number> = {};
      network.products.forEach((p, j) => (allocation[p.id] = r.allocationArray[j]!));
      return bidPriceControls(network, r.bidPrices, { ties: tieRule, allocation });
    },
    dispose() {
      compiled.clear();
    },
  };
}
