import { fail } from '../internal/validate.js';
import { YieldInputError } from '../model/errors.js';
import { compileNetwork } from '../model/compileNetwork.js';
import { openDlpSession } from '../optimize/network/dlp.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import { validateBookingProcess, type NetworkBookingProcess } from '../model/bookingProcess.js';
import { realisedDemand } from './sampleTrajectories.js';

/**
 * The perfect-hindsight bound of a demand trajectory: the most revenue any policy could have earned had
 * it known every request in advance,
 *
 *   max Σ_j f_j y_j   s.t.   Σ_{j uses i} y_j ≤ c_i,   0 ≤ y_j ≤ d_j,
 *
 * with d_j the number of requests for product j in the trajectory. It is the DLP with the realised
 * demand in place of the mean (one warm LP session for all trajectories); any policy's sales on the trajectory are feasible
 * for it, so it bounds every policy on every trajectory, and its mean over trajectories bounds the
 * optimal expected revenue from above (it is ≤ the DLP bound in expectation, by Jensen). The LP
 * relaxation is used; on hub-and-spoke networks whose itineraries use at most one inbound and one
 * outbound leg the constraint matrix is totally unimodular and the LP optimum is integral anyway.
 *
 * Reference: Talluri & van Ryzin (2004), ch. 3 (the "perfect hindsight" or ex-post optimum as an upper
 * bound); Topaloglu (2009) uses it to gauge policies on the same instances.
 *
 * @example
 * import { perfectHindsight } from 'yieldcraft/simulate';
 * const process = {
 *   network: {
 *     resources: [{ id: 'L', capacity: 1 }],
 *     products: [{ id: 'lo', fare: 50, resources: ['L'], demand: 1 }, { id: 'hi', fare: 100, resources: ['L'], demand: 1 }],
 *   },
 *   periods: 2,
 *   arrivalProbabilities: [1, 0, 0, 1],
 * };
 * // one seat; a request for the 50 fare, then one for the 100 fare: hindsight sells the 100
 * await perfectHindsight(process, Int32Array.from([0, 1])); // => 100
 */
export async function perfectHindsight(
  process: NetworkBookingProcess,
  trajectory: Int32Array,
  options: { readonly solver?: LpSolverName } = {},
): Promise<number> {
  const [v] = await perfectHindsightBounds(process, [trajectory], options);
  return v!;
}

/** The perfect-hindsight bound of each trajectory (one LP each, the network compiled once). */
export async function perfectHindsightBounds(
  process: NetworkBookingProcess,
  trajectories: readonly Int32Array[],
  options: { readonly solver?: LpSolverName } = {},
): Promise<Float64Array> {
  validateBookingProcess(process);
  const net = compileNetwork(process.network);
  const nP = process.network.products.length;
  const out = new Float64Array(trajectories.length);
  const session = await openDlpSession(net, options.solver === undefined ? {} : { solver: options.solver });
  try {
  for (let k = 0; k < trajectories.length; k++) {
    const traj = trajectories[k]!;
    if (traj.length !== process.periods)
      fail(`trajectories[${k}]`, `must have one entry per period (${process.periods}), got ${traj.length}`, 'inconsistent');
    for (let t = 0; t < traj.length; t++)
      if (!Number.isInteger(traj[t]) || traj[t]! < -1 || traj[t]! >= nP)
        fail(`trajectories[${k}][${t}]`, `must be a product index 0 … ${nP - 1} or −1, got ${traj[t]}`);
    const r = await session.solve({ demand: realisedDemand(traj, nP) });
    if (r.status !== 'optimal') throw new YieldInputError('invalid', `trajectories[${k}]`, `the perfect-hindsight LP could not be solved (${r.message})`);
    out[k] = r.objective;
  }
  } finally {
    session.close();
  }
  return out;
}
