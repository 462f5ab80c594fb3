import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rateLadder, type RateLadderInput } from '../../src/pricing/index.js';
import { deepFreeze, expectInputError } from './helpers.js';

const NIGHTS = (n: number, from = '2026-03-01') => {
  const d0 = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(d0 + i * 86_400_000).toISOString().slice(0, 10));
};

/** Every guard rail checked from the rows, independently of the library. */
function checkRails(input: RateLadderInput, rows: ReturnType<typeof rateLadder>['rows']): void {
  const g = input.guardRails ?? {};
  const at = new Map(rows.map((r) => [`${r.arrival}|${r.lengthOfStay}|${r.roomType}`, r.rate]));
  const nights = input.nights;
  for (const r of rows) {
    expect(input.ladder).toContain(r.rate);
    if (g.floor !== undefined) expect(r.rate).toBeGreaterThanOrEqual(g.floor);
    if (g.ceiling !== undefined) expect(r.rate).toBeLessThanOrEqual(g.ceiling);
    const i = nights.indexOf(r.arrival);
    const next = at.get(`${nights[i + 1]}|${r.lengthOfStay}|${r.roomType}`);
    if (g.maxDailyChange !== undefined && next !== undefined) expect(Math.abs(next - r.rate)).toBeLessThanOrEqual(g.maxDailyChange + 1e-9);
    for (const other of rows) {
      if (other.arrival !== r.arrival) continue;
      if (g.lengthOfStayOrder && other.roomType === r.roomType && other.lengthOfStay > r.lengthOfStay) {
        if (g.lengthOfStayOrder === 'non-increasing') expect(other.rate).toBeLessThanOrEqual(r.rate);
        else expect(other.rate).toBeGreaterThanOrEqual(r.rate);
      }
      if (g.roomTypeOrder && other.lengthOfStay === r.lengthOfStay) {
        const types = input.roomTypes ?? ['room'];
        if (types.indexOf(other.roomType) > types.indexOf(r.roomType)) expect(other.rate).toBeGreaterThanOrEqual(r.rate);
      }
    }
  }
}

/** Brute force: every assignment of rungs to stays, checked against the rails, max Σ max(0, E). */
function bruteObjective(input: RateLadderInput, probs: (a: string, L: number, rt: string) => number[]): number {
  const types = input.roomTypes ?? ['room'];
  const lengths = input.lengthsOfStay ?? [1];
  const bids = (rt: string) => (Array.isArray(input.bidPrices) ? (input.bidPrices as number[]) : (input.bidPrices as Record<string, number[]>)[rt]!);
  const stays: { a: number; L: number; rt: string; e: number[] }[] = [];
  for (const rt of types)
    for (const L of lengths)
      for (let a = 0; a + L <= input.nights.length; a++) {
        let B = 0;
        for (let n = a; n < a + L; n++) B += bids(rt)[n]!;
        const p = probs(input.nights[a]!, L, rt);
        stays.push({ a, L, rt, e: input.ladder.map((r, k) => Math.max(0, (L * r - B) * p[k]!)) });
      }
  const K = input.ladder.length;
  let best = -Infinity;
  const choice = new Array<number>(stays.length).fill(0);
  const g = input.guardRails ?? {};
  const ok = () => {
    for (let i = 0; i < stays.length; i++) {
      const r = input.ladder[choice[i]!]!;
      if (g.floor !== undefined && r < g.floor) return false;
      if (g.ceiling !== undefined && r > g.ceiling) return false;
      for (let j = 0; j < stays.length; j++) {
        const s = stays[i]!;
        const t = stays[j]!;
        const q = input.ladder[choice[j]!]!;
        if (g.maxDailyChange !== undefined && t.rt === s.rt && t.L === s.L && t.a === s.a + 1 && Math.abs(q - r) > g.maxDailyChange + 1e-9) return false;
        if (g.lengthOfStayOrder && t.rt === s.rt && t.a === s.a && t.L > s.L && (g.lengthOfStayOrder === 'non-increasing' ? q > r : q < r)) return false;
        if (g.roomTypeOrder && t.L === s.L && t.a === s.a && types.indexOf(t.rt) > types.indexOf(s.rt) && q < r) return false;
      }
    }
    return true;
  };
  const total = Math.pow(K, stays.length);
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < stays.length; i++) {
      choice[i] = c % K;
      c = Math.floor(c / K);
    }
    if (!ok()) continue;
    let v = 0;
    for (let i = 0; i < stays.length; i++) v += stays[i]!.e[choice[i]!]!;
    best = Math.max(best, v);
  }
  return best;
}

describe('rateLadder', () => {
  it('hand-checked: a two-night stay, three rates, bid prices 60 and 90, P(buy) 0.9 / 0.6 / 0.3 → 130', () => {
    // stay revenue 200 / 260 / 320 against Σ bid prices 150: margins 50 / 110 / 170;
    // E = 50·0.9 = 45, 110·0.6 = 66, 170·0.3 = 51 → publish 130 per night
    const r = rateLadder({ nights: ['2026-03-14', '2026-03-15'], ladder: [100, 130, 160], bidPrices: [60, 90], buyProbability: [0.9, 0.6, 0.3], lengthsOfStay: [2] });
    expect(r.status).toBe('ok');
    expect(r.rows).toHaveLength(1);
    const row = r.rows[0]!;
    expect(row).toMatchObject({ arrival: '2026-03-14', lengthOfStay: 2, roomType: 'room', rate: 130, bidPrices: [60, 90], bidPriceSum: 150, margin: 110, open: true, boundBy: [] });
    expect(row.buyProbability).toBeCloseTo(0.6, 15);
    expect(row.expectedContribution).toBeCloseTo(66, 12);
    expect(row.rungs!.map((x) => x.margin)).toEqual([50, 110, 170]);
    expect(row.rungs!.map((x) => x.expectedContribution).map((x) => +x.toFixed(9))).toEqual([45, 66, 51]);
    expect(r.objective).toBeCloseTo(66, 12);
    expect(r.rate('2026-03-14', 2)).toBe(130);
    expect(r.rate('2026-03-15', 2)).toBeUndefined(); // runs past the horizon
  });
  it('hand-checked: the segment mix decides (business 30 % buys at any rate, leisure 70 % only cheap)', () => {
    // P = 0.3·[1, 1, 0.9] + 0.7·[0.9, 0.3, 0] = [0.93, 0.51, 0.27]; one night, bid price 80:
    // E = 20·0.93 = 18.6, 50·0.51 = 25.5, 80·0.27 = 21.6 → 130; with 60 % business: P = [0.96, 0.72, 0.54]
    // E = 19.2, 36, 43.2 → 160
    const seg = (b: number) => [
      { segment: 'business', share: b, probability: [1, 1, 0.9] },
      { segment: 'leisure', share: 1 - b, probability: [0.9, 0.3, 0] },
    ];
    const base = { nights: ['2026-03-14'], ladder: [100, 130, 160], bidPrices: [80] };
    const a = rateLadder({ ...base, buyProbability: seg(0.3) });
    expect(a.rows[0]!.rate).toBe(130);
    expect(a.rows[0]!.expectedContribution).toBeCloseTo(25.5, 12);
    const b = rateLadder({ ...base, buyProbability: seg(0.6) });
    expect(b.rows[0]!.rate).toBe(160);
    expect(b.rows[0]!.expectedContribution).toBeCloseTo(43.2, 12);
  });
  it('hand-checked: a daily-change rail moves the first night up and says so', () => {
    // ladder 100/150/200, no bid prices; night 1: P = 1/0.1/0.05 (E 100, 15, 10); night 2: P = 0.3/0.5/0.9 (E 30, 75, 180).
    // |Δ| ≤ 50: (100,150) 175, (150,200) 195, (150,150) 90, (100,100) 130, (200,200) 190 → (150, 200)
    const P: Record<string, number[]> = { '2026-03-01': [1, 0.1, 0.05], '2026-03-02': [0.3, 0.5, 0.9] };
    const r = rateLadder({ nights: NIGHTS(2), ladder: [100, 150, 200], bidPrices: [0, 0], buyProbability: (a) => P[a]!, guardRails: { maxDailyChange: 50 } });
    expect(r.rows.map((x) => x.rate)).toEqual([150, 200]);
    expect(r.objective).toBeCloseTo(195, 12);
    expect(r.rows[0]!.boundBy).toEqual(['daily-change']);
    expect(r.rows[0]!.best.rate).toBe(100);
    expect(r.rows[1]!.boundBy).toEqual([]);
  });
  it('hand-checked: floor and ceiling are reported when they bind', () => {
    const r = rateLadder({ nights: NIGHTS(2), ladder: [80, 100, 120, 140], bidPrices: [0, 0], buyProbability: (a) => (a === '2026-03-01' ? [1, 0.5, 0.3, 0.2] : [1, 1, 1, 1]), guardRails: { floor: 100, ceiling: 120 } });
    expect(r.rows.map((x) => x.rate)).toEqual([100, 120]);
    expect(r.rows[0]!.boundBy).toEqual(['floor']);
    expect(r.rows[0]!.unconstrained.rate).toBe(80);
    expect(r.rows[1]!.boundBy).toEqual(['ceiling']);
  });
  it('closes a stay whose bid prices exceed every rate: open is false and it earns nothing', () => {
    const r = rateLadder({ nights: NIGHTS(2), ladder: [100, 120], bidPrices: [150, 10], buyProbability: [0.8, 0.5], lengthsOfStay: [1, 2] });
    const one = r.rows.find((x) => x.arrival === '2026-03-01' && x.lengthOfStay === 1)!;
    expect(one.open).toBe(false);
    expect(one.rate).toBe(120); // closed either way; ties go to the higher rate
    const two = r.rows.find((x) => x.lengthOfStay === 2)!; // 2·r − 160: 40·0.8 = 32, 80·0.5 = 40
    expect(two.rate).toBe(120);
    expect(two.open).toBe(true);
  });
  it('is exact: equals a brute-force search over every assignment that respects the rails', () => {
    const arb = fc.record({
      N: fc.integer({ min: 1, max: 3 }),
      K: fc.integer({ min: 2, max: 4 }),
      lengths: fc.subarray([1, 2, 3], { minLength: 1 }),
      R: fc.integer({ min: 1, max: 2 }),
      seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
      daily: fc.option(fc.constantFrom(0, 20, 40), { nil: undefined }),
      los: fc.option(fc.constantFrom('non-increasing' as const, 'non-decreasing' as const), { nil: undefined }),
      rt: fc.boolean(),
      floorIdx: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, ({ N, K, lengths, R, seed, daily, los, rt, floorIdx }) => {
        const stays = R * lengths.reduce((s, L) => s + Math.max(0, N - L + 1), 0);
        fc.pre(stays > 0 && Math.pow(K, stays) <= 20000);
        let s = 0;
        const u = () => seed[s++ % seed.length]!;
        const ladder = Array.from({ length: K }, (_, k) => 80 + 20 * k);
        const types = R === 1 ? ['std'] : ['std', 'sup'];
        const bidPrices = Object.fromEntries(types.map((t) => [t, Array.from({ length: N }, () => Math.round(90 * u()))]));
        const table = new Map<string, number[]>();
        const probs = (a: string, L: number, t: string) => {
          const key = `${a}|${L}|${t}`;
          if (!table.has(key)) table.set(key, ladder.map(() => Math.round(100 * u()) / 100));
          return table.get(key)!;
        };
        const input: RateLadderInput = {
          nights: NIGHTS(N),
          ladder,
          bidPrices,
          roomTypes: types,
          lengthsOfStay: lengths,
          buyProbability: probs,
          guardRails: { maxDailyChange: daily, lengthOfStayOrder: los, roomTypeOrder: rt, floor: floorIdx === undefined ? undefined : ladder[floorIdx] },
        };
        const r = rateLadder(input);
        checkRails(input, r.rows);
        expect(r.objective).toBeCloseTo(bruteObjective(input, probs), 9);
      }),
      { numRuns: 150 },
    );
  });
  it('never publishes a rate outside the floor and ceiling, nor a larger daily step than allowed', () => {
    const arb = fc.record({
      N: fc.integer({ min: 2, max: 40 }),
      K: fc.integer({ min: 1, max: 12 }),
      bids: fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 40, maxLength: 40 }),
      curve: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
      lo: fc.integer({ min: 0, max: 5 }),
      span: fc.integer({ min: 0, max: 11 }),
      step: fc.constantFrom(0, 10, 25, 60, 1000),
      los: fc.constantFrom(undefined, 'non-increasing' as const, 'non-decreasing' as const),
    });
    fc.assert(
      fc.property(arb, ({ N, K, bids, curve, lo, span, step, los }) => {
        const ladder = Array.from({ length: K }, (_, k) => 90 + 15 * k + (k * k) % 7);
        const floor = ladder[Math.min(lo, K - 1)]!;
        const ceiling = ladder[Math.min(K - 1, Math.min(lo, K - 1) + span)]!;
        const nights = NIGHTS(N, '2026-12-20');
        const input: RateLadderInput = {
          nights,
          ladder,
          bidPrices: bids.slice(0, N),
          lengthsOfStay: [1, 2, 3, 7],
          buyProbability: (a, L) => ladder.map((r) => curve[nights.indexOf(a)]! * Math.exp(-(r - 90) / (60 + 10 * L))),
          guardRails: { floor, ceiling, maxDailyChange: step, lengthOfStayOrder: los },
        };
        const r = rateLadder(input, { detail: 'summary' });
        checkRails(input, r.rows);
        for (const row of r.rows) {
          expect(row.rate).toBeGreaterThanOrEqual(floor);
          expect(row.rate).toBeLessThanOrEqual(ceiling);
          expect(row.rungs).toBeUndefined();
        }
      }),
      { numRuns: 50 },
    );
  });
  it('scaling the ladder, bid prices and money rails by 2 doubles every rate; it never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { minLength: 6, maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), (bids, p) => {
        const probs = [...p].sort((a, b) => b - a);
        const input = deepFreeze({ nights: NIGHTS(6), ladder: [100, 120, 150, 190], bidPrices: bids, buyProbability: probs, lengthsOfStay: [1, 3], guardRails: { maxDailyChange: 30, floor: 100, lengthOfStayOrder: 'non-increasing' as const } });
        const a = rateLadder(input);
        const b = rateLadder({ ...input, ladder: input.ladder.map((x) => 2 * x), bidPrices: bids.map((x) => 2 * x), guardRails: { ...input.guardRails, maxDailyChange: 60, floor: 200 } });
        expect(b.rows.map((x) => x.rate)).toEqual(a.rows.map((x) => 2 * x.rate));
        expect(b.objective).toBeCloseTo(2 * a.objective, 9);
      }),
      { numRuns: 50 },
    );
  });
  it('keeps room types in order when asked, choosing the better of lifting one or lowering the other', () => {
    // alone: standard E = 50 / 70 → 140; superior E = 90 / 28 → 100 (crossed).
    // with superior ≥ standard: (100, 100) 140, (100, 140) 78, (140, 140) 98 → both at 100; standard was moved
    const input = {
      nights: NIGHTS(1),
      ladder: [100, 140],
      roomTypes: ['standard', 'superior'],
      bidPrices: { standard: [0], superior: [0] },
      buyProbability: (_a: string, _L: number, rt: string) => (rt === 'standard' ? [0.5, 0.5] : [0.9, 0.2]),
    };
    const free = rateLadder(input);
    expect(free.rate('2026-03-01', 1, 'standard')).toBe(140);
    expect(free.rate('2026-03-01', 1, 'superior')).toBe(100);
    const r = rateLadder({ ...input, guardRails: { roomTypeOrder: true } });
    expect(r.rate('2026-03-01', 1, 'standard')).toBe(100);
    expect(r.rate('2026-03-01', 1, 'superior')).toBe(100);
    expect(r.objective).toBeCloseTo(140, 12);
    expect(r.rows.find((x) => x.roomType === 'standard')!.boundBy).toEqual(['room-type-order']);
    expect(r.rows.find((x) => x.roomType === 'superior')!.boundBy).toEqual([]);
  });
  it('keeps longer stays at or below the nightly rate of shorter ones when asked', () => {
    // one-night stays sell well at 100 only, two-night stays best at 140 alone: the rail holds 2n ≤ 1n
    const r = rateLadder({
      nights: NIGHTS(2),
      ladder: [100, 140],
      bidPrices: [0, 0],
      lengthsOfStay: [1, 2],
      buyProbability: (_a, L) => (L === 1 ? [0.9, 0.1] : [0.5, 0.45]),
      guardRails: { lengthOfStayOrder: 'non-increasing' },
    });
    // night 1: 1n E = 90 / 14, 2n E = 100 / 126; (100, 100) 190, (140, 140) 140, (140, 100) 114 → both 100
    expect(r.rate('2026-03-01', 1)).toBe(100);
    expect(r.rate('2026-03-01', 2)).toBe(100);
    expect(r.rows.find((x) => x.lengthOfStay === 2)!.boundBy).toEqual(['length-of-stay-order']);
  });
  it('gives the same rows whatever the order of lengthsOfStay', () => {
    const input = { nights: NIGHTS(5), ladder: [90, 110, 130], bidPrices: [10, 60, 90, 40, 0], buyProbability: [0.9, 0.6, 0.35], guardRails: { maxDailyChange: 20, lengthOfStayOrder: 'non-increasing' as const } };
    const a = rateLadder({ ...input, lengthsOfStay: [1, 2, 3] });
    const b = rateLadder({ ...input, lengthsOfStay: [3, 1, 2] });
    expect(b.rows).toEqual(a.rows);
  });
  it('rejects bad input with a YieldInputError naming the field', () => {
    const ok = { nights: NIGHTS(2), ladder: [100, 120, 140], bidPrices: [10, 20], buyProbability: [0.9, 0.5, 0.2] };
    rateLadder(ok);
    expectInputError(() => rateLadder({ ...ok, ladder: [] }), 'ladder', 'empty');
    expectInputError(() => rateLadder({ ...ok, ladder: [100, 140, 120] }), 'ladder[2]', 'unsorted');
    expectInputError(() => rateLadder({ ...ok, ladder: [100, 100, 120] }), 'ladder[1]', 'unsorted');
    expectInputError(() => rateLadder({ ...ok, buyProbability: [0.9, 1.2, 0.2] }), 'buyProbability[1]');
    expectInputError(() => rateLadder({ ...ok, buyProbability: [0.9, -0.1, 0.2] }), 'buyProbability[1]');
    expectInputError(() => rateLadder({ ...ok, buyProbability: [0.9, 0.5] }), 'buyProbability', 'inconsistent');
    expectInputError(() => rateLadder({ ...ok, buyProbability: [{ segment: 'b', share: 1, probability: [0.9, 0.5, 2] }] }), 'buyProbability[0].probability[2]');
    expectInputError(() => rateLadder({ ...ok, buyProbability: [{ segment: 'b', share: 0.5, probability: [0.9, 0.5, 0.1] }] }), 'buyProbability', 'inconsistent');
    expectInputError(() => rateLadder({ ...ok, buyProbability: () => [0.9, 0.5, NaN] }), 'buyProbability("2026-03-01", 1, "room")[2]');
    expectInputError(() => rateLadder({ ...ok, guardRails: { floor: 150 } }), 'guardRails.floor');
    expectInputError(() => rateLadder({ ...ok, guardRails: { ceiling: 90 } }), 'guardRails.ceiling');
    expectInputError(() => rateLadder({ ...ok, guardRails: { floor: 125, ceiling: 135 } }), 'guardRails.ceiling');
    expectInputError(() => rateLadder({ ...ok, guardRails: { floor: 130, ceiling: 110 } }), 'guardRails.ceiling', 'inconsistent');
    expectInputError(() => rateLadder({ ...ok, guardRails: { maxDailyChange: -1 } }), 'guardRails.maxDailyChange');
    expectInputError(() => rateLadder({ ...ok, guardRails: { lengthOfStayOrder: 'up' as never } }), 'guardRails.lengthOfStayOrder');
    expectInputError(() => rateLadder({ ...ok, nights: ['2026-03-01', '2026-03-03'] }), 'nights[1]', 'unsorted');
    expectInputError(() => rateLadder({ ...ok, nights: ['2026-02-30', '2026-03-01'] }), 'nights[0]');
    expectInputError(() => rateLadder({ ...ok, bidPrices: [10] }), 'bidPrices', 'inconsistent');
    expectInputError(() => rateLadder({ ...ok, bidPrices: [10, -5] }), 'bidPrices[1]');
    expectInputError(() => rateLadder({ ...ok, lengthsOfStay: [1, 0] }), 'lengthsOfStay[1]');
    expectInputError(() => rateLadder({ ...ok, roomTypes: ['a', 'b'] }), 'bidPrices', 'invalid-type');
    expectInputError(() => rateLadder({ ...ok, roomTypes: ['a', 'b'], bidPrices: { a: [1, 2] } }), 'bidPrices.b', 'unknown-reference');
    expectInputError(() => rateLadder(ok, { detail: 'all' as never }), 'options.detail');
  });
});
