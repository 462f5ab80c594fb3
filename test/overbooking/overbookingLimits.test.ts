import { describe, expect, it } from 'vitest';
import { overbookingLimit, overbookingLimits, riskBasedOverbookingLimit } from '../../src/overbooking/index.js';
import { pathOf } from '../errorPath.js';

const binomial = (probability: number) => ({ kind: 'binomial' as const, probability });
const nights = [
  { id: '2026-03-13', capacity: 120 },
  { id: '2026-03-14', capacity: 120 },
  { id: '2026-03-15', capacity: 80 },
];


describe('overbookingLimits(resources, options)', () => {
  it('gives each night the single-resource answer, with per-night fares', () => {
    const fare = { '2026-03-13': 140, '2026-03-14': 190, '2026-03-15': 110 };
    const r = overbookingLimits(nights, { fare, deniedServiceCost: 350, showUp: binomial(0.92) });
    expect(Object.keys(r)).toEqual(nights.map((n) => n.id));
    for (const n of nights)
      expect(r[n.id]).toEqual(
        overbookingLimit({ capacity: n.capacity, fare: fare[n.id as keyof typeof fare], deniedServiceCost: 350, showUp: binomial(0.92) }),
      );
  });

  it('applies the risk policy per night', () => {
    const r = overbookingLimits(nights, { policy: 'risk', showUp: binomial(0.9), maxDeniedProbability: 0.05 });
    expect(r['2026-03-15']).toEqual(riskBasedOverbookingLimit({ capacity: 80, showUp: binomial(0.9), maxDeniedProbability: 0.05 }));
  });

  it('an empty resource list gives an empty record', () => {
    expect(overbookingLimits([], { fare: 100, deniedServiceCost: 200, showUp: binomial(0.9) })).toEqual({});
  });

  it('names the offending field for unknown, missing and duplicate ids and bad values', () => {
    const base = { fare: 100, deniedServiceCost: 300, showUp: binomial(0.9) };
    expect(pathOf(() => overbookingLimits(nights, { ...base, fare: { '2026-03-13': 1, '2026-03-14': 1, '2026-03-15': 1, '2026-03-16': 1 } }))).toBe(
      'options.fare.2026-03-16',
    );
    expect(pathOf(() => overbookingLimits(nights, { ...base, fare: { '2026-03-13': 1, '2026-03-14': 1 } }))).toBe('options.fare.2026-03-15');
    expect(pathOf(() => overbookingLimits([nights[0]!, nights[0]!], base))).toBe('resources[1].id');
    expect(pathOf(() => overbookingLimits([{ id: 'x', capacity: -3 }], base))).toBe('resources[0].capacity');
    expect(pathOf(() => overbookingLimits(nights, { ...base, showUp: { '2026-03-13': binomial(0.9), '2026-03-14': binomial(2), '2026-03-15': binomial(0.9) } }))).toBe(
      'options.showUp.2026-03-14.probability',
    );
    expect(pathOf(() => overbookingLimits(nights, { ...base, deniedServiceCost: NaN }))).toBe('options.deniedServiceCost');
  });
});
