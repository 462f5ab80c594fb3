import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hotelNetwork, YieldInputError } from '../../src/model/index.js';
import { lastRoomValues, losControls } from '../../src/control/index.js';

describe('lastRoomValues(network)', () => {
  it('prices the last room of a night at the fare of the guest it would go to (10 rooms, 8 at 200, 5 at 120 → 120)', async () => {
    // By hand: the 10 rooms go to the 8 guests at 200 and 2 of the 5 at 120; one room fewer or one more
    // changes the discount sales by one: both differences are 120, and so is the dual.
    const r = await lastRoomValues({
      resources: [{ id: '2026-03-14', capacity: 10 }],
      products: [
        { id: 'BAR', fare: 200, resources: ['2026-03-14'], demand: 8 },
        { id: 'DISC', fare: 120, resources: ['2026-03-14'], demand: 5 },
      ],
    });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.objective).toBeCloseTo(8 * 200 + 2 * 120, 9);
    expect(r.nights[0]).toEqual({ night: '2026-03-14', capacity: 10, bidPrice: 120, lastRoomValue: 120, nextRoomValue: 120 });
    expect(r.hurdles).toEqual({ '2026-03-14': 120 });
  });

  it('brackets a non-unique dual when the forecast exactly fills the night (last room 200, next room 0)', async () => {
    const r = await lastRoomValues({
      resources: [{ id: 'n1', capacity: 10 }],
      products: [{ id: 'BAR', fare: 200, resources: ['n1'], demand: 10 }],
    });
    if (r.status !== 'optimal') throw new Error(r.status);
    const n = r.nights[0]!;
    expect(n.lastRoomValue).toBeCloseTo(200, 9);
    expect(n.nextRoomValue).toBe(0);
    expect(n.bidPrice).toBeGreaterThanOrEqual(0);
    expect(n.bidPrice).toBeLessThanOrEqual(200 + 1e-9);
  });

  it('has no last room value on a night with no room left', async () => {
    const r = await lastRoomValues({
      resources: [{ id: 'n1', capacity: 0 }],
      products: [{ id: 'BAR', fare: 200, resources: ['n1'], demand: 3 }],
    });
    if (r.status !== 'optimal') throw new Error(r.status);
    expect(r.nights[0]).toMatchObject({ lastRoomValue: null, nextRoomValue: 200 });
  });

  it('keeps every bid price between the next-room and last-room values (DLP concave in capacity)', async () => {
    const nights = ['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 40, maxLength: 40 }),
        async (capacity, demand) => {
          let k = 0;
          const hotel = hotelNetwork({
            nights: nights.map((date, i) => ({ date, capacity: capacity[i]! })),
            rates: [
              { id: 'BAR', price: 180 },
              { id: 'PKG', price: 110 },
            ],
            maxLengthOfStay: 3,
            demand: () => demand[k++ % demand.length]!,
          });
          const r = await lastRoomValues(hotel);
          if (r.status !== 'optimal') throw new Error(r.status);
          for (const n of r.nights) {
            const tol = 1e-6 * Math.max(1, r.objective);
            expect(n.nextRoomValue).toBeLessThanOrEqual(n.bidPrice + tol);
            if (n.lastRoomValue !== null) expect(n.bidPrice).toBeLessThanOrEqual(n.lastRoomValue + tol);
            expect(n.nextRoomValue).toBeGreaterThanOrEqual(0);
          }
          // The hurdles feed straight into length-of-stay controls.
          expect(() => losControls(hotel, r.hurdles)).not.toThrow();
        },
      ),
      { numRuns: 12 },
    );
  });

  it('measures only the nights asked for, and rejects an unknown one', async () => {
    const network = {
      resources: [
        { id: 'a', capacity: 1 },
        { id: 'b', capacity: 1 },
      ],
      products: [{ id: 'p', fare: 10, resources: ['a', 'b'], demand: 2 }],
    };
    const r = await lastRoomValues(network, { nights: ['b'] });
    if (r.status !== 'optimal') throw new Error(r.status);
    expect(r.nights.map((n) => n.night)).toEqual(['b']);
    await expect(lastRoomValues(network, { nights: ['zz'] })).rejects.toThrowError(YieldInputError);
    await expect(lastRoomValues(network, { nights: ['zz'] })).rejects.toMatchObject({ path: 'options.nights[0]' });
  });
});
