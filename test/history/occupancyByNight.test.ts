import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridValue, occupancyByNight } from '../../src/history/index.js';
import { AUGUST, bruteNights, deepFreeze, historyArb } from './fixtures.js';

describe('occupancyByNight(records)', () => {
  it('counts the room-nights of stays only, on the nights arrival … arrival + nights − 1', () => {
    // Stayed: Direct 1 room 14-15 Aug, Online TA 2 rooms 15 Aug. The cancelled booking counts nowhere.
    const g = occupancyByNight(AUGUST);
    expect([g.firstNight, g.lastNight, g.keys]).toEqual(['2016-08-14', '2016-08-15', ['Direct', 'Online TA']]);
    expect(Array.from(g.values)).toEqual([1, 1, 0, 2]);
    expect(Array.from(g.total)).toEqual([1, 3]);
    expect(gridValue(g, '2016-08-16')).toBe(0); // departure day of the Direct stay: not a night of it
  });

  it('gives room revenue with measure: revenue (14 Aug: 120; 15 Aug: 120 + 2 × 90 = 300)', () => {
    expect(Array.from(occupancyByNight(AUGUST, { measure: 'revenue' }).total)).toEqual([120, 300]);
  });

  it('adds up to Σ rooms × nights over the stays (and Σ rooms × nights × rate for revenue)', () => {
    fc.assert(
      fc.property(historyArb, (records) => {
        const stays = records.filter((r) => r.status === 'stayed');
        const g = occupancyByNight(deepFreeze(records));
        const rooms = Array.from(g.total).reduce((a, b) => a + b, 0);
        expect(rooms).toBe(stays.reduce((s, r) => s + r.rooms * r.nights, 0));
        const rev = Array.from(occupancyByNight(records, { measure: 'revenue' }).total).reduce((a, b) => a + b, 0);
        expect(rev).toBeCloseTo(stays.reduce((s, r) => s + r.rooms * r.nights * r.rate, 0), 9);
      }),
      { numRuns: 150 },
    );
  });

  it('matches a brute-force count per night and segment', () => {
    fc.assert(
      fc.property(historyArb, (records) => {
        const g = occupancyByNight(records);
        for (const r of records) for (const n of bruteNights(r)) expect(gridValue(g, n, r.segment)).toBeGreaterThanOrEqual(r.status === 'stayed' ? r.rooms : 0);
        const count = new Map<string, number>();
        for (const r of records)
          if (r.status === 'stayed') for (const n of bruteNights(r)) count.set(`${n}|${r.segment}`, (count.get(`${n}|${r.segment}`) ?? 0) + r.rooms);
        for (const [k, v] of count) {
          const [n, s] = k.split('|') as [string, string];
          expect(gridValue(g, n, s)).toBe(v);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects an unknown key when reading a cell', () => {
    expect(() => gridValue(occupancyByNight(AUGUST), '2016-08-15', 'Groups')).toThrow(/^key: "Groups" is not a group/);
  });
});
