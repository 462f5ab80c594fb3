/**
 * The single-leg dynamic program shared by the Lagrangian relaxation (Topaloglu 2009) and the DP
 * decomposition (Talluri & van Ryzin 2004, §3.4): leg i alone, with a revenue r_{t,j} ("what leg i
 * earns when it accepts product j in period t") for each product j ∈ J_i,
 *
 *   v_t(x) = v_{t+1}(x) + Σ_{j ∈ J_i} p_{t,j} · max(0, r_{t,j} − [v_{t+1}(x) − v_{t+1}(x − 1)]),  x ≥ 1,
 *   v_t(0) = 0,  v_T(x) = 0,
 *
 * (Topaloglu 2009's leg subproblem; T&vR 2004's DP decomposition with displacement-adjusted fares), and the forward pass
 * that follows the leg's optimal policy from its starting capacity to get the probability that the leg
 * accepts product j in period t (the subgradient of the Lagrangian bound).
 *
 * Layout: a leg's value table V has (H + 1) rows of (cap + 1) numbers, row τ = t − start
 * (τ = H is the end of the horizon), V[τ·(cap+1) + x] = v_{start+τ}(x). Revenues r are (H rows) × |J_i|,
 * r[τ·|J_i| + k] for the k-th product of the leg. Everything is typed arrays; the loops allocate nothing.
 * @internal
 */
import type { CompiledProcess } from '../../model/compileBookingProcess.js';

/**
 * The arrival probabilities of leg i's products over periods start … T−1, gathered contiguously:
 * out[τ·|J_i| + k] = p_{start+τ, j_k} (so the kernels read memory in order).
 */
export function legProbabilities(cp: CompiledProcess, leg: number, start: number): Float64Array {
  const H = cp.T - start;
  const k0 = cp.net.resourceStart[leg]!;
  const nJ = cp.net.resourceStart[leg + 1]! - k0;
  const out = new Float64Array(H * nJ);
  for (let tau = 0; tau < H; tau++) {
    const row = (start + tau) * cp.nP;
    for (let k = 0; k < nJ; k++) out[tau * nJ + k] = cp.p[row + cp.net.resourceProducts[k0 + k]!]!;
  }
  return out;
}

/**
 * Fills V (length (H+1)·(cap+1)) by backward induction, for H periods, `nJ` products with
 * probabilities `pl` (from `legProbabilities`) and revenues `rev` (H × nJ).
 */
export function legBackward(H: number, nJ: number, cap: number, pl: Float64Array, rev: Float64Array, V: Float64Array): void {
  const w = cap + 1;
  const endRow = H * w;
  for (let x = 0; x <= cap; x++) V[endRow + x] = 0;
  for (let tau = H - 1; tau >= 0; tau--) {
    const cur = tau * w;
    const nxt = cur + w;
    const rRow = tau * nJ;
    V[cur] = 0;
    for (let x = 1; x <= cap; x++) {
      const vx = V[nxt + x]!;
      const d = vx - V[nxt + x - 1]!;
      let acc = vx;
      for (let k = 0; k < nJ; k++) {
        const g = rev[rRow + k]! - d;
        if (g > 0) acc += pl[rRow + k]! * g;
      }
      V[cur + x] = acc;
    }
  }
}

/**
 * Forward pass from `x0` units under the leg's optimal policy (accept j iff r > opportunity cost,
 * strictly): acc[τ·nJ + k] = P(the leg is in a state where it accepts its k-th product in period
 * start + τ). Scratch arrays `dist`, `nextDist` have length ≥ x0 + 1.
 */
export function legForward(
  H: number,
  nJ: number,
  cap: number,
  x0: number,
  pl: Float64Array,
  rev: Float64Array,
  V: Float64Array,
  acc: Float64Array,
  dist: Float64Array,
  nextDist: Float64Array,
): void {
  const w = cap + 1;
  acc.fill(0, 0, H * nJ);
  dist.fill(0, 0, x0 + 1);
  dist[x0] = 1;
  let lo = x0; // lowest reachable state
  for (let tau = 0; tau < H; tau++) {
    const nxt = (tau + 1) * w;
    const rRow = tau * nJ;
    nextDist.fill(0, lo > 0 ? lo - 1 : 0, x0 + 1);
    for (let x = lo; x <= x0; x++) {
      const m = dist[x]!;
      if (m === 0) continue;
      if (x === 0) {
        nextDist[0]! += m;
        continue;
      }
      const d = V[nxt + x]! - V[nxt + x - 1]!;
      let sell = 0;
      for (let k = 0; k < nJ; k++) {
        if (rev[rRow + k]! - d > 0) {
          acc[rRow + k]! += m;
          sell += pl[rRow + k]!;
        }
      }
      nextDist[x]! += m * (1 - sell);
      nextDist[x - 1]! += m * sell;
    }
    if (lo > 0) lo--;
    for (let x = lo; x <= x0; x++) dist[x] = nextDist[x]!;
  }
}

/** Value tables of all legs as a capacity- and time-dependent bid-price control. */
export interface LegValueFunctions {
  /** First period the tables cover (0-based, forward); they run to the end of the horizon. */
  readonly startPeriod: number;
  /** Total number of periods of the process. */
  readonly periods: number;
  /** Resource ids in `network.resources` order (the index of a table). */
  readonly resourceIds: readonly string[];
  /** Capacity per leg the tables were built for (states 0 … capacity). */
  readonly capacity: Int32Array;
  /** Per leg: (periods − startPeriod + 1) rows × (capacity + 1), row τ = t − startPeriod. */
  readonly tables: readonly Float64Array[];
  /** v_{i,t}(x): the leg's value with x units at the start of period t (startPeriod ≤ t ≤ periods). */
  value(resource: string | number, t: number, x: number): number;
  /** Opportunity cost of selling one unit of leg i in period t with x units left:
   * v_{i,t+1}(x) − v_{i,t+1}(x − 1); +Infinity when x = 0. */
  bidPrice(resource: string | number, t: number, x: number): number;
  /** Bid-price decision for a request for `product` in period t: every leg it uses has a unit left and
   * fare ≥ Σ bid prices − tolerance (ties accepted). `remaining` is per resource, in network order. */
  accept(product: string | number, t: number, remaining: ArrayLike<number>): boolean;
}

/** Relative tolerance for "fare equals the sum of bid prices" (floating-point noise, not a margin). */
export const BID_PRICE_TIE_TOLERANCE = 1e-9;

export function makeLegValueFunctions(
  cp: CompiledProcess,
  start: number,
  capacity: Int32Array,
  tables: Float64Array[],
): LegValueFunctions {
  const resIndex = new Map(cp.net.resourceIds.map((id, i) => [id, i]));
  const prodIndex = new Map(cp.net.productIds.map((id, j) => [id, j]));
  const T = cp.T;
  const leg = (r: string | number): number => {
    const i = typeof r === 'number' ? r : resIndex.get(r);
    if (i === undefined || !Number.isInteger(i) || i < 0 || i >= cp.nR)
      throw new RangeError(`unknown resource ${JSON.stringify(r)}`);
    return i;
  };
  const checkT = (t: number, max: number): void => {
    if (!Number.isInteger(t) || t < start || t > max)
      throw new RangeError(`period ${t} is outside ${start} … ${max} (the tables start at period ${start})`);
  };
  const bid = (i: number, t: number, x: number): number => {
    if (x <= 0) return Infinity;
    const w = capacity[i]! + 1;
    if (x > capacity[i]!) throw new RangeError(`state ${x} exceeds the capacity ${capacity[i]} of ${cp.net.resourceIds[i]}`);
    const row = (t + 1 - start) * w;
    const V = tables[i]!;
    return V[row + x]! - V[row + x - 1]!;
  };
  return {
    startPeriod: start,
    periods: T,
    resourceIds: cp.net.resourceIds,
    capacity,
    tables,
    value(resource, t, x) {
      const i = leg(resource);
      checkT(t, T);
      if (!Number.isInteger(x) || x < 0 || x > capacity[i]!) throw new RangeError(`state ${x} is outside 0 … ${capacity[i]}`);
      return tables[i]![(t - start) * (capacity[i]! + 1) + x]!;
    },
    bidPrice(resource, t, x) {
      const i = leg(resource);
      checkT(t, T - 1);
      return bid(i, t, x);
    },
    accept(product, t, remaining) {
      const j = typeof product === 'number' ? product : prodIndex.get(product);
      if (j === undefined || !Number.isInteger(j) || j < 0 || j >= cp.nP) throw new RangeError(`unknown product ${JSON.stringify(product)}`);
      checkT(t, T - 1);
      let sum = 0;
      for (let k = cp.net.productStart[j]!; k < cp.net.productStart[j + 1]!; k++) {
        const i = cp.net.productResources[k]!;
        const x = remaining[i]!;
        if (!(x >= 1)) return false;
        sum += bid(i, t, x);
      }
      const f = cp.net.fare[j]!;
      return f >= sum - BID_PRICE_TIE_TOLERANCE * Math.max(1, Math.abs(f));
    },
  };
}
