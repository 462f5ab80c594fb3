import { describe, expect, it } from 'vitest';
import {
  davnPolicy,
  deriveSeed,
  dlpBidPricePolicy,
  dpDecompositionPolicy,
  lagrangianPolicy,
  mulberry32,
  perfectHindsight,
  reoptimizationPeriods,
  rlpBidPricePolicy,
  sampleTrajectories,
  simulatePolicies,
  type BookingState,
  type Policy,
} from '../../src/simulate/index.js';
import { playTrajectory } from '../../src/simulate/simulatePolicies.js';
import { compileBookingProcess } from '../../src/optimize/network/topalogluCompiled.js';
import type { NetworkBookingProcess } from '../../src/optimize/network/topalogluModel.js';
import { tinyProcess } from './tinyNetworks.js';
import { HAS_TOPALOGLU_DATA, MISSING_DATA_MESSAGE, readTopalogluInstance } from './topalogluData.js';

/** A hub network: legs 1→0, 0→2, 0→3; locals and connections; 60 periods. */
function hubProcess(): NetworkBookingProcess {
  const products = [
    { id: '1-0', fare: 100, resources: ['1-0'] },
    { id: '0-2', fare: 120, resources: ['0-2'] },
    { id: '0-3', fare: 90, resources: ['0-3'] },
    { id: '1-2', fare: 180, resources: ['1-0', '0-2'] },
    { id: '1-3', fare: 150, resources: ['1-0', '0-3'] },
    { id: '1-2-hi', fare: 400, resources: ['1-0', '0-2'] },
  ];
  const T = 60;
  const p: number[] = [];
  for (let t = 0; t < T; t++) {
    const late = t >= T / 2 ? 1 : 0; // high fares arrive late
    p.push(0.15, 0.12, 0.1, 0.15, 0.12, 0.08 * late);
  }
  const nP = products.length;
  const demand = products.map((_, j) => p.filter((_, k) => k % nP === j).reduce((a, b) => a + b, 0));
  return {
    network: {
      resources: [
        { id: '1-0', capacity: 8 },
        { id: '0-2', capacity: 6 },
        { id: '0-3', capacity: 5 },
      ],
      products: products.map((q, j) => ({ ...q, demand: demand[j]! })),
    },
    periods: T,
    arrivalProbabilities: p,
  };
}

/** Wraps a decision into a policy that records every request it is asked about. */
function recording(accept: boolean, log: number[]): Policy {
  return {
    name: accept ? 'accept all' : 'reject all',
    tieRule: 'n/a',
    plan: () => (j: number, s: BookingState) => {
      log.push(s.period * 1000 + j);
      return accept;
    },
  };
}

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

  it('uses the seeded generators of src/internal/rng (one stream per trajectory)', () => {
    const p = hubProcess();
    const [t0] = sampleTrajectories(p, { count: 1, seed: 5 });
    const u = mulberry32(deriveSeed(5, 0))();
    // period 0: cumulative 0.15, 0.27, 0.37, 0.52, 0.64, 0.64 → the product whose interval holds u
    const cum = [0.15, 0.27, 0.37, 0.52, 0.64];
    const expected = cum.findIndex((c) => u < c);
    expect(t0![0]).toBe(expected);
  });
});

describe('simulatePolicies(process, policies, options)', () => {
  it('shows every policy the same requests (common random numbers)', async () => {
    const p = hubProcess();
    const logA: number[] = [];
    const logB: number[] = [];
    await simulatePolicies(p, [recording(true, logA), recording(false, logB)], { trajectories: 12, seed: 9 });
    expect(logA.length).toBeGreaterThan(100);
    expect(logB).toEqual(logA);
  });

  it('gives the same revenues for the same seed (deterministic), different for another seed', async () => {
    const p = hubProcess();
    const run = (seed: number) => simulatePolicies(p, [dlpBidPricePolicy(), dpDecompositionPolicy()], { trajectories: 15, seed });
    const [a, b, c] = await Promise.all([run(1), run(1), run(2)]);
    a.policies.forEach((o, q) => expect(Array.from(o.revenues)).toEqual(Array.from(b.policies[q]!.revenues)));
    expect(Array.from(a.policies[0]!.revenues)).not.toEqual(Array.from(c.policies[0]!.revenues));
  });

  it('never sells beyond capacity, whatever the policy says', async () => {
    const p = hubProcess();
    const r = await simulatePolicies(p, [recording(true, [])], { trajectories: 20, seed: 3 });
    const sold = r.policies[0]!.meanSales;
    const use = (leg: string) => p.network.products.reduce((a, q, j) => a + (q.resources.includes(leg) ? sold[j]! : 0), 0);
    for (const leg of p.network.resources) expect(use(leg.id)).toBeLessThanOrEqual(leg.capacity + 1e-12);
  });

  it('perfect hindsight ≥ every policy on every trajectory', async () => {
    const p = hubProcess();
    const r = await simulatePolicies(
      p,
      [
        dlpBidPricePolicy({ tieRule: 'allocation' }),
        dlpBidPricePolicy({ tieRule: 'accept' }),
        rlpBidPricePolicy({ samples: 5 }),
        dpDecompositionPolicy(),
        lagrangianPolicy({ iterations: 40, reoptimizationIterations: 5 }),
        recording(true, []),
        davnPolicy(),
      ],
      { trajectories: 25, seed: 21, hindsight: true },
    );
    const h = r.hindsight!.revenues;
    for (const o of r.policies) for (let k = 0; k < h.length; k++) expect(h[k]!).toBeGreaterThanOrEqual(o.revenues[k]! - 1e-7);
    // and the network-aware policies do better than first-come first-served here on average
    expect(r.policies[3]!.mean).toBeGreaterThan(r.policies[5]!.mean);
  });

  it('re-plans at ⌊k·T/5⌋ with the state reached (periods 0, 12, 24, 36, 48 for T = 60)', async () => {
    const p = hubProcess();
    const seen: { period: number; remaining: number[] }[] = [];
    const spy: Policy = {
      name: 'spy',
      tieRule: 'n/a',
      plan: (_p, s) => {
        seen.push({ period: s.period, remaining: Array.from(s.remaining) });
        return () => true;
      },
    };
    await simulatePolicies(p, [spy], { trajectories: 2, seed: 1 });
    // once for the shared initial plan, then 4 re-plans per trajectory
    expect(seen.map((s) => s.period)).toEqual([0, 12, 24, 36, 48, 12, 24, 36, 48]);
    expect(reoptimizationPeriods(200, 5)).toEqual([0, 40, 80, 120, 160]);
    expect(reoptimizationPeriods(3, 5)).toEqual([0, 1, 2]);
    // capacity only goes down between plans
    for (let k = 2; k < 5; k++) seen[k]!.remaining.forEach((x, i) => expect(x).toBeLessThanOrEqual(seen[k - 1]!.remaining[i]!));
  });

  it('reports a mean with a Student-t interval that covers it', async () => {
    const r = await simulatePolicies(hubProcess(), [dpDecompositionPolicy()], { trajectories: 30 });
    const o = r.policies[0]!;
    expect(o.n).toBe(30);
    expect(o.low).toBeLessThan(o.mean);
    expect(o.high).toBeGreaterThan(o.mean);
    expect(o.mean).toBeCloseTo(o.revenues.reduce((a, b) => a + b, 0) / 30, 9);
  });

  it('does not mutate the process', async () => {
    const p = hubProcess();
    const copy = structuredClone(p);
    await simulatePolicies(p, [dlpBidPricePolicy(), davnPolicy(), dpDecompositionPolicy()], { trajectories: 5, hindsight: true });
    expect(p).toEqual(copy);
  });

  it('rejects bad options naming the field', async () => {
    await expect(simulatePolicies(hubProcess(), [])).rejects.toThrowError(/policies: must list at least one policy/);
    await expect(simulatePolicies(hubProcess(), [dlpBidPricePolicy()], { trajectories: 0 })).rejects.toThrowError(/options.trajectories/);
    expect(() => dlpBidPricePolicy({ tieRule: 'maybe' as never })).toThrowError(/options.tieRule/);
  });
});

describe('DLP bid-price policy tie rules', () => {
  // One leg with 2 seats; A (fare 100, 1 expected request) and B (fare 50, 5 expected): the DLP
  // allocates A = 1, B = 1, and B is marginal: bid price 50 = B's fare, a tie.
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
  const cp = compileBookingProcess(p);
  const requests = Int32Array.from([1, 1, 1, 1, 1, 0]); // five B requests, then A
  const play = (tieRule: 'allocation' | 'accept' | 'reject') =>
    playTrajectory(cp, p, dlpBidPricePolicy({ tieRule }), requests, [0]);
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
  });

  it('is never below what the DP-decomposition policy earns on small random networks', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const process = tinyProcess(seed * 101);
      const r = await simulatePolicies(process, [dpDecompositionPolicy()], { trajectories: 10, seed, hindsight: true });
      r.policies[0]!.revenues.forEach((v, k) => expect(r.hindsight!.revenues[k]!).toBeGreaterThanOrEqual(v - 1e-9));
    }
  });
});

describe.skipIf(!HAS_TOPALOGLU_DATA)(`simulation on a published instance (${HAS_TOPALOGLU_DATA ? 'found' : MISSING_DATA_MESSAGE})`, () => {
  it('rm_200_4_1.0_4.0: hindsight bounds the DLP policy on every trajectory, and its mean lies below the DLP bound', async () => {
    const inst = readTopalogluInstance('rm_200_4_1.0_4.0');
    const r = await simulatePolicies(inst, [dlpBidPricePolicy()], { trajectories: 10, hindsight: true });
    r.policies[0]!.revenues.forEach((v, k) => expect(r.hindsight!.revenues[k]!).toBeGreaterThanOrEqual(v - 1e-7));
    expect(r.policies[0]!.mean).toBeLessThan(21531); // Topaloglu (2009) dlp_bound
  });
});
