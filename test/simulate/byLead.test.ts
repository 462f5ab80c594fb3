import { describe, expect, it } from 'vitest';
import { simulatePolicies, fcfsPolicy, hotelBookingProcess, type HotelBookingProcess } from '../../src/simulate/index.js';
import { YieldInputError } from '../../src/model/errors.js';

/** One night 30 days out, room for everyone; requests spread uniformly over the 31 booking days. */
function oneNight(byLead: HotelBookingProcess['streams'][number]['byLead']): HotelBookingProcess {
  return {
    kind: 'hotel',
    network: { resources: [{ id: 'n', capacity: 10_000 }], products: [{ id: 'stay', fare: 100, resources: ['n'], demand: 300 }] },
    horizonDays: 31,
    nightDay: [30],
    streams: [{ product: 'stay', segment: 'S', requests: 300, ...(byLead ? { byLead } : {}) }],
  };
}

describe('cancellations and no-shows by lead time (HotelDemandStream.byLead)', () => {
  it('cancels exactly the bookings made at leads whose bucket says so', async () => {
    // leads 0–9: never cancel, never no-show; leads ≥ 10: always cancel
    const p = oneNight([{ fromLead: 0, cancellation: 0 }, { fromLead: 10, cancellation: 1 }]);
    const r = await simulatePolicies(p, [fcfsPolicy()], { trajectories: 20, seed: 3 });
    const o = r.policies[0]!;
    for (let k = 0; k < 20; k++) {
      // uniform over 31 days: about 10/31 of the bookings are made at leads 0–9 and stay
      const stayed = o.values.accepted[k]! - o.values.cancellations[k]!;
      expect(o.values.noShows[k]).toBe(0);
      expect(stayed).toBe(o.values.roomNights[k]);
    }
    const share = o.metrics.cancellations.mean / o.metrics.accepted.mean;
    expect(Math.abs(share - 21 / 31)).toBeLessThan(0.03);
  });
  it('reads the no-show probability of a bucket as a share of all its bookings', async () => {
    const p = oneNight([{ fromLead: 0, cancellation: 0.5, noShow: 0.25 }]);
    const r = await simulatePolicies(p, [fcfsPolicy()], { trajectories: 200, seed: 4 });
    const o = r.policies[0]!;
    const cancel = o.metrics.cancellations.mean / o.metrics.accepted.mean;
    const noShow = o.metrics.noShows.mean / o.metrics.accepted.mean;
    // 200 × 300 bookings: binomial sd of a share ≈ 0.002
    expect(Math.abs(cancel - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(noShow - 0.25)).toBeLessThan(0.01);
  });
  it('rejects buckets out of order, not starting at 0, or whose probabilities sum above 1, naming the field', async () => {
    const path = async (b: unknown) => {
      try {
        await simulatePolicies(oneNight(b as never), [fcfsPolicy()], { trajectories: 1 });
      } catch (e) {
        expect(e).toBeInstanceOf(YieldInputError);
        return (e as YieldInputError).path;
      }
      return 'no error';
    };
    expect(await path([{ fromLead: 1, cancellation: 0 }])).toBe('process.streams[0].byLead[0].fromLead');
    expect(await path([{ fromLead: 0, cancellation: 0 }, { fromLead: 0, cancellation: 0 }])).toBe('process.streams[0].byLead[1].fromLead');
    expect(await path([{ fromLead: 0, cancellation: 0.8, noShow: 0.3 }])).toBe('process.streams[0].byLead[0].noShow');
    expect(await path([{ fromLead: 0, cancellation: -0.1 }])).toBe('process.streams[0].byLead[0].cancellation');
  });
  it('passes a segment’s buckets from hotelBookingProcess to its streams', () => {
    const p = hotelBookingProcess({
      hotel: {
        nights: [{ date: '2026-05-01', capacity: 5 }],
        ratePlans: [{ id: 'BAR', price: 100 }],
        segments: { S: { ratePlan: 'BAR', byLead: [{ fromLead: 0, cancellation: 0.1 }, { fromLead: 7, cancellation: 0.4, noShow: 0.05 }] } },
      },
      demand: { asOf: '2026-04-01', products: [{ arrivalDate: '2026-05-01', nights: 1, segment: 'S', demand: 3 }] },
    });
    expect(p.streams[0]!.byLead).toEqual([{ fromLead: 0, cancellation: 0.1 }, { fromLead: 7, cancellation: 0.4, noShow: 0.05 }]);
  });
});
