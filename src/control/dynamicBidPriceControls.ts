import type { Network } from '../model/index.js';
import { prefixError } from '../model/errors.js';
import { BID_PRICE_TIE_TOLERANCE } from '../model/bookingPath.js';
import { array, fail, finite, join, nonNegativeInteger, object } from '../internal/validate.js';
import { brandControls, networkPart, specNetwork, type NetworkTables } from './networkPart.js';
import type { COMPILED } from './controls.js';

/**
 * Leg value functions as plain data: for each resource i, the value v_{i,t}(x) of holding x units at
 * the start of period t, for t = startPeriod … periods and x = 0 … tableCapacity_i, row-major
 * (`tables[i][(t − startPeriod) · (tableCapacity_i + 1) + x]`). What `lagrangianRelaxation` and
 * `dpDecomposition` return (`LegValueFunctions`) has this shape.
 */
export interface LegValueTables {
  readonly startPeriod: number;
  readonly periods: number;
  /** States per resource the tables cover (0 … tableCapacity[i]), in network resource order. */
  readonly capacity: ArrayLike<number>;
  readonly tables: readonly ArrayLike<number>[];
}

/** Dynamic bid-price controls as plain data (the JSON of {@link DynamicBidPriceControls}). */
export interface DynamicBidPriceSpec {
  readonly kind: 'dynamic-bid-prices';
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly products: readonly { readonly id: string; readonly fare: number; readonly resources: readonly string[] }[];
  readonly startPeriod: number;
  readonly periods: number;
  readonly tableCapacity: readonly number[];
  readonly tables: readonly (readonly number[])[];
  readonly tolerance?: number;
}

/** Compiled dynamic bid-price controls (frozen; typed tables non-enumerable). */
export interface DynamicBidPriceControls extends DynamicBidPriceSpec, NetworkTables {
  readonly tolerance: number;
  /** @internal */
  readonly [COMPILED]: ReadonlyMap<string, number>;
  /** Per resource: the value table as a Float64Array. */
  readonly valueTables: readonly Float64Array[];
  /** States covered per resource. */
  readonly tableStates: Int32Array;
}

/** Options of {@link dynamicBidPriceControls}. */
export interface DynamicBidPriceControlsOptions {
  /** Relative tie tolerance (default `BID_PRICE_TIE_TOLERANCE`); ties are accepted, as the leg DPs do. */
  readonly tolerance?: number;
}

/** Defaults of {@link dynamicBidPriceControls}. */
export const DYNAMIC_BID_PRICE_CONTROLS_DEFAULTS = { tolerance: BID_PRICE_TIE_TOLERANCE } as const;

/**
 * Capacity- and time-dependent bid-price controls from leg value functions (Talluri & van Ryzin 2004,
 * §3.4.3 "dynamic programming decomposition"; Topaloglu 2009, the Lagrangian relaxation policy): a
 * request for product j in period t with x_i units left on each resource i it uses is accepted iff
 * every x_i ≥ quantity and
 *
 *   value_j ≥ Σ_{i ∈ j} [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − 1)]        (ties accepted, as the leg DPs do),
 *
 * the shared kernel `bidPriceVerdict` with tie rule 'accept'. x_i = capacity_i − sold_i is read from the
 * network booking state and t from `state.period`. For a request of q > 1 units the hurdle is the sum
 * over the q units, v(x) − v(x − q) per resource, so a group pays for every room it displaces.
 * Beyond the states the tables were planned for (x_i above `capacity[i]` of the tables, after
 * cancellations gave units back) the value of the last planned unit is used (by concavity of v, an upper
 * bound on the true opportunity cost); this is stated, not hidden: `decide` reports the hurdle used.
 *
 * @param network - resources (capacity = units on sale in total, the authorised level when overbooking)
 *   and products; never modified
 * @param values - the leg value tables (e.g. the result of `lagrangianRelaxation` or `dpDecomposition`)
 * @param options - {@link DynamicBidPriceControlsOptions}
 * @example
 * import { dynamicBidPriceControls, networkBookingState, decide } from 'yieldcraft/control';
 * // one leg, 1 seat, one period to go: v_1(1) = 50 (the seat sells at 100 with probability 0.5)
 * const c = dynamicBidPriceControls(
 *   { resources: [{ id: 'L', capacity: 1 }], products: [{ id: 'lo', fare: 40, resources: ['L'], demand: 1 }] },
 *   { startPeriod: 0, periods: 1, capacity: [1], tables: [[0, 50, 0, 0]] },
 * );
 * const s = networkBookingState(c);
 * decide({ product: 'lo' }, s, c).reason; // => 'accepted'  (period 0: bid price v_1(1) − v_1(0) = 0)
 */
export function dynamicBidPriceControls(
  network: Network,
  values: LegValueTables,
  options: DynamicBidPriceControlsOptions = {},
): DynamicBidPriceControls {
  object(options, 'options');
  const { tables: net, resources, products } = networkPart(network);
  const v = object(values, 'values');
  const m = net.resourceIds.length;
  const startPeriod = nonNegativeInteger(v.startPeriod, 'values.startPeriod');
  const periods = nonNegativeInteger(v.periods, 'values.periods');
  if (periods <= startPeriod) fail('values.periods', `must be > startPeriod (${startPeriod}), got ${periods}`, 'inconsistent');
  const capIn = v.capacity as ArrayLike<number>;
  if (capIn === null || typeof capIn !== 'object' || typeof capIn.length !== 'number')
    fail('values.capacity', 'must be an array of states per resource', 'invalid-type');
  if (capIn.length !== m) fail('values.capacity', `must hold one entry per resource (${m}), got ${capIn.length}`, 'inconsistent');
  const tablesIn = array<ArrayLike<number>>(v.tables, 'values.tables');
  if (tablesIn.length !== m) fail('values.tables', `must hold one table per resource (${m}), got ${tablesIn.length}`, 'inconsistent');
  const rows = periods - startPeriod + 1;
  const tableStates = new Int32Array(m);
  const valueTables: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const cap = nonNegativeInteger(capIn[i], join('values.capacity', i));
    if (cap > 1e6) fail(join('values.capacity', i), `at most 1,000,000 states per resource, got ${cap}`);
    tableStates[i] = cap;
    const t = tablesIn[i]!;
    const p = join('values.tables', i);
    if (t === null || typeof t !== 'object' || typeof t.length !== 'number') fail(p, 'must be an array of numbers', 'invalid-type');
    if (t.length !== rows * (cap + 1)) fail(p, `must hold (periods − startPeriod + 1) × (capacity + 1) = ${rows * (cap + 1)} values, got ${t.length}`, 'inconsistent');
    const f = new Float64Array(t.length);
    for (let k = 0; k < t.length; k++) f[k] = finite(t[k], `${p}[${k}]`);
    valueTables.push(f);
  }
  const tolerance = options.tolerance === undefined ? DYNAMIC_BID_PRICE_CONTROLS_DEFAULTS.tolerance : finite(options.tolerance, 'options.tolerance');
  if (tolerance < 0) fail('options.tolerance', `must be ≥ 0, got ${tolerance}`);
  return brandControls<DynamicBidPriceControls>(
    {
      kind: 'dynamic-bid-prices',
      resources,
      products,
      startPeriod,
      periods,
      tableCapacity: Object.freeze(Array.from(tableStates)),
      tables: Object.freeze(valueTables.map((t) => Object.freeze(Array.from(t)))),
      tolerance,
    },
    { ...net, valueTables, tableStates },
    net.productIndex,
  );
}

/** Compiles a {@link DynamicBidPriceSpec} back into controls. @internal */
export function compileDynamicBidPriceSpec(spec: unknown, path = 'controls'): DynamicBidPriceControls {
  const s = object(spec, path);
  try {
    return dynamicBidPriceControls(
      specNetwork(s.resources, s.products),
      { startPeriod: s.startPeriod as number, periods: s.periods as number, capacity: s.tableCapacity as number[], tables: s.tables as number[][] },
      s.tolerance === undefined ? {} : { tolerance: s.tolerance as number },
    );
  } catch (e) {
    throw prefixError(e, path, { network: '', options: '', values: '' });
  }
}

/**
 * The hurdle of `quantity` units of product j in period t with `held` units per resource:
 * Σ_i [v_{i,t+1}(x_i) − v_{i,t+1}(x_i − q)], x_i = capacity_i − held_i (clamped to the planned states,
 * see `dynamicBidPriceControls`). The caller has checked that x_i ≥ q. @internal
 */
export function dynamicHurdle(c: DynamicBidPriceControls, j: number, t: number, quantity: number, held: Float64Array): number {
  const { productStart, productResources, capacity, valueTables, tableStates } = c;
  const row = t + 1 - c.startPeriod;
  let sum = 0;
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    const states = tableStates[i]!;
    let x = Math.floor(capacity[i]! - held[i]!);
    if (x > states) x = states;
    const lo = x - quantity;
    if (lo < 0) return Infinity;
    const base = row * (states + 1);
    const V = valueTables[i]!;
    sum += V[base + x]! - V[base + lo]!;
  }
  return sum;
}
