/**
 * The unit of Monte Carlo work: trajectories [from, to) of one process under every policy (and the
 * perfect-hindsight bound), each trajectory from its own seed stream `mulberry32(deriveSeed(seed, k))`,
 * so that a trajectory's outcome does not depend on which worker or shard plays it. @internal
 */
import { deriveSeed, mulberry32 } from '../internal/rng.js';
import type { Controls } from '../control/controls.js';
import { compileProcess, type BookingProcess, type SimProcess } from './compileProcess.js';
import { hindsightBound } from './hindsight.js';
import { METRIC_NAMES, planControls, planningContext, replay, type ReplayHooks } from './replay.js';
import type { Policy, PolicySpec } from './policy.js';
import type { LpSolverName } from '../optimize/lp/types.js';

/** What the worker pool's `workerData` carries: cloned once per worker thread, not once per task. */
export interface WorkerData {
  readonly process: BookingProcess;
  readonly specs: readonly PolicySpec[];
}

export interface ChunkTask {
  readonly from: number;
  readonly to: number;
  readonly seed: number;
  readonly times: readonly number[];
  readonly hindsight: boolean;
  readonly solver?: LpSolverName;
}

/** Per trajectory (in order): per policy a metrics row, held per resource, sales per product; the hindsight bound. */
export interface ChunkResult {
  readonly from: number;
  readonly to: number;
  /** metrics[p][k · METRICS + q] */
  readonly metrics: Float64Array[];
  /** Σ over the chunk's trajectories of the units held at the end, per policy and resource. */
  readonly heldSum: Float64Array[];
  /** Σ of units sold per product, per policy. */
  readonly soldSum: Float64Array[];
  /** hindsight[k] (NaN when not computed or the LP failed: see `hindsightFailed`). */
  readonly hindsight: Float64Array;
  readonly hindsightFailed: number;
  /** The initial controls' bid prices per resource (NaN where not a bid-price family), per policy. */
  readonly bidPrices: Float64Array[];
  readonly ms: Float64Array;
}

/** Bid price per resource of controls at their first period with `held` units held (NaN if not bid prices). */
export function initialBidPrices(c: Controls, held: Float64Array): Float64Array {
  if (c.kind === 'nested-limits') return new Float64Array(0);
  const m = c.resourceIds.length;
  const out = new Float64Array(m).fill(NaN);
  if (c.kind === 'bid-prices') out.set(c.bidPrice);
  else if (c.kind === 'dynamic-bid-prices') {
    const row = c.startPeriod + 1 - c.startPeriod;
    for (let i = 0; i < m; i++) {
      const states = c.tableStates[i]!;
      const x = Math.min(states, Math.floor(c.capacity[i]! - held[i]!));
      const V = c.valueTables[i]!;
      out[i] = x >= 1 ? V[row * (states + 1) + x]! - V[row * (states + 1) + x - 1]! : NaN;
    }
  }
  return out;
}

export async function runChunk(
  spOrProcess: SimProcess | BookingProcess,
  policies: readonly Policy[],
  task: ChunkTask,
  hooks: ReplayHooks = {},
  onTrajectory?: () => void,
): Promise<ChunkResult> {
  const sp = 'sample' in spOrProcess ? (spOrProcess as SimProcess) : compileProcess(spOrProcess);
  const K = task.to - task.from;
  const Q = METRIC_NAMES.length;
  const m = sp.net.resourceIds.length;
  const nP = sp.net.productIds.length;
  const P = policies.length;
  const metrics = policies.map(() => new Float64Array(K * Q));
  const heldSum = policies.map(() => new Float64Array(m));
  const soldSum = policies.map(() => new Float64Array(nP));
  const bidPrices: Float64Array[] = [];
  const ms = new Float64Array(P);
  const hindsight = new Float64Array(K).fill(NaN);
  let hindsightFailed = 0;
  try {
    // each policy's plan of the initial state, once for the chunk (a pure function of the state)
    const first: (Controls | undefined)[] = [];
    for (let p = 0; p < P; p++) {
      const t0 = performance.now();
      const c = task.times[0] === 0 ? await planControls(policies[p]!, planningContext(sp, 0, sp.initialHeld, new Float64Array(nP)), sp) : undefined;
      first.push(c);
      bidPrices.push(c ? initialBidPrices(c, sp.initialHeld) : new Float64Array(m).fill(NaN));
      ms[p]! += performance.now() - t0;
    }
    // one trajectory at a time: sampled, played by every policy while its columns are still in cache,
    // bounded by hindsight, then dropped (memory does not grow with the chunk)
    for (let k = 0; k < K; k++) {
      const traj = sp.sample(mulberry32(deriveSeed(task.seed, task.from + k)));
      for (let p = 0; p < P; p++) {
        const t0 = performance.now();
        const o = await replay(sp, policies[p]!, traj, task.times, first[p], hooks, { trajectory: task.from + k, policy: p });
        metrics[p]!.set(o.metrics, k * Q);
        const hs = heldSum[p]!;
        const ss = soldSum[p]!;
        for (let i = 0; i < m; i++) hs[i]! += o.held[i]!;
        for (let j = 0; j < nP; j++) ss[j]! += o.sold[j]!;
        ms[p]! += performance.now() - t0;
      }
      if (task.hindsight) {
        const v = await hindsightBound(sp, traj, task.solver ?? 'highs');
        if (v === null) hindsightFailed++;
        else hindsight[k] = v;
      }
      for (let p = 0; p < P; p++) onTrajectory?.();
    }
  } finally {
    for (const policy of policies) policy.dispose?.();
  }
  return { from: task.from, to: task.to, metrics, heldSum, soldSum, hindsight, hindsightFailed, bidPrices, ms };
}
