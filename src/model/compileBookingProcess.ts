import { fail, nonNegative, nonNegativeInteger, object } from '../internal/validate.js';
import { validateBookingProcess, type NetworkBookingProcess } from './bookingProcess.js';
import { compileNetwork, type CompiledNetwork } from './compileNetwork.js';

/**
 * A booking process compiled for the kernels (leg dynamic programs, the simulator): the network as
 * {@link compileNetwork} compiles it for the DLP (the same `CompiledNetwork`: ids, fares, and the
 * incidence matrix both ways, `productStart/productResources` and `resourceStart/resourceProducts`),
 * plus what the arrival process adds: whole-unit capacities, the arrival probabilities period-major,
 * and each product's position in its legs' product lists. Built once per (re-)optimisation; never
 * exported from the package (an implementation detail of the network policies and `simulate/`).
 * @internal
 */
export interface CompiledProcess {
  /** The network, compiled once: `net.productStart`, `net.productResources`, `net.resourceStart`,
   * `net.resourceProducts`, `net.fare`, `net.resourceIds`, `net.productIds`. */
  readonly net: CompiledNetwork;
  /** Number of resources (legs), products, periods. */
  readonly nR: number;
  readonly nP: number;
  readonly T: number;
  /** Capacity per resource in whole units (the process's capacities are whole numbers). */
  readonly capacity: Int32Array;
  /** Position of product j in leg i's list, aligned with `net.productResources`: slotInLeg[q] for
   * q in net.productStart[j] … net.productStart[j+1] − 1 is the index of j within the products of leg
   * net.productResources[q] (i.e. net.resourceProducts[net.resourceStart[i] + slotInLeg[q]] = j). */
  readonly slotInLeg: Int32Array;
  /** p[t · nP + j]: arrival probability of product j in period t. */
  readonly p: Float64Array;
}

/**
 * Validates (see `validateBookingProcess`) and compiles a booking process. The input is not modified.
 * @internal
 */
export function compileBookingProcess(process: NetworkBookingProcess): CompiledProcess {
  validateBookingProcess(process);
  const net = compileNetwork(process.network, 'process.network');
  const nR = net.resourceIds.length;
  const nP = net.productIds.length;
  const capacity = new Int32Array(nR);
  for (let i = 0; i < nR; i++) {
    const c = net.capacity[i]!;
    // a booking process sells whole units (the leg DPs index states by units left)
    if (!Number.isInteger(c) || c > 2 ** 31 - 1)
      fail(`process.network.resources[${i}].capacity`, `must be a whole number of units for a booking process, got ${c}`);
    capacity[i] = c;
  }
  // resourceProducts lists each leg's products in increasing order, so a product's slot on a leg is
  // the number of earlier products on that leg: one pass in product order.
  const slotInLeg = new Int32Array(net.productResources.length);
  const fill = new Int32Array(nR);
  for (let j = 0; j < nP; j++)
    for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) slotInLeg[q] = fill[net.productResources[q]!]!++;
  const p = Float64Array.from(process.arrivalProbabilities as ArrayLike<number>);
  return { net, nR, nP, T: process.periods, capacity, slotInLeg, p };
}

/** Remaining capacity per leg at the start (validated) or the network's capacities. @internal */
export function startCapacity(cp: CompiledProcess, capacity: ArrayLike<number> | undefined): Int32Array {
  if (capacity === undefined) return Int32Array.from(cp.capacity);
  if (capacity.length !== cp.nR)
    fail('options.capacity', `must hold one number per resource (${cp.nR}), got ${capacity.length}`, 'inconsistent');
  const out = new Int32Array(cp.nR);
  for (let i = 0; i < cp.nR; i++) out[i] = nonNegativeInteger(capacity[i], `options.capacity[${i}]`);
  return out;
}

/**
 * Bid prices (one per resource) given as a record by resource id or an array in network order →
 * Float64Array in network order, each validated ≥ 0 and finite; a YieldInputError names
 * `${path}.id` / `${path}[i]` for a missing, unknown or bad price. @internal
 */
export function bidPriceVector(
  net: CompiledNetwork,
  prices: Readonly<Record<string, number>> | ArrayLike<number>,
  path: string,
): Float64Array {
  const ids = net.resourceIds;
  const n = ids.length;
  const out = new Float64Array(n);
  if (typeof (prices as ArrayLike<number>).length === 'number') {
    const a = prices as ArrayLike<number>;
    if (a.length !== n) fail(path, `must hold one bid price per resource (${n}), got ${a.length}`, 'inconsistent');
    for (let i = 0; i < n; i++) out[i] = nonNegative(a[i], `${path}[${i}]`);
    return out;
  }
  const rec = object(prices, path) as Readonly<Record<string, number>>;
  for (const key of Object.keys(rec))
    if (!net.resourceIndex.has(key)) fail(`${path}.${key}`, `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
  ids.forEach((id, i) => {
    if (!(id in rec)) fail(`${path}.${id}`, 'missing bid price', 'inconsistent');
    out[i] = nonNegative(rec[id], `${path}.${id}`);
  });
  return out;
}
