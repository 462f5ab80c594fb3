/**
 * The history functions on the real data: Antonio, de Almeida & Nunes (2019), "Hotel booking demand
 * datasets", Data in Brief 22, 41–49 (CC BY 4.0), arrivals 2015-07-01 … 2017-04-30. Expected numbers were
 * computed independently with awk over the raw CSV (calendar arithmetic by mktime at noon, rounding day
 * differences to the nearest integer), excluding the rows the reader rejects; the awk programs are quoted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bookingCurves,
  bookingTable,
  censoring,
  curveValue,
  gridValue,
  historyAsOf,
  occupancyByNight,
  onTheBooks,
  readHotelBookingsCsv,
  type BookingRecord,
} from '../../src/history/index.js';

const DATA = fileURLToPath(
  new URL('../../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url),
);
const haveData = existsSync(DATA);
if (!haveData) console.warn(`[history] skipping the real-data tests: ${DATA} is missing`);

describe.skipIf(!haveData)('history on the real hotel data (skipped when the file is missing)', () => {
  const records: BookingRecord[] = haveData ? readHotelBookingsCsv(gunzipSync(readFileSync(DATA)).toString('utf8')).records : [];
  const resort = records.filter((r) => r.property === 'Resort Hotel');
  const city = records.filter((r) => r.property === 'City Hotel');

  it('occupancy adds up to the room-nights and room revenue of the stays, per hotel', () => {
    // awk -F, 'NR>1 && $31=="Check-Out" && $8+$9>0 && $28>=0 && $28<=5000 { rn[$1]+=$8+$9; rev[$1]+=($8+$9)*$28 }'
    //   Resort Hotel 98,039 room-nights, 8,512,860.48 EUR; City Hotel 108,679 room-nights, 10,935,817.35 EUR.
    const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
    expect(sum(occupancyByNight(resort).total)).toBe(98_039);
    expect(sum(occupancyByNight(city).total)).toBe(108_679);
    expect(sum(occupancyByNight(resort, { measure: 'revenue' }).total)).toBeCloseTo(8_512_860.48, 2);
    expect(sum(occupancyByNight(city, { measure: 'revenue' }).total)).toBeCloseTo(10_935_817.35, 2);
  });

  it('reproduces one night by hand: 15 August 2016 (occupancy, books as of 1 August, curve at 14 days out)', () => {
    // awk, for night n = 2016-08-15 and D = 2016-08-01, rows covering n (arrival ≤ n < arrival + nights):
    //   occupancy: Check-Out rows → Resort 179, City 212;
    //   on the books as of D: booked before D (arrival − lead < D) and not (Canceled/No-Show with status date < D)
    //     → Resort 175, City 193;
    //   booking curve at DBA 14 (close of D): booked ≤ D and not cancelled ≤ D → Resort 175, City 197.
    for (const [rs, occ, otb, bc14] of [
      [resort, 179, 175, 175],
      [city, 212, 193, 197],
    ] as const) {
      const t = bookingTable(rs);
      expect(gridValue(occupancyByNight(t), '2016-08-15')).toBe(occ);
      expect(gridValue(onTheBooks(t, '2016-08-01'), '2016-08-15')).toBe(otb);
      expect(curveValue(bookingCurves(t, { maxDba: 30 }), '2016-08-15', 14)).toBe(bc14);
    }
  });

  it('booking curves at DBA 0 equal occupancy on every night (no cancellation in the data is dated after arrival)', () => {
    for (const rs of [resort, city]) {
      const range = { firstNight: '2015-07-01', lastNight: '2017-04-29', maxDba: 60 };
      const c = bookingCurves(rs, range);
      const o = occupancyByNight(rs, range);
      let mismatches = 0;
      for (let t = 0; t < c.days; t++) if (c.total[t * 61] !== o.total[t]) mismatches++;
      expect(mismatches).toBe(0);
    }
  });

  it('occupancy is plausible: rooms in use every night, busier in August than in January, the resort more seasonal', () => {
    const range = { firstNight: '2015-07-01', lastNight: '2017-04-29' };
    const mean = (rs: BookingRecord[], month: string) => {
      const g = occupancyByNight(rs, range);
      let s = 0;
      let n = 0;
      for (let t = 0; t < g.days; t++) {
        const night = new Date(Date.parse(`${g.firstNight}T00:00:00Z`) + t * 86_400_000).toISOString();
        if (night.slice(5, 7) === month) {
          s += g.total[t]!;
          n++;
        }
      }
      return s / n;
    };
    for (const rs of [resort, city]) expect(Math.min(...occupancyByNight(rs, range).total)).toBeGreaterThan(0);
    const resortRatio = mean(resort, '08') / mean(resort, '01');
    const cityRatio = mean(city, '08') / mean(city, '01');
    expect(resortRatio).toBeGreaterThan(1.5);
    expect(cityRatio).toBeGreaterThan(1.2);
    expect(resortRatio).toBeGreaterThan(cityRatio);
    // Neither hotel ever holds more than a few hundred rooms a night.
    expect(Math.max(...occupancyByNight(resort, range).total)).toBeLessThan(300);
    expect(Math.max(...occupancyByNight(city, range).total)).toBeLessThan(300);
  });

  it('historyAsOf(records, 2016-06-01) knows only earlier bookings and earlier outcomes', () => {
    const asOf = '2016-06-01';
    const h = historyAsOf(records, asOf);
    expect(h.length).toBe(records.filter((r) => r.bookingDate < asOf).length);
    const leaks = h.filter((r) => !(r.bookingDate < asOf) || (r.statusDate !== undefined && !(r.statusDate < asOf)));
    expect(leaks).toEqual([]);
    const stayed = h.filter((r) => r.status === 'stayed').length;
    const active = h.filter((r) => r.status === 'active').length;
    expect(stayed).toBeGreaterThan(0);
    expect(active).toBeGreaterThan(0); // future arrivals on the books that morning
    expect(h.every((r) => r.status !== 'stayed' || r.arrivalDate < asOf)).toBe(true);
  });

  it('marks sold-out nights against a capacity: the busiest night is censored at least from DBA 0', () => {
    const range = { firstNight: '2015-07-01', lastNight: '2017-04-29' };
    const occ = occupancyByNight(resort, range).total;
    const peak = Math.max(...occ);
    const m = censoring(resort, { ...range, capacity: peak, maxDba: 365 });
    for (let t = 0; t < m.days; t++) if (occ[t] === peak) expect(m.soldOutDba[t]).toBeGreaterThanOrEqual(0);
    const marked = Array.from(m.soldOutDba).filter((d) => d >= 0).length;
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(m.days / 4);
  });

  it('builds a table, a year of booking curves by segment and the books as of a date in well under a second per hotel', () => {
    const t0 = performance.now();
    const t = bookingTable(city);
    bookingCurves(t, { maxDba: 365, firstNight: '2016-05-01', lastNight: '2017-04-30' });
    onTheBooks(t, '2017-01-01');
    occupancyByNight(t);
    expect(performance.now() - t0).toBeLessThan(2000); // measured ≈ 200 ms; generous on a shared machine
  });
});
