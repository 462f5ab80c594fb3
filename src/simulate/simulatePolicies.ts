/**
 * Monte Carlo comparison of booking policies on a network booking process: every policy plays the
 * same demand trajectories (common random numbers), re-optimising at equally spaced times, and each
 * policy's mean revenue is reported with a Student-t confidence interval; optionally the
 * perfect-hindsight bound is computed on the same trajectories.
 *
 * Playing a trajectory: the policy plans at period 0 (once, shared by all trajectories) and again at
 * each re-optimisation period with the state reached; in each period with a request for product j, the
 * rule says accept or reject; an accepted request is sold only if every resource of j has a unit left
 * (the simulator enforces capacity: an acceptance without capacity counts as a rejection), earning f_j.
 *
 * Reference: Topaloglu (2009), computational study (100 trajectories, common random numbers, bid prices
 * recomputed at 5 equally spaced times).
 *
 * @param process - the network booking process (not modified)
 * @param policies - the policies to compare (at least one)
 * @param options - `trajectories` (default 100), `seed` (default 2009), `reoptimizations` (number of
 *   planning times including period 0, default 5), `level` of the intervals (default 0.95),
 *   `hindsight` (also compute the perfect-hindsight bound, default false), `onProgress` callback
 * @example
 * import { simulatePolicies, dlpBidPricePolicy, dpDecompositionPolicy } from 'yieldcraft/simulate';
 * import { parseTopalogluInstance } from 'yieldcraft/optimize';
 * const instance = parseTopalogluInstance(text); // a gunzipped rm_*.txt file
 * const r = await simulatePolicies(instance, [dlpBidPricePolicy(), dpDecompositionPolicy()], { trajectories: 100, hindsight: true });
 * r.policies.map((p) => `${p.name}: ${p.mean.toFixed(0)} ± ${p.halfWidth.toFixed(0)}`);
 */
import { fail, finite, positiveInteger, probability } from '../internal/validate.js';
import { compileBookingProcess, type CompiledProcess } from '../optimize/network/topalogluCompiled.js';
import type { NetworkBookingProcess } from '../optimize/network/topalogluModel.js';
import { meanConfidenceInterval, type ConfidenceInterval } from './confidenceInterval.js';
import { sampleTrajectories, TRAJECTORY_DEFAULTS } from './sampleTrajectories.js';
import { reoptimizationPeriods, type BookingRule, type Policy } from './policy.js';
import { perfectHindsightBounds } from './perfectHindsight.js';

export const SIMULATION_DEFAULTS = {
  trajectories: 100,
  seed: TRAJECTORY_DEFAULTS.seed,
  reoptimizations: 5,
  level: 0.95,
  hindsight: false,
} as const;

export interface SimulationOptions {
  readonly trajectories?: number;
  readonly seed?: number;
  readonly reoptimizations?: number;
  readonly level?: number;
  readonly hindsight?: boolean;
  /** Called after each (policy, trajectory) with the policy index and the trajectory index. */
  readonly onProgress?: (policy: number, trajectory: number) => void;
}

export interface PolicyOutcome extends ConfidenceInterval {
  readonly name: string;
  readonly tieRule: string;
  /** Revenue on each trajectory (same order for every policy: common random numbers). */
  readonly revenues: Float64Array;
  /** Mean units sold per product over the trajectories. */
  readonly meanSales: Float64Array;
  /** Wall-clock time spent in this policy (planning and deciding), milliseconds. */
  readonly ms: number;
}

export interface SimulationResult {
  readonly trajectories: number;
  readonly seed: number;
  readonly reoptimizationPeriods: readonly number[];
  readonly policies: readonly PolicyOutcome[];
  /** The perfect-hindsight bound on the same trajectories (when requested). */
  readonly hindsight?: ConfidenceInterval & { readonly revenues: Float64Array };
}

export async function simulatePolicies(
  process: NetworkBookingProcess,
  policies: readonly Policy[],
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  const cp = compileBookingProcess(process);
  if (!Array.isArray(policies) || policies.length === 0) fail('policies', 'must list at least one policy', 'empty');
  const n = positiveInteger(options.trajectories ?? SIMULATION_DEFAULTS.trajectories, 'options.trajectories');
  const seed = finite(options.seed ?? SIMULATION_DEFAULTS.seed, 'options.seed');
  const reopt = positiveInteger(options.reoptimizations ?? SIMULATION_DEFAULTS.reoptimizations, 'options.reoptimizations');
  const level = probability(options.level ?? SIMULATION_DEFAULTS.level, 'options.level');
  const trajectories = sampleTrajectories(process, { count: n, seed });
  const times = reoptimizationPeriods(cp.T, reopt);
  const outcomes: PolicyOutcome[] = [];
  for (let q = 0; q < policies.length; q++) {
    const policy = policies[q]!;
    const t0 = performance.now();
    const revenues = new Float64Array(n);
    const sales = new Float64Array(cp.nP);
    try {
      const initial = await policy.plan(process, freshState(cp));
      for (let k = 0; k < n; k++) {
        revenues[k] = await playTrajectory(cp, process, policy, trajectories[k]!, times, initial, sales);
        options.onProgress?.(q, k);
      }
    } finally {
      policy.dispose?.();
    }
    for (let j = 0; j < cp.nP; j++) sales[j]! /= n;
    outcomes.push({
      name: policy.name,
      tieRule: policy.tieRule,
      ...meanConfidenceInterval(revenues, level),
      revenues,
      meanSales: sales,
      ms: performance.now() - t0,
    });
  }
  const result: SimulationResult = { trajectories: n, seed, reoptimizationPeriods: times, policies: outcomes };
  if (options.hindsight) {
    const revenues = await perfectHindsightBounds(process, trajectories);
    return { ...result, hindsight: { ...meanConfidenceInterval(revenues, level), revenues } };
  }
  return result;
}

interface MutableState {
  period: number;
  remaining: Int32Array;
  sold: Int32Array;
}

function freshState(cp: CompiledProcess): MutableState {
  return { period: 0, remaining: Int32Array.from(cp.capacity), sold: new Int32Array(cp.nP) };
}

/**
 * Plays one trajectory with a policy: plans at each of `times` (using `initial` for period 0 when
 * given), decides each request, enforces capacity. Returns the revenue; adds units sold per product
 * into `salesOut` when given. The trajectory is not modified.
 */
export async function playTrajectory(
  cp: CompiledProcess,
  process: NetworkBookingProcess,
  policy: Policy,
  trajectory: Int32Array,
  times: readonly number[],
  initial?: BookingRule,
  salesOut?: Float64Array,
): Promise<number> {
  if (trajectory.length !== cp.T) fail('trajectory', `must have one entry per period (${cp.T}), got ${trajectory.length}`, 'inconsistent');
  const state = freshState(cp);
  let rule: BookingRule | undefined;
  let next = 0; // index into times
  let revenue = 0;
  const { prodStart, prodRes, fare } = cp;
  for (let t = 0; t < cp.T; t++) {
    if (next < times.length && times[next] === t) {
      state.period = t;
      rule = t === 0 && initial !== undefined ? initial : await policy.plan(process, state);
      next++;
    }
    const j = trajectory[t]!;
    if (j < 0) continue;
    state.period = t;
    if (!rule!(j, state)) continue;
    let ok = true;
    for (let k = prodStart[j]!; k < prodStart[j + 1]!; k++) if (state.remaining[prodRes[k]!]! < 1) ok = false;
    if (!ok) continue;
    for (let k = prodStart[j]!; k < prodStart[j + 1]!; k++) state.remaining[prodRes[k]!]!--;
    state.sold[j]!++;
    revenue += fare[j]!;
  }
  if (salesOut) for (let j = 0; j < cp.nP; j++) salesOut[j]! += state.sold[j]!;
  return revenue;
}
