import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerMix, type CustomerRecord } from '../../src/customer/index.js';
import { hotelNetwork } from '../../src/model/hotel.js';
import { pathOf } from '../errorPath.js';

const hotel = hotelNetwork({
  nights: [
    { date: '2016-07-01', capacity: 10 },
    { date: '2016-07-02', capacity: 10 },
    { date: '2016-07-03', capacity: 10 },
  ],
  rates: [
    { id: 'CORP', price: 150, variableCost: 25, segment: 'Corporate' },
    { id: 'TO', price: 80, commission: 0.2, variableCost: 25, segment: 'Tour operators' },
  ],
  maxLengthOfStay: 2,
  demand: () => 3,
});
const records: CustomerRecord[] = [
  // A tour-operator stay across the period's start: nights 30 Jun, 1 Jul → one night inside.
  { bookingDate: '2016-03-01', arrivalDate: '2016-06-30', nights: 2, rooms: 4, segment: 'Offline TA/TO', channel: 'TA/TO', rate: 80, status: 'stayed' },
  { bookingDate: '2016-06-01', arrivalDate: '2016-07-02', nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate: 140, status: 'stayed', ancillarySpend: 10 },
  { bookingDate: '2016-06-01', arrivalDate: '2016-07-02', nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate: 140, status: 'cancelled' },
];

describe('customerMix', () => {
  it('counts the optimiser’s room-nights and contribution inside the period, spreading a stay’s fare over its nights', () => {
    // Period = 2 and 3 July. CORP 1-night on 2 Jul: 2 stays → 2 room-nights, 2·125 = 250.
    // TO 2-night from 1 Jul (fare 2·(64 − 25) = 78): 3 stays, 1 of 2 nights inside → 3 room-nights, 3·78/2 = 117.
    const mix = customerMix({
      network: hotel,
      allocation: { '2016-07-02/1n/CORP': 2, '2016-07-01/2n/TO': 3, '2016-07-01/1n/CORP': 5 },
      records,
      from: '2016-07-02',
      to: '2016-07-03',
    }, { segmentMap: { 'Offline TA/TO': 'Tour operators' } });
    const row = (s: string) => mix.segments.find((r) => r.segment === s)!;
    expect(row('Corporate').optimiser.roomNights).toBe(2);
    expect(row('Corporate').optimiser.contribution).toBe(250);
    expect(row('Tour operators').optimiser.roomNights).toBe(3);
    expect(row('Tour operators').optimiser.contribution).toBeCloseTo(117, 10);
    expect(mix.optimiser.roomNights).toBe(5);
    expect(row('Corporate').optimiser.share).toBeCloseTo(0.4, 12);
    // Actual: the corporate stay on 2 Jul (140 − 25 + 10 ancillary = 125); the cancellation and the tour
    // operator's nights (30 Jun, 1 Jul) fall outside or earn nothing.
    expect(row('Corporate').actual).toEqual({ roomNights: 1, share: 1, contribution: 125, contributionPerRoomNight: 125 });
    expect(row('Tour operators').actual.roomNights).toBe(0);
  });

  it('maps history segments with segmentMap and counts a stay across the period start by its nights inside', () => {
    const mix = customerMix({ network: hotel, allocation: {}, records, from: '2016-07-01', to: '2016-07-01' },
      { segmentMap: { 'Offline TA/TO': 'Tour operators' } });
    const to = mix.segments.find((r) => r.segment === 'Tour operators')!;
    expect(to.actual.roomNights).toBe(4);
    expect(to.actual.contribution).toBeCloseTo(4 * (80 * 0.82 - 25), 10);
    expect(mix.optimiser.roomNights).toBe(0);
  });

  it('rejects unknown products, negative allocations, products without a segment and a reversed period', () => {
    const base = { network: hotel, records, from: '2016-07-01', to: '2016-07-03' };
    expect(pathOf(() => customerMix({ ...base, allocation: { nope: 1 } }))).toBe('input.allocation["nope"]');
    expect(pathOf(() => customerMix({ ...base, allocation: { '2016-07-01/1n/CORP': -1 } }))).toBe('input.allocation["2016-07-01/1n/CORP"]');
    expect(pathOf(() => customerMix({ ...base, from: '2016-07-04', allocation: {} }))).toBe('input.to');
    expect(
      pathOf(() => customerMix({ ...base, network: { products: [{ id: 'x', fare: 1, resources: ['2016-07-01'] }] }, allocation: { x: 1 } })),
    ).toBe('input.network.products[0].segment');
    expect(pathOf(() => customerMix({ ...base, allocation: {}, records: [{ ...records[0]!, nights: 0 }] }))).toBe('input.records[0].nights');
  });

  it('shares sum to 1 on each side that sold anything, and segment rows add up to the totals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: hotel.products.length, maxLength: hotel.products.length }), (xs) => {
        const allocation = Object.fromEntries(hotel.products.map((p, i) => [p.id, xs[i]!]));
        const mix = customerMix({ network: hotel, allocation, records, from: '2016-07-01', to: '2016-07-03' });
        const rn = mix.segments.reduce((s, r) => s + r.optimiser.roomNights, 0);
        const c = mix.segments.reduce((s, r) => s + r.optimiser.contribution, 0);
        expect(rn).toBe(mix.optimiser.roomNights);
        expect(c).toBeCloseTo(mix.optimiser.contribution, 8);
        // Every stay of this hotel lies inside the period: room-nights = Σ x_j L_j, contribution = Σ x_j f_j.
        expect(rn).toBe(hotel.products.reduce((s, p, i) => s + xs[i]! * p.lengthOfStay, 0));
        expect(c).toBeCloseTo(hotel.products.reduce((s, p, i) => s + xs[i]! * p.fare, 0), 8);
        if (rn > 0) expect(mix.segments.reduce((s, r) => s + r.optimiser.share, 0)).toBeCloseTo(1, 12);
      }),
      { numRuns: 60 },
    );
  });
});
