/**
 * Nested limits planned on the capacity left, as `resource-nested-limits` controls on totals: with
 * held_i units held at planning time and remaining-capacity limits b'_{i,c} (b'_{i,1} = units left),
 * the total limit is held_i + b'_{i,c}; a product closed on a resource gets an extra class whose limit
 * is the units held (nothing more sells). @internal
 */
import { resourceNestedLimitControls, type ResourceNestedLimitControls } from '../../control/resourceNestedLimitControls.js';
import type { PlanningContext } from '../policy.js';

export function nestedControlsFromRemaining(
  ctx: PlanningContext,
  /** Per resource (network order): limits on the units left, non-increasing. */
  remainingLimits: readonly (readonly number[])[],
  /** Per product: its class on each of its resources (−1 = closed there). */
  productClasses: readonly (readonly number[])[],
): ResourceNestedLimitControls {
  const network = ctx.controlsNetwork();
  const m = network.resources.length;
  const limits: Record<string, number[]> = {};
  const closedClass = new Int32Array(m).fill(-1);
  const index = new Map(network.resources.map((r, i) => [r.id, i]));
  network.products.forEach((p, j) =>
    p.resources.forEach((id, k) => {
      if (productClasses[j]![k]! < 0) closedClass[index.get(id)!] = 1;
    }),
  );
  network.resources.forEach((r, i) => {
    const held = ctx.held[i]!;
    const lim = remainingLimits[i]!.map((b) => held + Math.max(0, b));
    for (let c = 1; c < lim.length; c++) if (lim[c]! > lim[c - 1]!) lim[c] = lim[c - 1]!;
    if (closedClass[i] === 1) {
      closedClass[i] = lim.length;
      lim.push(held);
    }
    limits[r.id] = lim;
  });
  return resourceNestedLimitControls(
    {
      resources: network.resources,
      products: network.products.map((p, j) => ({
        ...p,
        classes: p.resources.map((id, k) => {
          const c = productClasses[j]![k]!;
          return c < 0 ? closedClass[index.get(id)!]! : c;
        }),
      })),
    },
    limits,
  );
}
