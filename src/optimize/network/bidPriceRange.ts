import type { Network } from '../../model/index.js';
import { array, fail, object } from '../../internal/validate.js';
import { solveLpSequence, type LpObjective } from '../lp/solveLpSequence.js';
import type { LpModel, LpSolverName } from '../lp/types.js';
import { compileNetwork, type CompiledNetwork } from '../../model/compileNetwork.js';
import { solveDlp, type DlpOverrides } from './dlp.js';

export interface BidPriceRangeOptions {
  /** Resource ids to range; default all. */
  readonly resources?: readonly string[];
  readonly solver?: LpSolverName;
}

export interface BidPriceInterval {
  /** The lowest optimal bid price (money per unit); = the gain from one more unit of capacity. */
  readonly min: number;
  /** The highest optimal bid price; = the loss from one unit less (+Infinity for a capacity-0 resource). */
  readonly max: number;
}

export type BidPriceRangeResult =
  | { readonly status: 'optimal'; readonly objective: number; readonly ranges: Record<string, BidPriceInterval> }
  | { readonly status: 'solver-failed'; readonly message: string };

/**
 * The optimal dual face of the DLP as an LP over (π, θ) with an empty objective, written exactly by
 * complementary slackness with a primal optimum x* (a dual solution is optimal iff it is feasible and
 * complementary to any one primal optimum: Bertsimas & Tsitsiklis 1997, Thm 4.5): π_i = 0 on a resource
 * with spare capacity, θ_j = 0 for a product below its demand bound, and Σ_{i∈j} π_i + θ_j = f_j for a
 * product with x_j > 0. "Spare" and "below" use a tolerance of 1e-7·max(1, largest capacity or demand).
 */
export function dlpDualFace(net: CompiledNetwork, allocation: ArrayLike<number>, overrides: DlpOverrides = {}): LpModel {
  const m = net.capacity.length;
  const n = net.fare.length;
  const capacity = overrides.capacity ?? net.capacity;
  const demand = overrides.demand ?? net.meanDemand;
  let scale = 1;
  for (let i = 0; i < m; i++) scale = Math.max(scale, capacity[i]!);
  for (let j = 0; j < n; j++) scale = Math.max(scale, demand[j]!);
  const tol = 1e-7 * scale;
  // variables: π_0..π_{m−1}, θ_0..θ_{n−1}; rows: one per product
  const varUpper = new Float64Array(m + n).fill(Infinity);
  const used = new Float64Array(m);
  for (let j = 0; j < n; j++)
    for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) used[net.productResources[q]!]! += allocation[j]!;
  for (let i = 0; i < m; i++) if (used[i]! < capacity[i]! - tol) varUpper[i] = 0;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(net.productResources.length + n);
  const values = new Float64Array(net.productResources.length + n).fill(1);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let k = 0;
  for (let j = 0; j < n; j++) {
    for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) indices[k++] = net.productResources[q]!;
    indices[k++] = m + j;
    starts[j + 1] = k;
    lower[j] = net.fare[j]!;
    upper[j] = allocation[j]! > tol ? net.fare[j]! : Infinity;
    if (allocation[j]! < demand[j]! - tol) varUpper[m + j] = 0;
  }
  return {
    sense: 'min',
    variables: { objective: new Float64Array(m + n), upper: varUpper },
    constraints: { starts, indices, values, lower, upper },
  };
}

/**
 * The range of DLP bid prices: for each resource, the lowest and the highest value its dual takes over
 * all optimal dual solutions of the DLP. When the DLP is degenerate (common: a night exactly full with
 * every stay using it at its demand bound) the bid prices `dlp` returns are one point of this set; the
 * range says how far any other equally optimal choice could move them.
 *
 * The DLP dual (Talluri & van Ryzin 2004, §3.3.1; Williamson 1992, ch. 3) is
 *
 *   minimise   Σ_i c_i π_i + Σ_j E[D_j] θ_j
 *   subject to Σ_{i∈j} π_i + θ_j ≥ f_j   (every product j),   π, θ ≥ 0,
 *
 * and its optimal face is the set of dual-feasible (π, θ) complementary to the DLP's optimal allocation
 * (see `dlpDualFace`). For each resource r we solve min π_r and max π_r over
 * the face: two small LPs per resource, warm-started from one another with HiGHS (`solveLpSequence`).
 * By LP sensitivity theory (Akgül 1984, "A note on shadow prices in linear programming", J. Oper. Res.
 * Soc. 35:425–431) the interval [min, max] is also [∂⁺z/∂c_r, ∂⁻z/∂c_r]: the gain from one more unit of
 * capacity (right derivative) and the loss from one unit less (left derivative), which is how the tests
 * check it independently. A resource of capacity 0 has max = +Infinity (its price never binds anything).
 *
 * Cost: 2 LP re-solves per resource asked for; pass `options.resources` to range only those you need
 * (the one-year hotel: 730 re-solves for all nights).
 *
 * @param network - as for `dlp`; never modified
 * @param options.resources - resource ids to range (default: all)
 * @param options.solver - 'highs' (default) or 'javascript-lp-solver'
 * @returns `{ status: 'optimal', objective, ranges: { [resourceId]: { min, max } } }`, or status 'solver-failed'
 * @example
 * import { bidPriceRange } from 'yieldcraft/optimize';
 * // One night, 10 rooms, two rates each with demand 5: the night is exactly full, every rate accepted,
 * // so any bid price between 0 and the lower rate (80) is optimal.
 * const r = await bidPriceRange({
 *   resources: [{ id: 'night', capacity: 10 }],
 *   products: [
 *     { id: 'rack', fare: 120, resources: ['night'], demand: 5 },
 *     { id: 'promo', fare: 80, resources: ['night'], demand: 5 },
 *   ],
 * });
 * r.ranges; // => { night: { min: 0, max: 80 } }
 */
export async function bidPriceRange(network: Network, options: BidPriceRangeOptions = {}): Promise<BidPriceRangeResult> {
  object(options, 'options');
  const net = compileNetwork(network);
  const wanted: number[] = [];
  if (options.resources === undefined) for (let i = 0; i < net.capacity.length; i++) wanted.push(i);
  else
    array<string>(options.resources, 'options.resources').forEach((id, u) => {
      const i = net.resourceIndex.get(id);
      if (i === undefined) fail(`options.resources[${u}]`, `unknown resource id ${JSON.stringify(id)}`, 'unknown-reference');
      wanted.push(i);
    });
  const solver = options.solver ?? 'highs';
  const d = await solveDlp(net, {}, { solver });
  if (d.status !== 'optimal') return { status: 'solver-failed', message: d.message };
  const face = dlpDualFace(net, d.allocationArray);
  const objectives: LpObjective[] = [];
  for (const i of wanted) {
    objectives.push({ sense: 'min', indices: [i], values: [1] });
    objectives.push({ sense: 'max', indices: [i], values: [1] });
  }
  const sols = await solveLpSequence(face, objectives, { solver });
  const ranges: Record<string, BidPriceInterval> = {};
  for (let u = 0; u < wanted.length; u++) {
    const lo = sols[2 * u]!;
    const hi = sols[2 * u + 1]!;
    if (lo.status !== 'optimal') return { status: 'solver-failed', message: `min bid price LP: ${lo.status}` };
    let max: number;
    if (hi.status === 'optimal') max = hi.objective;
    else if (hi.status === 'unbounded') max = Infinity;
    else return { status: 'solver-failed', message: `max bid price LP: ${hi.status}` };
    const min = Math.max(0, lo.objective);
    ranges[net.resourceIds[wanted[u]!]!] = { min: min < 1e-9 ? 0 : min, max: Math.max(min, max) };
  }
  return { status: 'optimal', objective: d.objective, ranges };
}
