import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastOccupancy, OCCUPANCY_METHODS } from '../../src/forecast/forecastOccupancy.js';
import { forecastProductDemand } from '../../src/forecast/forecastProductDemand.js';
import { cappedNormal } from '../../src/forecast/internal/capacity.js';
import { addDays, toEpochDay } from '../../src/history/epochDay.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';
import { handBuiltHotel } from './fixtures.js';
import { independentMle } from './censoredMle.js';

const hotel = handBuiltHotel(90);
const asOf = '2016-03-01';

// ---- E[min(D, C)] against an independent numerical integral --------------------------------------
function cappedByQuadrature(mu: number, sigma: number, cap: number): { mean: number; sd: number } {
  // E[g(D)] for g(x) = min(x, C), by the trapezoid rule on a fine grid over μ ± 12σ
  const n = 40000;
  const a = mu - 12 * sigma;
  const h = (24 * sigma) / n;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i <= n; i++) {
    const x = a + i * h;
    const w = (i === 0 || i === n ? 0.5 : 1) * h * (Math.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI)));
    const g = Math.min(x, cap);
    m1 += w * g;
    m2 += w * g * g;
  }
  return { mean: m1, sd: Math.sqrt(m2 - m1 * m1) };
}

describe('occupancy = min(demand, capacity)', () => {
  it('has the mean and sd of min(D, C) for normal D, against a numerical integral', () => {
    for (const [mu, sigma, cap] of [
      [150, 20, 187],
      [200, 25, 187],
      [187, 10, 187],
      [40, 15, 30],
    ] as const) {
      const r = cappedNormal(mu, sigma, cap);
      const q = cappedByQuadrature(mu, sigma, cap);
      expect(r.mean).toBeCloseTo(q.mean, 6);
      expect(r.sd).toBeCloseTo(q.sd, 5);
    }
    expect(cappedNormal(210, 0, 187)).toEqual({ mean: 187, sd: 0 });
    expect(cappedNormal(210, 9, Infinity)).toEqual({ mean: 210, sd: 9 });
  });
});

// ---- capacity bounds on random histories ------------------------------------------------------------
const recordArb = fc
  .record({
    arrival: fc.integer({ min: 0, max: 80 }),
    lead: fc.integer({ min: 0, max: 40 }),
    nights: fc.integer({ min: 1, max: 4 }),
    rooms: fc.integer({ min: 1, max: 3 }),
    segment: fc.constantFrom('Direct', 'Online TA', 'Groups'),
    outcome: fc.constantFrom('stayed', 'stayed', 'stayed', 'cancelled', 'no-show'),
    cancelBefore: fc.integer({ min: 0, max: 40 }),
  })
  .map((r): BookingRecord => {
    const arrival = addDays('2016-01-01', r.arrival);
    const statusDate =
      r.outcome === 'cancelled' ? addDays(arrival, -Math.min(r.cancelBefore, r.lead)) : r.outcome === 'no-show' ? arrival : addDays(arrival, r.nights);
    return { bookingDate: addDays(arrival, -r.lead), arrivalDate: arrival, nights: r.nights, rooms: r.rooms, segment: r.segment, rate: 90, status: r.outcome, statusDate };
  });
const historyArb = fc.array(recordArb, { minLength: 40, maxLength: 140 });
const asOfArb = fc.integer({ min: 45, max: 70 }).map((k) => addDays('2016-01-01', k));
const capacityArb = fc.oneof(
  fc.constant('estimate' as const),
  fc.integer({ min: 1, max: 12 }),
  fc.record({ rooms: fc.integer({ min: 4, max: 12 }), ooo: fc.integer({ min: 0, max: 9 }), day: fc.integer({ min: 0, max: 9 }) }),
);

describe('forecastOccupancy with capacity: properties', () => {
  it('never forecasts occupancy above capacity on any night, nor demand below occupancy, by total or by segment', () => {
    fc.assert(
      fc.property(
        historyArb,
        asOfArb,
        fc.constantFrom(...OCCUPANCY_METHODS, 'auto' as const),
        fc.constantFrom('total', 'segment') as fc.Arbitrary<'total' | 'segment'>,
        capacityArb,
        (recs, d, method, by, c) => {
          const capacity =
            typeof c === 'object' ? { rooms: c.rooms, outOfOrder: { [addDays(d, c.day)]: Math.min(c.ooo, c.rooms) } } : c;
          const f = forecastOccupancy(recs, { asOf: d, horizonDays: 10, method, by, capacity });
          if (f.status !== 'ok') return;
          const total = new Map<string, number>();
          for (const n of f.nights) {
            expect(n.capacity).not.toBeNull();
            expect(n.mean).toBeLessThanOrEqual(n.demand.mean + 1e-9);
            expect(n.mean).toBeLessThanOrEqual(n.capacity! + 1e-9);
            expect(n.interval95[1]).toBeLessThanOrEqual(n.capacity! + 1e-9);
            expect(n.interval80[0]).toBeLessThanOrEqual(n.mean + 1e-9);
            expect(n.interval80[1]).toBeGreaterThanOrEqual(n.mean - 1e-9);
            expect(n.sd).toBeLessThanOrEqual(n.demand.sd + 1e-9);
            total.set(n.date, (total.get(n.date) ?? 0) + n.mean);
          }
          for (const n of f.nights) expect(total.get(n.date)!).toBeLessThanOrEqual(n.capacity! + 1e-9);
          if (typeof c === 'object') {
            const night = f.nights.find((n) => n.date === addDays(d, c.day))!;
            expect(night.capacity).toBe(c.rooms - Math.min(c.ooo, c.rooms));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaks no future information with capacity estimated, rooms out of order, unconstraining and events', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, fc.array(recordArb, { maxLength: 20 }), capacityArb, (recs, d, extra, c) => {
        const D = toEpochDay(d);
        const future = extra.map((r) => ({ ...r, bookingDate: d, arrivalDate: r.arrivalDate < d ? d : r.arrivalDate, statusDate: undefined, status: 'no-show' as const }));
        const rewritten = recs.map((r) =>
          r.bookingDate < d && r.statusDate !== undefined && toEpochDay(r.statusDate) >= D && toEpochDay(r.arrivalDate) >= D
            ? { ...r, status: 'cancelled' as const, statusDate: addDays(d, 2) }
            : r,
        );
        const capacity = typeof c === 'object' ? { rooms: c.rooms, outOfOrder: { [addDays(d, c.day)]: Math.min(c.ooo, c.rooms) } } : c;
        const events = [{ name: 'fair', start: addDays(d, 2), end: addDays(d, 4), effect: { kind: 'multiplicative' as const, factor: 1.5 } }];
        const opts = { asOf: d, horizonDays: 10, method: 'auto' as const, by: 'segment' as const, capacity, events, unconstrain: 'em' as const };
        expect(forecastOccupancy([...rewritten, ...future], opts)).toEqual(forecastOccupancy(recs, opts));
        const popts = { asOf: d, horizonDays: 10, window: 3, capacity, events, basis: 'net' as const };
        expect(forecastProductDemand([...rewritten, ...future], popts)).toEqual(forecastProductDemand(recs, popts));
      }),
      { numRuns: 25 },
    );
  });
});

describe('stale history', () => {
  it("returns 'stale-history' with the days since the last booking or cancellation, not zeros with 'ok'", () => {
    // the fixture's last bookings are for its last night (2016-03-30), the latest made the day before it
    const f = forecastOccupancy(hotel, { asOf: '2016-05-01', horizonDays: 7 });
    expect(f.status).toBe('stale-history');
    expect(f.historyEnds).toBe('2016-03-29');
    expect(f.staleDays).toBe(toEpochDay('2016-04-30') - toEpochDay('2016-03-29'));
    expect(f.nights).toEqual([]);
    const p = forecastProductDemand(hotel, { asOf: '2016-05-01', horizonDays: 7 });
    expect(p.status).toBe('stale-history');
    expect(p.staleDays).toBe(f.staleDays);
    // within maxStaleDays it is current
    expect(forecastOccupancy(hotel, { asOf: '2016-03-31', horizonDays: 7 }).status).toBe('ok');
    expect(forecastOccupancy(hotel, { asOf: '2016-05-01', horizonDays: 7, maxStaleDays: 40 }).status).toBe('ok');
  });
});

describe('unconstraining sold-out nights', () => {
  // Every night of week w has v[w] one-night, one-room bookings made 2 days ahead, all stayed; with
  // capacity 6 the weeks at 6 rooms were sold out, so those nights' counts are lower bounds.
  const v = [4, 6, 3, 5, 6, 2, 6, 5, 4, 6];
  const recs: BookingRecord[] = [];
  v.forEach((k, w) => {
    for (let d = 0; d < 7; d++) {
      const n = addDays('2016-01-04', 7 * w + d);
      for (let j = 0; j < k; j++) recs.push({ bookingDate: addDays(n, -2), arrivalDate: n, nights: 1, rooms: 1, segment: 'S', rate: 80, status: 'stayed' });
    }
  });
  const D = addDays('2016-01-04', 70);

  it('gives per-product demand the censored-normal MLE of the comparable nights (an independent fit in the test)', () => {
    const d = forecastProductDemand(recs, { asOf: D, horizonDays: 5, capacity: 6 });
    expect(d.status).toBe('ok');
    const p = d.products.find((x) => x.arrivalDate === addDays(D, 3))!;
    // comparable nights: the same weekday in weeks 9, 8, …, 2 (values 6, 4, 5, 6, 2, 6, 5, 3)
    const obs = [9, 8, 7, 6, 5, 4, 3, 2].map((w) => ({ value: v[w]!, censored: v[w] === 6 }));
    const ref = independentMle(obs, { mu: [0, 12], sigma: [0.2, 6] });
    expect(p.censoredSamples).toBe(3);
    expect((p.demand as { mean: number }).mean).toBeCloseTo(ref.mu, 3);
    const variance = p.demand.kind === 'normal' ? p.demand.sd ** 2 : (p.demand as { variance: number }).variance;
    expect(variance).toBeCloseTo(ref.sigma ** 2, 2);
    // the naive mean of the lower bounds is smaller
    expect(ref.mu).toBeGreaterThan(obs.reduce((s, o) => s + o.value, 0) / obs.length);
    // without unconstraining: the sample mean
    const naive = forecastProductDemand(recs, { asOf: D, horizonDays: 5, capacity: 6, unconstrain: 'none' });
    expect((naive.products.find((x) => x.arrivalDate === addDays(D, 3))!.demand as { mean: number }).mean).toBeCloseTo(37 / 8, 12);
  });

  it('raises the occupancy forecast’s demand above the occupied rooms, and caps occupancy at capacity', () => {
    const f = forecastOccupancy(recs, { asOf: D, horizonDays: 7, capacity: 6, method: 'naive-seasonal' });
    expect(f.capacity).toMatchObject({ source: 'given', rooms: 6, soldOutNights: 28 - 7 });
    expect(f.unconstrainedNights).toBeGreaterThan(0);
    // the latest same weekday (week 9) was sold out at 6: its demand is unconstrained above 6
    for (const n of f.nights) {
      expect(n.demand.mean).toBeGreaterThan(6);
      expect(n.mean).toBeLessThanOrEqual(6);
    }
  });
});

describe('forecastProductDemand: netting, rates and events', () => {
  it('states cancellation rates, worked by hand on the fixture, and nets them with basis net', () => {
    // lead 25 of a weekday: A (10 days ahead), B (3), C (1), X (20, cancelled) → 1 of 4 rooms cancelled
    const g = forecastProductDemand(hotel, { asOf, horizonDays: 30, capacity: 'none' });
    expect(g.basis).toBe('gross');
    const at = (d: typeof g, lead: number) => d.products.find((p) => p.arrivalDate === addDays(asOf, lead) && p.segment === 'Transient')!;
    const wd = [22, 23, 24, 25, 26].find((L) => new Date(addDays(asOf, L)).getUTCDay() !== 6)!;
    expect(at(g, wd).cancellationRate).toBeCloseTo(0.25, 12);
    expect(at(g, wd).noShowRate).toBe(0);
    expect(at(g, wd).demand).toEqual({ kind: 'normal', mean: 4, sd: 0 });
    // lead 11: A, B, C only → nothing cancels
    expect(at(g, 11).cancellationRate).toBe(0);
    const n = forecastProductDemand(hotel, { asOf, horizonDays: 30, capacity: 'none', basis: 'net' });
    expect(n.basis).toBe('net');
    // binomial thinning of a constant 4 with q = 0.75: mean 3, variance 4·0.75·0.25 = 0.75
    expect(at(n, wd).demand).toEqual({ kind: 'normal', mean: 3, sd: Math.sqrt(0.75) });
  });

  it('applies calendar events to arrival nights: a factor scales, an additive shift is shared in proportion', () => {
    const base = forecastProductDemand(hotel, { asOf, horizonDays: 14, capacity: 'none' });
    const night = addDays(asOf, 4); // a Saturday: Transient and Group products
    const ev = forecastProductDemand(hotel, {
      asOf,
      horizonDays: 14,
      capacity: 'none',
      events: [
        { name: 'x2', start: night, end: night, effect: { kind: 'multiplicative', factor: 2 } },
        { name: '+3', start: night, end: night, effect: { kind: 'additive', rooms: 3 } },
      ],
    });
    const mean = (d: typeof base, s: string) => (d.products.find((p) => p.arrivalDate === night && p.segment === s)!.demand as { mean: number }).mean;
    const t = mean(base, 'Transient');
    const g = mean(base, 'Group');
    const M = 2 * (t + g);
    expect(mean(ev, 'Transient')).toBeCloseTo((2 * t * (M + 3)) / M, 12);
    expect(mean(ev, 'Group')).toBeCloseTo((2 * g * (M + 3)) / M, 12);
    expect(ev.products.find((p) => p.arrivalDate === night)!.events).toEqual(['x2', '+3']);
    expect(ev.products.filter((p) => p.arrivalDate !== night)).toEqual(base.products.filter((p) => p.arrivalDate !== night));
  });
});
