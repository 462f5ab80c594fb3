import type { Network } from '../model/index.js';
import { reoptimizationSchedule } from '../model/bookingProcess.js';
import { prefixError } from '../model/errors.js';
import { fail, finite, join, object } from '../internal/validate.js';
import { compileNetwork } from '../model/compileNetwork.js';
import { solveDlp, type DlpResult } from '../optimize/network/dlp.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import { bidPriceControls, type BidPriceControls, type BidPriceTieRule } from './bidPriceControls.js';

/**
 * The re-optimisation periods: `reoptimizationSchedule(horizon, times)` of `yieldcraft/model` (the one
 * schedule function): t_k = ⌊k · horizon / times⌋, k = 0..times−1; more times than periods means every
 * period once.
 *
 * @example
 * import { reoptimizeSchedule } from 'yieldcraft/control';
 * reoptimizeSchedule(200, 5); // => [0, 40, 80, 120, 160]
 */
export function reoptimizeSchedule(horizon: number, times: number): number[] {
  try {
    return reoptimizationSchedule(horizon, times);
  } catch (e) {
    throw prefixError(e, '', {});
  }
}

export interface ReoptimizeInput {
  /** Units sold so far per resource id (missing = 0); must not exceed capacity. */
  readonly sold: Readonly<Record<string, number>>;
  /**
   * Expected demand still to come: per product id (missing products keep their full mean), or one
   * number in [0, 1], the share of every product's mean still to come (e.g. 1 − t/T for a homogeneous
   * arrival process).
   */
  readonly remainingDemand?: Readonly<Record<string, number>> | number;
}

export interface ReoptimizeOptions {
  readonly solver?: LpSolverName;
  readonly ties?: BidPriceTieRule;
  readonly tolerance?: number;
}

/**
 * Periodic re-optimisation of network bid prices: static DLP bid prices go stale as bookings come in, and
 * re-solving the DLP with the capacity left and the demand still to come recovers most of the gap to the
 * optimal policy (Talluri & van Ryzin 2004, §3.3.4 "re-solving"; Topaloglu 2009 recomputes at 5 equally
 * spaced times of the booking horizon, the convention of the standard benchmark).
 *
 * - `reoptimizeSchedule(horizon, times)`: the periods (0-based, from the start of the horizon) at which to
 *   re-solve: t_k = ⌊k · horizon / times⌋, k = 0..times−1 (so t_0 = 0, and 5 times over 200 periods give
 *   0, 40, 80, 120, 160); more times than periods means every period once.
 * - `reoptimizeDlp(network, { sold, remainingDemand })`: the DLP over remaining capacity c_i − sold_i and
 *   remaining expected demand, compiled straight into bid-price controls (with the new allocation, so
 *   that the 'allocation' tie rule follows the re-solved LP).
 */
export async function reoptimizeDlp(
  network: Network,
  input: ReoptimizeInput,
  options: ReoptimizeOptions = {},
): Promise<{ readonly dlp: DlpResult; readonly controls: BidPriceControls | null }> {
  const net = compileNetwork(network);
  object(input, 'input');
  const sold = object(input.sold ?? {}, 'input.sold');
  const capacity = new Float64Array(net.capacity);
  for (const key of Object.keys(sold)) {
    const i = net.resourceIndex.get(key);
    if (i === undefined) fail(join('input.sold', key), `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
    const s = finite(sold[key], join('input.sold', key));
    if (s < 0) fail(join('input.sold', key), `must be ≥ 0, got ${s}`);
    if (s > net.capacity[i]!) fail(join('input.sold', key), `${s} sold exceeds the capacity ${net.capacity[i]}`, 'inconsistent');
    capacity[i] = net.capacity[i]! - s;
  }
  const demand = new Float64Array(net.meanDemand);
  const rd = input.remainingDemand;
  if (typeof rd === 'number') {
    const share = finite(rd, 'input.remainingDemand');
    if (share < 0 || share > 1) fail('input.remainingDemand', `a share must be in [0, 1], got ${share}`);
    for (let j = 0; j < demand.length; j++) demand[j] = net.meanDemand[j]! * share;
  } else if (rd !== undefined) {
    object(rd, 'input.remainingDemand');
    for (const key of Object.keys(rd)) {
      const j = net.productIndex.get(key);
      if (j === undefined) fail(join('input.remainingDemand', key), `unknown product id ${JSON.stringify(key)}`, 'unknown-reference');
      const v = finite(rd[key], join('input.remainingDemand', key));
      if (v < 0) fail(join('input.remainingDemand', key), `must be ≥ 0, got ${v}`);
      demand[j] = v;
    }
  }
  const result = await solveDlp(net, { capacity, demand }, { solver: options.solver ?? 'highs' });
  if (result.status !== 'optimal') return { dlp: result, controls: null };
  const remainingNetwork: Network = {
    resources: net.resourceIds.map((id, i) => ({ id, capacity: capacity[i]! })),
    products: network.products,
  };
  const controls = bidPriceControls(remainingNetwork, result, {
    ...(options.ties === undefined ? {} : { ties: options.ties }),
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  });
  return { dlp: result, controls };
}
