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
import { YieldInputError } from '../../model/errors.js';
import { bidPriceVerdict, BID_PRICE_TIE_TOLERANCE } from '../../model/bookingPath.js';

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

/** Reusable buffers of {@link legBackwardDaily} (grown on demand). */
export interface DailyScratch {
  order: Int32Array;
  sortedRev: Float64Array;
  cumP: Float64Array;
  cumR: Float64Array;
  rowA: Float64Array;
  rowB: Float64Array;
}

export function dailyScratch(): DailyScratch {
  const e = new Float64Array(0);
  return { order: new Int32Array(0), sortedRev: e, cumP: e, cumR: e, rowA: e, rowB: e };
}

/**
 * Sub-periods per day for a leg whose products bring `units[τ·nJ + k]` expected units on day τ: the
 * fewest K with Σ_k units / K ≤ `maxStepProbability` on every day (so that at most one unit arrives
 * in a sub-period with probability ≥ 1 − maxStepProbability), at least 1.
 */
export function subPeriodsPerDay(H: number, nJ: number, units: Float64Array, maxStepProbability: number): number {
  let busiest = 0;
  for (let tau = 0; tau < H; tau++) {
    let s = 0;
    for (let k = 0; k < nJ; k++) s += units[tau * nJ + k]!;
    if (s > busiest) busiest = s;
  }
  return Math.max(1, Math.ceil(busiest / maxStepProbability - 1e-12));
}

/**
 * The leg DP of a daily booking process (`DailyBookingProcess`): day τ is cut into K sub-periods, in
 * each of which product k arrives with probability p_{τ,k} = units[τ·nJ + k] / K, and
 *
 *   v(x) ← v(x) + Σ_k p_{τ,k} · max(0, r_{τ,k} − [v(x) − v(x − 1)]),  x ≥ 1,  v(0) = 0,
 *
 * is applied K times per day, backwards from v = 0 after the last day. The sum is evaluated in O(1)
 * per state from the day's products sorted by revenue (prefix sums of p and p·r up to the first
 * revenue not above the opportunity cost, found by a pointer that moves with x), so a sub-period costs
 * O(cap + nJ), not O(cap · nJ).
 *
 * Rows written to V ((H + 1) × (cap + 1)): row 0 is the value at the start of day 0; row τ + 1 is the
 * value with ⌊K/2⌋ of day τ's sub-periods still to come, i.e. from the middle of day τ on. A request on
 * day τ is priced with row τ + 1 (as a period-t request is priced with v_{t+1}): by the demand still to
 * come at the middle of its day, where a request falls on average. With K = 1 this is exactly
 * `legBackward` on one-request-per-day periods.
 */
export function legBackwardDaily(
  H: number,
  nJ: number,
  cap: number,
  K: number,
  units: Float64Array,
  rev: Float64Array,
  V: Float64Array,
  sc: DailyScratch,
  all?: Float64Array,
): void {
  const w = cap + 1;
  if (sc.order.length < nJ) {
    sc.order = new Int32Array(nJ);
    sc.sortedRev = new Float64Array(nJ);
    sc.cumP = new Float64Array(nJ + 1);
    sc.cumR = new Float64Array(nJ + 1);
  }
  if (sc.rowA.length < w) {
    sc.rowA = new Float64Array(w);
    sc.rowB = new Float64Array(w);
  }
  let nxt = sc.rowA;
  let cur = sc.rowB;
  nxt.fill(0, 0, w);
  const half = Math.floor(K / 2);
  const { order, sortedRev, cumP, cumR } = sc;
  for (let tau = H - 1; tau >= 0; tau--) {
    const rRow = tau * nJ;
    // the day's products with a positive revenue, by revenue (highest first), and prefix sums
    const n = sortDay(rev, units, rRow, nJ, order);
    cumP[0] = 0;
    cumR[0] = 0;
    for (let l = 0; l < n; l++) {
      const k = order[l]!;
      const p = units[rRow + k]! / K;
      sortedRev[l] = rev[rRow + k]!;
      cumP[l + 1] = cumP[l]! + p;
      cumR[l + 1] = cumR[l]! + p * sortedRev[l]!;
    }
    for (let s = 0; s < K; s++) {
      if (s === half) V.set(nxt.subarray(0, w), (tau + 1) * w);
      if (all) all.set(nxt.subarray(0, w), ((tau + 1) * K - s) * w);
      cur[0] = 0;
      let m = 0;
      for (let x = 1; x <= cap; x++) {
        const vx = nxt[x]!;
        const d = vx - nxt[x - 1]!;
        while (m < n && sortedRev[m]! > d) m++;
        while (m > 0 && !(sortedRev[m - 1]! > d)) m--;
        cur[x] = vx + cumR[m]! - d * cumP[m]!;
      }
      const t = nxt;
      nxt = cur;
      cur = t;
    }
  }
  V.set(nxt.subarray(0, w), 0);
  if (all) all.set(nxt.subarray(0, w), 0);
}

/** Sorts the day's products with a positive revenue and units by revenue, highest first; returns how many. */
function sortDay(rev: Float64Array, units: Float64Array, rRow: number, nJ: number, order: Int32Array): number {
  let n = 0;
  for (let k = 0; k < nJ; k++) if (rev[rRow + k]! > 0 && units[rRow + k]! > 0) order[n++] = k;
  order.subarray(0, n).sort((a, b) => rev[rRow + b]! - rev[rRow + a]! || a - b);
  return n;
}

/**
 * The forward pass of {@link legBackwardDaily} (for the Lagrangian subgradient): from `x0` units, under
 * the leg's optimal policy on the sub-periods (accept k iff r_{τ,k} > the opportunity cost, strictly),
 * acc[τ·nJ + k] = the probability that the leg is in a state where it accepts k, averaged over day τ's
 * K sub-periods (so that units[τ·nJ + k] · acc[τ·nJ + k] is the expected units of k it accepts on day
 * τ). `all` holds every sub-period's row, as `legBackwardDaily` wrote it ((H·K + 1) × (cap + 1), row
 * τ·K + s = the value with K − s of day τ's sub-periods to come). Scratch `dist`, `nextDist` ≥ x0 + 1;
 * `cnt` ≥ nJ + 1.
 */
export function legForwardDaily(
  H: number,
  nJ: number,
  cap: number,
  K: number,
  x0: number,
  units: Float64Array,
  rev: Float64Array,
  all: Float64Array,
  acc: Float64Array,
  dist: Float64Array,
  nextDist: Float64Array,
  cnt: Float64Array,
  sc: DailyScratch,
): void {
  const w = cap + 1;
  if (sc.order.length < nJ) {
    sc.order = new Int32Array(nJ);
    sc.sortedRev = new Float64Array(nJ);
    sc.cumP = new Float64Array(nJ + 1);
    sc.cumR = new Float64Array(nJ + 1);
  }
  const { order, sortedRev, cumP } = sc;
  acc.fill(0, 0, H * nJ);
  dist.fill(0, 0, x0 + 1);
  dist[x0] = 1;
  let lo = x0;
  for (let tau = 0; tau < H; tau++) {
    const rRow = tau * nJ;
    const n = sortDay(rev, units, rRow, nJ, order);
    cumP[0] = 0;
    for (let l = 0; l < n; l++) {
      sortedRev[l] = rev[rRow + order[l]!]!;
      cumP[l + 1] = cumP[l]! + units[rRow + order[l]!]! / K;
    }
    cnt.fill(0, 0, n + 1);
    for (let s = 0; s < K; s++) {
      const nxt = (tau * K + s + 1) * w;
      nextDist.fill(0, lo > 0 ? lo - 1 : 0, x0 + 1);
      let m = 0;
      for (let x = lo; x <= x0; x++) {
        const mass = dist[x]!;
        if (mass === 0) continue;
        if (x === 0) {
          nextDist[0]! += mass;
          continue;
        }
        const d = all[nxt + x]! - all[nxt + x - 1]!;
        while (m < n && sortedRev[m]! > d) m++;
        while (m > 0 && !(sortedRev[m - 1]! > d)) m--;
        cnt[m]! += mass;
        const sell = cumP[m]!;
        nextDist[x]! += mass * (1 - sell);
        nextDist[x - 1]! += mass * sell;
      }
      if (lo > 0) lo--;
      for (let x = lo; x <= x0; x++) dist[x] = nextDist[x]!;
    }
    // the product at sorted position l is accepted in the states whose pointer passed it: m > l
    let suffix = 0;
    for (let l = n - 1; l >= 0; l--) {
      suffix += cnt[l + 1]!;
      acc[rRow + order[l]!] = suffix / K;
    }
  }
}

/**
 * Value tables of all legs as a capacity- and time-dependent bid-price control: what
 * `lagrangianRelaxation` and `dpDecomposition` return. The tables are plain typed arrays (compile them
 * into `decide`'s controls as they are); `hurdle` and `accept` read them directly.
 *
 * Acceptance goes through the one bid-price verdict kernel of the booking path (`bidPriceVerdict`,
 * tie rule 'accept', tolerance `BID_PRICE_TIE_TOLERANCE`, relative to max(1, |value|, |hurdle|)), the
 * same as `decide` and every simulated policy: accept a request for product j in period t iff every leg
 * it uses has a unit left and value ≥ hurdle, ties (to the tolerance) accepted, as the leg DPs are
 * indifferent there.
 */
export interface LegValueFunctions {
  /** First period the tables cover (0-based, forward); they run to the end of the horizon. */
  readonly startPeriod: number;
  /** Total number of periods of the process. */
  readonly periods: number;
  /** Resource ids in `network.resources` order (the index of a table). */
  readonly resourceIds: readonly string[];
  /** Capacity per leg the tables were built for (states 0 … capacity). */
  readonly capacity: Int32Array;
  /** Per leg: (periods − startPeriod + 1) rows × (capacity + 1), row τ = t − startPeriod:
   * tables[i][(t − startPeriod) · (capacity[i] + 1) + x] = v_{i,t}(x). */
  readonly tables: readonly Float64Array[];
  /** v_{i,t}(x): the leg's value with x units at the start of period t (startPeriod ≤ t ≤ periods). */
  value(resource: string | number, t: number, x: number): number;
  /** Opportunity cost of selling one unit of leg i in period t with x units left:
   * v_{i,t+1}(x) − v_{i,t+1}(x − 1); +Infinity when x = 0. */
  bidPrice(resource: string | number, t: number, x: number): number;
  /**
   * The hurdle of product j (an index in network order) in period t with `remaining` units per
   * resource (network order): Σ_{i ∈ L_j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − q)], i.e. the sum of the
   * bid prices of its legs for q = 1 (money); +Infinity when a leg has fewer than q units left. For
   * `quantity` q > 1 the total opportunity cost of q units (compare it with q × the value per unit).
   * Allocation-free; a YieldInputError for a product, period or state outside the tables.
   */
  hurdle(product: number, t: number, remaining: ArrayLike<number>, quantity?: number): number;
  /**
   * Bid-price decision for one unit of `product` in period t: every leg it uses has a unit left and
   * `value` (default: the product's fare) ≥ `hurdle(product, t, remaining)`, ties accepted (the shared
   * verdict kernel). `remaining` is per resource, in network order.
   */
  accept(product: string | number, t: number, remaining: ArrayLike<number>, value?: number): boolean;
}

export function makeLegValueFunctions(
  cp: Pick<CompiledProcess, 'net' | 'T' | 'nR' | 'nP'>,
  start: number,
  capacity: Int32Array,
  tables: Float64Array[],
): LegValueFunctions {
  const { net, T, nR, nP } = cp;
  const { productStart, productResources, fare } = net;
  const leg = (r: string | number): number => {
    const i = typeof r === 'number' ? r : net.resourceIndex.get(r);
    if (i === undefined || !Number.isInteger(i) || i < 0 || i >= nR)
      throw new YieldInputError('unknown-reference', 'resource', `unknown resource ${JSON.stringify(r)}`);
    return i;
  };
  const checkT = (t: number, max: number): void => {
    if (!Number.isInteger(t) || t < start || t > max)
      throw new YieldInputError('invalid', 't', `period ${t} is outside ${start} … ${max} (the tables start at period ${start})`);
  };
  const productOf = (product: string | number): number => {
    const j = typeof product === 'number' ? product : net.productIndex.get(product);
    if (j === undefined || !Number.isInteger(j) || j < 0 || j >= nP)
      throw new YieldInputError('unknown-reference', 'product', `unknown product ${JSON.stringify(product)}`);
    return j;
  };
  /** v_{i,t+1}(x) − v_{i,t+1}(x − q), x ≥ q checked by the caller. */
  const drop = (i: number, t: number, x: number, q: number, path: string): number => {
    if (!Number.isInteger(x) || x > capacity[i]!)
      throw new YieldInputError('invalid', path, `state ${x} is not a whole number in 0 … ${capacity[i]} (the capacity of ${net.resourceIds[i]} the tables cover)`);
    const row = (t + 1 - start) * (capacity[i]! + 1);
    const V = tables[i]!;
    return V[row + x]! - V[row + x - q]!;
  };
  const hurdle = (j: number, t: number, remaining: ArrayLike<number>, quantity = 1): number => {
    if (!Number.isInteger(j) || j < 0 || j >= nP) productOf(j);
    checkT(t, T - 1);
    if (!Number.isInteger(quantity) || quantity < 1)
      throw new YieldInputError('invalid', 'quantity', `must be a whole number ≥ 1, got ${quantity}`);
    let sum = 0;
    for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
      const i = productResources[k]!;
      const x = remaining[i]!;
      if (!(x >= quantity)) {
        if (!Number.isInteger(x) || x < 0)
          throw new YieldInputError('invalid', `remaining[${i}]`, `must be a whole number of units ≥ 0, got ${String(x)}`);
        return Infinity;
      }
      sum += drop(i, t, x, quantity, `remaining[${i}]`);
    }
    return sum;
  };
  return {
    startPeriod: start,
    periods: T,
    resourceIds: net.resourceIds,
    capacity,
    tables,
    value(resource, t, x) {
      const i = leg(resource);
      checkT(t, T);
      if (!Number.isInteger(x) || x < 0 || x > capacity[i]!)
        throw new YieldInputError('invalid', 'x', `state ${x} is outside 0 … ${capacity[i]}`);
      return tables[i]![(t - start) * (capacity[i]! + 1) + x]!;
    },
    bidPrice(resource, t, x) {
      const i = leg(resource);
      checkT(t, T - 1);
      if (x <= 0) return Infinity;
      return drop(i, t, x, 1, 'x');
    },
    hurdle,
    accept(product, t, remaining, value) {
      const j = productOf(product);
      const h = hurdle(j, t, remaining);
      if (h === Infinity) return false;
      const v = value === undefined ? fare[j]! : value;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new YieldInputError('invalid', 'value', `must be a finite number, got ${String(v)}`);
      const verdict = bidPriceVerdict(v, h, 'accept', BID_PRICE_TIE_TOLERANCE, 0, 1, Infinity);
      return verdict === 'accepted' || verdict === 'tie-accepted';
    },
  };
}
