import { fail, finite, object, positiveInteger } from '../internal/validate.js';
import { deriveSeed, mulberry32 } from '../internal/rng.js';
import type { NetworkBookingProcess } from '../model/bookingProcess.js';
import { compileProcess } from './compileProcess.js';

/** Defaults of {@link sampleTrajectories}. */
export const TRAJECTORY_DEFAULTS = { seed: 2009 } as const;

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
export function sampleTrajectories(
  process: NetworkBookingProcess,
  options: { readonly count: number; readonly seed?: number },
): Int32Array[] {
  object(options, 'options');
  if ((process as { kind?: unknown } | null)?.kind === 'hotel') fail('process', 'sampleTrajectories lays out one request per period: it takes a network booking process', 'inconsistent');
  const sp = compileProcess(process);
  const count = positiveInteger(options.count, 'options.count');
  if (count > 1_000_000) fail('options.count', `at most 1,000,000 trajectories, got ${count}`);
  const seed = finite(options.seed ?? TRAJECTORY_DEFAULTS.seed, 'options.seed');
  const out: Int32Array[] = [];
  for (let k = 0; k < count; k++) {
    // the simulator's own sampler (one uniform per period), laid out one entry per period
    const t = sp.sample(mulberry32(deriveSeed(seed, k)));
    const traj = new Int32Array(sp.periods).fill(-1);
    for (let r = 0; r < t.n; r++) traj[t.time[r]!] = t.product[r]!;
    out.push(traj);
  }
  return out;
}

/**
 * Number of requests per product in a trajectory (the realised demand).
 * @example
 * import { realisedDemand } from 'yieldcraft/simulate';
 * realisedDemand(Int32Array.from([0, -1, 1, 0]), 2); // => Float64Array [2, 1]
 */
export function realisedDemand(trajectory: Int32Array, products: number): Float64Array {
  if (!(trajectory instanceof Int32Array)) fail('trajectory', 'must be an Int32Array (one product index or −1 per period)', 'invalid-type');
  positiveInteger(products, 'products');
  for (let t = 0; t < trajectory.length; t++)
    if (trajectory[t]! < -1 || trajectory[t]! >= products) fail(`trajectory[${t}]`, `must be a product index 0 … ${products - 1} or −1, got ${trajectory[t]}`);
  const d = new Float64Array(products);
  for (let t = 0; t < trajectory.length; t++) {
    const j = trajectory[t]!;
    if (j >= 0) d[j]!++;
  }
  return d;
}
