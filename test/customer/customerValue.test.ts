import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerValue, customerValueBacktest, type CustomerRecord } from '../../src/customer/index.js';
import { YieldInputError } from '../../src/model/errors.js';
import { pathOf } from '../errorPath.js';

const stay = (arrivalDate: string, company: string, rate = 125): CustomerRecord => ({
  bookingDate: '2015-12-01', arrivalDate, nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate,
  status: 'stayed', company,
});
// Account 40 active in each of four quarters, account 7 in the first only.
const QUARTERS = [stay('2016-01-10', '40'), stay('2016-04-10', '40'), stay('2016-07-10', '40'), stay('2016-10-10', '40'), stay('2016-01-12', '7')];
const Q = { asOf: '2016-12-31', since: '2016-01-01', periodDays: 91, maxRecency: 1, discountRate: 0, priorStrength: 0 } as const;

describe('customerValue: accounts (recency Markov chain)', () => {
  it('estimates the repeat probability by hand: 3 repeats out of 4 chances in state 0, none out of 2 in state 1', () => {
    // Periods of 91 days ending 2016-12-31 since 2016-01-02: account 40 active in all four (3 chances, 3
    // repeats); account 7 active in the first (1 chance, 0 repeats), then twice in state 1 without a repeat.
    const r = customerValue(QUARTERS, { ...Q, horizonDays: 91 });
    expect(r.status).toBe('ok');
    if (r.model.kind !== 'recency-markov-chain') throw new Error('account model expected');
    expect(r.model.transitions.map((t) => [t.recency, t.observed, t.repeated, t.probability])).toEqual([
      [0, 4, 3, 0.75],
      [1, 2, 0, 0],
    ]);
    expect(r.model.periods).toBe(4);
    expect(r.model.since).toBe('2016-01-02');
    // Account 40: own p_0 = 3/3 = 1 without a prior; value of one period = 1 · (125 − 25) = 100.
    const v40 = r.values.find((v) => v.key === 'company:40')!;
    expect([v40.recency, v40.activePeriods, v40.bookingsPerActivePeriod, v40.netContributionPerBooking]).toEqual([0, 4, 1, 100]);
    expect(v40.repeatProbability).toBe(1);
    expect(v40.value).toBe(100);
    const v7 = r.values.find((v) => v.key === 'company:7')!;
    expect([v7.recency, v7.repeatProbability, v7.value]).toEqual([1, 0, 0]);
  });

  it('shrinks an account towards the pooled repeat probability with the prior strength', () => {
    // n₀ = 2: p_0(40) = (3 + 2·0.75) / (3 + 2) = 0.9.
    const r = customerValue(QUARTERS, { ...Q, priorStrength: 2, horizonDays: 91 });
    expect(r.values.find((v) => v.key === 'company:40')!.ownRepeatProbability).toBeCloseTo(0.9, 12);
  });

  it('discounts period h by (1 + d)^(−h·P/365) and walks the chain over the horizon', () => {
    // Two periods, account 40 (p_0 = 1 own, p_1 = 0): P_1 = 1, P_2 = 1 → value = 100·(δ + δ²).
    const d = 0.12;
    const r = customerValue(QUARTERS, { ...Q, discountRate: d, horizonDays: 182 });
    const delta = Math.pow(1 + d, -91 / 365);
    const v = r.values.find((x) => x.key === 'company:40')!;
    expect(v.activeProbabilities).toEqual([1, 1]);
    expect(v.value).toBeCloseTo(100 * (delta + delta * delta), 10);
    expect(v.expectedContribution).toBeCloseTo(200, 10);
    // With the pooled p_0 = 0.75 for everyone (n₀ huge), P_1 = 0.75, P_2 = 0.75² (from state 0 again) + 0.25·p_1 = 0.5625.
    const pooled = customerValue(QUARTERS, { ...Q, priorStrength: 1e12, horizonDays: 182 });
    const w = pooled.values.find((x) => x.key === 'company:40')!;
    expect(w.activeProbabilities![0]).toBeCloseTo(0.75, 9);
    expect(w.activeProbabilities![1]).toBeCloseTo(0.5625, 9);
  });

  it('uses only what was known at the start of asOf', () => {
    const late = stay('2016-12-31', '7');
    const a = customerValue(QUARTERS, { ...Q, horizonDays: 91 });
    const b = customerValue([...QUARTERS, late], { ...Q, horizonDays: 91 });
    expect(b).toEqual(a);
  });

  it('reports insufficient history when no account-period is followed by another', () => {
    const r = customerValue([stay('2016-12-20', '40')], { asOf: '2016-12-31', periodDays: 30 });
    expect(r.status).toBe('insufficient-history');
    expect(r.values).toEqual([]);
  });

  it('checks the forecast on what came next (backtest)', () => {
    const b = customerValueBacktest(QUARTERS.slice(0, 3), { asOf: '2016-07-01', since: '2016-01-01', periodDays: 91, horizonDays: 91, priorStrength: 0 });
    expect(b.status).toBe('ok');
    expect(b.periods!.map((p) => [p.from, p.to, p.expectedActive, p.actualActive, p.actualBookings, p.actualContribution])).toEqual([
      ['2016-07-01', '2016-09-29', 1, 1, 1, 100],
    ]);
  });
});

describe('customerValue: guests (geometric repeat model from the tiers of earlier stays)', () => {
  const guests = (segment: string, tiers: number[]): CustomerRecord[] =>
    tiers.flatMap((n, j) =>
      Array.from({ length: n }, (): CustomerRecord => ({
        bookingDate: '2016-01-01', arrivalDate: '2016-02-01', nights: 2, rooms: 1, segment, channel: 'Direct', rate: 75,
        status: 'stayed', previousStays: j,
      })),
    );
  const H = guests('Direct', [90, 9, 1]);

  it('reads the repeat probability off the tiers by hand: N = 100, 10, 1 stays with ≥ 0, 1, 2 earlier → q = 0.1, 0.1', () => {
    const r = customerValue(H, { asOf: '2016-06-01', by: 'segment', maxPreviousStays: 2, discountRate: 0, horizonDays: 730 });
    const v = r.values[0]!;
    expect(v.tiers!.map((t) => [t.previousStays, t.stays, t.repeatProbability])).toEqual([
      [0, 90, 0.1], [1, 9, 0.1], [2, 1, 0],
    ]);
    // Two repeats in the horizon (730 / 365): 0.1 + 0.1·0.1 = 0.11 stays, each worth 2·(75 − 25) = 100.
    expect(v.expectedFutureStays).toBeCloseTo(0.11, 12);
    expect(v.value).toBeCloseTo(11, 10);
  });

  it('discounts the n-th repeat by (1 + d)^(−n·interval/365)', () => {
    const d = 0.08;
    const r = customerValue(H, { asOf: '2016-06-01', by: 'segment', maxPreviousStays: 2, discountRate: d, horizonDays: 730, repeatIntervalDays: 365 });
    expect(r.values[0]!.value).toBeCloseTo(100 * (0.1 / (1 + d) + 0.01 / (1 + d) ** 2), 10);
  });

  it('nets expected cancellation cost into the contribution per booking', () => {
    const late: CustomerRecord = { ...H[0]!, status: 'cancelled', statusDate: '2016-01-31', previousStays: 0 };
    const r = customerValue([...H, late], { asOf: '2016-06-01', by: 'segment', maxPreviousStays: 2 });
    // 100 stays worth 100 and one late cancellation costing 100: (100·100 − 100)/101.
    expect(r.values[0]!.netContributionPerBooking).toBeCloseTo(9900 / 101, 10);
  });

  it('reports insufficient history without any recorded earlier stays', () => {
    const r = customerValue([{ ...H[0]!, previousStays: undefined }], { asOf: '2016-06-01', by: 'segment' });
    expect(r.status).toBe('insufficient-history');
  });
});

describe('customerValue: bad input', () => {
  it('rejects a discount rate outside [0, 1), unknown accounts and negative values with a YieldInputError', () => {
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, discountRate: 1 }))).toBe('options.discountRate');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, discountRate: -0.01 }))).toBe('options.discountRate');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, discountRate: Number.NaN }))).toBe('options.discountRate');
    let err: unknown;
    try {
      customerValue(QUARTERS, { ...Q, keys: ['company:40', 'company:999'] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YieldInputError);
    expect((err as YieldInputError).code).toBe('unknown-reference');
    expect((err as YieldInputError).path).toBe('options.keys[1]');
    expect(pathOf(() => customerValue([{ ...QUARTERS[0]!, rate: -1 }], Q))).toBe('records[0].rate');
    expect(pathOf(() => customerValue([{ ...QUARTERS[0]!, previousStays: -1 }], Q))).toBe('records[0].previousStays');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, variableCostPerRoomNight: -3 }))).toBe('options.variableCostPerRoomNight');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, asOf: '2016-02-30' }))).toBe('options.asOf');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, since: '2017-01-01' }))).toBe('options.since');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, periodDays: 0 }))).toBe('options.periodDays');
    expect(pathOf(() => customerValue(QUARTERS, { ...Q, by: 'country' as never }))).toBe('options.by');
  });
});

const arbAccounts = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 360 }),
    account: fc.constantFrom('1', '2', '3', '4'),
    rate: fc.integer({ min: 30, max: 300 }),
    status: fc.constantFrom('stayed', 'stayed', 'cancelled', 'no-show') as fc.Arbitrary<CustomerRecord['status']>,
  }),
  { minLength: 2, maxLength: 40 },
).map((xs) =>
  xs.map((x): CustomerRecord => {
    const date = new Date(Date.UTC(2016, 0, 1 + x.day)).toISOString().slice(0, 10);
    return { bookingDate: '2015-12-01', arrivalDate: date, nights: 1, rooms: 1, segment: 'Corporate', rate: x.rate, status: x.status, agent: x.account };
  }),
);

describe('customerValue properties', () => {
  it('probabilities lie in [0, 1]; value ≤ undiscounted contribution for a profitable account; a higher discount rate never raises value', () => {
    fc.assert(
      fc.property(arbAccounts, fc.constantFrom(0, 0.05, 0.3), (recs, d) => {
        const base = { asOf: '2017-01-01', since: '2016-01-01', periodDays: 30, horizonDays: 365 };
        const a = customerValue(recs, { ...base, discountRate: d });
        const b = customerValue(recs, { ...base, discountRate: Math.min(0.99, d + 0.2) });
        if (a.status !== 'ok' || b.status !== 'ok') return;
        a.values.forEach((v, i) => {
          expect(v.repeatProbability).toBeGreaterThanOrEqual(0);
          expect(v.repeatProbability).toBeLessThanOrEqual(1);
          for (const p of v.activeProbabilities!) expect(p >= 0 && p <= 1 + 1e-12).toBe(true);
          if (v.netContributionPerBooking >= 0) {
            expect(v.value).toBeLessThanOrEqual(v.expectedContribution + 1e-9);
            expect(b.values[i]!.value).toBeLessThanOrEqual(v.value + 1e-9);
          }
        });
      }),
      { numRuns: 80 },
    );
  });

  it('does not depend on the order of the records and never modifies them', () => {
    fc.assert(
      fc.property(arbAccounts, (recs) => {
        const copy = structuredClone(recs);
        const opts = { asOf: '2017-01-01', since: '2016-01-01', periodDays: 30 };
        const a = customerValue(recs, opts);
        expect(recs).toEqual(copy);
        const b = customerValue([...recs].reverse(), opts);
        expect(b.status).toBe(a.status);
        expect(b.values.map((v) => v.key)).toEqual(a.values.map((v) => v.key));
        b.values.forEach((v, i) => expect(v.value).toBeCloseTo(a.values[i]!.value, 8));
      }),
      { numRuns: 60 },
    );
  });
});
