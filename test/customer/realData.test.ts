/**
 * yieldcraft/customer on the real data: Antonio, de Almeida & Nunes (2019), "Hotel booking demand
 * datasets", Data in Brief 22, 41–49 (CC BY 4.0). Expected sums were computed independently in Python
 * over the raw CSV (csv.DictReader; the reader's rejections: zero nights, adr < 0 or > 5,000), quoted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  customerValue,
  customerValueBacktest,
  readHotelCustomersCsv,
  segmentProfitability,
  type CustomerRecord,
} from '../../src/customer/index.js';

const IN_REPO = fileURLToPath(new URL('../../data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
const DATA = existsSync(IN_REPO) ? IN_REPO : SHARED;
const haveData = existsSync(DATA);
if (!haveData) console.warn(`[customer] skipping the real-data tests: ${DATA} is missing`);

describe.skipIf(!haveData)('customer on the real hotel data (skipped when the file is missing)', () => {
  const records: CustomerRecord[] = haveData ? readHotelCustomersCsv(gunzipSync(readFileSync(DATA)).toString('utf8')).records : [];
  const city = records.filter((r) => r.property === 'City Hotel');

  it('reads the account columns: City Hotel has 63,809 usable bookings, agent 9 and company 40 among them', () => {
    expect(city.length).toBe(63_809);
    // python: rows kept by the reader with agent == '9' → 24,270; company == '40' → 799.
    expect(city.filter((r) => r.agent === '9').length).toBe(24_270);
    expect(city.filter((r) => r.company === '40').length).toBe(799);
    expect(city.filter((r) => r.previousStays !== undefined).length).toBe(63_809);
  });

  it('reproduces room-nights, revenue and net contribution by segment with the default cost model', () => {
    // python: for City Hotel rows kept by the reader, per market_segment: Check-Out nights,
    //   Σ nights·(adr·(1 − c) − 25) with c = {TA/TO: .18, GDS: .10, else 0}, minus the same for Canceled rows
    //   whose reservation_status_date is < 7 days before arrival and for No-Show rows:
    //   Corporate 3,917 room-nights, net 191,431.4526; Online TA 58,521, net 3,338,444.9434;
    //   Groups 9,914, net 373,575.6102. Total stayed: 108,679 room-nights, 10,935,817.35 EUR.
    const rows = segmentProfitability(city, { by: ['segment'] });
    const seg = (k: string) => rows.find((r) => r.key === k)!;
    expect(rows[0]!.roomNights).toBe(108_679);
    expect(rows[0]!.revenue).toBeCloseTo(10_935_817.35, 2);
    expect(seg('Corporate').roomNights).toBe(3_917);
    expect(seg('Corporate').netContribution).toBeCloseTo(191_431.4526, 3);
    expect(seg('Online TA').roomNights).toBe(58_521);
    expect(seg('Online TA').netContribution).toBeCloseTo(3_338_444.9434, 3);
    expect(seg('Groups').netContribution).toBeCloseTo(373_575.6102, 3);
  });

  it('account value fitted before 1 October 2016 forecasts six months of account bookings within 15 %, active accounts within 25 %, at both hotels', () => {
    // Fit on arrivals 2015-07-01 … 2016-09-30, compare with the six monthly periods that follow (docs/customer.md
    // has the tables). Fitted before 1 July 2016 the City Hotel forecast is 27 % short: its account bookings
    // grew 48 % year on year (12,897 in Jul–Dec 2015, 19,074 in Jul–Dec 2016), which a stationary model cannot see.
    for (const hotel of ['City Hotel', 'Resort Hotel']) {
      const h = records.filter((r) => r.property === hotel);
      const b = customerValueBacktest(h, { asOf: '2016-10-01', since: '2015-07-01', horizonDays: 180 });
      expect(b.status).toBe('ok');
      const periods = b.periods!;
      expect(periods.length).toBe(6);
      expect(periods.every((p) => p.complete)).toBe(true);
      const sum = (f: (p: (typeof periods)[number]) => number) => periods.reduce((s, p) => s + f(p), 0);
      const expected = sum((p) => p.expectedBookings);
      const actual = sum((p) => p.actualBookings);
      expect(Math.abs(expected - actual) / actual).toBeLessThan(0.15);
      const ea = sum((p) => p.expectedActive);
      const aa = sum((p) => p.actualActive);
      expect(Math.abs(ea - aa) / aa).toBeLessThan(0.25);
    }
  });

  it('guest repeat probability of transient guests fitted before 1 July 2016 is within 0.01 of the holdout', () => {
    const b = customerValueBacktest(city, { asOf: '2016-07-01', since: '2015-07-01', by: 'customerType', horizonDays: 300 });
    const t = b.groups!.find((g) => g.key === 'Transient')!;
    expect(Math.abs(t.fittedRepeatProbability - t.actualRepeatProbability)).toBeLessThan(0.01);
  });

  it('values every City Hotel account with finite numbers, the big agents above the occasional company', () => {
    const v = customerValue(city, { asOf: '2016-07-01', since: '2015-07-01' });
    expect(v.status).toBe('ok');
    for (const x of v.values) {
      expect(Number.isFinite(x.value)).toBe(true);
      expect(x.repeatProbability >= 0 && x.repeatProbability <= 1).toBe(true);
    }
    const top = [...v.values].sort((a, b) => b.value - a.value)[0]!;
    expect(top.key).toBe('agent:9');
  });
});
