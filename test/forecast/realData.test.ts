import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readHotelBookingsCsv, onTheBooks, gridValue } from '../../src/history/index.js';
import { forecastOccupancy } from '../../src/forecast/forecastOccupancy.js';
import { backtest } from '../../src/forecast/backtest.js';
import { cancellationRates } from '../../src/forecast/cancellationRates.js';
import { forecastProductDemand } from '../../src/forecast/forecastProductDemand.js';
import type { BookingRecord } from '../../src/history/bookingRecord.js';

// Antonio, de Almeida & Nunes (2019), "Hotel booking demand datasets", Data in Brief 22: 41–49
// (CC BY 4.0): 97,192 reservations of a city and a resort hotel in Portugal, arrivals 2015-07-01 …
// 2017-04-30. Kept outside the repository, in ../shared/data/hotel-bookings/.
const file = fileURLToPath(new URL('../../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
const present = existsSync(file);
if (!present) console.warn(`forecast real-data tests skipped: ${file} is missing (the shared hotel-bookings data set)`);

describe.skipIf(!present)('forecasting on the real hotel data (Antonio et al. 2019) — skipped when ../shared/data is absent', () => {
  let records: BookingRecord[] = [];
  const load = () => {
    if (records.length === 0) records = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8')).records;
    return records;
  };

  it('forecasts 30 nights of the City Hotel by segment, demand never below the floor, occupancy never above demand, on-the-books as history counts it', () => {
    const recs = load();
    const asOf = '2017-01-15';
    const f = forecastOccupancy(recs, { asOf, horizonDays: 30, property: 'City Hotel', by: 'segment', method: 'pickup-holt-winters' });
    expect(f.status).toBe('ok');
    const grid = onTheBooks(recs.filter((r) => r.property === 'City Hotel'), asOf);
    for (const n of f.nights) {
      expect(n.demand.mean).toBeGreaterThanOrEqual(n.floor);
      expect(n.mean).toBeLessThanOrEqual(n.demand.mean);
      expect(Number.isFinite(n.sd)).toBe(true);
      const expected = grid.keys.includes(n.segment!) && n.date >= grid.firstNight && n.date <= grid.lastNight ? gridValue(grid, n.date, n.segment) : 0;
      expect(n.onTheBooks).toBe(expected);
    }
  });

  it('beats the on-the-books baseline 7 and 30 days out in a rolling-origin backtest (4 origins, City Hotel)', () => {
    const r = backtest(load(), {
      method: ['pickup-holt-winters', 'naive-on-the-books'],
      asOfDates: ['2016-10-06', '2016-11-03', '2016-12-01', '2017-01-05'],
      horizons: [7, 30],
      property: 'City Hotel',
    });
    expect(r.origins).toBe(4);
    const [best, otb] = r.results;
    for (let i = 0; i < 2; i++) expect(best!.byLead[i]!.mae).toBeLessThan(otb!.byLead[i]!.mae);
  });

  it('finds show-up rates that fall with lead time (Online TA bookings made far ahead cancel more)', () => {
    const r = cancellationRates(load(), { asOf: '2017-01-01', property: 'City Hotel' });
    const ota = r.rates.filter((x) => x.segment === 'Online TA');
    expect(ota[0]!.showUpProbability).toBeGreaterThan(ota[ota.length - 1]!.showUpProbability);
    for (const x of r.rates) expect(x.showUpProbability).toBeGreaterThanOrEqual(0);
  });

  it('keeps every busy-season night within the estimated capacity (as of 2016-06-01, 90 nights, both hotels)', () => {
    // issue 9: before capacity was an input, 26 of the Resort Hotel's nights 30–59 days out and 24 of
    // those 60–89 days out were forecast above the most rooms it ever had occupied (187)
    for (const property of ['Resort Hotel', 'City Hotel']) {
      const f = forecastOccupancy(load(), { asOf: '2016-06-01', horizonDays: 90, property });
      expect(f.status).toBe('ok');
      expect(f.capacity.source).toBe('estimated');
      if (property === 'Resort Hotel') expect(f.capacity).toMatchObject({ rooms: 187, estimate: { night: '2016-03-25' } });
      expect(f.capacity.soldOutNights).toBeGreaterThan(0);
      for (const n of f.nights) {
        expect(n.mean).toBeLessThanOrEqual(f.capacity.rooms!);
        expect(n.demand.mean).toBeGreaterThanOrEqual(n.mean);
      }
      // sold-out nights were unconstrained: some demand lies above what the hotel can hold
      expect(f.nights.some((n) => n.demand.mean > f.capacity.rooms!)).toBe(true);
    }
  });

  it('produces per-product demand for two weeks of the Resort Hotel', () => {
    const d = forecastProductDemand(load(), { asOf: '2017-02-01', horizonDays: 14, property: 'Resort Hotel' });
    expect(d.status).toBe('ok');
    expect(d.products.length).toBeGreaterThan(50);
    expect(d.basis).toBe('gross');
    for (const p of d.products) {
      expect(p.cancellationRate).toBeGreaterThanOrEqual(0);
      expect(p.cancellationRate + p.noShowRate).toBeLessThanOrEqual(1);
    }
    // in summer the comparable nights were sold out: some products rest on censored samples
    const summer = forecastProductDemand(load(), { asOf: '2016-08-01', horizonDays: 7, property: 'Resort Hotel' });
    expect(summer.products.some((p) => p.censoredSamples > 0)).toBe(true);
  });
});
