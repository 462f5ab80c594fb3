/**
 * A booking process compiled into flat typed arrays for the kernels (leg dynamic programs, the
 * simulator): resources and products by index, product → legs and leg → products in compressed
 * sparse-row form, probabilities period-major. Built once per (re-)optimisation; never exported from
 * the package (an implementation detail of the network policies and `simulate/`).
 * @internal
 */
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
