import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { additivePickup } from '../../src/forecast/additivePickup.js';
import { multiplicativePickup } from '../../src/forecast/multiplicativePickup.js';
import { advancedPickup } from '../../src/forecast/advancedPickup.js';
import { YieldInputError } from '../../src/model/errors.js';

// A hand-built booking curve (the fixture the issue asks for), following the definitions of
// Weatherford & Kimes (2003), IJF 19: 401–415, §2. Four past Fridays, readings at 0 (final), 1, 2, 3,
// 7 and 14 days before arrival (other days unknown). Every expected value below is worked by hand in
// the comment next to it.
const fridays = [
  //  0    1    2    3   4  5  6   7  …  14
  [90, 84, 80, 75, , , , 60, , , , , , , 40],
  [100, 95, 88, 82, , , , 70, , , , , , , 50],
  [96, 90, 86, 80, , , , 66, , , , , , , 44],
  [110, 101, 95, 90, , , , 78, , , , , , , 52],
];

describe('additivePickup(history, onTheBooks, daysBefore)', () => {
  it('adds the mean pickup of past nights: 7 days out, pickups 30, 30, 30, 32 → 65 + 30.5 = 95.5', () => {
    const r = additivePickup(fridays, 65, 7);
    expect(r.status).toBe('ok');
    expect(r.pickup).toBeCloseTo(30.5, 12);
    expect(r.forecast).toBeCloseTo(95.5, 12);
    expect(r.used).toBe(4);
    // sample sd of (30, 30, 30, 32): mean 30.5, Σ(x − m)² = 3·0.25 + 2.25 = 3, /3 → 1
    expect(r.sd).toBeCloseTo(1, 12);
  });

  it('uses only the `window` most recent usable nights: window 2 → pickups 30, 32 → 48 + 31 = 79 at 14 days', () => {
    // 14 days out: pickups 50, 50, 52, 58; the two most recent are 52 and 58 → mean 55
    expect(additivePickup(fridays, 48, 14, { window: 2 }).forecast).toBeCloseTo(48 + 55, 12);
  });

  it('skips nights missing a reading and reports insufficient history when none has it', () => {
    expect(additivePickup(fridays, 10, 5).status).toBe('insufficient-history');
    expect(additivePickup([], 10, 5).status).toBe('insufficient-history');
    // every method reports it with null numbers (not NaN)
    for (const f of [additivePickup, multiplicativePickup, advancedPickup])
      expect(f(fridays, 10, 5)).toEqual({ status: 'insufficient-history', forecast: null, pickup: null, sd: null, used: 0 });
  });

  it('never forecasts below zero even when past nights lost more than is on the books', () => {
    const cancelHeavy = [[2, 10], [0, 8]];
    expect(additivePickup(cancelHeavy, 3, 1).forecast).toBe(0);
  });
});

describe('multiplicativePickup(history, onTheBooks, daysBefore)', () => {
  it('scales by Σ final / Σ on-the-books: 7 days out 396/274, so 65 → 65·396/274 = 93.94', () => {
    // finals 90 + 100 + 96 + 110 = 396; 7-day readings 60 + 70 + 66 + 78 = 274
    const r = multiplicativePickup(fridays, 65, 7);
    expect(r.forecast).toBeCloseTo((65 * 396) / 274, 12);
    expect(r.fallback).toBe(false);
  });

  it('falls back to additive pickup when no past night had a booking at that lead time', () => {
    const early = [[10, 0], [14, 0]];
    const r = multiplicativePickup(early, 0, 1);
    expect(r.fallback).toBe(true);
    expect(r.forecast).toBeCloseTo(12, 12);
  });
});

describe('advancedPickup(history, onTheBooks, daysBefore)', () => {
  it('sums day-by-day increments, each from every night that has passed through it', () => {
    // curves [final, 1, 2, 3 days out]; the newest night is 1 day out (final unknown)
    const history = [
      [20, 16, 12, 10],
      [24, 19, 15, 12],
      [null, 18, 14, 10],
    ];
    // 3→2: (2 + 3 + 4)/3 = 3;  2→1: (4 + 4 + 4)/3 = 4;  1→0: (4 + 5)/2 = 4.5  ⇒ 11 + 11.5 = 22.5
    const r = advancedPickup(history, 11, 3);
    expect(r.forecast).toBeCloseTo(22.5, 12);
    // classical (additive) pickup ignores the newest night: (10 + 12)/2 = 11 ⇒ 22
    expect(additivePickup(history, 11, 3).forecast).toBeCloseTo(22, 12);
  });

  it('equals additive pickup when every curve is complete and daily', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (curves, otb, d) => {
          const a = additivePickup(curves, otb, d);
          const b = advancedPickup(curves, otb, d);
          // telescoping: Σ_k mean(B(k−1) − B(k)) = mean(B(0) − B(d)) when the same nights are used
          expect(a.status).toBe('ok');
          expect(b.status).toBe('ok');
          if (a.forecast! > 0 && b.forecast! > 0) expect(b.forecast!).toBeCloseTo(a.forecast!, 9);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('pickup methods: properties', () => {
  const curveArb = fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }), { minLength: 8, maxLength: 8 }), {
    maxLength: 10,
  });
  const methods = [additivePickup, multiplicativePickup, advancedPickup];
  it('never forecast a negative number, and never mutate the history', () => {
    fc.assert(
      fc.property(curveArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 7 }), (curves, otb, d) => {
        const copy = structuredClone(curves);
        for (const f of methods) {
          const r = f(curves, otb, d);
          if (r.status === 'ok') expect(r.forecast).toBeGreaterThanOrEqual(0);
          // insufficient history: null numbers, never NaN
          else expect([r.forecast, r.pickup, r.sd, r.used]).toEqual([null, null, null, 0]);
        }
        expect(curves).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
  it('are non-decreasing in the rooms on the books (more bookings never lower the forecast)', () => {
    fc.assert(
      fc.property(curveArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 7 }), (curves, otb, extra, d) => {
        for (const f of methods) {
          const a = f(curves, otb, d);
          const b = f(curves, otb + extra, d);
          if (a.status === 'ok') expect(b.forecast).toBeGreaterThanOrEqual(a.forecast);
        }
      }),
      { numRuns: 100 },
    );
  });
  it('rejects bad input naming the field', () => {
    expect(() => additivePickup(fridays, -1, 7)).toThrow(/onTheBooks/);
    expect(() => additivePickup(fridays, 1, 0)).toThrow(/daysBefore/);
    expect(() => multiplicativePickup([[1, Number.NaN]], 1, 1)).toThrow(/history\[0\]\[1\]/);
    expect(() => advancedPickup([[1, -2]], 1, 1)).toThrow(YieldInputError);
    expect(() => additivePickup(fridays, 1, 7, { window: 0 })).toThrow(/options\.window/);
  });
});
