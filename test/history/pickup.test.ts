import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { onTheBooks, pickup } from '../../src/history/index.js';
import { AUGUST, asOfArb, deepFreeze, historyArb } from './fixtures.js';

describe('pickup(records, from, to)', () => {
  it('splits the change of the books into bookings and cancellations (hand-worked on AUGUST)', () => {
    // Window 25 July … 11 August (to = 12 Aug, excluded): booked = the 2 Online TA rooms of 10 Aug (night 15);
    // cancelled = the Online TA room cancelled on 1 Aug (nights 15-17). Direct (booked 1 July) is unchanged.
    const p = pickup(AUGUST, '2016-07-25', '2016-08-12');
    expect([p.net.firstNight, p.net.lastNight, p.net.keys]).toEqual(['2016-08-15', '2016-08-17', ['Direct', 'Online TA']]);
    expect(Array.from(p.booked.values)).toEqual([0, 0, 0, 2, 0, 0]);
    expect(Array.from(p.cancelled.values)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(p.net.values)).toEqual([0, 0, 0, 1, -1, -1]);
  });

  it('counts a booking made on `from` and not one made on `to` (the window is from … to − 1)', () => {
    expect(Array.from(pickup(AUGUST, '2016-08-10', '2016-08-11').booked.total)).toEqual([2]);
    expect(pickup(AUGUST, '2016-08-11', '2016-08-12').booked.days).toBe(0);
    expect(pickup(AUGUST, '2016-08-10', '2016-08-10').net.days).toBe(0);
  });

  it('net = onTheBooks(to) − onTheBooks(from), night by night and group by group', () => {
    fc.assert(
      fc.property(historyArb, asOfArb, asOfArb, (records, d1, d2) => {
        const [from, to] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const range = { firstNight: '2015-12-20', lastNight: '2016-05-31', keys: ['Direct', 'Groups', 'Online TA'] };
        const p = pickup(deepFreeze(records), from, to, range);
        const a = onTheBooks(records, from, range).values;
        const b = onTheBooks(records, to, range).values;
        let bad = 0;
        for (let j = 0; j < a.length; j++) {
          if (p.net.values[j] !== b[j]! - a[j]!) bad++;
          if (p.net.values[j] !== p.booked.values[j]! - p.cancelled.values[j]!) bad++;
        }
        expect(bad).toBe(0);
        expect(p.net.values.length).toBe(a.length);
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a window that ends before it starts', () => {
    expect(() => pickup(AUGUST, '2016-08-12', '2016-08-01')).toThrow(/^to: must not be before from/);
    expect(() => pickup(AUGUST, '2016-08-12', 'soon')).toThrow(/^to: /);
  });
});
