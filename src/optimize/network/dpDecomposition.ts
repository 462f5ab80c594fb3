import { fail, nonNegativeInteger, object, positive } from '../../internal/validate.js';
import { bidPriceVector, compileBookingProcess, startCapacity } from '../../model/compileBookingProcess.js';
import { remainingNetwork, type NetworkBookingProcess } from '../../model/bookingProcess.js';
import { isDailyBookingProcess, validateDailyBookingProcess, type DailyBookingProcess } from '../../model/dailyBookingProcess.js';
import { compileNetwork } from '../../model/compileNetwork.js';
import type { Network } from '../../model/schemas.js';
import {
  dailyScratch,
  legBackward,
  legBackwardDaily,
  legProbabilities,
  makeLegValueFunctions,
  subPeriodsPerDay,
  type LegValueFunctions,
} from './lagrangianKernels.js';
import { dlp } from './dlp.js';
import type { LpSolverName } from '../lp/types.js';

/** Defaults of {@link dpDecomposition}. */
export const DP_DECOMPOSITION_DEFAULTS = {
  /**
   * Daily processes: the largest probability that a unit of a leg's products arrives in one sub-period
   * (each day is cut into the fewest sub-periods that keep it so on the leg's busiest day). Smaller is
   * closer to the Poisson process and proportionally slower.
   */
  maxStepProbability: 0.2,
} as const;

export interface DpDecompositionOptions {
  readonly bidPrices?: Readonly<Record<string, number>> | ArrayLike<number>;
  /** First period (day, for a daily process) to plan from. */
  readonly startPeriod?: number;
  readonly capacity?: ArrayLike<number>;
  readonly solver?: LpSolverName;
  /** Daily processes only: see {@link DP_DECOMPOSITION_DEFAULTS}; in (0, 1]. */
  readonly maxStepProbability?: number;
}

export type DpDecompositionResult =
  | (LegValueFunctions & {
      readonly status: 'ok';
      /** The bid prices π the other legs were priced at, by resource id. */
      readonly bidPrices: Readonly<Record<string, number>>;
      /** Displacement-adjusted fare r_{i,j} per leg, in the order of the leg's products (J_i in
       * network order); negative values mean the leg never accepts that product. */
      readonly adjustedFares: readonly Float64Array[];
      /** Daily processes: the sub-periods each day was cut into, per leg (1 per period otherwise). */
      readonly subPeriodsPerDay?: Int32Array;
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
 * **Daily processes** (`DailyBookingProcess`: a hotel, with many requests a day). Periods are booking
 * days and `startPeriod` is a day. Each leg cuts each day into K_i sub-periods, the fewest that keep
 * the probability of a unit of its products in one sub-period at most `maxStepProbability` on its
 * busiest day (p_{d,j} = u_{d,j} / K_i: the one-request-per-period DP approaching the Poisson process
 * as K_i grows), and the recursion above runs over them. The table row for day d + 1 holds the value
 * from the middle of day d on (⌊K_i/2⌋ of its sub-periods still to come), so that a request on day d is
 * priced by the demand still to come when a request falls on average; `subPeriodsPerDay` reports
 * K_i. Cost: Σ_i days × K_i × (capacity_i + |J_i|) (products sorted by fare once a day, prefix sums);
 * memory: Σ_i (days + 1) × (capacity_i + 1) numbers.
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
  process: NetworkBookingProcess | DailyBookingProcess,
  options: DpDecompositionOptions = {},
): Promise<DpDecompositionResult> {
  object(options, 'options');
  if (isDailyBookingProcess(process)) return dpDecompositionDaily(process, options);
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

/**
 * The daily form (`DailyBookingProcess`, a hotel): each leg's DP runs on sub-periods of its days
 * (`legBackwardDaily`), with the same displacement-adjusted fares; one table row per day.
 */
async function dpDecompositionDaily(process: DailyBookingProcess, options: DpDecompositionOptions): Promise<DpDecompositionResult> {
  validateDailyBookingProcess(process);
  const net = compileNetwork(process.network, 'process.network');
  const nR = net.resourceIds.length;
  const nP = net.productIds.length;
  const days = process.days;
  const start = options.startPeriod ?? 0;
  if (!Number.isInteger(start) || start < 0 || start > days)
    fail('options.startPeriod', `must be a whole number in 0 … ${days} (a booking day), got ${String(start)}`);
  const pmax = positive(options.maxStepProbability ?? DP_DECOMPOSITION_DEFAULTS.maxStepProbability, 'options.maxStepProbability');
  if (pmax > 1) fail('options.maxStepProbability', `must be a probability in (0, 1], got ${pmax}`);
  const capacity = new Int32Array(nR);
  if (options.capacity !== undefined && options.capacity.length !== nR)
    fail('options.capacity', `must hold one number per resource (${nR}), got ${options.capacity.length}`, 'inconsistent');
  for (let i = 0; i < nR; i++)
    capacity[i] = options.capacity === undefined ? net.capacity[i]! : nonNegativeInteger(options.capacity[i], `options.capacity[${i}]`);
  if (capacity.reduce((a, c) => a + (c + 1) * (days - start + 1), 0) > 2e8)
    fail('options.capacity', `the value tables would hold more than 200,000,000 numbers (Σ (capacity + 1) × (days left + 1)); plan a shorter horizon or fewer resources`);
  const u = process.unitsPerDay;
  let prices = options.bidPrices;
  if (prices === undefined) {
    const left = new Float64Array(nP);
    for (let d = start; d < days; d++) for (let j = 0; j < nP; j++) left[j]! += u[d * nP + j]!;
    const remaining: Network = {
      resources: net.resourceIds.map((id, i) => ({ id, capacity: capacity[i]! })),
      products: process.network.products.map((p, j) => ({ id: p.id, fare: p.fare, resources: p.resources, demand: left[j]! })),
    };
    const lp = await dlp(remaining, options.solver === undefined ? {} : { solver: options.solver });
    if (lp.status !== 'optimal') return { status: 'solver-failed', message: lp.message };
    prices = lp.bidPrices;
  }
  const pi = bidPriceVector(net, prices, 'options.bidPrices');
  const H = days - start;
  const tables: Float64Array[] = [];
  const adjusted: Float64Array[] = [];
  const K = new Int32Array(nR);
  const sc = dailyScratch();
  for (let i = 0; i < nR; i++) {
    const k0 = net.resourceStart[i]!;
    const nJ = net.resourceStart[i + 1]! - k0;
    const r = new Float64Array(nJ);
    for (let k = 0; k < nJ; k++) {
      const j = net.resourceProducts[k0 + k]!;
      let other = 0;
      for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) if (net.productResources[q] !== i) other += pi[net.productResources[q]!]!;
      r[k] = net.fare[j]! - other;
    }
    adjusted.push(r);
    const units = new Float64Array(H * nJ);
    const rev = new Float64Array(H * nJ);
    for (let tau = 0; tau < H; tau++) {
      rev.set(r, tau * nJ);
      for (let k = 0; k < nJ; k++) units[tau * nJ + k] = u[(start + tau) * nP + net.resourceProducts[k0 + k]!]!;
    }
    K[i] = subPeriodsPerDay(H, nJ, units, pmax);
    if (H * K[i]! * (capacity[i]! + 1 + nJ) > 5e9)
      fail(
        'process.unitsPerDay',
        `resource ${JSON.stringify(net.resourceIds[i])}: its busiest day needs ${K[i]} sub-periods (maxStepProbability ${pmax}); ${H} days × that × ${capacity[i]! + 1} states is more than 5·10⁹ steps`,
      );
    const V = new Float64Array((H + 1) * (capacity[i]! + 1));
    legBackwardDaily(H, nJ, capacity[i]!, K[i]!, units, rev, V, sc);
    tables.push(V);
  }
  const vf = makeLegValueFunctions({ net, T: days, nR, nP }, start, capacity, tables);
  const bidPrices: Record<string, number> = {};
  net.resourceIds.forEach((id, i) => (bidPrices[id] = pi[i]!));
  return Object.assign(vf, { status: 'ok' as const, bidPrices, adjustedFares: adjusted, subPeriodsPerDay: K });
}
