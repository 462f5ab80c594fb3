import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANNEL_COMMISSION_DEFAULTS,
  SEGMENT_PROFITABILITY_DEFAULTS,
  segmentProfitability,
  type CustomerRecord,
} from '../../src/customer/index.js';
import { YieldInputError } from '../../src/model/errors.js';
import { pathOf } from '../errorPath.js';

// A hand-built history (variable cost 20 per room-night; commission TA/TO 18 %, Direct and Corporate 0).
const H: CustomerRecord[] = [
  // Corporate, company 40: two stays and one late cancellation.
  { bookingDate: '2016-05-01', arrivalDate: '2016-06-06', nights: 2, rooms: 1, segment: 'Corporate', channel: 'Corporate',
    customerType: 'Transient', rate: 120, status: 'stayed', company: '40' }, // Mon, Tue nights
  { bookingDate: '2016-05-20', arrivalDate: '2016-06-13', nights: 1, rooms: 2, segment: 'Corporate', channel: 'Corporate',
    customerType: 'Transient', rate: 110, status: 'stayed', company: '40', ancillarySpend: 30 },
  { bookingDate: '2016-05-20', arrivalDate: '2016-06-20', nights: 3, rooms: 1, segment: 'Corporate', channel: 'Corporate',
    customerType: 'Transient', rate: 115, status: 'cancelled', statusDate: '2016-06-17', company: '40' },
  // Tour operator, agent 9: one group stay, one early cancellation, one no-show.
  { bookingDate: '2016-01-10', arrivalDate: '2016-07-01', nights: 4, rooms: 5, segment: 'Offline TA/TO', channel: 'TA/TO',
    customerType: 'Group', rate: 70, status: 'stayed', agent: '9' },
  { bookingDate: '2016-01-10', arrivalDate: '2016-07-10', nights: 2, rooms: 3, segment: 'Offline TA/TO', channel: 'TA/TO',
    customerType: 'Group', rate: 70, status: 'cancelled', statusDate: '2016-05-01', agent: '9' },
  { bookingDate: '2016-03-10', arrivalDate: '2016-07-15', nights: 1, rooms: 1, segment: 'Offline TA/TO', channel: 'TA/TO',
    customerType: 'Transient', rate: 80, status: 'no-show', statusDate: '2016-07-15', agent: '9' },
  // A direct booking still on the books.
  { bookingDate: '2016-06-01', arrivalDate: '2016-08-01', nights: 2, rooms: 1, segment: 'Direct', channel: 'Direct',
    customerType: 'Transient', rate: 150, status: 'active' },
];
const OPTS = { variableCostPerRoomNight: 20 };

describe('segmentProfitability', () => {
  const rows = segmentProfitability(H, OPTS);
  const row = (d: string, k: string) => rows.find((r) => r.dimension === d && r.key === k)!;

  it('sums revenue, commission, variable cost and contribution of the stays by hand', () => {
    // Corporate: 2·120 + 2·110 = 460 revenue; 4 room-nights; cost 80; ancillary 30 → contribution 410.
    const c = row('segment', 'Corporate');
    expect([c.roomNights, c.revenue, c.commission, c.variableCost, c.ancillary, c.contribution]).toEqual([4, 460, 0, 80, 30, 410]);
    // Offline TA/TO: 20 room-nights at 70 → 1400; commission 18 % = 252; cost 400 → 748.
    const t = row('segment', 'Offline TA/TO');
    expect(t.revenue).toBe(1400);
    expect(t.commission).toBeCloseTo(252, 10);
    expect(t.contribution).toBeCloseTo(748, 10);
  });

  it('charges a late cancellation and a no-show their contribution, an early cancellation nothing', () => {
    // Corporate cancelled 3 days before arrival (< 7): 3·(115 − 20) = 285. TA/TO cancelled 70 days before: 0.
    const c = row('segment', 'Corporate');
    expect(c.cancellationCost).toBe(285);
    expect(c.netContribution).toBe(410 - 285);
    const t = row('segment', 'Offline TA/TO');
    expect(t.cancellationCost).toBe(0);
    // No-show: 80·0.82 − 20 = 45.6.
    expect(t.noShowCost).toBeCloseTo(45.6, 10);
    expect(t.cancellationRate).toBeCloseTo(1 / 3, 12);
    expect(t.noShowRate).toBeCloseTo(1 / 3, 12);
  });

  it('leaves active bookings out of the rates but counts them in demand, length of stay and lead time', () => {
    const d = row('segment', 'Direct');
    expect([d.bookings, d.active, d.stays, d.cancellationRate, d.roomNights, d.bookedRoomNights]).toEqual([1, 1, 0, 0, 0, 2]);
    expect(d.averageLeadTime).toBe(61);
    const all = row('total', 'all');
    expect(all.averageLengthOfStay).toBeCloseTo((2 + 1 + 3 + 4 + 2 + 1 + 2) / 7, 12);
  });

  it('splits booked room-nights by month and day of week (shares summing to 1)', () => {
    const c = row('segment', 'Corporate');
    // Nights: 6 Jun (Mon), 7 Jun (Tue), 13 Jun (Mon) × 2 rooms, 20–22 Jun (Mon–Wed): 7 room-nights, all June.
    expect(c.demandByMonth[5]).toBe(1);
    expect(c.demandByDayOfWeek).toEqual([0, 4 / 7, 2 / 7, 1 / 7, 0, 0, 0]);
  });

  it('has rows by account: company 40 and agent 9, and none for bookings without an account', () => {
    expect(rows.filter((r) => r.dimension === 'company').map((r) => r.key)).toEqual(['40']);
    expect(rows.filter((r) => r.dimension === 'agent').map((r) => r.key)).toEqual(['9']);
    expect(row('company', '40').netContribution).toBe(row('segment', 'Corporate').netContribution);
  });

  it('uses the stated default commissions and variable cost', () => {
    expect(CHANNEL_COMMISSION_DEFAULTS['TA/TO']).toBe(0.18);
    expect(SEGMENT_PROFITABILITY_DEFAULTS.variableCostPerRoomNight).toBe(25);
    const r = segmentProfitability([H[0]!], { by: ['channel'] });
    expect(r[1]!.contribution).toBe(2 * (120 - 25));
  });

  it('rejects bad input with a YieldInputError naming the field', () => {
    expect(pathOf(() => segmentProfitability(H, { variableCostPerRoomNight: -1 }))).toBe('options.variableCostPerRoomNight');
    expect(pathOf(() => segmentProfitability(H, { commission: { 'TA/TO': 1.2 } }))).toBe('options.commission.TA/TO');
    expect(pathOf(() => segmentProfitability(H, { by: ['country' as never] }))).toBe('options.by[0]');
    expect(pathOf(() => segmentProfitability([{ ...H[0]!, rate: -5 }]))).toBe('records[0].rate');
    expect(pathOf(() => segmentProfitability([{ ...H[0]!, company: '' }]))).toBe('records[0].company');
    expect(() => segmentProfitability([{ ...H[0]!, ancillarySpend: Number.NaN }])).toThrow(YieldInputError);
  });
});

const arbRecord = fc
  .record({
    b: fc.integer({ min: 0, max: 300 }),
    lead: fc.integer({ min: 0, max: 200 }),
    nights: fc.integer({ min: 1, max: 7 }),
    rooms: fc.integer({ min: 1, max: 4 }),
    segment: fc.constantFrom('Corporate', 'Groups', 'Online TA'),
    channel: fc.constantFrom('Direct', 'TA/TO', 'GDS', 'Other'),
    rate: fc.integer({ min: 0, max: 40000 }).map((x) => x / 100),
    status: fc.constantFrom('active', 'cancelled', 'no-show', 'stayed') as fc.Arbitrary<CustomerRecord['status']>,
    notice: fc.integer({ min: 0, max: 30 }),
    company: fc.option(fc.constantFrom('1', '2', '10'), { nil: undefined }),
  })
  .map((x): CustomerRecord => {
    const day = (d: number) => new Date(Date.UTC(2016, 0, 1 + d)).toISOString().slice(0, 10);
    const arrival = x.b + x.lead;
    const statusDay =
      x.status === 'cancelled' ? Math.max(x.b, arrival - x.notice) : x.status === 'stayed' ? arrival + x.nights : arrival;
    return {
      bookingDate: day(x.b), arrivalDate: day(arrival), nights: x.nights, rooms: x.rooms, segment: x.segment,
      channel: x.channel, rate: x.rate, status: x.status,
      ...(x.status === 'active' ? {} : { statusDate: day(statusDay) }),
      ...(x.company === undefined ? {} : { company: x.company }),
    };
  });

describe('segmentProfitability properties', () => {
  it('segments add up to the total (room-nights, revenue, net contribution), shares sum to 1', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 40 }), (recs) => {
        const rows = segmentProfitability(recs, { by: ['segment', 'channel'] });
        const total = rows[0]!;
        for (const dim of ['segment', 'channel'] as const) {
          const part = rows.filter((r) => r.dimension === dim);
          const sum = (f: (r: (typeof rows)[number]) => number) => part.reduce((s, r) => s + f(r), 0);
          expect(sum((r) => r.roomNights)).toBe(total.roomNights);
          expect(sum((r) => r.bookings)).toBe(total.bookings);
          expect(sum((r) => r.revenue)).toBeCloseTo(total.revenue, 6);
          expect(sum((r) => r.netContribution)).toBeCloseTo(total.netContribution, 6);
        }
        for (const r of rows) {
          const m = r.demandByMonth.reduce((s, x) => s + x, 0);
          const w = r.demandByDayOfWeek.reduce((s, x) => s + x, 0);
          expect(m).toBeCloseTo(1, 12);
          expect(w).toBeCloseTo(1, 12);
          expect(r.cancellationRate + r.noShowRate).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of the records and never modifies them', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 30 }), fc.integer(), (recs, seed) => {
        const copy = structuredClone(recs);
        const a = segmentProfitability(recs);
        expect(recs).toEqual(copy);
        const shuffled = [...recs].sort((x, y) => ((x.rate * 7919 + seed) % 13) - ((y.rate * 7919 + seed) % 13));
        const b = segmentProfitability(shuffled);
        expect(b.map((r) => [r.dimension, r.key, r.bookings, r.roomNights])).toEqual(a.map((r) => [r.dimension, r.key, r.bookings, r.roomNights]));
        b.forEach((r, i) => expect(r.netContribution).toBeCloseTo(a[i]!.netContribution, 6));
      }),
      { numRuns: 60 },
    );
  });

  it('scaling every rate by k ≥ 0 with zero variable cost scales revenue and contribution by k', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { minLength: 1, maxLength: 20 }), fc.constantFrom(0, 0.5, 2, 4), (recs, k) => {
        const a = segmentProfitability(recs, { variableCostPerRoomNight: 0, by: ['segment'] });
        const b = segmentProfitability(recs.map((r) => ({ ...r, rate: r.rate * k })), { variableCostPerRoomNight: 0, by: ['segment'] });
        a.forEach((r, i) => {
          expect(b[i]!.revenue).toBeCloseTo(k * r.revenue, 6);
          expect(b[i]!.netContribution).toBeCloseTo(k * r.netContribution, 6);
        });
      }),
      { numRuns: 50 },
    );
  });
});
