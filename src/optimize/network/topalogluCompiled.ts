/**
 * A booking process compiled into flat typed arrays for the kernels (leg dynamic programs, the
 * simulator): resources and products by index, product → legs and leg → products in compressed
 * sparse-row form, probabilities period-major. Built once per (re-)optimisation; never exported from
 * the package (an implementation detail of the network policies and `simulate/`).
 * @internal
 */
import { fail, nonNegative, nonNegativeInteger } from '../../internal/validate.js';
import { validateBookingProcess, type NetworkBookingProcess } from './topalogluModel.js';

export interface CompiledProcess {
  /** Number of resources (legs), products, periods. */
  readonly nR: number;
  readonly nP: number;
  readonly T: number;
  readonly resourceIds: readonly string[];
  readonly productIds: readonly string[];
  readonly capacity: Int32Array;
  readonly fare: Float64Array;
  /** Legs of product j: prodRes[prodStart[j] … prodStart[j+1] − 1]. */
  readonly prodStart: Int32Array;
  readonly prodRes: Int32Array;
  /** Products on leg i: resProd[resStart[i] … resStart[i+1] − 1]. */
  readonly resStart: Int32Array;
  readonly resProd: Int32Array;
  /** Position of product j in leg i's list, aligned with prodRes: slot[prodStart[j] + k] is the index
   * of j within J_{prodRes[prodStart[j] + k]}. */
  readonly slotInLeg: Int32Array;
  /** p[t · nP + j]. */
  readonly p: Float64Array;
}

/** Validates (see `validateBookingProcess`) and compiles. The input is not modified. */
export function compileBookingProcess(process: NetworkBookingProcess): CompiledProcess {
  validateBookingProcess(process);
  const { network, periods: T } = process;
  const nR = network.resources.length;
  const nP = network.products.length;
  const index = new Map<string, number>();
  network.resources.forEach((r, i) => index.set(r.id, i));
  const capacity = new Int32Array(nR);
  network.resources.forEach((r, i) => (capacity[i] = r.capacity));
  const fare = new Float64Array(nP);
  const prodStart = new Int32Array(nP + 1);
  let nnz = 0;
  network.products.forEach((p, j) => {
    fare[j] = p.fare;
    prodStart[j] = nnz;
    nnz += p.resources.length;
  });
  prodStart[nP] = nnz;
  const prodRes = new Int32Array(nnz);
  const count = new Int32Array(nR);
  network.products.forEach((p, j) => {
    p.resources.forEach((rid, k) => {
      const i = index.get(rid)!;
      prodRes[prodStart[j]! + k] = i;
      count[i]!++;
    });
  });
  const resStart = new Int32Array(nR + 1);
  for (let i = 0; i < nR; i++) resStart[i + 1] = resStart[i]! + count[i]!;
  const resProd = new Int32Array(nnz);
  const slotInLeg = new Int32Array(nnz);
  const fill = new Int32Array(nR);
  for (let j = 0; j < nP; j++) {
    for (let k = prodStart[j]!; k < prodStart[j + 1]!; k++) {
      const i = prodRes[k]!;
      const s = fill[i]!++;
      resProd[resStart[i]! + s] = j;
      slotInLeg[k] = s;
    }
  }
  const p = Float64Array.from(process.arrivalProbabilities as ArrayLike<number>);
  return {
    nR,
    nP,
    T,
    resourceIds: network.resources.map((r) => r.id),
    productIds: network.products.map((p) => p.id),
    capacity,
    fare,
    prodStart,
    prodRes,
    resStart,
    resProd,
    slotInLeg,
    p,
  };
}

/** Remaining capacity per leg at the start (validated) or the network's capacities. */
export function startCapacity(cp: CompiledProcess, capacity: ArrayLike<number> | undefined): Int32Array {
  if (capacity === undefined) return Int32Array.from(cp.capacity);
  if (capacity.length !== cp.nR)
    fail('options.capacity', `must hold one number per resource (${cp.nR}), got ${capacity.length}`, 'inconsistent');
  const out = new Int32Array(cp.nR);
  for (let i = 0; i < cp.nR; i++) out[i] = nonNegativeInteger(capacity[i], `options.capacity[${i}]`);
  return out;
}

/** Bid prices given as a record by id or an array in network order → Float64Array (validated ≥ 0). */
export function bidPriceVector(
  cp: CompiledProcess,
  prices: Readonly<Record<string, number>> | ArrayLike<number>,
  path: string,
): Float64Array {
  const out = new Float64Array(cp.nR);
  if (typeof (prices as ArrayLike<number>).length === 'number') {
    const a = prices as ArrayLike<number>;
    if (a.length !== cp.nR) fail(path, `must hold one bid price per resource (${cp.nR}), got ${a.length}`, 'inconsistent');
    for (let i = 0; i < cp.nR; i++) out[i] = nonNegative(a[i], `${path}[${i}]`);
    return out;
  }
  const rec = prices as Readonly<Record<string, number>>;
  const known = new Set(cp.resourceIds);
  for (const key of Object.keys(rec))
    if (!known.has(key)) fail(`${path}.${key}`, `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
  cp.resourceIds.forEach((id, i) => {
    if (!(id in rec)) fail(`${path}.${id}`, 'missing bid price', 'inconsistent');
    out[i] = nonNegative(rec[id], `${path}.${id}`);
  });
  return out;
}
