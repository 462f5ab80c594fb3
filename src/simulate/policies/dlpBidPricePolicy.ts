/**
 * Bid-price control with deterministic-LP bid prices, re-solved at each planning time: solve the DLP
 * with the capacities left and the expected remaining demand D_j(t) = Σ_{s ≥ t} p_{s,j}, then accept a
 * request for j iff every resource it uses has a unit left and f_j exceeds Σ_{i ∈ j} π_i.
 *
 * Tie rule (`tieRule`, when f_j = Σ π_i to 1e-9 relative): on the standard instances many itineraries
 * sit exactly at the bid-price sum, because the DLP takes only part of their demand, and a blanket rule
 * either over-sells them ('accept': fare ≥ Σ π) or never sells them ('reject': fare > Σ π).
 * 'allocation' (the default) follows the LP's own solution: a tied product is accepted while its sales
 * since the last re-optimisation are below its LP allocation x_j (so ⌈x_j⌉ units at most), and rejected
 * after. Products strictly above the bid-price sum are always accepted, strictly below never.
 *
 * Reference: Williamson (1992); Talluri & van Ryzin (2004), ch. 3 (the DLP and bid-price controls);
 * Topaloglu (2009) (the `dlp` benchmark policy).
 *
 * @param options.tieRule - 'allocation' (default) | 'accept' | 'reject'
 * @param options.solver - LP solver ('highs' default)
 * @example
 * import { dlpBidPricePolicy, simulatePolicies } from 'yieldcraft/simulate';
 * const policy = dlpBidPricePolicy({ tieRule: 'allocation' });
 */
import { fail } from '../../internal/validate.js';
import { compileNetwork, type CompiledNetwork } from '../../optimize/network/networkInput.js';
import { openDlpSession, type DlpSession } from '../../optimize/network/dlp.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { expectedArrivals, type NetworkBookingProcess } from '../../optimize/network/topalogluModel.js';
import type { BookingRule, BookingState, Policy } from '../policy.js';
import { bidPriceRule, type DlpTieRule } from './bidPriceRule.js';

export type { DlpTieRule } from './bidPriceRule.js';

export const DLP_POLICY_DEFAULTS = { tieRule: 'allocation', solver: 'highs' } as const;


const TIE_TEXT: Record<DlpTieRule, string> = {
  allocation: "fare = Σ bid prices: accepted while sales since the last re-optimisation are below the LP allocation",
  accept: 'fare = Σ bid prices: accepted (fare ≥ Σ π)',
  reject: 'fare = Σ bid prices: rejected (fare > Σ π)',
};

export function dlpBidPricePolicy(options: { readonly tieRule?: DlpTieRule; readonly solver?: LpSolverName } = {}): Policy {
  const tieRule = options.tieRule ?? DLP_POLICY_DEFAULTS.tieRule;
  if (!(tieRule in TIE_TEXT)) fail('options.tieRule', `must be 'allocation', 'accept' or 'reject', got ${JSON.stringify(tieRule)}`);
  const solver = options.solver ?? DLP_POLICY_DEFAULTS.solver;
  // one compiled network and one warm LP session per process, closed by dispose()
  const sessions = new Map<NetworkBookingProcess, { net: CompiledNetwork; session: DlpSession }>();
  return {
    name: `DLP bid prices (ties: ${tieRule})`,
    tieRule: TIE_TEXT[tieRule],
    async plan(process: NetworkBookingProcess, state: BookingState): Promise<BookingRule> {
      let s = sessions.get(process);
      if (!s) {
        const net = compileNetwork(process.network);
        s = { net, session: await openDlpSession(net, { solver }) };
        sessions.set(process, s);
      }
      const r = await s.session.solve({ capacity: state.remaining, demand: expectedArrivals(process, state.period) });
      if (r.status !== 'optimal') throw new Error(`DLP bid-price policy: the LP solver failed at period ${state.period}: ${r.message}`);
      return bidPriceRule(s.net, Float64Array.from(r.bidPriceArray), Float64Array.from(r.allocationArray), state.sold, tieRule);
    },
    dispose() {
      for (const s of sessions.values()) s.session.close();
      sessions.clear();
    },
  };
}
