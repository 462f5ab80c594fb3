import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastAccuracy, seasonalNaiveScale } from '../../src/forecast/accuracy.js';
import { applyCalendarEvents } from '../../src/forecast/calendarEvents.js';

describe('forecastAccuracy(actual, forecast)', () => {
  it('computes MAE, RMSE, WAPE, MASE and bias by their definitions (Hyndman & Koehler 2006), worked by hand', () => {
    // errors f − y: +2, −2, +3 → MAE 7/3, RMSE √(17/3), WAPE 7/60, bias 1/3·(2 − 2 + 3) = 1, MASE (7/3)/2
    const r = forecastAccuracy([10, 20, 30], [12, 18, 33], { scale: 2 });
    expect(r.n).toBe(3);
    expect(r.mae).toBeCloseTo(7 / 3, 14);
    expect(r.rmse).toBeCloseTo(Math.sqrt(17 / 3), 14);
    expect(r.wape).toBeCloseTo(7 / 60, 14);
    expect(r.mase).toBeCloseTo(7 / 6, 14);
    expect(r.bias).toBeCloseTo(1, 14);
  });
  it('returns null, never NaN, for WAPE on all-zero actuals and for MASE without a scale', () => {
    const r = forecastAccuracy([0, 0], [1, 0]);
    expect(r.wape).toBeNull();
    expect(r.mase).toBeNull();
  });
  it('has RMSE ≥ MAE ≥ |bias| for any data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const r = forecastAccuracy(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        expect(r.rmse).toBeGreaterThanOrEqual(r.mae - 1e-12);
        expect(r.mae).toBeGreaterThanOrEqual(Math.abs(r.bias) - 1e-12);
      }),
      { numRuns: 50 },
    );
  });
  it('computes the seasonal-naive MASE scale: mean |y_t − y_{t−m}|', () => {
    expect(seasonalNaiveScale([1, 2, 3, 5], 1)).toBeCloseTo(4 / 3, 14);
    expect(seasonalNaiveScale([5, 6, 7, 5, 8, 7], 3)).toBeCloseTo((0 + 2 + 0) / 3, 14);
  });
  it('rejects mismatched lengths and NaN naming the field', () => {
    expect(() => forecastAccuracy([1, 2], [1])).toThrow(/forecast/);
    expect(() => forecastAccuracy([1, Number.NaN], [1, 2])).toThrow(/actual\[1\]/);
  });
});

describe('applyCalendarEvents(nights, events)', () => {
  const nye = { name: 'NYE', start: '2016-12-31', end: '2016-12-31', effect: { kind: 'multiplicative', factor: 1.25 } } as const;
  it('scales the part of the forecast above the floor, and its sd, on the event nights only', () => {
    const out = applyCalendarEvents(
      [
        { date: '2016-12-30', mean: 80, sd: 10 },
        { date: '2016-12-31', mean: 80, sd: 10, floor: 40 },
      ],
      [nye],
    );
    expect(out[0]).toEqual({ date: '2016-12-30', mean: 80, sd: 10, events: [] });
    // 40 + 1.25·(80 − 40) = 90; sd 12.5
    expect(out[1]).toEqual({ date: '2016-12-31', mean: 90, sd: 12.5, floor: 40, events: ['NYE'] });
  });
  it('applies an additive shock to the named segments only and never goes below the floor', () => {
    const outage = { name: 'outage', start: '2016-03-01', end: '2016-03-03', effect: { kind: 'additive', rooms: -30 }, segments: ['Groups'] } as const;
    const out = applyCalendarEvents(
      [
        { date: '2016-03-02', segment: 'Groups', mean: 50, sd: 5, floor: 35 },
        { date: '2016-03-02', segment: 'Direct', mean: 50, sd: 5 },
      ],
      [outage],
    );
    expect(out[0]!.mean).toBe(35);
    expect(out[1]!.mean).toBe(50);
  });
  it('does not mutate its inputs and rejects a reversed range', () => {
    const nights = [{ date: '2016-12-31', mean: 80, sd: 10 }];
    const copy = structuredClone(nights);
    applyCalendarEvents(nights, [nye]);
    expect(nights).toEqual(copy);
    expect(() => applyCalendarEvents(nights, [{ ...nye, start: '2017-01-02' }])).toThrow(/events\[0\]\.end/);
    expect(() => applyCalendarEvents(nights, [{ ...nye, effect: { kind: 'multiplicative', factor: -1 } }])).toThrow(/events\[0\]\.effect\.factor/);
  });
});
