import { describe, expect, it } from 'vitest';
import {
  davnPolicy,
  dlpBidPricePolicy,
  dpDecompositionPolicy,
  emsrbPerNightPolicy,
  fcfsPolicy,
  hotelBookingProcess,
  lagrangianPolicy,
  rlpBidPricePolicy,
  simulatePolicies,
  type HotelBookingProcess,
  type Policy,
} from '../../src/simulate/index.js';
import { fixedBidPrices, numbers, rejectionPath, smallHotel } from './helpers.js';

/**
 * A hand-checked hotel: two nights (Fri, Sat; 10 rooms each; Fri overbooked to 12; 2 and 1 rooms on the
 * books; a walk costs 50), two segments (Corporate, Tour) asking with group blocks only, which are
 * deterministic (wash 0 or 1), so every number can be worked out by hand.
 *
 *   day  group  segment    stay            rooms  value  revenue  wash
 *   0    g1     Corporate  Fri+Sat (2n)     6      150    180      0
 *   0    g6     Tour       Sat              2       55     55      1 (all washed on Sat's arrival day)
 *   1    g2     Tour       Sat              4       60     60      0
 *   1    g3     Tour       Fri              4       70     80      0
 *   2    g4     Corporate  Fri              2       90     90      1 (all washed on Fri's arrival day)
 *   2    g5     Tour       Sat              1       60     60      0
 */
const handHotel: HotelBookingProcess = {
  kind: 'hotel',
  network: {
    resources: [
      { id: 'Fri', capacity: 10 },
      { id: 'Sat', capacity: 10 },
    ],
    products: [
      { id: 'Fri-1n', fare: 100, resources: ['Fri'], demand: 0 },
      { id: 'Fri-2n', fare: 180, resources: ['Fri', 'Sat'], demand: 0 },
      { id: 'Sat-1n', fare: 90, resources: ['Sat'], demand: 0 },
    ],
  },
  horizonDays: 5,
  nightDay: [3, 4],
  streams: [],
  groups: [
    { id: 'g1', segment: 'Corporate', day: 0, product: 'Fri-2n', rooms: 6, value: 150, revenue: 180 },
    { id: 'g6', segment: 'Tour', day: 0, product: 'Sat-1n', rooms: 2, value: 55, wash: 1 },
    { id: 'g2', segment: 'Tour', day: 1, product: 'Sat-1n', rooms: 4, value: 60 },
    { id: 'g3', segment: 'Tour', day: 1, product: 'Fri-1n', rooms: 4, value: 70, revenue: 80 },
    { id: 'g4', segment: 'Corporate', day: 2, product: 'Fri-1n', rooms: 2, value: 90, wash: 1 },
    { id: 'g5', segment: 'Tour', day: 2, product: 'Sat-1n', rooms: 1, value: 60 },
  ],
  onTheBooks: [2, 1],
  authorized: [12, 10],
  walkCost: 50,
};

describe('a hand-checked small hotel (two nights, two segments, groups only)', () => {
  it('FCFS, a fixed bid-price policy and hindsight give the numbers worked out by hand', async () => {
    const r = await simulatePolicies(handHotel, [fcfsPolicy(), fixedBidPrices((i) => [75, 65][i]!)], { trajectories: 3, seed: 5, hindsight: true });
    expect(r.processKind).toBe('hotel');
    // FCFS (rooms on sale: Fri 12, Sat 10; held at start Fri 2, Sat 1):
    //   g1 → Fri 8, Sat 7; g6 → Sat 9; g2 (Sat 13 > 10) refused, spill 4; g3 → Fri 12; g4 (Fri 14 > 12)
    //   refused, spill 2; g5 → Sat 10; g6's 2 rooms washed → Sat 8. End: Fri 12 (2 walked), Sat 8.
    //   revenue 6·180 + 4·80 + 1·60 − 2·50 = 1360; contribution 6·150 + 4·70 + 60 − 100 = 1140;
    //   rooms occupied min(12, 10) + 8 = 18 of 20; the simulated bookings fill 18 − (2 + 1) on the books = 15
    //   of the 17 room-nights left to sell: ADR (1360 + 100) / 15; RevPAR 1360 / 17; spoilage 2.
    const fcfs = {
      revenue: 1360,
      contribution: 1140,
      occupancy: 18 / 20,
      adr: 1460 / 15,
      revpar: 1360 / 17,
      deniedService: 2,
      spill: 6,
      spoilage: 2,
      cancellations: 2,
      noShows: 0,
      requests: 6,
      accepted: 6 + 2 + 4 + 1,
      roomNights: 18,
    };
    // bid prices Fri 75, Sat 65 (ties accepted): g1 (150 ≥ 140) → Fri 8, Sat 7; g6 (55), g2 (60), g3 (70 < 75)
    //   and g5 (60) refused: spill 2 + 4 + 4 + 1 = 11; g4 (90 ≥ 75) → Fri 10, then washed → Fri 8.
    //   revenue 1080, contribution 900, occupied 8 + 7 = 15 of 20 (12 by simulated bookings), ADR 1080 / 12,
    //   RevPAR 1080 / 17, spoilage 5.
    const fixed = {
      revenue: 1080,
      contribution: 900,
      occupancy: 15 / 20,
      adr: 1080 / 12,
      revpar: 1080 / 17,
      deniedService: 0,
      spill: 11,
      spoilage: 5,
      cancellations: 2,
      noShows: 0,
      requests: 6,
      accepted: 6 + 2,
      roomNights: 15,
    };
    for (const [o, want] of [
      [r.policies[0]!, fcfs],
      [r.policies[1]!, fixed],
    ] as const)
      for (const [name, v] of Object.entries(want))
        for (let k = 0; k < 3; k++) expect(o.values[name as keyof typeof want][k], `${o.name}: ${name}`).toBeCloseTo(v, 9);
    // per night, mean held at the end: FCFS Fri 12, Sat 8 (occupancy of the physical rooms capped at 1)
    expect(r.policies[0]!.byResource.map((x) => [x.id, x.meanHeld, x.occupancy])).toEqual([
      ['Fri', 12, 1],
      ['Sat', 8, 0.8],
    ]);
    expect(r.policies[1]!.meanSales).toEqual([2, 6, 0]); // g4's 2 rooms (washed later) and g1's 6
    // hindsight over the blocks that stayed (g1, g2 + g5 at 60, g3; rooms Fri 8 + up to 2 walked, Sat 9):
    //   all 6 of g1 (150), 3 Sat at 60, all 4 of g3 with 2 walked (70 − 50 > 0): 900 + 180 + 280 − 100 = 1260
    for (const h of r.hindsight!.values) expect(h).toBeCloseTo(1260, 6);
    // revenue opportunity achieved: FCFS is the reference (0); the fixed policy (900 − 1140) / (1260 − 1140) = −2
    expect(r.policies[1]!.opportunity[0]).toBeCloseTo(-2, 9);
    expect(r.policies[1]!.differenceToFirst!.contribution.mean).toBeCloseTo(900 - 1140, 9);
  });
});

describe('hotelBookingProcess(input): from forecast rows and rate plans to the booking process', () => {
  const input = {
    hotel: {
      nights: [
        { date: '2026-05-01', capacity: 10 },
        { date: '2026-05-02', capacity: 10, onTheBooks: 3, authorized: 11 },
      ],
      ratePlans: [
        { id: 'BAR', price: 120 },
        { id: 'OTA', price: 100, commission: 0.15, variableCost: 10, ancillarySpend: 5 },
      ],
      segments: {
        Direct: { ratePlan: 'BAR', cancellation: 0.1, noShow: 0.05 },
        Online: { ratePlan: 'OTA', cancellation: 0.3, bookingCurve: [4, 2, 1], roomsPerRequest: [0.5, 0.5], buyUpTo: ['BAR'], buyUpProbability: 0.25 },
      },
      walkCost: 200,
    },
    demand: {
      asOf: '2026-04-20',
      products: [
        { arrivalDate: '2026-05-01', nights: 2, segment: 'Direct', demand: 4 },
        { arrivalDate: '2026-05-02', nights: 1, segment: 'Online', demand: { kind: 'poisson' as const, mean: 9 } },
        { arrivalDate: '2026-05-02', nights: 3, segment: 'Direct', demand: 2 }, // runs past the last night: 1 night inside
        { arrivalDate: '2026-05-03', nights: 1, segment: 'Direct', demand: 5 }, // arrives after the last night: dropped
      ],
    },
    groups: [{ id: 'tour', arrivalDate: '2026-05-01', nights: 2, rooms: 6, rate: 80, wash: 0.2, requestDate: '2026-04-25' }],
  };

  it('prices each stay by its rate plan, spreads requests by the booking curve, prorates stays past the horizon', () => {
    const copy = structuredClone(input);
    const p = hotelBookingProcess(input);
    expect(input).toEqual(copy); // not mutated
    expect(p.nightDay).toEqual([11, 12]);
    expect(p.horizonDays).toBe(13);
    expect(p.onTheBooks).toEqual([0, 3]);
    expect(p.authorized).toEqual([10, 11]);
    expect(p.walkCost).toBe(200);
    const byId = new Map(p.network.products.map((q) => [q.id, q]));
    // BAR 2 nights: 2 · 120; OTA per night 100 · 0.85 − 10 + 5 = 80; the 3-night stay keeps 1 night inside
    expect(byId.get('2026-05-01/2n/BAR')).toMatchObject({ fare: 240, resources: ['2026-05-01', '2026-05-02'] });
    expect(byId.get('2026-05-02/1n/OTA')).toMatchObject({ fare: 80, resources: ['2026-05-02'] });
    expect(byId.get('2026-05-02/3n/BAR')).toMatchObject({ fare: 120, resources: ['2026-05-02'] });
    expect([...byId.keys()].some((id) => id.startsWith('2026-05-03'))).toBe(false);
    const online = p.streams.find((s) => s.segment === 'Online')!;
    // 9 rooms at 1.5 rooms per request = 6 requests; curve by days before arrival (0 = arrival day 12)
    expect(online.requests).toBeCloseTo(6, 12);
    expect(online.byDay).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4]);
    expect(online).toMatchObject({ value: 80, revenue: 100, cancellation: 0.3, buyUp: { products: ['2026-05-02/1n/BAR'], probability: 0.25 } });
    const direct = p.streams.find((s) => s.product === '2026-05-01/2n/BAR')!;
    expect(direct).toMatchObject({ requests: 4, value: 240, revenue: 240, cancellation: 0.1, noShow: 0.05 });
    expect(direct.byDay).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(p.streams.find((s) => s.product === '2026-05-02/3n/BAR')).toMatchObject({ requests: 2, value: 120, revenue: 120 });
    // the group: 6 rooms for 2 nights at 80, asked on day 5, wash 0.2
    expect(p.groups).toEqual([{ id: 'tour', segment: 'Groups', day: 5, product: '2026-05-01/2n/group:tour', rooms: 6, value: 160, revenue: 160, wash: 0.2 }]);
    // the expected demand per product is on the network too, in rooms (the DLP reads it): 6 requests × 1.5 rooms
    expect(byId.get('2026-05-02/1n/OTA')!.demand).toBeCloseTo(9, 12);
    expect(byId.get('2026-05-01/2n/group:tour')!.demand).toBe(6);
  });

  it('names the field of bad input: a segment with no rate, a negative cancellation rate, a horizon shorter than a stay, …', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { path?: string }).path;
      }
      return undefined;
    };
    const withSeg = (seg: Record<string, unknown>) => ({ ...input, hotel: { ...input.hotel, segments: { ...input.hotel.segments, ...seg } } });
    const { Online: _o, ...noOnline } = input.hotel.segments;
    expect(path(() => hotelBookingProcess({ ...input, hotel: { ...input.hotel, segments: noOnline } }))).toBe('demand.products[1].segment');
    expect(path(() => hotelBookingProcess(withSeg({ Online: { ratePlan: 'OTA', cancellation: -0.1 } })))).toBe('hotel.segments.Online.cancellation');
    expect(path(() => hotelBookingProcess(withSeg({ Online: { ratePlan: 'OTA', noShow: 1.5 } })))).toBe('hotel.segments.Online.noShow');
    expect(path(() => hotelBookingProcess(withSeg({ Online: { ratePlan: 'RACK' } })))).toBe('hotel.segments.Online.ratePlan');
    expect(path(() => hotelBookingProcess(withSeg({ Online: { ratePlan: 'OTA', buyUpTo: ['RACK'] } })))).toBe('hotel.segments.Online.buyUpTo[0]');
    expect(path(() => hotelBookingProcess({ ...input, horizonDays: 12 }))).toBe('horizonDays');
    expect(path(() => hotelBookingProcess({ ...input, groups: [{ ...input.groups[0]!, arrivalDate: '2026-06-01' }] }))).toBe('groups[0].arrivalDate');
    expect(path(() => hotelBookingProcess({ ...input, groups: [{ ...input.groups[0]!, rooms: 2.5 }] }))).toBe('groups[0].rooms');
    expect(path(() => hotelBookingProcess({ ...input, groups: [{ ...input.groups[0]!, requestDate: '2026-05-02' }] }))).toBe('groups[0].requestDate');
    expect(path(() => hotelBookingProcess({ ...input, groups: [{ ...input.groups[0]!, requestDate: '2026-04-19' }] }))).toBe('groups[0].requestDate');
    expect(path(() => hotelBookingProcess({ ...input, demandFactor: { Online: -0.5 } }))).toBe('demandFactor.Online');
    expect(path(() => hotelBookingProcess({ ...input, hotel: { ...input.hotel, nights: [...input.hotel.nights].reverse() } }))).toBe('hotel.nights[1].date');
    expect(path(() => hotelBookingProcess({ ...input, hotel: { ...input.hotel, nights: [{ date: '2026-05-01', capacity: 10, onTheBooks: 11 }] } }))).toBe(
      'hotel.nights[0].onTheBooks',
    );
    expect(path(() => hotelBookingProcess({ ...input, demand: { ...input.demand, asOf: '2026-02-30' } }))).toBe('demand.asOf');
    expect(path(() => hotelBookingProcess({ ...input, hotel: { ...input.hotel, ratePlans: [{ id: 'BAR', price: -1 }] } }))).toBe('hotel.ratePlans[0].price');
  });
});

describe('the hotel booking process as the simulator reads it: bad input names the field', () => {
  it('refuses unknown products, a byDay intensity after arrival, a negative cancellation rate and a policy that returns no controls', async () => {
    const stream = { product: 'Sat-1n', segment: 'Leisure', requests: 3 };
    const bad = (patch: Partial<HotelBookingProcess>) => ({ ...handHotel, ...patch }) as HotelBookingProcess;
    const run = (p: HotelBookingProcess, policy: Policy = fcfsPolicy()) => rejectionPath(() => simulatePolicies(p, [policy], { trajectories: 1 }));
    expect(await run(bad({ streams: [{ ...stream, product: 'Sun-1n' }] }))).toBe('process.streams[0].product');
    expect(await run(bad({ streams: [{ ...stream, byDay: [1, 0, 0, 0, 1] }] }))).toBeUndefined(); // Sat's arrival day is 4: allowed
    expect(await run(bad({ streams: [{ ...stream, product: 'Fri-1n', byDay: [0, 0, 0, 0, 2] }] }))).toBe('process.streams[0].byDay[4]');
    expect(await run(bad({ streams: [{ ...stream, cancellation: -0.2 }] }))).toBe('process.streams[0].cancellation');
    expect(await run(bad({ streams: [{ ...stream, buyUp: { products: ['Fri-2n'], probability: 0.5 } }] }))).toBe('process.streams[0].buyUp.products[0]');
    expect(await run(bad({ groups: [{ day: 0, product: 'nope', rooms: 1, value: 1 }] }))).toBe('process.groups[0].product');
    expect(await run(bad({ groups: [{ day: 4, product: 'Fri-1n', rooms: 1, value: 1 }] }))).toBe('process.groups[0].day');
    expect(await run(bad({ nightDay: [3, 5] }))).toBe('process.nightDay[1]');
    expect(await run(bad({ onTheBooks: [13, 0] }))).toBe('process.onTheBooks[0]');
    expect(await run(bad({ walkCost: Number.NaN }))).toBe('process.walkCost');
    expect(await run(handHotel, { name: 'lazy', tieRule: '', plan: () => null as never })).toBe('policy.plan');
    expect(await rejectionPath(async () => dpDecompositionPolicy({ maxStepProbability: 2 }))).toBe('options.maxStepProbability');
  });
});

describe('hotel simulation with cancellations, no-shows, groups, buy-up and overbooking', () => {
  it('perfect hindsight ≥ every policy on every trajectory; occupancy ≤ 1; no NaN', async () => {
    const process = smallHotel();
    const r = await simulatePolicies(
      process,
      [
        fcfsPolicy(),
        dlpBidPricePolicy(),
        dlpBidPricePolicy({ tieRule: 'accept' }),
        dlpBidPricePolicy({ tieRule: 'reject' }),
        rlpBidPricePolicy({ samples: 4 }),
        davnPolicy(),
        emsrbPerNightPolicy(),
        dpDecompositionPolicy(),
        lagrangianPolicy({ iterations: 4, reoptimizationIterations: 2 }),
        fixedBidPrices(() => 60),
      ],
      { trajectories: 16, seed: 77, hindsight: true, schedule: [0, 3, 6, 8] },
    );
    expect(r.status).toBe('ok');
    const h = r.hindsight!.values;
    for (const o of r.policies)
      for (let k = 0; k < h.length; k++) {
        expect(h[k]!, `${o.name}, trajectory ${k}`).toBeGreaterThanOrEqual(o.values.contribution[k]! - 1e-6);
        expect(o.values.occupancy[k]!).toBeLessThanOrEqual(1);
      }
    // the features did play: cancellations, no-shows, walks (under some policy), buy-up revenue differs from value
    const fcfs = r.policies[0]!;
    expect(fcfs.metrics.cancellations.mean).toBeGreaterThan(0);
    expect(fcfs.metrics.noShows.mean).toBeGreaterThan(0);
    expect(fcfs.values.deniedService.some((d) => d > 0)).toBe(true); // overbooking walked someone
    expect(fcfs.values.contribution.some((c, k) => c !== fcfs.values.revenue[k])).toBe(true);
    expect(numbers(r).every((x) => !Number.isNaN(x))).toBe(true);
  });

  it('does not mutate the hotel process', async () => {
    const p = smallHotel();
    const copy = structuredClone(p);
    await simulatePolicies(p, [fcfsPolicy(), dlpBidPricePolicy(), emsrbPerNightPolicy()], { trajectories: 3, hindsight: true });
    expect(p).toEqual(copy);
  });

  it('FCFS equals a hand-written policy with zero bid prices on the hotel, trajectory by trajectory', async () => {
    const r = await simulatePolicies(smallHotel(), [fcfsPolicy(), fixedBidPrices(() => 0)], { trajectories: 20, seed: 3 });
    expect(r.policies[1]!.values).toEqual(r.policies[0]!.values);
  });

  it('cancellations and no-shows match their rates within noise (one night with room for everyone, 300 trajectories)', async () => {
    const process: HotelBookingProcess = {
      kind: 'hotel',
      network: { resources: [{ id: 'N', capacity: 500 }], products: [{ id: 'stay', fare: 100, resources: ['N'], demand: 0 }] },
      horizonDays: 30,
      nightDay: [29],
      streams: [{ product: 'stay', segment: 'Leisure', requests: 40, cancellation: 0.3, noShow: 0.1, roomsPerRequest: [0.7, 0.3] }],
    };
    const r = await simulatePolicies(process, [fcfsPolicy()], { trajectories: 300, seed: 12 });
    const v = r.policies[0]!.values;
    const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
    const accepted = sum(v.accepted);
    const cancelled = sum(v.cancellations);
    const noShows = sum(v.noShows);
    // per request (1 or 2 rooms): the share of rooms cancelled estimates 0.3; of the rest, the no-show share 0.1
    // tolerance: 4 standard errors, counting requests (≈ rooms / 1.3) as the independent units
    const n = accepted / 1.3;
    expect(Math.abs(cancelled / accepted - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n) * 1.3);
    const kept = accepted - cancelled;
    expect(Math.abs(noShows / kept - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / (kept / 1.3)) * 1.3);
    // requests per trajectory: Poisson(40); rooms per request 1.3
    expect(Math.abs(sum(v.requests) / 300 - 40)).toBeLessThan(4 * Math.sqrt(40 / 300));
    expect(Math.abs(accepted / sum(v.requests) - 1.3)).toBeLessThan(0.05);
    // everyone who came and was not a no-show stays: revenue = 100 × rooms staying
    v.revenue.forEach((x, k) => expect(x).toBeCloseTo(100 * (v.accepted[k]! - v.cancellations[k]! - v.noShows[k]!), 9));
  });
});

describe('buy-up, the revenue-opportunity reference and progress', () => {
  /** One night with room for everyone; Leisure asks for ADV (110) and, refused, buys BAR (150) with `probability`. */
  const buyUpHotel = (probability: number): HotelBookingProcess => ({
    kind: 'hotel',
    network: {
      resources: [{ id: 'N', capacity: 100 }],
      products: [
        { id: 'ADV', fare: 110, resources: ['N'], demand: 0 },
        { id: 'BAR', fare: 150, resources: ['N'], demand: 0 },
      ],
    },
    horizonDays: 10,
    nightDay: [9],
    streams: [{ product: 'ADV', segment: 'Leisure', requests: 12, buyUp: { products: ['BAR'], probability } }],
  });

  it('a guest refused its plan buys up with probability 1 and never with 0; hindsight counts the buy-up value', async () => {
    // a bid price of 120 closes ADV (110) and leaves BAR (150) open
    const closeAdv = fixedBidPrices(() => 120);
    const sure = await simulatePolicies(buyUpHotel(1), [closeAdv, fcfsPolicy()], { trajectories: 5, seed: 8, hindsight: true });
    const never = await simulatePolicies(buyUpHotel(0), [closeAdv], { trajectories: 5, seed: 8, hindsight: true });
    const n = sure.policies[0]!.values.requests;
    expect(never.policies[0]!.values.requests).toEqual(n); // the same requests (the draws do not depend on the probability)
    expect(n.some((x) => x > 0)).toBe(true);
    n.forEach((k, t) => {
      expect(sure.policies[0]!.values.accepted[t]).toBe(k);
      expect(sure.policies[0]!.values.revenue[t]).toBe(150 * k);
      expect(sure.policies[0]!.values.spill[t]).toBe(0);
      expect(sure.policies[1]!.values.revenue[t]).toBe(110 * k); // FCFS sells the plan asked for
      expect(sure.hindsight!.values[t]).toBeCloseTo(150 * k, 6);
      expect(never.policies[0]!.values.accepted[t]).toBe(0);
      expect(never.policies[0]!.values.spill[t]).toBe(k);
      expect(never.hindsight!.values[t]).toBeCloseTo(110 * k, 6);
    });
    // revenue opportunity achieved: (150k − 110k) / (150k − 110k) = 1 where k > 0
    sure.policies[0]!.opportunity.forEach((x, t) => (n[t]! > 0 ? expect(x).toBeCloseTo(1, 9) : expect(x).toBeNull()));
  });

  it('with hindsight and no FCFS among the policies, FCFS is played as the hidden reference; onProgress counts every trajectory', async () => {
    const calls: [number, number][] = [];
    const r = await simulatePolicies(buyUpHotel(1), [fixedBidPrices(() => 120)], {
      trajectories: 4,
      seed: 8,
      hindsight: true,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(r.policies).toHaveLength(1);
    expect(r.policies[0]!.metrics.revenueOpportunity.n).toBeGreaterThan(0);
    // one policy and the reference, 4 trajectories each
    expect(calls).toEqual(Array.from({ length: 8 }, (_, k) => [k + 1, 8]));
  });
});
