import { object, positiveInteger } from '../../internal/validate.js';
import { YieldInputError } from '../../model/errors.js';
import type { LpSolverName } from '../../optimize/lp/types.js';
import { davn, DAVN_DEFAULTS } from '../../optimize/network/davn.js';
import type { Policy } from '../policy.js';
import { nestedControlsFromRemaining } from './nestedControls.js';

/**
 * Displacement-adjusted virtual nesting as a booking policy: at each planning time, `davn` on the
 * network as it stands (units left; each product's remaining demand Poisson with the expected requests
 * still to come), compiled into nested limits per resource (`resourceNestedLimitControls`): a request is
 * accepted iff its virtual class is open on every resource it uses.
 *
 * Tie rule: none at the bid price: products are nested by displacement-adjusted fare; an adjusted fare
 * ≤ 0 closes a product on that resource.
 *
 * Reference: Williamson (1992); Talluri & van Ryzin (2004), §3.4.2.
 * @example
 * import { davnPolicy } from 'yieldcraft/simulate';
 * davnPolicy({ virtualClasses: 10 }).name; // => 'DAVN (EMSR-b, 10 virtual classes)'
 */
export function davnPolicy(options: { readonly virtualClasses?: number; readonly solver?: LpSolverName } = {}): Policy {
  object(options, 'options');
  const K = positiveInteger(options.virtualClasses ?? DAVN_DEFAULTS.virtualClasses, 'options.virtualClasses');
  return {
    name: `DAVN (EMSR-b, ${K} virtual classes)`,
    tieRule: 'no bid-price tie: products are nested by displacement-adjusted fare; adjusted fare ≤ 0 closes a product on that resource',
    spec: { kind: 'davn', options: { virtualClasses: K, ...(options.solver ? { solver: options.solver } : {}) } },
    async plan(ctx) {
      const r = await davn(ctx.remainingNetwork('poisson'), { virtualClasses: K, ...(options.solver ? { solver: options.solver } : {}) });
      if (r.status !== 'ok') throw new YieldInputError('invalid', 'policy', `DAVN policy: the LP solver failed at period ${ctx.period} (${r.message})`);
      return nestedControlsFromRemaining(ctx, r.legs.map((l) => l.bookingLimits), r.productClasses);
    },
  };
}
