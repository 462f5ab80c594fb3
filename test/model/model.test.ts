import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  contribution,
  parseNetwork,
  safeParseDemand,
  validateFareClasses,
  YieldInputError,
} from '../../src/model/index.js';

describe('contribution(input)', () => {
  it('nets commission and variable cost and adds ancillary spend (200·0.82 − 25 + 15 = 154)', () => {
    expect(contribution({ price: 200, commission: 0.18, variableCost: 25, ancillarySpend: 15 })).toBeCloseTo(154, 12);
  });
  it('spreads a per-booking fee over the units of the booking', () => {
    expect(contribution({ price: 100, feePerBooking: 12, units: 3 })).toBe(96);
  });
  it('rejects a commission outside [0, 1] naming the field', () => {
    expect(() => contribution({ price: 100, commission: 1.2 })).toThrowError(YieldInputError);
    try {
      contribution({ price: 100, commission: 1.2 });
    } catch (e) {
      expect((e as YieldInputError).path).toBe('commission');
    }
  });
  it('rejects NaN price', () => {
    expect(() => contribution({ price: Number.NaN })).toThrow(/price: must be a finite number/);
  });
  it('rejects a missing input with a YieldInputError, not a TypeError', () => {
    expect(() => contribution(null as never)).toThrowError(YieldInputError);
    expect(() => contribution(undefined as never)).toThrowError(YieldInputError);
  });
  it('is linear in price with slope 1 − commission', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, c) => {
        const a = contribution({ price: p, commission: c });
        const b = contribution({ price: p + 1, commission: c });
        expect(b - a).toBeCloseTo(1 - c, 6);
      }),
    );
  });
});

describe('validateFareClasses(classes)', () => {
  it('rejects fares out of order naming the class', () => {
    expect(() =>
      validateFareClasses([
        { fare: 100, demand: { kind: 'poisson', mean: 3 } },
        { fare: 120, demand: { kind: 'poisson', mean: 3 } },
      ]),
    ).toThrow(/classes\[1\]\.fare/);
  });
  it('rejects an empty list', () => {
    expect(() => validateFareClasses([])).toThrowError(YieldInputError);
  });
  it('rejects a negative sd naming demand.sd', () => {
    expect(() => validateFareClasses([{ fare: 100, demand: { kind: 'normal', mean: 3, sd: -1 } }])).toThrow(
      /classes\[0\]\.demand\.sd/,
    );
  });
  it('rejects empirical probabilities summing over 1', () => {
    expect(() => validateFareClasses([{ fare: 100, demand: { kind: 'empirical', probabilities: [0.6, 0.6] } }])).toThrow(
      /sum to 1/,
    );
  });
});

describe('parseNetwork(input)', () => {
  it('lists every issue with its path, including unknown resource ids', () => {
    try {
      parseNetwork({
        resources: [{ id: 'AB', capacity: -1 }],
        products: [{ id: 'p', fare: Number.NaN, resources: ['XY'], demand: 3 }],
      });
      expect.unreachable();
    } catch (e) {
      const err = e as YieldInputError;
      expect(err).toBeInstanceOf(YieldInputError);
      const paths = err.issues.map((i) => i.path.join('.'));
      expect(paths).toContain('network.resources.0.capacity');
      expect(paths).toContain('network.products.0.fare');
    }
  });
  it('reports an unknown resource id', () => {
    expect(() =>
      parseNetwork({ resources: [{ id: 'AB', capacity: 1 }], products: [{ id: 'p', fare: 1, resources: ['XY'], demand: 3 }] }),
    ).toThrow(/unknown resource id/);
  });
  it('safeParseDemand returns a failure union instead of throwing', () => {
    const r = safeParseDemand({ kind: 'normal', mean: 3, sd: -2 });
    expect(r.success).toBe(false);
  });
});

describe('yieldcraft/model public surface', () => {
  it('keeps internal helpers (formatPath, makeParser) out of the index', async () => {
    const index: Record<string, unknown> = await import('../../src/model/index.js');
    expect(index).not.toHaveProperty('formatPath');
    expect(index).not.toHaveProperty('makeParser');
    expect(typeof index.parseDemand).toBe('function');
    expect(typeof index.YieldInputError).toBe('function');
  });
});
