import type { Network } from '../../model/index.js';
import { fail, object } from '../../internal/validate.js';
import { solveNormalizedLp } from '../lp/solveLp.js';
import type { NormalizedLp } from '../lp/normalizeLp.js';
import { openLpSession } from '../lp/lpSession.js';
import type { LpModel, LpSolution, LpSolverName, LpTimings } from '../lp/types.js';
import { compileNetwork, type CompiledNetwork } from '../../model/compileNetwork.js';

export interface DlpOptions {
  /** LP solver; default 'highs'. */
  readonly solver?: LpSolverName;
}

/** Defaults of {@link DlpOptions}. */
export const DLP_DEFAULTS = { solver: 'highs' } as const satisfies Required<DlpOptions>;

export interface DlpOptimal {
  readonly status: 'optimal';
  /** Σ f_j x_j: the DLP bound on expected revenue (money). */
  readonly objective: number;
  /** x_j by product id (units, fractional). */
  readonly allocation: Record<string, number>;
  /** π_i by resource id (money per unit of capacity), ≥ 0. */
  readonly bidPrices: Record<string, number>;
  /** x_j by product index (input order). */
  readonly allocationArray: Float64Array;
  /** π_i by resource index (input order). */
  readonly bidPriceArray: Float64Array;
  readonly solver: LpSolverName;
  readonly timings: LpTimings;
}

export interface DlpFailed {
  readonly status: 'solver-failed';
  readonly objective: null;
  readonly allocation: null;
  readonly bidPrices: null;
  readonly allocationArray: null;
  readonly bidPriceArray: null;
  readonly solver: LpSolverName;
  readonly message: string;
  readonly timings: LpTimings;
}

/** The DLP result. The DLP is always feasible (x = 0) and bounded (x ≤ mean demand): 'solver-failed' means the solver failed. */
export type DlpResult = DlpOptimal | DlpFailed;

/** Capacities and mean demands overriding those of the compiled network (re-optimisation). */
export interface DlpOverrides {
  /** Capacity per resource index (e.g. remaining capacity); default the network's. */
  readonly capacity?: ArrayLike<number>;
  /** Mean demand per product index (e.g. remaining expected demand); default the network's. */
  readonly demand?: ArrayLike<number>;
}

/**
 * The DLP as an {@link LpModel} over a compiled network: variables are products (input order), rows
 * are resources (input order). Overrides are checked (finite, ≥ 0, right length).
 */
export function dlpModel(net: CompiledNetwork, overrides: DlpOverrides = {}): LpModel {
  const m = net.capacity.length;
  const n = net.fare.length;
  const capacity = overrides.capacity === undefined ? net.capacity : checked(overrides.capacity, m, 'capacity');
  const demand = overrides.demand === undefined ? net.meanDemand : checked(overrides.demand, n, 'demand');
  return {
    sense: 'max',
    variables: { objective: net.fare, lower: new Float64Array(n), upper: demand },
    constraints: {
      starts: net.resourceStart,
      indices: net.resourceProducts,
      values: new Float64Array(net.resourceProducts.length).fill(1),
      upper: capacity,
    },
  };
}

function checked(a: ArrayLike<number>, length: number, name: string): Float64Array {
  if (a.length !== length) fail(`overrides.${name}`, `must have length ${length}, got ${a.length}`, 'inconsistent');
  const out = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    const v = a[k]!;
    if (!Number.isFinite(v) || v < 0) fail(`overrides.${name}[${k}]`, `must be a finite number ≥ 0, got ${v}`);
    out[k] = v;
  }
  return out;
}

/**
 * Solves the DLP of an already compiled network, with optional capacity / demand overrides: the
 * building block for re-optimisation and simulation loops (no re-validation of the network).
 */
export async function solveDlp(
  net: CompiledNetwork,
  overrides: DlpOverrides = {},
  options: DlpOptions = {},
): Promise<DlpResult> {
  compiledShape(net);
  object(overrides, 'overrides');
  object(options, 'options');
  const solver = options.solver ?? DLP_DEFAULTS.solver;
  if (solver !== 'highs' && solver !== 'javascript-lp-solver')
    fail('options.solver', `must be 'highs' or 'javascript-lp-solver', got ${JSON.stringify(solver)}`);
  const t0 = performance.now();
  const model = dlpModel(net, overrides);
  // the network was validated by compileNetwork and the overrides by dlpModel: skip re-validation
  const m = net.capacity.length;
  const lp: NormalizedLp = {
    sense: 'max',
    n: net.fare.length,
    m,
    cost: model.variables.objective as Float64Array,
    lower: model.variables.lower as Float64Array,
    upper: model.variables.upper as Float64Array,
    starts: net.resourceStart,
    indices: net.resourceProducts,
    values: model.constraints.values as Float64Array,
    rowLower: new Float64Array(m).fill(-Infinity),
    rowUpper: model.constraints.upper as Float64Array,
  };
  const buildMs = performance.now() - t0;
  const sol = await solveNormalizedLp(lp, solver, buildMs);
  return fromSolution(net, sol, 0);
}

/** A DLP kept loaded in the solver, re-solved for new capacities / demands (see `openLpSession`). */
export interface DlpSession {
  /** Solves the DLP with these capacities and mean demands (by index; omitted = the network's). */
  solve(overrides?: DlpOverrides): Promise<DlpResult>;
  /** Releases the solver memory. */
  close(): void;
}

/**
 * Opens a DLP session over a compiled network: the model is loaded once and each `solve` only changes
 * the bounds, so that HiGHS re-solves warm from the previous basis. For loops that solve the same
 * network's DLP many times (RLP samples, re-optimisation inside a simulation).
 *
 * @example
 * import { compileNetwork } from 'yieldcraft/model';
 * import { openDlpSession } from 'yieldcraft/optimize';
 * const net = compileNetwork({ resources: [{ id: 'n', capacity: 10 }],
 *   products: [{ id: 'p', fare: 50, resources: ['n'], demand: 4 }] });
 * const s = await openDlpSession(net);
 * (await s.solve({ demand: [20] })).objective; // => 500
 * s.close();
 */
export async function openDlpSession(net: CompiledNetwork, options: DlpOptions = {}): Promise<DlpSession> {
  compiledShape(net);
  object(options, 'options');
  const solver = options.solver ?? DLP_DEFAULTS.solver;
  const session = await openLpSession(dlpModel(net), { solver });
  const m = net.capacity.length;
  const n = net.fare.length;
  return {
    async solve(overrides = {}) {
      const t0 = performance.now();
      const capacity = overrides.capacity === undefined ? net.capacity : checked(overrides.capacity, m, 'capacity');
      const demand = overrides.demand === undefined ? net.meanDemand : checked(overrides.demand, n, 'demand');
      session.setConstraintBounds(undefined, capacity);
      session.setVariableBounds(undefined, demand);
      const buildMs = performance.now() - t0;
      return fromSolution(net, await session.solve(), buildMs);
    },
    close() {
      session.close();
    },
  };
}

function fromSolution(net: CompiledNetwork, sol: LpSolution, buildMs: number): DlpResult {
  const t0 = performance.now();
  if (sol.status !== 'optimal') {
    return {
      status: 'solver-failed',
      objective: null,
      allocation: null,
      bidPrices: null,
      allocationArray: null,
      bidPriceArray: null,
      solver: sol.solver,
      message: `the DLP solver reported '${sol.status}': ${sol.message}`,
      timings: { ...sol.timings, buildMs: sol.timings.buildMs + buildMs },
    };
  }
  let maxFare = 0;
  for (let j = 0; j < net.fare.length; j++) if (net.fare[j]! > maxFare) maxFare = net.fare[j]!;
  const eps = 1e-9 * Math.max(1, maxFare);
  const pi = sol.duals;
  for (let i = 0; i < pi.length; i++) if (pi[i]! < 0 && pi[i]! > -eps) pi[i] = 0;
  const x = sol.primal;
  const t = sol.timings;
  const result = {
    status: 'optimal' as const,
    objective: sol.objective,
    allocationArray: x,
    bidPriceArray: pi,
    solver: sol.solver,
    timings: { ...t, buildMs: t.buildMs + buildMs, extractMs: t.extractMs + (performance.now() - t0) },
  };
  // The id-keyed records are built on first read (cached): a 20,000-product re-solve loop that reads only
  // the typed arrays does not pay for them.
  lazy(result, 'allocation', () => {
    const out: Record<string, number> = {};
    for (let j = 0; j < x.length; j++) out[net.productIds[j]!] = x[j]!;
    return out;
  });
  lazy(result, 'bidPrices', () => {
    const out: Record<string, number> = {};
    for (let i = 0; i < pi.length; i++) out[net.resourceIds[i]!] = pi[i]!;
    return out;
  });
  return result as unknown as DlpOptimal;
}

function lazy(target: object, key: string, build: () => unknown): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = build();
      Object.defineProperty(target, key, { value, enumerable: true, writable: false, configurable: false });
      return value;
    },
  });
}

/**
 * The deterministic linear program (DLP) of network revenue management: allocate each resource's
 * capacity to the products as if demand were certain and equal to its mean, and read each resource's
 * bid price off the dual.
 *
 *   maximise   Σ_j f_j x_j
 *   subject to Σ_{j uses i} x_j ≤ c_i     for every resource i      (dual π_i: the bid price)
 *              0 ≤ x_j ≤ E[D_j]          for every product j        (dual θ_j)
 *
 * The optimum is an upper bound on the expected revenue of any booking policy (Talluri & van Ryzin 1998,
 * Prop. 1; Talluri & van Ryzin 2004, §3.3.1, eq. 3.4); x* is the partitioned allocation and π* the bid
 * prices (Williamson 1992, ch. 3; Simpson 1989): accept product j while f_j ≥ Σ_{i∈j} π_i.
 *
 * Notation: f_j fare of product j (money per unit, use a contribution to net out commission and
 * costs); c_i capacity of resource i (units); E[D_j] mean demand of product j over the horizon (units;
 * a `Demand` contributes its mean, a number is the mean itself); π_i ≥ 0 bid price of resource i
 * (money per unit of capacity); x_j allocation of product j (units, fractional).
 *
 * Which bid prices: the LP's duals are not unique when it is degenerate (a resource exactly full with
 * its marginal product exactly filled, or a tie between products). `dlp` returns the dual vertex the
 * solver's simplex ends at (HiGHS: its dual simplex basis; javascript-lp-solver: the vertex of the
 * explicit dual LP it finds), so two solvers may return different but equally optimal bid prices on a
 * degenerate network. Every optimal dual lies in the intervals returned by `bidPriceRange`; use those
 * when the choice matters (e.g. tie handling at the bid price). Tiny negative duals from floating
 * point (above −1e-9·max fare) are reported as 0.
 *
 * @param network - resources (id, capacity ≥ 0) and products (id, fare ≥ 0, resources used, demand);
 *   never modified
 * @param options.solver - 'highs' (default) or 'javascript-lp-solver'
 * @returns a Promise of `{ status, objective, allocation, bidPrices }` (plus typed arrays and timings);
 *   bad input (unknown resource ids, negative capacities, products using no resource, NaN fares) throws
 *   YieldInputError naming the field
 * @example
 * import { dlp } from 'yieldcraft/optimize';
 * // Two legs A→B (capacity 100) and B→C (capacity 120); three itineraries.
 * const r = await dlp({
 *   resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
 *   products: [
 *     { id: 'AB', fare: 200, resources: ['AB'], demand: 60 },
 *     { id: 'BC', fare: 150, resources: ['BC'], demand: 90 },
 *     { id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 },
 *   ],
 * });
 * r.objective; // => 36000
 * r.allocation; // => { AB: 60, BC: 80, AC: 40 }
 * r.bidPrices; // => { AB: 150, BC: 150 }   (AC and BC are the marginal products: 300 = 150 + 150)
 */
export async function dlp(network: Network, options: DlpOptions = {}): Promise<DlpResult> {
  object(options, 'options');
  const t0 = performance.now();
  const net = compileNetwork(network);
  const buildMs = performance.now() - t0;
  const r = await solveDlp(net, {}, options);
  (r.timings as { buildMs: number }).buildMs += buildMs;
  return r;
}

/** Throws unless `net` looks like the output of `compileNetwork`. */
function compiledShape(net: unknown): void {
  const n = object(net, 'net');
  if (!(n.capacity instanceof Float64Array) || !(n.fare instanceof Float64Array) || !(n.productStart instanceof Int32Array))
    fail('net', 'must be a compiled network: build it with compileNetwork(network)', 'invalid-type');
}
