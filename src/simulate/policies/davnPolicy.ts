/**
 * Displacement-adjusted virtual nesting as a booking policy: at each planning time, solve `davn` on the
 * network as it stands (capacities left; each product's demand over the remaining periods modelled as
 * Poisson with mean D_j(t) = Σ_{s ≥ t} p_{s,j}, the limit of a sum of rare Bernoulli arrivals); then
 * accept a request iff its virtual class is open on every leg it uses (remaining capacity above the
 * protection level of the classes nested above it).
 *
 * Tie rule: none at the bid price (see `davn`): a product whose fare equals the sum of its legs' DLP
 * bid prices is nested on each leg at its adjusted fare π_i; a product with an adjusted fare ≤ 0 on
 * a leg is closed.
 *
 * Reference: Williamson (1992); Talluri & van Ryzin (2004), §3.4.
 * @example
 * import { davnPolicy } from 'yieldcraft/simulate';
 * const policy = davnPolicy({ virtualClasses: 10 });
 */
import type { LpSolverName } from '../../optimize/lp/types.js';
import { davn, DAVN_DEFAULTS } from '../../optimize/network/davn.js';
import { remainingNetwork, type NetworkBookingProcess } from '../../optimize/network/topalogluModel.js';
import type { BookingRule, BookingState, Policy } from '../policy.js';

export function davnPolicy(options: { readonly virtualClasses?: number; readonly solver?: LpSolverName } = {}): Policy {
  const K = options.virtualClasses ?? DAVN_DEFAULTS.virtualClasses;
  return {
    name: `DAVN (EMSR-b, ${K} virtual classes)`,
    tieRule: 'no bid-price tie: products are nested by displacement-adjusted fare; adjusted fare ≤ 0 closes a product on that leg',
    async plan(process: NetworkBookingProcess, state: BookingState): Promise<BookingRule> {
      const network = remainingNetwork(process, state.period, state.remaining, 'poisson');
      const r = await davn(network, { virtualClasses: K, ...(options.solver ? { solver: options.solver } : {}) });
      if (r.status !== 'ok') throw new Error(`DAVN policy: ${r.message}`);
      return (j, s) => r.accept(j, s.remaining);
    },
  };
}
