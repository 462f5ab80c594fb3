/**
 * The perfect-hindsight bound of one trajectory of a booking process (network or hotel): the most
 * contribution any policy could have earned had it known in advance every request, which of them would
 * cancel or not show, and which guests would buy up,
 *
 *   max Σ_g v_g y_g − c Σ_i w_i   s.t.   Σ_{g uses i} y_g − w_i ≤ C_i − H_i,   0 ≤ y_g ≤ d_g,   0 ≤ w_i ≤ W_i,
 *
 * over groups g = (product, value) of the requests that stayed (units neither cancelled, washed nor
 * no-show; a guest who would buy up is counted at the best value it would pay, on the same nights),
 * with C the physical units, H the units held at the start, w the walked units at cost c each, and W
 * the walking any policy could do (units on sale above the physical ones). It is an LP relaxation, so it
 * bounds every policy's contribution on the same trajectory from above, and its mean bounds the optimal
 * expected contribution (Talluri & van Ryzin 2004, ch. 3, the "perfect hindsight" ex-post optimum).
 * @internal
 */
import { solveLp } from '../optimize/lp/solveLp.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import type { SimProcess, Trajectory } from './compileProcess.js';

/** The bound, or null when the LP solver failed (a status, not an exception). */
export async function hindsightBound(sp: SimProcess, traj: Trajectory, solver: LpSolverName = 'highs'): Promise<number | null> {
  const { net } = sp;
  const m = net.resourceIds.length;
  const groups = new Map<string, number>();
  const gProduct: number[] = [];
  const gValue: number[] = [];
  const gUnits: number[] = [];
  for (let r = 0; r < traj.n; r++) {
    if (traj.noShow[r] === 1) continue;
    const stay = traj.quantity[r]! - (traj.cancelTime[r]! < Infinity ? traj.cancelQuantity[r]! : 0);
    if (stay <= 0) continue;
    const j = traj.product[r]!;
    let v = traj.value[r]!;
    const s = traj.stream[r]!;
    if (s >= 0) {
      const b = sp.buyUp[s]!;
      for (let k = 0; k < b.products.length; k++) {
        if (!(traj.buyUpDraw[r * sp.maxBuyUp + k]! < b.probability)) break;
        if (b.values[k]! > v) v = b.values[k]!;
      }
    }
    const key = `${j}:${v}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = gProduct.length;
      groups.set(key, g);
      gProduct.push(j);
      gValue.push(v);
      gUnits.push(0);
    }
    gUnits[g]! += stay;
  }
  const G = gProduct.length;
  // variables: y_0..y_{G−1}, w_0..w_{m−1}
  const objective = new Float64Array(G + m);
  const upper = new Float64Array(G + m);
  for (let g = 0; g < G; g++) {
    objective[g] = gValue[g]!;
    upper[g] = gUnits[g]!;
  }
  for (let i = 0; i < m; i++) {
    objective[G + i] = -sp.walkCost;
    upper[G + i] = Math.max(0, Math.max(sp.authorized[i]!, sp.initialHeld[i]!) - sp.physical[i]!);
  }
  // rows by resource: the groups using it, then its w
  const count = new Int32Array(m);
  for (let g = 0; g < G; g++) {
    const j = gProduct[g]!;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) count[net.productResources[k]!]!++;
  }
  const starts = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) starts[i + 1] = starts[i]! + count[i]! + 1;
  const indices = new Int32Array(starts[m]!);
  const values = new Float64Array(starts[m]!);
  const fill = Int32Array.from(starts.subarray(0, m));
  for (let g = 0; g < G; g++) {
    const j = gProduct[g]!;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) {
      const i = net.productResources[k]!;
      indices[fill[i]!] = g;
      values[fill[i]!++] = 1;
    }
  }
  const rowUpper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    indices[fill[i]!] = G + i;
    values[fill[i]!] = -1;
    rowUpper[i] = sp.physical[i]! - sp.initialHeld[i]!;
  }
  const r = await solveLp(
    { sense: 'max', variables: { objective, upper }, constraints: { starts, indices, values, upper: rowUpper } },
    { solver },
  );
  return r.status === 'optimal' ? r.objective : null;
}
