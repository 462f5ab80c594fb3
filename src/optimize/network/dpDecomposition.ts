import { fail } from '../../internal/validate.js';
import { bidPriceVector, compileBookingProcess, startCapacity } from '../../model/compileBookingProcess.js';
import { remainingNetwork, type NetworkBookingProcess } from '../../model/bookingProcess.js';
import { legBackward, legProbabilities, makeLegValueFunctions, type LegValueFunctions } from './lagrangianKernels.js';
import { dlp } from './dlp.js';
import type { LpSolverName } from '../lp/types.js';

export interface DpDecompositionOptions {
  readonly bidPrices?: Readonly<Record<string, number>> | ArrayLike<number>;
  readonly startPeriod?: number;
  readonly capacity?: ArrayLike<number>;
  readonly solver?: LpSolverName;
}

export type DpDecompositionResult =
  | (LegValueFunctions & {
      readonly status: 'ok';
      /** The bid prices π the other legs were priced at, by resource id. */
      readonly bidPrices: Readonly<Record<string, number>>;
      /** Displacement-adjusted fare r_{i,j} per leg, in the order of the leg's products (J_i in
       * network order); negative values mean the leg never accepts that product. */
      readonly adjustedFares: readonly Float64Array[];
    })
  | { readonly status: 'solver-failed'; readonly message: string };

/**
 * Dynamic-programming decomposition of a network: one single-leg dynamic program per leg, in which
 * every other leg a product uses is priced at its (DLP) bid price, giving time- and
 * capacity-dependent bid prices for the whole network.
 *
 * For leg i, a request for product j ∈ J_i is worth its displacement-adjusted fare
 * r_{i,j} = f_j − Σ_{k ∈ L_j, k ≠ i} π_k (the fare less what the product costs the other legs at their
 * bid prices π), and the leg solves
 *
 *   v_{i,t}(x) = v_{i,t+1}(x) + Σ_{j ∈ J_i} p_{t,j} [r_{i,j} − (v_{i,t+1}(x) − v_{i,t+1}(x − 1))]⁺,
 *   v_{i,t}(0) = 0,  v_{i,T}(x) = 0.
 *
 * A request for j in period t with remaining capacities x is accepted iff every leg it uses has a unit
 * left and f_j ≥ Σ_{i ∈ L_j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)]: the bid price of a leg now depends
 * on how much of it is left and how much time remains, unlike the static DLP bid price. The
 * acceptance is the booking path's one verdict kernel (`bidPriceVerdict`, tie rule 'accept': a fare
 * equal to the sum of bid prices within `BID_PRICE_TIE_TOLERANCE`, relative, is accepted, as the leg DP
 * itself is indifferent there); `hurdle(j, t, remaining)` gives the sum itself.
 *
 * The bid prices π default to the optimal duals of the deterministic LP over the remaining horizon
 * (`dlp(remainingNetwork(process, startPeriod, capacity))`); pass `bidPrices` to use others (RLP,
 * a previous solve). Re-optimise by calling again with a later `startPeriod` and the capacities left.
 *
 * Reference: Talluri & van Ryzin (2004), §3.4 (dynamic programming decomposition);
 * Liu & van Ryzin (2008) and Zhang & Adelman (2009) for its use as bid prices; Topaloglu (2009)
 * compares it on the same instances. The leg DP is the same kernel as `lagrangianRelaxation` with
 * time-invariant multipliers λ_{i,t,j} = r_{i,j}.
 *
 * @param process - the network booking process (`NetworkBookingProcess`)
 * @param options.bidPrices - π per resource (object by id, or array in network order); default: DLP duals
 * @param options.startPeriod - first period (0-based, forward) to plan from (default 0)
 * @param options.capacity - units left per resource at `startPeriod` (default: full capacity)
 * @param options.solver - LP solver for the default DLP duals (see `dlp`)
 * @example
 * import { dpDecomposition } from 'yieldcraft/optimize';
 * const process = {
 *   network: { resources: [{ id: 'AB', capacity: 1 }], products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 1 }] },
 *   periods: 2,
 *   arrivalProbabilities: [0.5, 0.5],
 * };
 * const dp = await dpDecomposition(process, { bidPrices: { AB: 0 } });
 * dp.value('AB', 0, 1); // => 75 (sells in period 0 with probability 1/2, else in period 1 with 1/2)
 * dp.bidPrice('AB', 0, 1); // => 50 (the value of the last seat with one period to go)
 */
export async function dpDecomposition(
  process: NetworkBookingProcess,
  options: DpDecompositionOptions = {},
): Promise<DpDecompositionResult> {
  const cp = compileBookingProcess(process);
  const start = options.startPeriod ?? 0;
  if (!Number.isInteger(start) || start < 0 || start > cp.T)
    fail('options.startPeriod', `must be a whole number in 0 … ${cp.T}, got ${String(start)}`);
  const capacity = startCapacity(cp, options.capacity);
  let prices = options.bidPrices;
  if (prices === undefined) {
    const lp = await dlp(remainingNetwork(process, start, capacity), options.solver === undefined ? {} : { solver: options.solver });
    if (lp.status !== 'optimal') return { status: 'solver-failed', message: lp.message };
    prices = lp.bidPrices;
  }
  const pi = bidPriceVector(cp.net, prices, 'options.bidPrices');
  return dpDecompositionFromPrices(process, cp, start, capacity, pi);
}

function dpDecompositionFromPrices(
  _process: NetworkBookingProcess,
  cp: ReturnType<typeof compileBookingProcess>,
  start: number,
  capacity: Int32Array,
  pi: Float64Array,
): DpDecompositionResult {
  const H = cp.T - start;
  const tables: Float64Array[] = [];
  const adjusted: Float64Array[] = [];
  for (let i = 0; i < cp.nR; i++) {
    const k0 = cp.net.resourceStart[i]!;
    const nJ = cp.net.resourceStart[i + 1]! - k0;
    const r = new Float64Array(nJ);
    for (let k = 0; k < nJ; k++) {
      const j = cp.net.resourceProducts[k0 + k]!;
      let other = 0;
      for (let q = cp.net.productStart[j]!; q < cp.net.productStart[j + 1]!; q++) if (cp.net.productResources[q] !== i) other += pi[cp.net.productResources[q]!]!;
      r[k] = cp.net.fare[j]! - other;
    }
    adjusted.push(r);
    const rev = new Float64Array(H * nJ);
    for (let tau = 0; tau < H; tau++) rev.set(r, tau * nJ);
    const V = new Float64Array((H + 1) * (capacity[i]! + 1));
    legBackward(H, nJ, capacity[i]!, legProbabilities(cp, i, start), rev, V);
    tables.push(V);
  }
  const vf = makeLegValueFunctions(cp, start, capacity, tables);
  const bidPrices: Record<string, number> = {};
  cp.net.resourceIds.forEach((id, i) => (bidPrices[id] = pi[i]!));
  return Object.assign(vf, { status: 'ok' as const, bidPrices, adjustedFares: adjusted });
}
