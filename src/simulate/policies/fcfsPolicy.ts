import { bidPriceControls, type BidPriceControls } from '../../control/bidPriceControls.js';
import type { Policy } from '../policy.js';

/**
 * First come, first served: every request is accepted while its resources have units on sale — bid
 * prices of 0 everywhere, the "no control" reference of revenue-opportunity measurement (Phillips 2005,
 * §7.6). Overbooking still applies through the units on sale (`authorized`).
 * @example
 * import { fcfsPolicy } from 'yieldcraft/simulate';
 * fcfsPolicy().name; // => 'first come, first served'
 */
export function fcfsPolicy(): Policy {
  // the plan does not depend on the state: built once per process
  const cache = new WeakMap<object, BidPriceControls>();
  return {
    name: 'first come, first served',
    tieRule: 'no bid prices (all 0): every request with units left is accepted',
    spec: { kind: 'fcfs' },
    plan(ctx) {
      let c = cache.get(ctx.process);
      if (!c) {
        const network = ctx.controlsNetwork();
        c = bidPriceControls(network, Object.fromEntries(network.resources.map((r) => [r.id, 0])), { ties: 'accept' });
        cache.set(ctx.process, c);
      }
      return c;
    },
  };
}
