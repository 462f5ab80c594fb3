import { fail, nonNegative, nonNegativeInteger, positive, positiveInteger, object } from '../../internal/validate.js';
import { bidPriceVector, compileBookingProcess, startCapacity, type CompiledProcess } from '../../model/compileBookingProcess.js';
import type { NetworkBookingProcess } from '../../model/bookingProcess.js';
import { isDailyBookingProcess, validateDailyBookingProcess, type DailyBookingProcess } from '../../model/dailyBookingProcess.js';
import { compileNetwork } from '../../model/compileNetwork.js';
import {
  dailyScratch,
  legBackward,
  legBackwardDaily,
  legForward,
  legForwardDaily,
  legProbabilities,
  makeLegValueFunctions,
  subPeriodsPerDay,
  type LegValueFunctions,
} from './lagrangianKernels.js';

export const LAGRANGIAN_DEFAULTS = {
  /** Maximum subgradient iterations. */
  iterations: 300,
  /** Initial step α: a fraction of each fare moved between legs per iteration. */
  step: 0.25,
  /** Halve the step after this many iterations without a better bound. */
  patience: 5,
  /** Stop when the step falls below this. */
  minStep: 1e-4,
  /**
   * Daily processes: the largest probability that a unit of a leg's products arrives in one sub-period
   * (as in `dpDecomposition`).
   */
  maxStepProbability: 0.2,
} as const;

/** Multipliers λ per leg: (periods − startPeriod) rows × |J_i| (the leg's products in network order). */
export interface LagrangianMultipliers {
  readonly startPeriod: number;
  readonly perLeg: readonly Float64Array[];
}

export interface LagrangianOptions {
  readonly iterations?: number;
  readonly step?: number;
  readonly patience?: number;
  readonly minStep?: number;
  /** Re-optimise from this period on (0-based, forward; default 0). */
  readonly startPeriod?: number;
  /** Units left per resource at `startPeriod` (network order; default: full capacity). */
  readonly capacity?: ArrayLike<number>;
  /** Per-resource bid prices to split the fares by (an object by resource id, or an array in network
   * order), e.g. `(await dlp(network)).bidPrices`. */
  readonly initialBidPrices?: Readonly<Record<string, number>> | ArrayLike<number>;
  /** Multipliers of an earlier result (its startPeriod ≤ this startPeriod) to warm-start from. */
  readonly initialMultipliers?: LagrangianMultipliers;
  /** Daily processes only: see {@link LAGRANGIAN_DEFAULTS}; in (0, 1]. */
  readonly maxStepProbability?: number;
}

export interface LagrangianResult extends LegValueFunctions {
  /** 'ok': converged (the step fell below `minStep` or the subgradient vanished); 'iteration-limit': stopped at
   * `iterations` (the bound is still valid, only possibly not the lowest reachable). */
  readonly status: 'ok' | 'iteration-limit';
  /** The best (lowest) upper bound on the optimal expected revenue from `startPeriod`, money. */
  readonly bound: number;
  /** The bound at each iteration (iteration 0 = the starting multipliers). */
  readonly history: Float64Array;
  readonly iterations: number;
  /** The multipliers that gave `bound`. */
  readonly multipliers: LagrangianMultipliers;
  /** Daily processes: the sub-periods each day was cut into, per leg. */
  readonly subPeriodsPerDay?: Int32Array;
}

/**
 * Lagrangian relaxation of the network dynamic program (Topaloglu 2009): an upper bound on the optimal
 * expected revenue that is at least as tight as the deterministic LP's, and capacity- and
 * time-dependent bid prices for a booking policy.
 *
 * The network DP decides, in each period, whether to accept the request that arrives. Duplicate that
 * decision once per leg the product uses (leg i decides u_{i,t,j}) and relax the constraints that all
 * copies agree (u_{i,t,j} = u_{t,j}) with multipliers λ_{i,t,j}. For multipliers in
 *
 *   Λ = { λ ≥ 0 : Σ_{i ∈ L_j} λ_{i,t,j} = f_j for all t, j }
 *
 * (the fare of each request is split among its legs) the relaxed problem decomposes into one
 * single-leg DP per leg, in which leg i earns λ_{i,t,j} when it accepts j in period t:
 *
 *   v^λ_{i,t}(x) = v^λ_{i,t+1}(x) + Σ_{j ∈ J_i} p_{t,j} [λ_{i,t,j} − (v^λ_{i,t+1}(x) − v^λ_{i,t+1}(x−1))]⁺,
 *
 * and V_0(c) ≤ Σ_i v^λ_{i,0}(c_i) for every λ ∈ Λ (Topaloglu 2009). This
 * function minimises that bound over Λ by projected subgradient descent: the derivative of the bound
 * with respect to λ_{i,t,j} is p_{t,j} · P(leg i accepts j in period t under its own optimal policy),
 * computed exactly by a forward pass over each leg's state distribution. The step on block (t, j) is
 * preconditioned by f_j / p_{t,j} (so a step of size α moves a fare split by at most α·f_j), then
 * projected back onto the simplex {λ ≥ 0, Σ_i λ = f_j}; the step halves after `patience` iterations
 * without a better bound. The best bound seen is returned (every iterate is a valid bound).
 *
 * Started from resource bid prices π (e.g. DLP duals), the multipliers are split as
 * λ_{i,t,j} = π_i + (f_j − Σ_{L_j} π)/|L_j| when f_j ≥ Σ_{L_j} π, else π_i · f_j / Σ_{L_j} π; with π the
 * optimal DLP duals this first bound is already ≤ the DLP bound (each leg's DP is at most its own
 * deterministic LP, whose dual at π_i gives back the DLP dual objective), so the result is ≤ the DLP
 * bound. Without bid prices each fare is split equally among its legs.
 *
 * Policy (Topaloglu 2009): accept a request for j in period t with remaining capacities x iff every
 * leg has a unit left and f_j ≥ Σ_{i ∈ L_j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)], using the value
 * functions at the best multipliers. The acceptance is the booking path's one verdict kernel
 * (`bidPriceVerdict`, tie rule 'accept': a fare equal to the sum of bid prices within
 * `BID_PRICE_TIE_TOLERANCE` relative to max(1, |fare|, |Σ|) is accepted), the same as `decide`'s;
 * `hurdle(j, t, remaining)` gives the sum itself for capacity- and time-dependent controls.
 *
 * Cost per iteration: two passes over Σ_i (T − start) · c_i · |J_i| (a few milliseconds for the
 * 600-period, 16-leg instances).
 *
 * Reference: H. Topaloglu (2009), "Using Lagrangian relaxation to compute capacity-dependent bid prices
 * in network revenue management", Operations Research 57(3):637–649.
 *
 * @param process - the network booking process (see `NetworkBookingProcess`)
 * @param options - see {@link LAGRANGIAN_DEFAULTS}; `startPeriod` and `capacity` restart the problem
 *   from a later state (re-optimisation), `initialBidPrices` or `initialMultipliers` warm-start it
 * @example
 * import { lagrangianRelaxation } from 'yieldcraft/optimize';
 * const process = {
 *   network: {
 *     resources: [{ id: 'AB', capacity: 1 }, { id: 'BC', capacity: 1 }],
 *     products: [{ id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 0.5 }],
 *   },
 *   periods: 1,
 *   arrivalProbabilities: [0.5],
 * };
 * lagrangianRelaxation(process).bound; // => 150 (one period, one possible request worth 300 · 0.5)
 */
export function lagrangianRelaxation(process: NetworkBookingProcess | DailyBookingProcess, options: LagrangianOptions = {}): LagrangianResult {
  object(options, 'options');
  if (isDailyBookingProcess(process)) {
    const pmax = positive(options.maxStepProbability ?? LAGRANGIAN_DEFAULTS.maxStepProbability, 'options.maxStepProbability');
    if (pmax > 1) fail('options.maxStepProbability', `must be a probability in (0, 1], got ${pmax}`);
    return minimiseBound(compileDailyProcess(process), options, 'days', (leg) => dailyPasses(leg, pmax));
  }
  return minimiseBound(compileBookingProcess(process), options, 'periods', periodPasses);
}

/** The legs of a relaxation: capacities, products per leg and the horizon from the start period. */
interface Legs {
  readonly cp: CompiledProcess;
  readonly start: number;
  readonly H: number;
  readonly capacity: Int32Array;
  readonly nJ: readonly number[];
  readonly maxIt: number;
  readonly tables: readonly Float64Array[];
  readonly acc: readonly Float64Array[];
}

/** What differs between the one-request-per-period and the daily relaxation: the leg DP's passes. */
interface LegPasses {
  /** Σ_i v^λ_{i,start}(c_i), filling the tables; with `gradient`, the passes that need the same rows also fill `acc`. */
  bound(lam: readonly Float64Array[], gradient: boolean): number;
  /** The acceptance probabilities at λ into `acc`, if `bound` did not already. */
  acceptances(lam: readonly Float64Array[]): void;
  /** Sub-periods per day per leg (daily form). */
  readonly subPeriodsPerDay?: Int32Array;
}

function periodPasses(legs: Legs): LegPasses {
  const { cp, start, H, capacity, nJ, tables, acc } = legs;
  const pl = nJ.map((_, i) => legProbabilities(cp, i, start));
  const maxCap = capacity.reduce((m, c) => Math.max(m, c), 0);
  const dist = new Float64Array(maxCap + 1);
  const nextDist = new Float64Array(maxCap + 1);
  return {
    bound(lam) {
      let bound = 0;
      for (let i = 0; i < cp.nR; i++) {
        legBackward(H, nJ[i]!, capacity[i]!, pl[i]!, lam[i]!, tables[i]!);
        bound += tables[i]![capacity[i]!]!;
      }
      return bound;
    },
    acceptances(lam) {
      for (let i = 0; i < cp.nR; i++) legForward(H, nJ[i]!, capacity[i]!, capacity[i]!, pl[i]!, lam[i]!, tables[i]!, acc[i]!, dist, nextDist);
    },
  };
}

/**
 * The daily form (`DailyBookingProcess`, a hotel): each leg's DP on sub-periods of the days
 * (`legBackwardDaily`), the subgradient from the units each leg accepts per day (`legForwardDaily`,
 * run right after the leg's backward pass, which it needs every sub-period row of). Multipliers are
 * constant within a day: that keeps them in Λ, so each iterate is still a bound of the sub-period DPs
 * (which approximate the continuous-time Poisson process, as in `dpDecomposition`).
 */
function dailyPasses(legs: Legs, pmax: number): LegPasses {
  const { cp, start, H, capacity, nJ, tables, acc, maxIt } = legs;
  const units = nJ.map((_, i) => legProbabilities(cp, i, start));
  const K = Int32Array.from(units, (u, i) => subPeriodsPerDay(H, nJ[i]!, u, pmax));
  let allSize = 0;
  let work = 0;
  for (let i = 0; i < cp.nR; i++) {
    allSize = Math.max(allSize, (H * K[i]! + 1) * (capacity[i]! + 1));
    work += H * K[i]! * (capacity[i]! + 1 + nJ[i]!);
  }
  if (work * Math.max(1, maxIt) > 1e11 || allSize > 1e8)
    fail('process.unitsPerDay', `${Math.round(work)} sub-period steps per iteration (× ${maxIt} iterations) is beyond what this relaxation runs in reasonable time; plan a shorter horizon, fewer iterations or a larger maxStepProbability`);
  const all = new Float64Array(allSize);
  const maxCap = capacity.reduce((m, c) => Math.max(m, c), 0);
  const dist = new Float64Array(maxCap + 1);
  const nextDist = new Float64Array(maxCap + 1);
  const cnt = new Float64Array(nJ.reduce((m, n) => Math.max(m, n), 0) + 1);
  const sc = dailyScratch();
  return {
    subPeriodsPerDay: K,
    bound(lam, gradient) {
      let bound = 0;
      for (let i = 0; i < cp.nR; i++) {
        legBackwardDaily(H, nJ[i]!, capacity[i]!, K[i]!, units[i]!, lam[i]!, tables[i]!, sc, gradient ? all : undefined);
        bound += tables[i]![capacity[i]!]!;
        if (gradient) legForwardDaily(H, nJ[i]!, capacity[i]!, K[i]!, capacity[i]!, units[i]!, lam[i]!, all, acc[i]!, dist, nextDist, cnt, sc);
      }
      return bound;
    },
    acceptances() {},
  };
}

/**
 * The projected subgradient descent of {@link lagrangianRelaxation}, whatever the leg DP: the bound at
 * each iterate, the best multipliers kept, the step halved after `patience` iterations without a better
 * bound (restarting from the best point), and the value tables at the best multipliers.
 */
function minimiseBound(cp: CompiledProcess, options: LagrangianOptions, unit: 'periods' | 'days', passesOf: (legs: Legs) => LegPasses): LagrangianResult {
  const maxIt = nonNegativeInteger(options.iterations ?? LAGRANGIAN_DEFAULTS.iterations, 'options.iterations');
  let step = positive(options.step ?? LAGRANGIAN_DEFAULTS.step, 'options.step');
  const patience = positiveInteger(options.patience ?? LAGRANGIAN_DEFAULTS.patience, 'options.patience');
  const minStep = nonNegative(options.minStep ?? LAGRANGIAN_DEFAULTS.minStep, 'options.minStep');
  const start = nonNegativeInteger(options.startPeriod ?? 0, 'options.startPeriod');
  if (start > cp.T) fail('options.startPeriod', `must be ≤ ${unit} (${cp.T}), got ${start}`);
  const capacity = startCapacity(cp, options.capacity);
  const H = cp.T - start;
  const { nR } = cp;
  const nJ = Array.from({ length: nR }, (_, i) => cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!);
  const lam = nJ.map((n) => new Float64Array(H * n));
  initialiseMultipliers(cp, start, lam, options);
  const tables = Array.from(capacity, (c) => new Float64Array((H + 1) * (c + 1)));
  const acc = lam.map((l) => new Float64Array(l.length));
  const passes = passesOf({ cp, start, H, capacity, nJ, maxIt, tables, acc });
  const best = lam.map((l) => Float64Array.from(l));
  const history = new Float64Array(maxIt + 1);
  let bestBound = Infinity;
  let sinceBest = 0;
  let status: LagrangianResult['status'] = 'iteration-limit';
  let it = 0;
  const mMax = maxLegsPerProduct(cp);
  const y = new Float64Array(mMax);
  const sorted = new Float64Array(mMax);
  for (;; it++) {
    const bound = passes.bound(lam, it < maxIt);
    history[it] = bound;
    if (bound < bestBound - 1e-12 * Math.max(1, Math.abs(bound))) {
      bestBound = bound;
      sinceBest = 0;
      for (let i = 0; i < nR; i++) best[i]!.set(lam[i]!);
    } else if (++sinceBest >= patience) {
      step /= 2;
      sinceBest = 0;
      for (let i = 0; i < nR; i++) lam[i]!.set(best[i]!); // restart from the best point
      if (step < minStep) {
        status = 'ok';
        break;
      }
    }
    if (it >= maxIt) break;
    passes.acceptances(lam);
    if (!subgradientStep(cp, start, lam, acc, step, y, sorted)) {
      status = 'ok';
      break;
    }
  }
  // value tables at the best multipliers
  passes.bound(best, false);
  const vf = makeLegValueFunctions(cp, start, capacity, tables);
  return Object.assign(vf, {
    status,
    bound: bestBound,
    history: history.slice(0, Math.min(it, maxIt) + 1),
    iterations: it,
    multipliers: { startPeriod: start, perLeg: best },
    ...(passes.subPeriodsPerDay ? { subPeriodsPerDay: passes.subPeriodsPerDay } : {}),
  });
}

/** A daily process compiled like a one-request-per-period one, with `p` holding the expected units per day. */
function compileDailyProcess(process: DailyBookingProcess): CompiledProcess {
  validateDailyBookingProcess(process);
  const net = compileNetwork(process.network, 'process.network');
  const nR = net.resourceIds.length;
  const nP = net.productIds.length;
  const slotInLeg = new Int32Array(net.productResources.length);
  const fill = new Int32Array(nR);
  for (let j = 0; j < nP; j++) for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) slotInLeg[q] = fill[net.productResources[q]!]!++;
  return { net, nR, nP, T: process.days, capacity: Int32Array.from(net.capacity), slotInLeg, p: Float64Array.from(process.unitsPerDay) };
}

function maxLegsPerProduct(cp: CompiledProcess): number {
  let m = 1;
  for (let j = 0; j < cp.nP; j++) m = Math.max(m, cp.net.productStart[j + 1]! - cp.net.productStart[j]!);
  return m;
}

function initialiseMultipliers(cp: CompiledProcess, start: number, lam: Float64Array[], o: LagrangianOptions): void {
  const H = cp.T - start;
  if (o.initialMultipliers !== undefined) {
    const m = o.initialMultipliers;
    const s0 = nonNegativeInteger(m.startPeriod, 'options.initialMultipliers.startPeriod');
    if (s0 > start || m.perLeg.length !== cp.nR)
      fail('options.initialMultipliers', `must come from a result with startPeriod ≤ ${start} on the same network`, 'inconsistent');
    for (let i = 0; i < cp.nR; i++) {
      const nJ = cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!;
      const src = m.perLeg[i]!;
      if (src.length !== (cp.T - s0) * nJ) fail(`options.initialMultipliers.perLeg[${i}]`, 'has the wrong length for this network', 'inconsistent');
      lam[i]!.set(src.subarray((start - s0) * nJ, (start - s0 + H) * nJ));
    }
    return;
  }
  const pi = o.initialBidPrices === undefined ? undefined : bidPriceVector(cp.net, o.initialBidPrices, 'options.initialBidPrices');
  for (let j = 0; j < cp.nP; j++) {
    const a = cp.net.productStart[j]!;
    const b = cp.net.productStart[j + 1]!;
    const m = b - a;
    const f = cp.net.fare[j]!;
    let sum = 0;
    if (pi) for (let k = a; k < b; k++) sum += pi[cp.net.productResources[k]!]!;
    for (let k = a; k < b; k++) {
      const i = cp.net.productResources[k]!;
      let v: number;
      if (!pi || sum === 0) v = f / m;
      else if (f >= sum) v = pi[i]! + (f - sum) / m;
      else v = (pi[i]! * f) / sum;
      const nJ = cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!;
      const s = cp.slotInLeg[k]!;
      const L = lam[i]!;
      for (let tau = 0; tau < H; tau++) L[tau * nJ + s] = v;
    }
  }
}

/**
 * One projected, preconditioned subgradient step on every block (t, j) of a multi-leg product.
 * Returns false when no multiplier moved (the subgradient vanished on Λ).
 */
function subgradientStep(
  cp: CompiledProcess,
  start: number,
  lam: Float64Array[],
  acc: Float64Array[],
  step: number,
  y: Float64Array,
  sorted: Float64Array,
): boolean {
  const H = cp.T - start;
  let moved = false;
  for (let j = 0; j < cp.nP; j++) {
    const a = cp.net.productStart[j]!;
    const m = cp.net.productStart[j + 1]! - a;
    if (m < 2) continue;
    const f = cp.net.fare[j]!;
    for (let tau = 0; tau < H; tau++) {
      if (cp.p[(start + tau) * cp.nP + j]! === 0) continue;
      let mean = 0;
      for (let q = 0; q < m; q++) {
        const i = cp.net.productResources[a + q]!;
        const nJ = cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!;
        mean += acc[i]![tau * nJ + cp.slotInLeg[a + q]!]!;
      }
      mean /= m;
      let any = false;
      for (let q = 0; q < m; q++) {
        const i = cp.net.productResources[a + q]!;
        const nJ = cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!;
        const idx = tau * nJ + cp.slotInLeg[a + q]!;
        const g = acc[i]![idx]! - mean;
        if (g !== 0) any = true;
        y[q] = lam[i]![idx]! - step * f * g;
      }
      if (!any) continue;
      projectOntoSimplex(y, m, f, sorted);
      for (let q = 0; q < m; q++) {
        const i = cp.net.productResources[a + q]!;
        const nJ = cp.net.resourceStart[i + 1]! - cp.net.resourceStart[i]!;
        const idx = tau * nJ + cp.slotInLeg[a + q]!;
        if (lam[i]![idx] !== y[q]) moved = true;
        lam[i]![idx] = y[q]!;
      }
    }
  }
  return moved;
}

/** Euclidean projection of y[0..m) onto { z ≥ 0, Σ z = total } (sort-based; m is tiny; no allocation). */
function projectOntoSimplex(y: Float64Array, m: number, total: number, s: Float64Array): void {
  if (m === 2) {
    const shift = (y[0]! + y[1]! - total) / 2;
    let a = y[0]! - shift;
    let b = y[1]! - shift;
    if (a < 0) (a = 0), (b = total);
    else if (b < 0) (a = total), (b = 0);
    y[0] = a;
    y[1] = b;
    return;
  }
  for (let q = 0; q < m; q++) {
    // insertion sort, descending
    const v = y[q]!;
    let r = q;
    while (r > 0 && s[r - 1]! < v) {
      s[r] = s[r - 1]!;
      r--;
    }
    s[r] = v;
  }
  let cum = 0;
  let theta = 0;
  for (let q = 0; q < m; q++) {
    cum += s[q]!;
    const t = (cum - total) / (q + 1);
    if (s[q]! - t > 0) theta = t;
  }
  for (let q = 0; q < m; q++) y[q] = Math.max(0, y[q]! - theta);
}
