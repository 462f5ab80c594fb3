import { addDays, format, parseISO } from 'date-fns';
import type { BookingRecord } from '../history/bookingRecord.js';
import { onTheBooks } from '../history/onTheBooks.js';
import { forecastProductDemand } from '../forecast/forecastProductDemand.js';
import { hotelBookingProcess } from '../simulate/hotelBookingProcess.js';
import { simulatePolicies, summarize, METRIC_NAMES, type MetricName, type Summary } from '../simulate/simulatePolicies.js';
import { fail, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';
import { applyVariation, type ResolvedDemand } from './applyVariation.js';
import { forecastErrorPolicy } from './forecastErrorPolicy.js';
import { policyFromSpec } from '../simulate/policies/registry.js';
import { parseScenario, parseVariations, type Scenario, type Variation } from './scenario.js';

export const WHAT_IF_DEFAULTS = { trajectories: 200, seed: 2017, reoptimizations: 5, level: 0.95, firstTrajectory: 0, workers: 1 } as const;

export interface WhatIfOptions {
  readonly history?: readonly BookingRecord[];
  readonly trajectories?: number;
  readonly firstTrajectory?: number;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** One variation (the baseline included) over the trajectories. */
export interface VariationOutcome {
  readonly name: string;
  readonly policy: string;
  readonly metrics: Readonly<Record<MetricName, Summary>>;
  /** Each metric per trajectory, in trajectory order. */
  readonly values: Readonly<Record<MetricName, readonly number[]>>;
  /** = values.revenue. */
  readonly revenues: readonly number[];
  /** Paired difference to the baseline per metric (null for the baseline). */
  readonly difference: Readonly<Record<MetricName, Summary>> | null;
  readonly byNight: readonly { readonly night: string; readonly occupancy: number; readonly bidPrice: number | null }[];
}

export interface WhatIfResult {
  readonly kind: 'what-if';
  readonly status: 'ok';
  readonly scenario: { readonly name: string; readonly asOf?: string; readonly property?: string };
  readonly trajectories: number;
  readonly firstTrajectory: number;
  readonly seed: number;
  readonly level: number;
  readonly baseline: VariationOutcome;
  readonly variations: readonly VariationOutcome[];
  /** Perfect-hindsight bound on the baseline's contribution (when `simulation.hindsight`). */
  readonly hindsight: (Summary & { readonly values: readonly number[] }) | null;
}

export interface WhatIfInsufficientHistory {
  readonly kind: 'what-if';
  readonly status: 'insufficient-history';
  readonly scenario: { readonly name: string; readonly asOf?: string; readonly property?: string };
  readonly message: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Demand and nights of the scenario's source. */
export function resolveDemand(scenario: Scenario, history: readonly BookingRecord[] | undefined): ResolvedDemand | { status: 'insufficient-history'; message: string } {
  const s = parseScenario(scenario);
  if (history !== undefined && !Array.isArray(history)) fail('history', 'must be an array of booking records', 'invalid-type');
  const d = s.demand;
  if (d.source === 'given')
    return { asOf: d.asOf, nights: d.nights.map((n) => ({ date: n.date, onTheBooks: n.onTheBooks ?? 0 })), products: d.products };
  if (history === undefined) fail('options.history', "the scenario's demand comes from history: pass the booking records", 'inconsistent');
  const property = d.property ?? s.hotel.property;
  const records = property === undefined ? history : history.filter((r) => r.property === property);
  if (records.length === 0) fail('options.history', `holds no booking of ${JSON.stringify(property)}`, 'inconsistent');
  const f = forecastProductDemand(records, { asOf: d.asOf, horizonDays: d.horizonDays, maxNights: d.maxNights, window: d.window });
  if (f.status !== 'ok') return { status: 'insufficient-history', message: `the forecast as of ${d.asOf} reports '${f.status}'` };
  const first = parseISO(d.asOf);
  const dates = Array.from({ length: d.horizonDays }, (_, k) => iso(addDays(first, k)));
  const grid = onTheBooks(records, d.asOf, { firstNight: dates[0]!, lastNight: dates[dates.length - 1]! });
  return {
    asOf: d.asOf,
    nights: dates.map((date, t) => ({ date, onTheBooks: Math.round(grid.total[t] ?? 0) })),
    products: f.products.map((p) => ({ arrivalDate: p.arrivalDate, nights: p.nights, segment: p.segment, demand: p.demand })),
  };
}

function differenceSummaries(a: Readonly<Record<MetricName, readonly number[]>>, b: Readonly<Record<MetricName, readonly number[]>>, level: number) {
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, summarize(a[m].map((x, k) => x - b[m][k]!), level)])) as Record<MetricName, Summary>;
}

function metricSummaries(values: Readonly<Record<MetricName, readonly number[]>>, level: number) {
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, summarize(values[m], level)])) as Record<MetricName, Summary>;
}

/**
 * What-if analysis: a scenario and its variations, each simulated on the same demand as the baseline
 * (common random numbers: trajectory k of every variation draws from the stream `deriveSeed(seed, k)`),
 * with each metric's mean and confidence interval and the paired difference to the baseline.
 *
 * Every summary is computed from the per-trajectory values the result carries, so trajectories
 * [a, b) run as a shard (`options.firstTrajectory`) give exactly the rows a single run gives them, and
 * {@link mergeWhatIf} of the shards equals the single run (byNight means merge as trajectory-weighted
 * means, equal up to rounding).
 *
 * Reference: Law (2015), *Simulation Modeling and Analysis*, §11.2 (common random numbers, paired-t
 * intervals); Talluri & van Ryzin (2004), §10.2 (hotel revenue management).
 *
 * @param scenarioInput - a scenario (validated again with `parseScenario`)
 * @param variationsInput - `[{ name, changes }]` (see `applyVariation.ts` for the changes)
 * @param options.history - the booking records when `scenario.demand.source` is 'history'
 * @param options.trajectories - default `scenario.simulation.trajectories` (default 200)
 * @param options.firstTrajectory - first trajectory index (default 0): a shard
 * @param options.workers - worker threads (results do not depend on it)
 * @param options.onProgress - (done, total) as trajectories finish
 * @returns a Promise of {@link WhatIfResult} — plain JSON — or `{ status: 'insufficient-history' }`
 * @example
 * // (not run: needs a scenario, e.g. parseScenario of a file in data/scenarios/, and simulates it)
 * import { whatIf } from 'yieldcraft/scenario';
 * const r = await whatIf(scenario, [{ name: 'business −15 %', changes: [{ kind: 'demand', segment: 'Corporate', factor: 0.85 }] }]);
 * r.status === 'ok' && r.variations[0].difference.revenue.mean; // paired revenue difference to the baseline
 */
export async function whatIf(scenarioInput: Scenario, variationsInput: readonly Variation[], options: WhatIfOptions = {}): Promise<WhatIfResult | WhatIfInsufficientHistory> {
  const scenario = parseScenario(scenarioInput);
  const variations = parseVariations(variationsInput);
  object(options, 'options');
  const names = new Set<string>(['baseline']);
  variations.forEach((v, k) => {
    if (names.has(v.name)) fail(`variations[${k}].name`, `duplicate variation name ${JSON.stringify(v.name)}`, 'inconsistent');
    names.add(v.name);
  });
  const sim = scenario.simulation ?? {};
  const n = positiveInteger(options.trajectories ?? sim.trajectories ?? WHAT_IF_DEFAULTS.trajectories, 'options.trajectories');
  const first = nonNegativeInteger(options.firstTrajectory ?? WHAT_IF_DEFAULTS.firstTrajectory, 'options.firstTrajectory');
  const workers = positiveInteger(options.workers ?? WHAT_IF_DEFAULTS.workers, 'options.workers');
  const seed = sim.seed ?? WHAT_IF_DEFAULTS.seed;
  const level = sim.level ?? WHAT_IF_DEFAULTS.level;
  const head = {
    name: scenario.name,
    asOf: scenario.demand.asOf,
    property: scenario.demand.source === 'history' ? (scenario.demand.property ?? scenario.hotel.property) : scenario.hotel.property,
  };
  const demand = resolveDemand(scenario, options.history);
  if ('status' in demand) return { kind: 'what-if', status: 'insufficient-history', scenario: head, message: demand.message };

  const runs = [{ name: 'baseline', changes: [] as Variation['changes'] }, ...variations];
  const hindsight = sim.hindsight === true;
  const perRun = n * (1 + (hindsight ? 1 : 0));
  const total = runs.length * n + (hindsight ? n : 0);
  let done = 0;
  const outcomes: VariationOutcome[] = [];
  let bound: WhatIfResult['hindsight'] = null;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const inputs = applyVariation(scenario, demand, run.changes, r === 0 ? 'scenario' : `variations[${r - 1}]`);
    const process = hotelBookingProcess(inputs.input);
    const before = done;
    const withBound = hindsight && r === 0;
    // A forecast error wraps the policy (it plans on distorted demand); such a policy runs in this thread.
    const policy = inputs.forecastError ? forecastErrorPolicy(await policyFromSpec(inputs.policy, 'policy'), inputs.forecastError) : inputs.policy;
    const res = await simulatePolicies(process, [policy], {
      trajectories: n,
      firstTrajectory: first,
      seed,
      level,
      reoptimizations: sim.reoptimizations ?? WHAT_IF_DEFAULTS.reoptimizations,
      hindsight: withBound,
      workers: inputs.forecastError ? 1 : workers,
      onProgress: options.onProgress && ((d, t) => options.onProgress!(before + Math.round((d / t) * (withBound ? perRun : n)), total)),
    });
    done = before + (withBound ? perRun : n);
    const p = res.policies[0]!;
    const values = Object.fromEntries(METRIC_NAMES.map((m) => [m, [...p.values[m]]])) as Record<MetricName, number[]>;
    if (inputs.fixedRevenue !== 0 || inputs.fixedContribution !== 0) {
      const available = process.network.resources.reduce((s, x) => s + x.capacity, 0);
      for (let k = 0; k < n; k++) {
        values.revenue[k]! += inputs.fixedRevenue;
        values.contribution[k]! += inputs.fixedContribution;
        if (available > 0) values.revpar[k]! += inputs.fixedRevenue / available;
        if (values.roomNights[k]! > 0) values.adr[k]! += inputs.fixedRevenue / values.roomNights[k]!;
      }
    }
    if (withBound && res.hindsight) bound = { ...res.hindsight, values: [...res.hindsight.values] };
    outcomes.push({
      name: run.name,
      policy: p.name,
      metrics: metricSummaries(values, level),
      values,
      revenues: values.revenue,
      difference: null,
      byNight: p.byResource.map((x) => ({ night: x.id, occupancy: x.occupancy, bidPrice: x.bidPrice })),
    });
  }
  options.onProgress?.(total, total);
  const baseline = outcomes[0]!;
  return {
    kind: 'what-if',
    status: 'ok',
    scenario: head,
    trajectories: n,
    firstTrajectory: first,
    seed,
    level,
    baseline,
    variations: outcomes.slice(1).map((v) => ({ ...v, difference: differenceSummaries(v.values, baseline.values, level) })),
    hindsight: bound,
  };
}

/**
 * Joins what-if shards (trajectory ranges of one study, any order) into the result of a single run:
 * values concatenated in trajectory order, every summary recomputed. Shards of another scenario,
 * seed, level or variation list, gaps or overlaps → YieldInputError naming the shard.
 */
export function mergeWhatIf(parts: readonly WhatIfResult[]): WhatIfResult {
  if (!Array.isArray(parts) || parts.length === 0) fail('parts', 'must list at least one what-if result', 'empty');
  parts.forEach((p, s) => {
    if (p === null || typeof p !== 'object' || p.kind !== 'what-if' || p.status !== 'ok') fail(`parts[${s}]`, "must be a what-if result with status 'ok'", 'invalid-type');
  });
  const sorted = [...parts].sort((a, b) => a.firstTrajectory - b.firstTrajectory);
  const a = sorted[0]!;
  const sig = (p: WhatIfResult) => JSON.stringify([p.scenario, p.seed, p.level, p.baseline.name, p.variations.map((v) => v.name), p.hindsight === null]);
  sorted.forEach((p, s) => {
    if (sig(p) !== sig(a)) fail(`parts[${parts.indexOf(p)}]`, 'belongs to another study (scenario, seed, level, variations or hindsight differ)', 'inconsistent');
    if (s > 0) {
      const prev = sorted[s - 1]!;
      if (p.firstTrajectory !== prev.firstTrajectory + prev.trajectories)
        fail(`parts[${parts.indexOf(p)}].firstTrajectory`, `must continue the previous shard at ${prev.firstTrajectory + prev.trajectories}, got ${p.firstTrajectory}`, 'inconsistent');
    }
  });
  const n = sorted.reduce((s, p) => s + p.trajectories, 0);
  const level = a.level;
  const join = (pick: (p: WhatIfResult) => VariationOutcome): VariationOutcome => {
    const o = pick(a);
    const values = Object.fromEntries(METRIC_NAMES.map((m) => [m, sorted.flatMap((p) => pick(p).values[m] as number[])])) as Record<MetricName, number[]>;
    return {
      name: o.name,
      policy: o.policy,
      metrics: metricSummaries(values, level),
      values,
      revenues: values.revenue,
      difference: null,
      byNight: o.byNight.map((x, i) => ({
        night: x.night,
        occupancy: sorted.reduce((s, p) => s + pick(p).byNight[i]!.occupancy * p.trajectories, 0) / n,
        bidPrice: x.bidPrice,
      })),
    };
  };
  const baseline = join((p) => p.baseline);
  const variations = a.variations.map((_: VariationOutcome, k: number) => {
    const v = join((p) => p.variations[k]!);
    return { ...v, difference: differenceSummaries(v.values, baseline.values, level) };
  });
  let hindsight: WhatIfResult['hindsight'] = null;
  if (a.hindsight) {
    const values = sorted.flatMap((p) => p.hindsight!.values as number[]);
    hindsight = { ...summarize(values, level), values };
  }
  return { ...a, trajectories: n, firstTrajectory: a.firstTrajectory, baseline, variations, hindsight };
}
