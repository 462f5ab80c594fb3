/**
 * Demand trajectories of a network booking process: in each period at most one request, for product j
 * with probability p_{t,j} (Topaloglu 2009's model; see `NetworkBookingProcess`). A trajectory is an
 * Int32Array with one entry per period: the index of the requested product (network order) or −1 for
 * no request. Every policy simulated on the same trajectories sees the same requests (common random
 * numbers), so differences between policies are not sampling noise of the demand.
 *
 * Trajectory k uses its own generator `mulberry32(deriveSeed(seed, k))`, so trajectory k is the same
 * whatever `count` is, and the same seed gives the same trajectories. In each period one uniform u is
 * drawn and the request is the first j with u < p_{t,0} + … + p_{t,j} (none if u is beyond the sum).
 *
 * @param process - the booking process (validated; not modified)
 * @param options.count - number of trajectories (≥ 1)
 * @param options.seed - base seed (any finite number; default 2009)
 * @example
 * import { sampleTrajectories } from 'yieldcraft/simulate';
 * const process = { network: { resources: [{ id: 'L', capacity: 1 }],
 *   products: [{ id: 'P', fare: 10, resources: ['L'], demand: 1 }] }, periods: 3, arrivalProbabilities: [1, 0, 1] };
 * sampleTrajectories(process, { count: 1 })[0]; // => Int32Array [0, -1, 0]
 */
import { finite, positiveInteger } from '../internal/validate.js';
import { deriveSeed, mulberry32 } from '../internal/rng.js';
import { validateBookingProcess, type NetworkBookingProcess } from '../optimize/network/topalogluModel.js';

export const TRAJECTORY_DEFAULTS = { seed: 2009 } as const;

export function sampleTrajectories(
  process: NetworkBookingProcess,
  options: { readonly count: number; readonly seed?: number },
): Int32Array[] {
  validateBookingProcess(process);
  const count = positiveInteger(options.count, 'options.count');
  const seed = finite(options.seed ?? TRAJECTORY_DEFAULTS.seed, 'options.seed');
  const T = process.periods;
  const nP = process.network.products.length;
  const cum = new Float64Array(T * nP);
  const p = process.arrivalProbabilities;
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = 0; j < nP; j++) cum[t * nP + j] = s += p[t * nP + j]!;
  }
  const out: Int32Array[] = [];
  for (let k = 0; k < count; k++) {
    const rng = mulberry32(deriveSeed(seed, k));
    const traj = new Int32Array(T);
    for (let t = 0; t < T; t++) {
      const u = rng();
      const row = t * nP;
      let req = -1;
      for (let j = 0; j < nP; j++) {
        if (u < cum[row + j]! && p[row + j]! > 0) {
          req = j;
          break;
        }
      }
      traj[t] = req;
    }
    out.push(traj);
  }
  return out;
}

/** Number of requests per product in a trajectory (the realised demand). */
export function realisedDemand(trajectory: Int32Array, products: number): Float64Array {
  const d = new Float64Array(products);
  for (let t = 0; t < trajectory.length; t++) {
    const j = trajectory[t]!;
    if (j >= 0) d[j]!++;
  }
  return d;
}
