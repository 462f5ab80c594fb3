import { existsSync } from 'node:fs';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YieldInputError } from '../model/errors.js';
import { fail, finite, nonNegativeInteger, object, positiveInteger, probability } from '../internal/validate.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import { meanConfidenceInterval } from './confidenceInterval.js';
import { compileProcess, type BookingProcess } from './compileProcess.js';
import { reoptimizationPeriods, type Policy, type PolicySpec } from './policy.js';
import { METRIC_NAMES, M, type DecisionEvent, type MetricName } from './replay.js';
import { runChunk, type ChunkResult, type WorkerData } from './runChunk.js';

export { METRIC_NAMES, type MetricName, type DecisionEvent } from './replay.js';

/** Defaults of {@link simulatePolicies}. */
export const SIMULATION_DEFAULTS = {
  trajectories: 100,
  seed: 2009,
  reoptimizations: 5,
  level: 0.95,
  hindsight: false,
  workers: 1,
  firstTrajectory: 0,
  maxTrajectories: 1_000_000,
} as const;

/** Options of {@link simulatePolicies}. */
export interface SimulationOptions {
  /** Number of trajectories (≥ 1; default 100). */
  readonly trajectories?: number;
  /** First trajectory index (default 0): a shard plays [first, first + trajectories). */
  readonly firstTrajectory?: number;
  /** Base seed (default 2009); trajectory k uses `deriveSeed(seed, k)`. */
  readonly seed?: number;
  /** How many times to plan over the horizon, equally spaced, the first at period 0 (default 5). */
  readonly reoptimizations?: number;
  /** Or the planning periods themselves (increasing, the first 0), e.g. every booking day. */
  readonly schedule?: readonly number[];
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Also compute the perfect-hindsight bound on the same trajectories (default false). */
  readonly hindsight?: boolean;
  /** Worker threads (default 1: in this thread). Results do not depend on it. */
  readonly workers?: number;
  /** LP solver for the hindsight bound. */
  readonly solver?: LpSolverName;
  /** Called as trajectories finish (done, total: policies × trajectories). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called at every decision with the live state (in this thread only: needs workers = 1). */
  readonly onDecision?: (event: DecisionEvent) => void;
}

/** A mean with its confidence interval (plain JSON: `halfWidth`, `low`, `high` are null for one trajectory). */
export interface Summary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly level: number;
  readonly halfWidth: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** What one policy did over the trajectories. */
export interface PolicyOutcome {
  readonly name: string;
  readonly tieRule: string;
  /** Each metric's mean and interval over the trajectories. */
  readonly metrics: Readonly<Record<MetricName | 'revenueOpportunity', Summary>>;
  /** Each metric per trajectory (trajectory order: common random numbers across policies). */
  readonly values: Readonly<Record<MetricName, readonly number[]>>;
  /**
   * Revenue opportunity achieved per trajectory, (contribution − no control) / (hindsight − no control),
   * null where hindsight was not computed or did not beat no control (Phillips 2005, §7.6).
   */
  readonly opportunity: readonly (number | null)[];
  /** Revenue per trajectory (= values.revenue). */
  readonly revenues: readonly number[];
  /** Mean units sold (bookings made) per product, network product order. */
  readonly meanSales: readonly number[];
  /** Per resource: mean units held at the end (guests staying), occupancy of the physical units, the initial bid price. */
  readonly byResource: readonly { readonly id: string; readonly meanHeld: number; readonly occupancy: number; readonly bidPrice: number | null }[];
  /** Paired difference to the first policy, per trajectory (null for the first). */
  readonly differenceToFirst: { readonly revenue: Summary; readonly contribution: Summary } | null;
  /** Wall-clock milliseconds spent in this policy (summed over workers). */
  readonly ms: number;
}

/** The result of {@link simulatePolicies}: plain, JSON-serialisable data. */
export interface SimulationResult {
  readonly kind: 'simulation';
  /** 'ok', or 'solver-failed' when some hindsight LP failed (those trajectories have no bound). */
  readonly status: 'ok' | 'solver-failed';
  readonly processKind: 'network' | 'hotel';
  readonly trajectories: number;
  readonly firstTrajectory: number;
  readonly seed: number;
  readonly level: number;
  readonly reoptimizationPeriods: readonly number[];
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly policies: readonly PolicyOutcome[];
  /** The perfect-hindsight bound on contribution per trajectory, when asked for. */
  readonly hindsight: (Summary & { readonly values: readonly number[] }) | null;
}

/** A summary with JSON-safe fields. */
export function summarize(values: ArrayLike<number>, level: number): Summary {
  const c = meanConfidenceInterval(values, level);
  const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);
  return { n: c.n, mean: c.mean, sd: c.sd, level, halfWidth: finiteOrNull(c.halfWidth), low: finiteOrNull(c.low), high: finiteOrNull(c.high) };
}

/**
 * Monte Carlo comparison of booking policies on any booking process — the Topaloglu (2009) network
 * process or a hotel's booking horizon (`hotelBookingProcess`): every policy plays the same request
 * trajectories (common random numbers); each plans controls on the re-optimisation schedule and the
 * simulator applies them with `decide`, records sales, cancellations and no-shows with the validated
 * state operations, and measures revenue, contribution, occupancy, ADR, RevPAR, denied service, spill,
 * spoilage, cancellations and no-shows per trajectory; means come with Student-t intervals, and every
 * policy with its paired difference to the first one. With `hindsight`, the perfect-hindsight bound is
 * computed on the same trajectories, and each policy's revenue opportunity achieved (Phillips 2005,
 * §7.6: (policy − no control) / (hindsight − no control), first-come-first-served as no control, per
 * trajectory where the opportunity is positive).
 *
 * Determinism: trajectory k draws from its own stream `deriveSeed(seed, k)`, so the result is the same
 * whatever `workers` is, and trajectories [a, b) played as a shard (`firstTrajectory`) are exactly the
 * rows a single run gives them (`mergeSimulations` joins shards). Worker threads run on `tinypool`; a
 * policy crosses to a worker through its `spec` (built-in factories set it).
 *
 * Reference: Topaloglu (2009), computational study (100 trajectories, common random numbers,
 * re-solving at 5 equally spaced times); Talluri & van Ryzin (2004), ch. 3 and §10.2 (hotel).
 *
 * @param process - the booking process (not modified)
 * @param policies - at least one
 * @param options - {@link SimulationOptions}
 * @example
 * import { simulatePolicies, fcfsPolicy, dlpBidPricePolicy } from 'yieldcraft/simulate';
 * const process = { network: { resources: [{ id: 'L', capacity: 1 }], products: [
 *   { id: 'lo', fare: 50, resources: ['L'], demand: 1 }, { id: 'hi', fare: 100, resources: ['L'], demand: 1 }] },
 *   periods: 2, arrivalProbabilities: [1, 0, 0, 1] };
 * const r = await simulatePolicies(process, [fcfsPolicy(), dlpBidPricePolicy()], { trajectories: 2, hindsight: true });
 * r.policies.map((p) => p.metrics.revenue.mean); // => [50, 100]
 * r.hindsight.mean; // => 100
 */
export async function simulatePolicies(
  process: BookingProcess,
  policies: readonly (Policy | PolicySpec)[],
  options: SimulationOptions = {},
): Promise<SimulationResult> {
  object(options, 'options');
  const sp = compileProcess(process);
  if (!Array.isArray(policies) || policies.length === 0) fail('policies', 'must list at least one policy', 'empty');
  const resolved: Policy[] = [];
  const specs: (PolicySpec | undefined)[] = [];
  const { policyFromSpec } = await import('./policies/registry.js');
  for (let q = 0; q < policies.length; q++) {
    const p = policies[q] as Policy | PolicySpec;
    if (p === null || typeof p !== 'object') fail(`policies[${q}]`, 'must be a policy (an object with name and plan) or a policy spec', 'invalid-type');
    if (typeof (p as Policy).plan === 'function') {
      resolved.push(p as Policy);
      specs.push((p as Policy).spec);
    } else {
      const pol = await policyFromSpec(p as PolicySpec, `policies[${q}]`);
      resolved.push(pol);
      specs.push(p as PolicySpec);
    }
    if (typeof resolved[q]!.name !== 'string') fail(`policies[${q}].name`, 'must be a string', 'invalid-type');
  }
  const n = positiveInteger(options.trajectories ?? SIMULATION_DEFAULTS.trajectories, 'options.trajectories');
  if (n > SIMULATION_DEFAULTS.maxTrajectories) fail('options.trajectories', `at most ${SIMULATION_DEFAULTS.maxTrajectories} in one call (shard larger studies), got ${n}`);
  const first = nonNegativeInteger(options.firstTrajectory ?? SIMULATION_DEFAULTS.firstTrajectory, 'options.firstTrajectory');
  const seed = finite(options.seed ?? SIMULATION_DEFAULTS.seed, 'options.seed');
  const level = probability(options.level ?? SIMULATION_DEFAULTS.level, 'options.level');
  if (level === 0 || level === 1) fail('options.level', `must be strictly between 0 and 1, got ${level}`);
  const workers = positiveInteger(options.workers ?? SIMULATION_DEFAULTS.workers, 'options.workers');
  if (workers > 256) fail('options.workers', `at most 256, got ${workers}`);
  let times: number[];
  if (options.schedule !== undefined) {
    if (!Array.isArray(options.schedule)) fail('options.schedule', 'must be an array of periods', 'invalid-type');
    times = options.schedule.map((t, i) => nonNegativeInteger(t, `options.schedule[${i}]`));
    times.forEach((t, i) => {
      if (t >= sp.periods) fail(`options.schedule[${i}]`, `must be below the ${sp.periods} periods of the process, got ${t}`);
      if (i > 0 && t <= times[i - 1]!) fail(`options.schedule[${i}]`, 'periods must increase', 'unsorted');
    });
    if (times[0] !== 0) fail('options.schedule[0]', 'must be 0 (the policy plans before the first request)', 'invalid');
  } else times = reoptimizationPeriods(sp.periods, positiveInteger(options.reoptimizations ?? SIMULATION_DEFAULTS.reoptimizations, 'options.reoptimizations'));
  const hindsight = options.hindsight ?? SIMULATION_DEFAULTS.hindsight;
  if (typeof hindsight !== 'boolean') fail('options.hindsight', 'must be true or false', 'invalid-type');
  if (options.onDecision !== undefined && workers > 1) fail('options.onDecision', 'needs workers = 1 (it sees the live state)', 'inconsistent');
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') fail('options.onProgress', 'must be a function', 'invalid-type');

  // with hindsight, first-come-first-served is the "no control" reference of the revenue opportunity
  const { fcfsPolicy } = await import('./policies/fcfsPolicy.js');
  const fcfsIndex = resolved.findIndex((p) => p.spec?.kind === 'fcfs');
  const withRef = hindsight && fcfsIndex < 0 ? [...resolved, fcfsPolicy()] : resolved;
  const withRefSpecs = hindsight && fcfsIndex < 0 ? [...specs, { kind: 'fcfs' as const }] : specs;
  const total = withRef.length * n;
  let done = 0;
  const progress = () => options.onProgress?.(++done, total);

  let chunks: ChunkResult[];
  if (workers === 1 || n === 1) {
    chunks = [
      await runChunk(sp, withRef, { from: first, to: first + n, seed, times, hindsight, ...(options.solver ? { solver: options.solver } : {}) },
        options.onDecision ? { onDecision: options.onDecision } : {}, progress),
    ];
  } else {
    const missing = withRefSpecs.findIndex((s) => s === undefined);
    if (missing >= 0)
      fail(`policies[${missing}]`, `policy ${JSON.stringify(withRef[missing]!.name)} has no spec, so it cannot run on worker threads: give it a spec ({ kind: 'module', module, export }) or use workers: 1`, 'inconsistent');
    for (const p of resolved) p.dispose?.();
    chunks = await runOnWorkers(process, withRefSpecs as PolicySpec[], { first, n, seed, times, hindsight, workers, solver: options.solver }, (k) => {
      for (let i = 0; i < k * withRef.length; i++) progress();
    });
  }
  return assemble(sp.net.resourceIds, sp.physical, sp.kind, withRef, chunks, { n, first, seed, level, times, reference: hindsight ? (fcfsIndex >= 0 ? fcfsIndex : withRef.length - 1) : -1, keep: resolved.length });
}

async function runOnWorkers(
  process: BookingProcess,
  specs: PolicySpec[],
  o: { first: number; n: number; seed: number; times: number[]; hindsight: boolean; workers: number; solver: LpSolverName | undefined },
  onChunk: (trajectories: number) => void,
): Promise<ChunkResult[]> {
  const { default: Tinypool } = await import('tinypool');
  const file = workerFile();
  const pool = new Tinypool({
    filename: file.url,
    minThreads: o.workers,
    maxThreads: o.workers,
    // the process and the specs are cloned once per worker thread, not once per task
    workerData: { process, specs } satisfies WorkerData,
  });
  try {
    // balanced: small chunks, several per worker, so a slow chunk does not hold the others back
    const size = Math.max(1, Math.ceil(o.n / (o.workers * 4)));
    const tasks: Promise<ChunkResult>[] = [];
    for (let a = o.first; a < o.first + o.n; a += size) {
      const b = Math.min(o.first + o.n, a + size);
      tasks.push(
        (pool.run({ task: { from: a, to: b, seed: o.seed, times: o.times, hindsight: o.hindsight, ...(o.solver ? { solver: o.solver } : {}) } }) as Promise<ChunkResult>).then((r) => {
          onChunk(b - a);
          return r;
        }),
      );
    }
    return await Promise.all(tasks);
  } finally {
    await pool.destroy();
  }
}

/** Where the worker module is: next to this module in the built package, or the TypeScript source under tsx/vitest. */
function workerFile(): { url: string; typescript: boolean } {
  const here =
    typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = dirname(here);
  const ext = here.endsWith('.cjs') ? '.cjs' : here.endsWith('.ts') ? '.dev.mjs' : '.js';
  for (const rel of ['worker', 'simulate/worker', '../simulate/worker']) {
    const p = joinPath(dir, rel + ext);
    if (existsSync(p)) return { url: p, typescript: ext === '.dev.mjs' };
  }
  throw new YieldInputError('invalid', 'options.workers', `cannot find the simulator's worker module next to ${here}`);
}

interface AssembleMeta {
  n: number;
  first: number;
  seed: number;
  level: number;
  times: number[];
  /** Index of the first-come-first-served reference among the policies run (−1: none). */
  reference: number;
  /** How many of the policies run are reported (the reference may be extra). */
  keep: number;
}

function assemble(
  resourceIds: readonly string[],
  physical: Float64Array,
  kind: 'network' | 'hotel',
  policies: readonly Policy[],
  chunks: ChunkResult[],
  meta: AssembleMeta,
): SimulationResult {
  chunks.sort((a, b) => a.from - b.from);
  const Q = METRIC_NAMES.length;
  const m = resourceIds.length;
  const col = (p: number, q: number): number[] => {
    const out: number[] = [];
    for (const c of chunks) for (let k = 0; k < c.to - c.from; k++) out.push(c.metrics[p]![k * Q + q]!);
    return out;
  };
  const hind: number[] = [];
  let failed = 0;
  for (const c of chunks) {
    failed += c.hindsightFailed;
    hind.push(...Array.from(c.hindsight));
  }
  const hasHindsight = meta.reference >= 0;
  const hindValues = hind.filter((x) => Number.isFinite(x));
  const refContribution = meta.reference >= 0 ? col(meta.reference, M.contribution) : [];
  const outcomes: PolicyOutcome[] = [];
  for (let p = 0; p < meta.keep; p++) {
    const values = Object.fromEntries(METRIC_NAMES.map((name, q) => [name, col(p, q)])) as Record<MetricName, number[]>;
    const metrics: Record<string, Summary> = {};
    for (const name of METRIC_NAMES) metrics[name] = summarize(values[name], meta.level);
    // revenue opportunity achieved per trajectory where hindsight beats no control
    const opportunity: (number | null)[] = [];
    for (let k = 0; k < meta.n; k++) {
      const h = hind[k]!;
      const base = refContribution[k]!;
      opportunity.push(hasHindsight && Number.isFinite(h) && h - base > 1e-9 * Math.max(1, Math.abs(h)) ? (values.contribution[k]! - base) / (h - base) : null);
    }
    metrics.revenueOpportunity = summarizeDefined(opportunity, meta.level);
    const heldSum = new Float64Array(m);
    const soldSum = new Float64Array(chunks[0]!.soldSum[p]!.length);
    let ms = 0;
    for (const c of chunks) {
      for (let i = 0; i < m; i++) heldSum[i]! += c.heldSum[p]![i]!;
      for (let j = 0; j < soldSum.length; j++) soldSum[j]! += c.soldSum[p]![j]!;
      ms += c.ms[p]!;
    }
    const bp = chunks[0]!.bidPrices[p]!;
    const diff =
      p === 0
        ? null
        : {
            revenue: summarize(values.revenue.map((v, k) => v - outcomesFirst(outcomes).values.revenue[k]!), meta.level),
            contribution: summarize(values.contribution.map((v, k) => v - outcomesFirst(outcomes).values.contribution[k]!), meta.level),
          };
    outcomes.push({
      name: policies[p]!.name,
      tieRule: policies[p]!.tieRule,
      metrics: metrics as PolicyOutcome['metrics'],
      values,
      opportunity,
      revenues: values.revenue,
      meanSales: Array.from(soldSum, (x) => x / meta.n),
      byResource: resourceIds.map((id, i) => ({
        id,
        meanHeld: heldSum[i]! / meta.n,
        occupancy: physical[i]! > 0 ? Math.min(heldSum[i]! / meta.n, physical[i]!) / physical[i]! : 0,
        bidPrice: bp.length > i && Number.isFinite(bp[i]!) ? bp[i]! : null,
      })),
      differenceToFirst: diff,
      ms,
    });
  }
  return {
    kind: 'simulation',
    status: failed > 0 ? 'solver-failed' : 'ok',
    processKind: kind,
    trajectories: meta.n,
    firstTrajectory: meta.first,
    seed: meta.seed,
    level: meta.level,
    reoptimizationPeriods: meta.times,
    resources: resourceIds.map((id, i) => ({ id, capacity: physical[i]! })),
    policies: outcomes,
    hindsight: hasHindsight && hindValues.length > 0 ? { ...summarize(hindValues, meta.level), values: hind.map((x) => (Number.isFinite(x) ? x : null)) as number[] } : null,
  };
}

function outcomesFirst(o: PolicyOutcome[]): PolicyOutcome {
  return o[0]!;
}

/**
 * Joins simulation shards (results of the same process, policies, seed and schedule over disjoint,
 * adjacent trajectory ranges, e.g. the array jobs of a batch engine run with `firstTrajectory`) into
 * exactly the result a single run over all of them gives: per-trajectory values are concatenated in
 * trajectory order and every summary recomputed. Shards that disagree → YieldInputError.
 * @example
 * import { simulatePolicies, mergeSimulations, fcfsPolicy } from 'yieldcraft/simulate';
 * // const a = await simulatePolicies(p, [fcfsPolicy()], { trajectories: 50 });
 * // const b = await simulatePolicies(p, [fcfsPolicy()], { trajectories: 50, firstTrajectory: 50 });
 * // mergeSimulations([a, b]) equals simulatePolicies(p, [fcfsPolicy()], { trajectories: 100 })
 */
export function mergeSimulations(parts: readonly SimulationResult[]): SimulationResult {
  if (!Array.isArray(parts) || parts.length === 0) fail('parts', 'must list at least one simulation result', 'empty');
  const list: readonly SimulationResult[] = parts;
  const sorted = [...list].sort((a, b) => a.firstTrajectory - b.firstTrajectory);
  const a = sorted[0]!;
  sorted.forEach((p, s) => {
    if (p === null || typeof p !== 'object' || (p as { kind?: unknown }).kind !== 'simulation') fail(`parts[${s}]`, 'must be a simulation result', 'invalid-type');
    if (p.seed !== a.seed || p.level !== a.level || p.processKind !== a.processKind || JSON.stringify(p.reoptimizationPeriods) !== JSON.stringify(a.reoptimizationPeriods))
      fail(`parts[${s}]`, 'was run with another seed, level, process or schedule than the first shard', 'inconsistent');
    if (p.policies.length !== a.policies.length || p.policies.some((q, i) => q.name !== a.policies[i]!.name))
      fail(`parts[${s}].policies`, 'must list the same policies as the first shard', 'inconsistent');
    if ((p.hindsight === null) !== (a.hindsight === null)) fail(`parts[${s}].hindsight`, 'every shard must have (or not have) the hindsight bound', 'inconsistent');
    if (s > 0) {
      const prev = sorted[s - 1]!;
      if (p.firstTrajectory !== prev.firstTrajectory + prev.trajectories)
        fail(`parts[${s}].firstTrajectory`, `must continue the previous shard at ${prev.firstTrajectory + prev.trajectories}, got ${p.firstTrajectory}`, 'inconsistent');
    }
  });
  const n = sorted.reduce((s, p) => s + p.trajectories, 0);
  const level = a.level;
  const policies: PolicyOutcome[] = a.policies.map((pol, i) => {
    const values = Object.fromEntries(METRIC_NAMES.map((name) => [name, sorted.flatMap((p) => p.policies[i]!.values[name] as number[])])) as Record<MetricName, number[]>;
    const metrics: Record<string, Summary> = {};
    for (const name of METRIC_NAMES) metrics[name] = summarize(values[name], level);
    const opportunity = sorted.flatMap((p) => p.policies[i]!.opportunity as (number | null)[]);
    metrics.revenueOpportunity = summarizeDefined(opportunity, level);
    const w = (p: SimulationResult) => p.trajectories / n;
    const first = sorted.map((p) => p.policies[0]!.values);
    const firstRevenue = first.flatMap((v) => v.revenue as number[]);
    const firstContribution = first.flatMap((v) => v.contribution as number[]);
    return {
      name: pol.name,
      tieRule: pol.tieRule,
      metrics: metrics as PolicyOutcome['metrics'],
      values,
      opportunity,
      revenues: values.revenue,
      meanSales: pol.meanSales.map((_, j) => sorted.reduce((s, p) => s + p.policies[i]!.meanSales[j]! * w(p), 0)),
      byResource: pol.byResource.map((r, k) => {
        const meanHeld = sorted.reduce((s, p) => s + p.policies[i]!.byResource[k]!.meanHeld * w(p), 0);
        // as a single run computes it: min(mean held, physical) / physical (not the mean of the shards' ratios)
        const physical = a.resources[k]!.capacity;
        return { id: r.id, meanHeld, occupancy: physical > 0 ? Math.min(meanHeld, physical) / physical : 0, bidPrice: r.bidPrice };
      }),
      differenceToFirst:
        i === 0
          ? null
          : {
              revenue: summarize(values.revenue.map((v, k) => v - firstRevenue[k]!), level),
              contribution: summarize(values.contribution.map((v, k) => v - firstContribution[k]!), level),
            },
      ms: sorted.reduce((s, p) => s + p.policies[i]!.ms, 0),
    };
  });
  const hindValues = a.hindsight === null ? null : sorted.flatMap((p) => p.hindsight!.values as number[]);
  const finiteHind = hindValues?.filter((x) => typeof x === 'number' && Number.isFinite(x)) ?? [];
  return {
    ...a,
    status: sorted.some((p) => p.status !== 'ok') ? 'solver-failed' : 'ok',
    trajectories: n,
    firstTrajectory: a.firstTrajectory,
    policies,
    hindsight: hindValues === null || finiteHind.length === 0 ? null : { ...summarize(finiteHind, level), values: hindValues },
  };
}

/** Summary of the defined values (revenue opportunity per trajectory; null where hindsight did not beat no control). */
function summarizeDefined(values: readonly (number | null)[], level: number): Summary {
  const v = values.filter((x): x is number => x !== null);
  return v.length > 0 ? summarize(v, level) : { n: 0, mean: 0, sd: 0, level, halfWidth: null, low: null, high: null };
}
