import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileProcess } from '../../src/simulate/compileProcess.js';
import { deriveSeed, mulberry32 } from '../../src/internal/rng.js';
import type { HotelBookingProcess } from '../../src/simulate/index.js';

/**
 * The hotel sampler draws a stream's requests (Poisson(λ_k) of them, each on a day drawn from w_{k,·}
 * and at a uniform time within it) and writes them straight into time order: per day, order statistics
 * of uniforms for the times and a random permutation for which request takes which time. These tests
 * check the distribution against the model it must produce (Ross, Stochastic Processes, 1996, §2.3:
 * given the count, the arrival times of a Poisson process are the order statistics of uniforms; the
 * superposition of independent Poisson streams is Poisson with the summed rate).
 */
function twoStreamHotel(extra: Partial<HotelBookingProcess> = {}): HotelBookingProcess {
  return {
    kind: 'hotel',
    network: {
      resources: [{ id: 'N', capacity: 100 }],
      products: [
        { id: 'A', fare: 100, resources: ['N'], demand: 0 },
        { id: 'B', fare: 80, resources: ['N'], demand: 0 },
      ],
    },
    horizonDays: 4,
    nightDay: [3],
    streams: [
      { product: 'A', segment: 'a', requests: 6, byDay: [1, 0, 2, 1] },
      { product: 'B', segment: 'b', requests: 4, byDay: [0, 1, 1, 0], roomsPerRequest: [0.5, 0.5], cancellation: 0.25 },
    ],
    ...extra,
  };
}

describe('compileProcess(hotel).sample', () => {
  it('gives each stream Poisson(λ) requests spread over the days by its intensities (means within 4 standard errors over 20,000 trajectories)', () => {
    const sp = compileProcess(twoStreamHotel());
    const K = 20_000;
    // expected requests per (stream, day): λ_k · w_{k,d} / Σ_e w_{k,e}
    const expected = [
      [1.5, 0, 3, 1.5],
      [0, 2, 2, 0],
    ];
    const sum = [new Float64Array(4), new Float64Array(4)];
    for (let k = 0; k < K; k++) {
      const t = sp.sample(mulberry32(deriveSeed(7, k)));
      for (let r = 0; r < t.n; r++) sum[t.stream[r]!]![Math.floor(t.time[r]!)]! += 1;
    }
    for (let s = 0; s < 2; s++)
      for (let d = 0; d < 4; d++) {
        const mean = expected[s]![d]!;
        // a Poisson count's variance equals its mean
        expect(Math.abs(sum[s]![d]! / K - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean / K) + 1e-12);
      }
  });

  it('draws each stream from its own days when streams share a shape of intensities (a booking curve at another arrival date)', () => {
    // streams A and B have the same shares over their days (1 : 2 : 1), A on days 0–2 and B on days 2–4;
    // C has the same numbers but over more days (0–3, with a trailing 0: another shape); D is uniform
    const hotel: HotelBookingProcess = {
      kind: 'hotel',
      network: {
        resources: [{ id: 'N', capacity: 100 }],
        products: ['A', 'B', 'C', 'D'].map((id) => ({ id, fare: 100, resources: ['N'], demand: 0 })),
      },
      horizonDays: 6,
      nightDay: [5],
      streams: [
        { product: 'A', segment: 'a', requests: 4, byDay: [1, 2, 1, 0, 0, 0] },
        { product: 'B', segment: 'b', requests: 4, byDay: [0, 0, 1, 2, 1, 0] },
        { product: 'C', segment: 'c', requests: 4, byDay: [1, 2, 1, 1, 0, 0] },
        { product: 'D', segment: 'd', requests: 3 },
      ],
    };
    const expected = [
      [1, 2, 1, 0, 0, 0],
      [0, 0, 1, 2, 1, 0],
      [0.8, 1.6, 0.8, 0.8, 0, 0],
      [0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    ];
    const sp = compileProcess(hotel);
    const K = 20_000;
    const sum = expected.map(() => new Float64Array(6));
    for (let k = 0; k < K; k++) {
      const t = sp.sample(mulberry32(deriveSeed(5, k)));
      for (let r = 0; r < t.n; r++) sum[t.stream[r]!]![Math.floor(t.time[r]!)]! += 1;
    }
    expected.forEach((row, s) =>
      row.forEach((mean, d) => expect(Math.abs(sum[s]![d]! / K - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean / K) + 1e-12)),
    );
    // and the expected demand per day the leg DPs plan with is the same split
    const u = sp.unitsPerDay(0);
    expected.forEach((row, s) => row.forEach((mean, d) => expect(u[d * 4 + s]!).toBeCloseTo(mean, 12)));
  });

  it('puts requests in time order, and within a day the streams in a random order with uniform times', () => {
    const sp = compileProcess(twoStreamHotel());
    const K = 20_000;
    let firstIsA = 0;
    let days = 0;
    let beforeNoon = 0;
    let total = 0;
    let outOfOrder = 0;
    for (let k = 0; k < K; k++) {
      const t = sp.sample(mulberry32(deriveSeed(11, k)));
      for (let r = 1; r < t.n; r++) if (t.time[r]! < t.time[r - 1]!) outOfOrder++;
      for (let r = 0; r < t.n; r++) {
        total++;
        if (t.time[r]! - Math.floor(t.time[r]!) < 0.5) beforeNoon++;
      }
      // day 2: stream A asks 3 and B 2 on average; the first request of the day is A's with probability 3/5
      const r0 = Array.from(t.time).findIndex((x) => x >= 2 && x < 3);
      if (r0 >= 0) {
        days++;
        if (t.stream[r0] === 0) firstIsA++;
      }
    }
    expect(outOfOrder).toBe(0);
    const p = firstIsA / days;
    expect(Math.abs(p - 0.6)).toBeLessThanOrEqual(4 * Math.sqrt((0.6 * 0.4) / days));
    expect(Math.abs(beforeNoon / total - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 / total));
  });

  it('gives every request the fields of its stream, and a cancellation (if any) between its booking and the end of its arrival day', () => {
    const sp = compileProcess(twoStreamHotel());
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const t = sp.sample(mulberry32(seed));
        for (let r = 0; r < t.n; r++) {
          const s = t.stream[r]!;
          expect(t.product[r]).toBe(s);
          expect(t.value[r]).toBe(s === 0 ? 100 : 80);
          expect(t.quantity[r]!).toBeGreaterThanOrEqual(1);
          expect(t.quantity[r]!).toBeLessThanOrEqual(s === 0 ? 1 : 2);
          if (t.cancelTime[r]! < Infinity) {
            expect(s).toBe(1);
            expect(t.cancelQuantity[r]).toBe(t.quantity[r]);
            expect(t.cancelTime[r]!).toBeGreaterThanOrEqual(t.time[r]!);
            expect(t.cancelTime[r]!).toBeLessThanOrEqual(4);
          } else expect(t.cancelQuantity[r]).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('puts a group at midday of its day, after the requests of that morning and before those of the afternoon', () => {
    const hotel = twoStreamHotel({
      groups: [
        { id: 'g2', segment: 'tour', day: 2, product: 'B', rooms: 5, value: 60 },
        { id: 'g0', segment: 'tour', day: 0, product: 'A', rooms: 3, value: 70 },
        { id: 'g2b', segment: 'tour', day: 2, product: 'A', rooms: 2, value: 65 },
      ],
    });
    const sp = compileProcess(hotel);
    for (let k = 0; k < 200; k++) {
      const t = sp.sample(mulberry32(deriveSeed(3, k)));
      const groups = [];
      for (let r = 0; r < t.n; r++) if (t.stream[r] === -1) groups.push({ time: t.time[r]!, rooms: t.quantity[r]!, value: t.value[r]! });
      // in time order, and the two groups of day 2 in the order given
      expect(groups).toEqual([
        { time: 0.5, rooms: 3, value: 70 },
        { time: 2.5, rooms: 5, value: 60 },
        { time: 2.5, rooms: 2, value: 65 },
      ]);
      for (let r = 1; r < t.n; r++) expect(t.time[r]!).toBeGreaterThanOrEqual(t.time[r - 1]!);
    }
  });

  it('is the same trajectory for the same seed, and does not modify the process', () => {
    const hotel = twoStreamHotel();
    const before = JSON.stringify(hotel);
    const a = compileProcess(hotel).sample(mulberry32(42));
    const b = compileProcess(hotel).sample(mulberry32(42));
    expect(Array.from(a.time)).toEqual(Array.from(b.time));
    expect(Array.from(a.stream)).toEqual(Array.from(b.stream));
    expect(JSON.stringify(hotel)).toBe(before);
  });
});
