/** The @example blocks of src/customer, run as written (their `// =>` lines are the expected values). */
import { describe, expect, it } from 'vitest';
import {
  customerMix,
  customerValue,
  customerValueBacktest,
  createValueBreakdown,
  readHotelCustomersCsv,
  requestValue,
  segmentProfitability,
  valueAtRiskTable,
} from '../../src/customer/index.js';

describe('doc examples of yieldcraft/customer', () => {
  it('readHotelCustomersCsv', () => {
    const csv =
      'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_day_of_month,' +
      'stays_in_weekend_nights,stays_in_week_nights,market_segment,adr,reservation_status,' +
      'reservation_status_date,agent,company,previous_bookings_not_canceled,previous_cancellations\n' +
      'City Hotel,0,30,2016,March,1,0,2,Corporate,95.5,Check-Out,2016-03-03,NULL,40,2,0\n';
    const r = readHotelCustomersCsv(csv).records[0]!;
    expect([r.company, r.agent, r.previousStays, r.previousCancellations]).toEqual(['40', undefined, 2, 0]);
  });

  it('segmentProfitability', () => {
    const rows = segmentProfitability(
      [
        { bookingDate: '2016-05-01', arrivalDate: '2016-06-01', nights: 2, rooms: 1, segment: 'Corporate',
          channel: 'Corporate', rate: 100, status: 'stayed', company: '40' },
        { bookingDate: '2016-05-01', arrivalDate: '2016-06-01', nights: 2, rooms: 1, segment: 'Online TA',
          channel: 'TA/TO', rate: 100, status: 'cancelled', statusDate: '2016-05-30' },
      ],
      { by: ['segment'], variableCostPerRoomNight: 20 },
    );
    const got = rows.map((r) => [r.key, r.contribution, r.cancellationCost]);
    expect(got.map((x) => x[0])).toEqual(['all', 'Corporate', 'Online TA']);
    expect(got[0]![1]).toBe(160);
    expect(got[0]![2]).toBeCloseTo(124, 10);
    expect(got[1]!.slice(1)).toEqual([160, 0]);
    expect(got[2]![1]).toBe(0);
    expect(got[2]![2]).toBeCloseTo(124, 10);
  });

  it('customerValue', () => {
    const stay = (arrivalDate: string, company: string) => ({ bookingDate: '2015-12-01', arrivalDate,
      nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate: 125, status: 'stayed' as const, company });
    const r = customerValue(
      [stay('2016-01-10', '40'), stay('2016-04-10', '40'), stay('2016-07-10', '40'), stay('2016-10-10', '40'),
       stay('2016-01-12', '7')],
      { asOf: '2016-12-31', since: '2016-01-01', periodDays: 91, maxRecency: 1, discountRate: 0, horizonDays: 91, priorStrength: 0 },
    );
    if (r.model.kind !== 'recency-markov-chain') throw new Error('account model expected');
    expect(r.model.transitions.map((t) => t.probability)).toEqual([0.75, 0]);
    expect(r.values.map((v) => [v.key, v.repeatProbability, v.value])).toEqual([['company:7', 0, 0], ['company:40', 1, 100]]);
  });

  it('customerValueBacktest', () => {
    const stay = (arrivalDate: string) => ({ bookingDate: '2015-12-01', arrivalDate, nights: 1, rooms: 1,
      segment: 'Corporate', rate: 100, status: 'stayed' as const, company: '40' });
    const b = customerValueBacktest([stay('2016-01-10'), stay('2016-04-10'), stay('2016-07-10')],
      { asOf: '2016-07-01', since: '2016-01-01', periodDays: 91, horizonDays: 91 });
    expect(b.periods!.map((p) => [p.expectedActive, p.actualActive])).toEqual([[1, 1]]);
  });

  it('customerMix', () => {
    const mix = customerMix({
      network: { products: [
        { id: 'a', fare: 200, resources: ['2016-07-01', '2016-07-02'], segment: 'Corporate' },
        { id: 'b', fare: 60, resources: ['2016-07-01'], segment: 'Groups' } ] },
      allocation: { a: 3, b: 4 },
      records: [{ bookingDate: '2016-06-01', arrivalDate: '2016-07-01', nights: 1, rooms: 10,
        segment: 'Groups', channel: 'Direct', rate: 60, status: 'stayed' }],
      from: '2016-07-01', to: '2016-07-01',
    });
    expect(mix.segments.map((s) => [s.segment, s.optimiser.roomNights, s.optimiser.contribution, s.actual.roomNights,
      s.actual.contribution])).toEqual([['Corporate', 3, 300, 0, 0], ['Groups', 4, 240, 10, 350]]);
  });

  it('valueAtRiskTable / requestValue', () => {
    const table = valueAtRiskTable({ accounts: { 'company:40': 5000 } }, { refusalLossShare: 0.1 });
    const b = createValueBreakdown();
    expect(requestValue(table, { product: 'x', quantity: 2, account: 'company:40' }, 180, b)).toBe(430);
    expect(b).toEqual({ value: 430, contributionNow: 180, valueAtRisk: 250, source: 'account' });
  });
});
