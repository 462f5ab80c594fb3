import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hotelNetwork, hotelProductId, parseNetwork, YieldInputError, type HotelInput } from '../../src/model/index.js';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function errorOf(f: () => unknown): YieldInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof YieldInputError) return e;
    throw e;
  }
  throw new Error('expected a YieldInputError');
}

const week = (capacity = 100) =>
  ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'].map((date) => ({
    date,
    capacity,
  }));

const base: HotelInput = {
  nights: week(),
  rates: [
    { id: 'BAR', price: 180, commission: 0.1, segment: 'transient' },
    { id: 'CORP', contribution: 120, segment: 'corporate' },
  ],
  maxLengthOfStay: 3,
  demand: (_a, los, rate) => (rate.id === 'BAR' ? 30 / los : 10),
};

describe('hotelNetwork(input)', () => {
  it('makes one resource per night and one product per arrival × length × rate, inside the horizon', () => {
    const h = hotelNetwork(base);
    expect(h.resources.map((r) => r.id)).toEqual(base.nights.map((n) => n.date));
    // Arrivals Mon..Fri allow 3 lengths, Sat 2 (Sat, Sun), Sun 1: (5·3 + 2 + 1) · 2 rates = 36 stays.
    expect(h.products).toHaveLength(36);
    expect(h.products[0]!.id).toBe('2026-03-09/1n/BAR');
    expect(h.products.at(-1)!.id).toBe('2026-03-15/1n/CORP');
    expect(h.products.some((p) => p.id === '2026-03-14/3n/BAR')).toBe(false); // would run past Sunday
  });

  it('values a stay at nights × per-night contribution (180 less 10 % commission = 162 a night)', () => {
    const h = hotelNetwork(base);
    const p = h.products.find((x) => x.id === '2026-03-10/3n/BAR')!;
    expect(p.fare).toBeCloseTo(3 * 162, 10);
    expect(p.resources).toEqual(['2026-03-10', '2026-03-11', '2026-03-12']);
    expect(p).toMatchObject({ arrival: '2026-03-10', lengthOfStay: 3, ratePlan: 'BAR', segment: 'transient' });
    expect(p.pricePerNight).toBe(180);
    expect(p.demand).toBe(10);
    const corp = h.products.find((x) => x.id === '2026-03-10/2n/CORP')!;
    expect(corp.fare).toBe(240);
    expect(corp.pricePerNight).toBeUndefined();
  });

  it('spreads a per-booking fee over the nights of the stay (100 − 30/3 = 90 a night, 270 a stay)', () => {
    const h = hotelNetwork({ ...base, rates: [{ id: 'OTA', price: 100, feePerBooking: 30 }] });
    expect(h.products.find((x) => x.id === '2026-03-09/3n/OTA')!.fare).toBeCloseTo(270, 10);
    expect(h.products.find((x) => x.id === '2026-03-09/1n/OTA')!.fare).toBeCloseTo(70, 10);
  });

  it('is a valid Network for parseNetwork', () => {
    expect(() => parseNetwork(hotelNetwork(base))).not.toThrow();
  });

  it('reads demand from a function, a table keyed by product id, or a list of rows, alike', () => {
    const f = hotelNetwork({ ...base, demand: (a, los, r) => (a === '2026-03-10' && los === 2 && r.id === 'BAR' ? 7 : 0) });
    const t = hotelNetwork({ ...base, demand: { '2026-03-10/2n/BAR': 7 } });
    const rows = hotelNetwork({ ...base, demand: [{ arrival: '2026-03-10', lengthOfStay: 2, rate: 'BAR', demand: 7 }] });
    expect(t).toEqual(f);
    expect(rows).toEqual(f);
    expect(f.products.find((p) => p.id === '2026-03-10/2n/BAR')!.demand).toBe(7);
  });

  it('keeps zero-demand stays unless dropZeroDemand is set', () => {
    const input = { ...base, demand: { '2026-03-10/2n/BAR': { kind: 'poisson', mean: 4 } as const } };
    expect(hotelNetwork(input).products).toHaveLength(36);
    const dropped = hotelNetwork(input, { dropZeroDemand: true });
    expect(dropped.products.map((p) => p.id)).toEqual(['2026-03-10/2n/BAR']);
  });

  it('names products readably', () => {
    expect(hotelProductId('2026-03-14', 3, 'BAR')).toBe('2026-03-14/3n/BAR');
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(structuredClone({ ...base, demand: { '2026-03-10/2n/BAR': 7 } }));
    const copy = structuredClone(input);
    hotelNetwork(input);
    expect(input).toEqual(copy);
  });

  it('scales every fare by k when every price is scaled by k (no fixed costs)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (k, price) => {
        const a = hotelNetwork({ ...base, rates: [{ id: 'BAR', price, commission: 0.15 }] });
        const b = hotelNetwork({ ...base, rates: [{ id: 'BAR', price: price * k, commission: 0.15 }] });
        a.products.forEach((p, j) => expect(b.products[j]!.fare).toBeCloseTo(p.fare * k, 6));
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same stays, in rate order, whatever the order of the rate plans', () => {
    const swapped = hotelNetwork({ ...base, rates: [base.rates[1]!, base.rates[0]!] });
    const byId = (h: ReturnType<typeof hotelNetwork>) =>
      Object.fromEntries(h.products.map((p) => [p.id, { fare: p.fare, demand: p.demand, resources: p.resources }]));
    expect(byId(swapped)).toEqual(byId(hotelNetwork(base)));
  });
});

describe('hotelNetwork(input) rejects bad input naming the field', () => {
  const cases: [string, () => unknown, string, string][] = [
    ['nights out of order', () => hotelNetwork({ ...base, nights: [week()[1]!, week()[0]!] }), 'nights[1].date', 'unsorted'],
    ['a gap between nights', () => hotelNetwork({ ...base, nights: [week()[0]!, week()[2]!] }), 'nights[1].date', 'invalid'],
    ['a date that does not exist', () => hotelNetwork({ ...base, nights: [{ date: '2026-02-30', capacity: 1 }] }), 'nights[0].date', 'invalid'],
    ['a negative capacity', () => hotelNetwork({ ...base, nights: [{ date: '2026-03-09', capacity: -1 }] }), 'nights[0].capacity', 'invalid'],
    ['a fractional capacity', () => hotelNetwork({ ...base, nights: [{ date: '2026-03-09', capacity: 1.5 }] }), 'nights[0].capacity', 'invalid'],
    ['no nights', () => hotelNetwork({ ...base, nights: [] }), 'nights', 'empty'],
    ['a NaN price', () => hotelNetwork({ ...base, rates: [{ id: 'BAR', price: Number.NaN }] }), 'rates[0].price', 'invalid'],
    ['a commission above 1', () => hotelNetwork({ ...base, rates: [{ id: 'BAR', price: 100, commission: 1.5 }] }), 'rates[0].commission', 'invalid'],
    ['a rate with neither price nor contribution', () => hotelNetwork({ ...base, rates: [{ id: 'BAR' }] }), 'rates[0]', 'invalid'],
    [
      'costs beside a net contribution',
      () => hotelNetwork({ ...base, rates: [{ id: 'BAR', contribution: 90, commission: 0.1 }] }),
      'rates[0].commission',
      'inconsistent',
    ],
    ['a duplicate rate id', () => hotelNetwork({ ...base, rates: [{ id: 'A', price: 1 }, { id: 'A', price: 2 }] }), 'rates[1].id', 'inconsistent'],
    [
      'a rate that loses money on a stay',
      () => hotelNetwork({ ...base, rates: [{ id: 'OTA', price: 50, variableCost: 60 }] }),
      'rates[0]',
      'invalid',
    ],
    ['maxLengthOfStay 0', () => hotelNetwork({ ...base, maxLengthOfStay: 0 }), 'maxLengthOfStay', 'invalid'],
    ['an unknown stay in a demand table', () => hotelNetwork({ ...base, demand: { '2026-03-14/3n/BAR': 2 } }), 'demand["2026-03-14/3n/BAR"]', 'unknown-reference'],
    [
      'an unknown rate in a demand row',
      () => hotelNetwork({ ...base, demand: [{ arrival: '2026-03-09', lengthOfStay: 1, rate: 'XXX', demand: 1 }] }),
      'demand[0].rate',
      'unknown-reference',
    ],
    [
      'an unknown arrival in a demand row',
      () => hotelNetwork({ ...base, demand: [{ arrival: '2026-04-01', lengthOfStay: 1, rate: 'BAR', demand: 1 }] }),
      'demand[0].arrival',
      'unknown-reference',
    ],
    [
      'a negative demand from the function',
      () => hotelNetwork({ ...base, demand: () => -1 }),
      'demand(2026-03-09/1n/BAR)',
      'invalid',
    ],
    [
      'a NaN demand sd in a table',
      () => hotelNetwork({ ...base, demand: { '2026-03-09/1n/BAR': { kind: 'normal', mean: 3, sd: Number.NaN } } }),
      'demand["2026-03-09/1n/BAR"].sd',
      'invalid',
    ],
  ];
  it.each(cases)('%s', (_name, f, path, code) => {
    const e = errorOf(f);
    expect(e.path).toBe(path);
    expect(e.code).toBe(code);
  });
});
