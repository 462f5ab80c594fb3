import { describe, expect, it } from 'vitest';
import {
  davnPolicy,
  deriveSeed,
  dlpBidPricePolicy,
  dpDecompositionPolicy,
  emsrbPerNightPolicy,
  fcfsPolicy,
  lagrangianPolicy,
  METRIC_NAMES,
  mulberry32,
  perfectHindsight,
  reoptimizationPeriods,
  rlpBidPricePolicy,
  sampleTrajectories,
  simulatePolicies,
  type Policy,
} from '../../src/simulate/index.js';
import { bidPriceControls } from '../../src/control/index.js';
import type { NetworkBookingProcess } from '../../src/model/bookingProcess.js';
import { tinyProcess } from './tinyNetworks.js';
import { fixedBidPrices, hubProcess, numbers, rejectionPath, withoutTimes } from './helpers.js';
import { HAS_TOPALOGLU_DATA, MISSING_DATA_MESSAGE, readTopalogluInstance } from './topalogluData.js';

describe('sampleTrajectories(process, { count, seed })', () => {
  it('gives the same trajectories for the same seed, others for another, and trajectory k whatever count is', () => {
    const p = hubProcess();
    const a = sampleTrajectories(p, { count: 5, seed: 3 });
    const b = sampleTrajectories(p, { count: 5, seed: 3 });
    const c = sampleTrajectories(p, { count: 5, seed: 4 });
    const d = sampleTrajectories(p, { count: 2, seed: 3 });
    expect(a.map((x) => Array.from(x))).toEqual(b.map((x) => Array.from(x)));
    expect(a.map((x) => Array.from(x))).not.toEqual(c.map((x) => Array.from(x)));
    expect(Array.from(d[1]!)).toEqual(Array.from(a[1]!));
  });

  it('draws each product with its probability (1,000 periods at p = 0.2 / 0.3: counts within 4 sd)', () => {
    const T = 1000;
    const p: NetworkBookingProcess = {
      network: {
        resources: [{ id: 'L', capacity: 1 }],
        products: [
          { id: 'a', fare: 1, resources: ['L'], demand: 200 },
          { id: 'b', fare: 1, resources: ['L'], demand: 300 },
        ],
      },
      periods: T,
      arrivalProbabilities: Array.from({ length: 2 * T }, (_, k) => (k % 2 === 0 ? 0.2 : 0.3)),
    };
    const [traj] = sampleTrajectories(p, { count: 1, seed: 11 });
    const n = [0, 0, 0];
    for (const j of traj!) n[j + 1]!++;
    expect(Math.abs(n[1]! - 200)).toBeLessThan(4 * Math.sqrt(T * 0.2 * 0.8));
    expect(Math.abs(n[2]! - 300)).toBeLessThan(4 * Math.sqrt(T * 0.3 * 0.7));
    expect(Math.abs(n[0]! - 500)).toBeLessThan(4 * Math.sqrt(T * 0.25));
  });

  it('uses the seeded generators of src/internal/rng (one stream per trajectory), and the simulator plays the same requests', async () => {
    const p = hubProcess();
    const [t0] = sampleTrajectories(p, { count: 1, seed: 5 });
    const u = mulberry32(deriveSeed(5, 0))();
    const cum = [0.15, 0.27, 0.37, 0.52, 0.64];
    expect(t0![0]).toBe(cum.findIndex((c) => u < c));
    // the simulator's trajectory 0 with seed 5 asks for exactly these products in these periods
    const seen: number[] = new Array(p.periods).fill(-1);
    await simulatePolicies(p, [fcfsPolicy()], { trajectories: 1, seed: 5, onDecision: (e) => (seen[e.time] = e.request.product as number) });
    expect(seen).toEqual(Array.from(t0!));
  });
});

describe('simulatePolicies(process, policies, options) on a network process', () => {
  it('shows every policy the same requests (common random numbers)', async () => {
    const p = hubProcess();
    const logs: string[][] = [[], []];
    await simulatePolicies(p, [fcfsPolicy(), fixedBidPrices(() => 1e6)], {
      trajectories: 12,
      seed: 9,
      onDecision: (e) => logs[e.policy]!.push(`${e.trajectory}:${e.time}:${String(e.request.product)}`),
    });
    expect(logs[0]!.length).toBeGreaterThan(100);
    expect(logs[1]).toEqual(logs[0]);
  });

  it('gives the same result for the same seed (deterministic), another for another seed', async () => {
    const p = hubProcess();
    const run = (seed: number) => simulatePolicies(p, [dlpBidPricePolicy(), dpDecompositionPolicy()], { trajectories: 5, seed, reoptimizations: 3 });
    const a = await run(1);
    const b = await run(1);
    const c = await run(2);
    expect(withoutTimes(a)).toEqual(withoutTimes(b));
    expect(a.policies[0]!.values.revenue).not.toEqual(c.policies[0]!.values.revenue);
  });

  it('never holds more than the capacity, whatever the policy (zero bid prices accept everything that fits)', async () => {
    const p = hubProcess();
    const r = await simulatePolicies(p, [fixedBidPrices(() => 0)], { trajectories: 20, seed: 3 });
    for (const res of r.policies[0]!.byResource) {
      const cap = p.network.resources.find((x) => x.id === res.id)!.capacity;
      expect(res.meanHeld).toBeLessThanOrEqual(cap);
      expect(res.occupancy).toBeLessThanOrEqual(1);
    }
    expect(Math.max(...r.policies[0]!.values.occupancy)).toBeLessThanOrEqual(1);
    expect(Math.max(...r.policies[0]!.values.deniedService)).toBe(0);
  });

  it('perfect hindsight ≥ every policy on every trajectory, and the network-aware policies beat FCFS on average here', async () => {
    const p = hubProcess();
    const r = await simulatePolicies(
      p,
      [
        dlpBidPricePolicy({ tieRule: 'allocation' }),
        dlpBidPricePolicy({ tieRule: 'accept' }),
        dlpBidPricePolicy({ tieRule: 'reject' }),
        rlpBidPricePolicy({ samples: 5 }),
        dpDecompositionPolicy(),
        lagrangianPolicy({ iterations: 40, reoptimizationIterations: 5 }),
        fcfsPolicy(),
        davnPolicy(),
        emsrbPerNightPolicy(),
      ],
      { trajectories: 20, seed: 21, hindsight: true },
    );
    const h = r.hindsight!.values;
    expect(h).toHaveLength(20);
    for (const o of r.policies)
      for (let k = 0; k < h.length; k++) expect(h[k]!, `${o.name}, trajectory ${k}`).toBeGreaterThanOrEqual(o.values.contribution[k]! - 1e-7);
    // on a network process contribution = revenue (fares), there is no walk
    for (const o of r.policies) expect(o.values.contribution).toEqual(o.values.revenue);
    expect(r.policies[4]!.metrics.revenue.mean).toBeGreaterThan(r.policies[6]!.metrics.revenue.mean);
    // revenue opportunity achieved is ≤ 1 where defined, and FCFS (the reference) achieves 0
    for (const o of r.policies) for (const x of o.opportunity) if (x !== null) expect(x).toBeLessThanOrEqual(1 + 1e-9);
    for (const x of r.policies[6]!.opportunity) if (x !== null) expect(x).toBeCloseTo(0, 12);
  });

  it('re-plans at ⌊k·T/5⌋ with the state reached (periods 0, 12, 24, 36, 48 for T = 60)', async () => {
    const p = hubProcess();
    const seen: { period: number; held: number[] }[] = [];
    await simulatePolicies(p, [fixedBidPrices(() => 0, seen)], { trajectories: 2, seed: 1 });
    // once for the shared initial plan, then 4 re-plans per trajectory
    expect(seen.map((s) => s.period)).toEqual([0, 12, 24, 36, 48, 12, 24, 36, 48]);
    expect(reoptimizationPeriods(200, 5)).toEqual([0, 40, 80, 120, 160]);
    expect(reoptimizationPeriods(3, 5)).toEqual([0, 1, 2]);
    // what is held only grows between plans of one trajectory (no cancellations on this process)
    for (let k = 2; k < 5; k++) seen[k]!.held.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(seen[k - 1]!.held[i]!));
    // a schedule given by hand
    const seen2: { period: number; held: number[] }[] = [];
    const r = await simulatePolicies(p, [fixedBidPrices(() => 0, seen2)], { trajectories: 1, schedule: [0, 7, 50] });
    expect(seen2.map((s) => s.period)).toEqual([0, 7, 50]);
    expect(r.reoptimizationPeriods).toEqual([0, 7, 50]);
  });

  it('reports each metric with a Student-t interval that covers its mean, and no NaN anywhere', async () => {
    const r = await simulatePolicies(hubProcess(), [dpDecompositionPolicy(), fcfsPolicy()], { trajectories: 30, hindsight: true });
    const o = r.policies[0]!;
    expect(o.metrics.revenue.n).toBe(30);
    expect(o.metrics.revenue.low!).toBeLessThan(o.metrics.revenue.mean);
    expect(o.metrics.revenue.high!).toBeGreaterThan(o.metrics.revenue.mean);
    expect(o.metrics.revenue.mean).toBeCloseTo(o.values.revenue.reduce((a, b) => a + b, 0) / 30, 9);
    for (const name of METRIC_NAMES) expect(o.values[name]).toHaveLength(30);
    const d = r.policies[1]!.differenceToFirst!;
    expect(d.revenue.mean).toBeCloseTo(r.policies[1]!.metrics.revenue.mean - o.metrics.revenue.mean, 9);
    expect(numbers(r).every((x) => !Number.isNaN(x))).toBe(true);
    // one trajectory: intervals are null, not NaN
    const one = await simulatePolicies(hubProcess(), [fcfsPolicy()], { trajectories: 1 });
    expect(one.policies[0]!.metrics.revenue.halfWidth).toBeNull();
    expect(numbers(one).every((x) => !Number.isNaN(x))).toBe(true);
  });

  it('does not mutate the process', async () => {
    const p = hubProcess();
    const copy = structuredClone(p);
    await simulatePolicies(p, [dlpBidPricePolicy(), davnPolicy(), dpDecompositionPolicy()], { trajectories: 5, hindsight: true });
    expect(p).toEqual(copy);
  });

  it('rejects bad options, policies and processes naming the field', async () => {
    const p = hubProcess();
    const path = rejectionPath;
    expect(await path(() => simulatePolicies(p, []))).toBe('policies');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { trajectories: 0 }))).toBe('options.trajectories');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { schedule: [3, 5] }))).toBe('options.schedule[0]');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { schedule: [0, 5, 5] }))).toBe('options.schedule[2]');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { schedule: [0, 60] }))).toBe('options.schedule[1]');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { workers: 2, onDecision: () => {} }))).toBe('options.onDecision');
    expect(await path(() => simulatePolicies(p, [fcfsPolicy()], { level: 1 }))).toBe('options.level');
    expect(await path(() => simulatePolicies(p, [{ kind: 'teleport' } as never]))).toBe('policies[0].kind');
    // a policy without a spec cannot cross to worker threads
    expect(await path(() => simulatePolicies(p, [fixedBidPrices(() => 0)], { trajectories: 4, workers: 2 }))).toBe('policies[0]');
    // a policy that returns no controls, or controls of another network, or single-resource nested limits
    const none: Policy = { name: 'nothing', tieRule: '', plan: () => undefined as never };
    expect(await path(() => simulatePolicies(p, [none], { trajectories: 1 }))).toBe('policy.plan');
    const other: Policy = {
      name: 'other',
      tieRule: '',
      plan: () => bidPriceControls({ resources: [{ id: 'X', capacity: 1 }], products: [{ id: 'Y', fare: 1, resources: ['X'], demand: 1 }] }, { X: 0 }),
    };
    expect(await path(() => simulatePolicies(p, [other], { trajectories: 1 }))).toBe('policy.plan');
    // unknown products and bad probabilities in the process
    const bad = structuredClone(p);
    (bad.network.products[0] as unknown as { resources: string[] }).resources = ['nowhere'];
    expect(await path(() => simulatePolicies(bad, [fcfsPolicy()], { trajectories: 1 }))).toMatch(/^process\.network\.products\[0\]\.resources/);
    const neg = structuredClone(p);
    (neg.arrivalProbabilities as number[])[3] = -0.1;
    expect(await path(() => simulatePolicies(neg, [fcfsPolicy()], { trajectories: 1 }))).toMatch(/^process\.arrivalProbabilities/);
    expect(() => dlpBidPricePolicy({ tieRule: 'maybe' as never })).toThrowError(/options.tieRule/);
  });
});

describe('DLP bid-price policy tie rules (one leg, 2 seats; five B at 50, then one A at 100)', () => {
  // The DLP allocates A = 1, B = 1 (A's expected demand is 1), and B is marginal: bid price 50 = B's
  // fare, a tie. Planned once at period 0 (schedule [0]); the process is deterministic.
  const p: NetworkBookingProcess = {
    network: {
      resources: [{ id: 'L', capacity: 2 }],
      products: [
        { id: 'A', fare: 100, resources: ['L'], demand: 1 },
        { id: 'B', fare: 50, resources: ['L'], demand: 5 },
      ],
    },
    periods: 6,
    arrivalProbabilities: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0],
  };
  const play = async (tieRule: 'allocation' | 'accept' | 'reject') =>
    (await simulatePolicies(p, [dlpBidPricePolicy({ tieRule })], { trajectories: 1, schedule: [0] })).policies[0]!.values.revenue[0];
  it("'accept' (fare ≥ Σπ) sells both seats to B and has none for A: 100", async () => {
    expect(await play('accept')).toBe(100);
  });
  it("'reject' (fare > Σπ) sells no B at all, only A: 100", async () => {
    expect(await play('reject')).toBe(100);
  });
  it("'allocation' sells B up to its LP allocation (1) and keeps a seat for A: 150", async () => {
    expect(await play('allocation')).toBe(150);
  });
});

describe('the example of simulatePolicies’ doc block', () => {
  it('one seat, a 50 request then a 100 request: FCFS earns 50, the DLP 100, hindsight 100', async () => {
    const process: NetworkBookingProcess = {
      network: {
        resources: [{ id: 'L', capacity: 1 }],
        products: [
          { id: 'lo', fare: 50, resources: ['L'], demand: 1 },
          { id: 'hi', fare: 100, resources: ['L'], demand: 1 },
        ],
      },
      periods: 2,
      arrivalProbabilities: [1, 0, 0, 1],
    };
    const r = await simulatePolicies(process, [fcfsPolicy(), dlpBidPricePolicy()], { trajectories: 2, hindsight: true });
    expect(r.policies.map((p) => p.metrics.revenue.mean)).toEqual([50, 100]);
    expect(r.hindsight!.mean).toBeCloseTo(100, 9);
  });
});

describe('FCFS is the policy with no controls', () => {
  it('fcfsPolicy gives, trajectory by trajectory, exactly what a hand-written policy with zero bid prices gives', async () => {
    for (const seed of [1, 2, 3]) {
      const process = seed === 1 ? hubProcess() : tinyProcess(seed * 31);
      const r = await simulatePolicies(process, [fcfsPolicy(), fixedBidPrices(() => 0)], { trajectories: 25, seed });
      expect(r.policies[1]!.values).toEqual(r.policies[0]!.values);
      expect(r.policies[1]!.meanSales).toEqual(r.policies[0]!.meanSales);
    }
  });
});

describe('perfectHindsight(process, trajectory)', () => {
  it('sells the best requests in hindsight: one seat, a 50 and a 100 request → 100', async () => {
    const p: NetworkBookingProcess = {
      network: {
        resources: [{ id: 'L', capacity: 1 }],
        products: [
          { id: 'lo', fare: 50, resources: ['L'], demand: 1 },
          { id: 'hi', fare: 100, resources: ['L'], demand: 1 },
        ],
      },
      periods: 2,
      arrivalProbabilities: [1, 0, 0, 1],
    };
    expect(await perfectHindsight(p, Int32Array.from([0, 1]))).toBe(100);
    await expect(perfectHindsight(p, Int32Array.from([0, 7]))).rejects.toThrowError(/trajectories\[0\]\[1\]/);
    // the simulator's own bound on the same trajectory agrees
    const r = await simulatePolicies(p, [fcfsPolicy()], { trajectories: 1, hindsight: true });
    expect(r.hindsight!.values[0]).toBeCloseTo(100, 9);
    expect(r.policies[0]!.values.revenue[0]).toBe(50);
  });

  it('agrees with the simulator’s bound and is never below the DP-decomposition policy on small random networks', async () => {
    for (let seed = 1; seed <= 6; seed++) {
      const process = tinyProcess(seed * 101);
      const r = await simulatePolicies(process, [dpDecompositionPolicy()], { trajectories: 8, seed, hindsight: true });
      const trajectories = sampleTrajectories(process, { count: 8, seed });
      for (let k = 0; k < 8; k++) {
        expect(r.hindsight!.values[k]).toBeCloseTo(await perfectHindsight(process, trajectories[k]!), 6);
        expect(r.hindsight!.values[k]!).toBeGreaterThanOrEqual(r.policies[0]!.values.revenue[k]! - 1e-9);
      }
    }
  });
});

describe.skipIf(!HAS_TOPALOGLU_DATA)(`simulation on a published instance (${HAS_TOPALOGLU_DATA ? 'found' : MISSING_DATA_MESSAGE})`, () => {
  it('rm_200_4_1.0_4.0: hindsight bounds the DLP policy on every trajectory, and its mean lies below the DLP bound', async () => {
    const inst = readTopalogluInstance('rm_200_4_1.0_4.0');
    const r = await simulatePolicies(inst, [dlpBidPricePolicy()], { trajectories: 8, hindsight: true });
    r.policies[0]!.values.revenue.forEach((v, k) => expect(r.hindsight!.values[k]!).toBeGreaterThanOrEqual(v - 1e-7));
    expect(r.policies[0]!.metrics.revenue.mean).toBeLessThan(21531); // Topaloglu (2009) dlp_bound
  });
});

