import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  davnPolicy,
  dlpBidPricePolicy,
  dpDecompositionPolicy,
  emsrbPerNightPolicy,
  fcfsPolicy,
  lagrangianPolicy,
  rlpBidPricePolicy,
  simulatePolicies,
  type HotelBookingProcess,
  type Policy,
} from '../../src/simulate/index.js';
import { decide, resourceNestedLimitControls } from '../../src/control/index.js';
import type { NetworkBookingProcess } from '../../src/model/bookingProcess.js';
import { emsrB } from '../../src/optimize/singleResource/emsrB.js';
import { expectedRevenue } from '../../src/optimize/singleResource/expectedRevenue.js';
import { tinyProcess } from './tinyNetworks.js';
import { fixedBidPrices } from './helpers.js';

const POLICIES: (() => Policy)[] = [
  () => fcfsPolicy(),
  () => dlpBidPricePolicy({ tieRule: 'allocation' }),
  () => dlpBidPricePolicy({ tieRule: 'accept' }),
  () => dlpBidPricePolicy({ tieRule: 'reject' }),
  () => rlpBidPricePolicy({ samples: 3 }),
  () => davnPolicy(),
  () => emsrbPerNightPolicy(),
  () => dpDecompositionPolicy(),
  () => lagrangianPolicy({ iterations: 15, reoptimizationIterations: 3 }),
  () => fixedBidPrices((i) => 20 * i + 10),
];

describe('the simulator decides with decide (the booking path)', () => {
  it('on random network processes and policies, every decision it makes equals decide on the same state and controls, and the state holds exactly what it accepted (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: POLICIES.length - 1 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1000 }),
        async (processSeed, policyIndex, reoptimizations, seed) => {
          const process = tinyProcess(processSeed);
          const idx = new Map(process.network.resources.map((r, i) => [r.id, i]));
          const uses = process.network.products.map((p) => p.resources.map((r) => idx.get(r)!));
          const m = process.network.resources.length;
          let held: number[] = [];
          let current = -1;
          const revenues = [0, 0, 0];
          const r = await simulatePolicies(process, [POLICIES[policyIndex]!()], {
            trajectories: 3,
            seed,
            reoptimizations,
            onDecision: (e) => {
              if (e.trajectory !== current) {
                current = e.trajectory;
                held = new Array(m).fill(0);
              }
              // the state the simulator decided on holds exactly the units it accepted so far
              expect(Array.from(e.state.sold)).toEqual(held);
              // one request per period, at its fare, for one unit
              expect(e.request.quantity).toBe(1);
              expect(e.request.value).toBe(process.network.products[e.request.product as number]!.fare);
              if (e.controls.kind === 'dynamic-bid-prices') expect(e.state.period).toBe(e.time);
              const again = decide(e.request, e.state, e.controls);
              expect({ ...e.decision }).toEqual({ ...again });
              if (e.decision.accept) {
                for (const i of uses[e.request.product as number]!) held[i]!++;
                revenues[e.trajectory]! += e.request.value!;
              }
            },
          });
          // the simulator's revenue per trajectory is the sum of the fares it accepted
          expect(r.policies[0]!.values.revenue).toEqual(revenues);
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });
});

/**
 * One night (one resource) of capacity C; the classes arrive low to high: the cheapest in the first
 * block of periods, then the next, the dearest last, one request per period at most, so class j's
 * demand is Binomial(periods of its block, p_j) — the static model of Talluri & van Ryzin (2004), §2.2,
 * whose nested policies `expectedRevenue` scores exactly.
 */
function lowToHigh(capacity: number, classes: readonly { fare: number; periods: number; p: number }[]): NetworkBookingProcess {
  const n = classes.length;
  const probs: number[] = [];
  // arrival order: class n−1 (cheapest) first … class 0 last
  for (let k = n - 1; k >= 0; k--)
    for (let t = 0; t < classes[k]!.periods; t++) for (let j = 0; j < n; j++) probs.push(j === k ? classes[k]!.p : 0);
  return {
    network: {
      resources: [{ id: 'night', capacity }],
      products: classes.map((c, j) => ({ id: `class-${j + 1}`, fare: c.fare, resources: ['night'], demand: c.periods * c.p })),
    },
    periods: classes.reduce((a, c) => a + c.periods, 0),
    arrivalProbabilities: probs,
  };
}

/** The Binomial(n, p) pmf, computed here. */
function binomial(n: number, p: number): number[] {
  const out: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    out.push(c * p ** k * (1 - p) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

/** Fixed nested limits on the night: class j sells while the night holds fewer than C − y_{j−1} units. */
function fixedNested(capacity: number, protection: readonly number[]): Policy {
  return {
    name: 'fixed nested limits',
    tieRule: 'n/a',
    plan(ctx) {
      const n = ctx.controlsNetwork();
      return resourceNestedLimitControls(
        { resources: n.resources, products: n.products.map((p, j) => ({ ...p, classes: [j] })) },
        { night: [capacity, ...protection.map((y) => Math.max(0, capacity - y))] },
      );
    },
  };
}

describe('a single night with classes arriving low to high: simulated nested policies match their exact expected revenue', () => {
  const C = 6;
  const classes = [
    { fare: 300, periods: 10, p: 0.3 },
    { fare: 180, periods: 12, p: 0.4 },
    { fare: 90, periods: 14, p: 0.6 },
  ];
  const process = lowToHigh(C, classes);
  const fareClasses = classes.map((c) => ({ fare: c.fare, demand: { kind: 'empirical' as const, probabilities: binomial(c.periods, c.p) } }));

  it('fixed protection levels (2, 4), and the EMSR-b-per-night policy planned once, each within the 99 % interval of 4,000 trajectories', async () => {
    // the EMSR-b policy sees Poisson demand with the expected requests, rounds its protection up
    const { protectionLevels } = emsrB(
      classes.map((c) => ({ fare: c.fare, demand: { kind: 'poisson' as const, mean: c.periods * c.p } })),
      { rounding: 'up', capacity: C },
    );
    const r = await simulatePolicies(process, [fixedNested(C, [2, 4]), emsrbPerNightPolicy(), fixedNested(C, [0, 0])], {
      trajectories: 4000,
      seed: 7,
      schedule: [0],
      level: 0.99,
    });
    const exact = [expectedRevenue([2, 4], fareClasses, C), expectedRevenue(protectionLevels, fareClasses, C), expectedRevenue([0, 0], fareClasses, C)];
    r.policies.forEach((o, q) => {
      const s = o.metrics.revenue;
      expect(Math.abs(s.mean - exact[q]!), `${o.name}: simulated ${s.mean} ± ${s.halfWidth}, exact ${exact[q]}`).toBeLessThanOrEqual(s.halfWidth!);
    });
    // and the protection beats first come first served here, as the exact values say
    expect(exact[0]!).toBeGreaterThan(exact[2]!);
  });

  it('expectedRevenue agrees with an independent recursion written here (the same model, computed by enumeration)', () => {
    // independent: carry the distribution of units left through the classes, cheapest first
    const levels = [2, 4];
    let dist = new Map<number, number>([[C, 1]]);
    let ev = 0;
    for (let j = classes.length - 1; j >= 0; j--) {
      const y = j === 0 ? 0 : levels[j - 1]!;
      const pmf = binomial(classes[j]!.periods, classes[j]!.p);
      const next = new Map<number, number>();
      for (const [x, px] of dist)
        pmf.forEach((pd, d) => {
          const sold = Math.min(d, Math.max(0, x - y));
          ev += px * pd * sold * classes[j]!.fare;
          next.set(x - sold, (next.get(x - sold) ?? 0) + px * pd);
        });
      dist = next;
    }
    expect(expectedRevenue(levels, fareClasses, C)).toBeCloseTo(ev, 9);
  });
});

/** A random small hotel: 2–3 nights, stays of 1–2 nights in one or two rate plans, streams with cancellations, no-shows and buy-up, a group, overbooking, rooms on the books. */
const arbitraryHotel = fc
  .record({
    nights: fc.integer({ min: 2, max: 3 }),
    capacity: fc.array(fc.integer({ min: 2, max: 6 }), { minLength: 3, maxLength: 3 }),
    over: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 3 }),
    held: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
    requests: fc.array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 10, maxLength: 10 }),
    cancellation: fc.double({ min: 0, max: 0.5, noNaN: true }),
    noShow: fc.double({ min: 0, max: 0.3, noNaN: true }),
    buyUp: fc.double({ min: 0, max: 1, noNaN: true }),
    group: fc.record({ rooms: fc.integer({ min: 1, max: 4 }), value: fc.integer({ min: 20, max: 300 }), wash: fc.double({ min: 0, max: 1, noNaN: true }) }),
    walkCost: fc.integer({ min: 0, max: 300 }),
  })
  .map((r): HotelBookingProcess => {
    const ids = Array.from({ length: r.nights }, (_, i) => `n${i}`);
    const products: { id: string; fare: number; resources: string[]; demand: number }[] = [];
    for (let a = 0; a < r.nights; a++)
      for (let los = 1; los <= 2 && a + los <= r.nights; los++)
        for (const [plan, rate] of [
          ['BAR', 150],
          ['ADV', 95],
        ] as const)
          products.push({ id: `${ids[a]}/${los}/${plan}`, fare: rate * los, resources: ids.slice(a, a + los), demand: 0 });
    const streams = products
      .filter((p) => p.id.endsWith('ADV') || p.id.endsWith('BAR'))
      .map((p, k) => ({
        product: p.id,
        segment: p.id.endsWith('ADV') ? 'Leisure' : 'Business',
        requests: r.requests[k % 10]!,
        cancellation: r.cancellation,
        noShow: r.noShow,
        roomsPerRequest: [0.8, 0.2],
        ...(p.id.endsWith('ADV') ? { buyUp: { products: [p.id.replace('ADV', 'BAR')], probability: r.buyUp } } : {}),
      }));
    const nightDay = ids.map((_, i) => 4 + i);
    return {
      kind: 'hotel',
      network: { resources: ids.map((id, i) => ({ id, capacity: r.capacity[i]! })), products },
      horizonDays: 4 + r.nights,
      nightDay,
      streams,
      groups: [{ day: 1, product: products[1]!.id, rooms: r.group.rooms, value: r.group.value, wash: r.group.wash }],
      authorized: ids.map((_, i) => r.capacity[i]! + r.over[i]!),
      onTheBooks: ids.map((_, i) => Math.min(r.held[i]!, r.capacity[i]!)),
      walkCost: r.walkCost,
    };
  });

describe('the hotel simulator decides with decide too', () => {
  it('on random small hotels (cancellations, no-shows, buy-up, a group, overbooking) every decision equals decide, no unit is held beyond the rooms on sale, and hindsight bounds every policy (property)', async () => {
    const HOTEL_POLICIES: (() => Policy)[] = [
      () => fcfsPolicy(),
      () => dlpBidPricePolicy(),
      () => dlpBidPricePolicy({ tieRule: 'reject' }),
      () => davnPolicy(),
      () => emsrbPerNightPolicy(),
      () => dpDecompositionPolicy(),
      () => lagrangianPolicy({ iterations: 4, reoptimizationIterations: 2 }),
      () => fixedBidPrices((i) => 40 + 30 * i),
    ];
    await fc.assert(
      fc.asyncProperty(arbitraryHotel, fc.integer({ min: 0, max: HOTEL_POLICIES.length - 1 }), fc.integer({ min: 0, max: 1000 }), async (process, q, seed) => {
        const authorized = process.authorized!;
        const r = await simulatePolicies(process, [HOTEL_POLICIES[q]!()], {
          trajectories: 3,
          seed,
          hindsight: true,
          reoptimizations: 3,
          onDecision: (e) => {
            expect({ ...e.decision }).toEqual({ ...decide(e.request, e.state, e.controls) });
            e.state.sold.forEach((x, i) => expect(x).toBeLessThanOrEqual(authorized[i]!));
            if (e.decision.accept) expect(e.decision.available).toBeGreaterThanOrEqual(e.request.quantity!);
          },
        });
        const o = r.policies[0]!;
        r.hindsight!.values.forEach((h, k) => expect(h).toBeGreaterThanOrEqual(o.values.contribution[k]! - 1e-6));
        o.values.occupancy.forEach((x) => expect(x).toBeLessThanOrEqual(1));
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
