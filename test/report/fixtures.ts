/**
 * Results for report tests, in the shapes the report reads (ReportSimulationResult, ReportWhatIfResult),
 * made from seeded random revenues so that summaries and paired differences are computed here,
 * independently of the simulator.
 */
import type { ReportSimulationResult, ReportSummary, ReportWhatIfResult } from '../../src/report/index.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mean, sample sd and the normal-approximation 95 % interval (z = 1.959963984540054). */
export function summary(xs: readonly number[]): ReportSummary {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const halfWidth = (1.959963984540054 * sd) / Math.sqrt(n);
  return { n, mean, sd, level: 0.95, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}

const nights = Array.from({ length: 7 }, (_, k) => `2017-03-${String(14 + k).padStart(2, '0')}`);

export function simulationFixture(trajectories = 60): ReportSimulationResult {
  const u = rng(7);
  const common = Array.from({ length: trajectories }, () => 60000 + 15000 * (u() - 0.5));
  const lift = [0, 1800, 2600];
  const names = ['FCFS', 'EMSR-b limits', 'DLP bid prices'];
  const policies = names.map((name, k) => {
    const revenues = common.map((c) => c + lift[k]! + 800 * (u() - 0.5));
    const occ = revenues.map((r) => Math.min(1, r / 80000));
    return {
      name,
      tieRule: 'accept',
      metrics: { revenue: summary(revenues), contribution: summary(revenues), occupancy: summary(occ), adr: summary(revenues.map((r) => r / 600)) },
      revenues,
      byResource: nights.map((id, i) => ({ id, meanSold: 150 + 10 * i, occupancy: 0.7 + 0.03 * i + 0.01 * k, bidPrice: k === 2 ? 40 + 12 * i : null })),
      differenceToFirst: k === 0 ? null : summary(revenues.map((r, t) => r - (common[t]! + 0))),
    };
  });
  // differences computed against FCFS's own revenues (paired)
  const first = policies[0]!.revenues;
  for (const p of policies.slice(1)) (p as { differenceToFirst: ReportSummary | null }).differenceToFirst = summary(p.revenues.map((r, t) => r - first[t]!));
  const hindsightRevenues = common.map((c) => c + 4000);
  return {
    kind: 'simulation',
    trajectories,
    seed: 7,
    level: 0.95,
    resources: nights.map((id) => ({ id, capacity: 226 })),
    policies,
    hindsight: { ...summary(hindsightRevenues), values: hindsightRevenues },
  };
}

export function whatIfFixture(trajectories = 40): ReportWhatIfResult {
  const u = rng(11);
  const common = Array.from({ length: trajectories }, () => 50000 + 10000 * (u() - 0.5));
  const make = (name: string, shift: number) => {
    const revenues = common.map((c) => c + shift + 500 * (u() - 0.5));
    return { name, revenues, metrics: { revenue: summary(revenues), occupancy: summary(revenues.map((r) => r / 70000)) }, difference: null, byNight: nights.map((night, i) => ({ night, occupancy: 0.75 + 0.02 * i, bidPrice: 30 + 5 * i + shift / 100 })) };
  };
  const baseline = make('decline the group', 0);
  const variations = [make('accept the group', 900), make('business demand −15 %', -2500)].map((v) => ({
    ...v,
    difference: { revenue: summary(v.revenues.map((r, t) => r - baseline.revenues[t]!)) },
  }));
  return { kind: 'what-if', scenario: { name: 'City Hotel tour group', asOf: '2017-03-01', property: 'City Hotel' }, baseline, variations, trajectories, seed: 11 };
}
