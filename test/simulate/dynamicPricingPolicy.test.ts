import { describe, expect, it } from 'vitest';
import { dlpBidPricePolicy, dynamicPricingPolicy, fcfsPolicy, hotelBookingProcess, simulatePolicies, type Policy } from '../../src/simulate/index.js';
import type { BidPriceControls } from '../../src/control/bidPriceControls.js';
import { YieldInputError } from '../../src/model/errors.js';

/** A three-night hotel: leisure asks for LOW and buys up to MID, HIGH with `buyUp`; business asks for HIGH. */
function hotel(rooms: number, buyUp: number, scale = 1) {
  const nights = ['2026-05-01', '2026-05-02', '2026-05-03'];
  return hotelBookingProcess({
    hotel: {
      nights: nights.map((date) => ({ date, capacity: rooms })),
      ratePlans: [{ id: 'LOW', price: 80 }, { id: 'MID', price: 120 }, { id: 'HIGH', price: 160 }],
      segments: {
        leisure: { ratePlan: 'LOW', buyUpTo: ['MID', 'HIGH'], buyUpProbability: buyUp },
        business: { ratePlan: 'HIGH', bookingCurve: [6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      },
    },
    demand: {
      asOf: '2026-04-17',
      products: nights.flatMap((arrivalDate) => [
        { arrivalDate, nights: 1, segment: 'leisure', demand: 18 * scale },
        { arrivalDate, nights: 1, segment: 'business', demand: 6 * scale },
      ]),
    },
  });
}

/** Wraps a policy to keep the controls of its first plan. */
function recording(inner: Policy, log: BidPriceControls[]): Policy {
  return { name: inner.name, tieRule: inner.tieRule, plan: async (ctx) => { const c = await inner.plan(ctx); log.push(c as BidPriceControls); return c; } };
}

describe('dynamicPricingPolicy()', () => {
  it('opens every rate when rooms are plenty and nobody buys up (nothing to gain from a higher posted rate)', async () => {
    const log: BidPriceControls[] = [];
    await simulatePolicies(hotel(200, 0), [recording(dynamicPricingPolicy(), log)], { trajectories: 1, seed: 1, reoptimizations: 1 });
    for (const b of Object.values(log[0]!.bidPrices)) expect(b).toBeLessThanOrEqual(80);
  });
  it('posts the high rate when everyone buys up, even with rooms to spare (bid prices would open the low one)', async () => {
    const log: BidPriceControls[] = [];
    const dlpLog: BidPriceControls[] = [];
    await simulatePolicies(hotel(200, 1), [recording(dynamicPricingPolicy(), log), recording(dlpBidPricePolicy(), dlpLog)], { trajectories: 1, seed: 1, reoptimizations: 1 });
    for (const b of Object.values(log[0]!.bidPrices)) expect(b).toBe(160);
    for (const b of Object.values(dlpLog[0]!.bidPrices)) expect(b).toBe(0);
  });
  it('raises the posted rate as rooms get scarce', async () => {
    const posted = async (rooms: number) => {
      const log: BidPriceControls[] = [];
      await simulatePolicies(hotel(rooms, 0.5), [recording(dynamicPricingPolicy(), log)], { trajectories: 1, seed: 1, reoptimizations: 1 });
      return Object.values(log[0]!.bidPrices);
    };
    const plenty = await posted(100);
    const scarce = await posted(8);
    plenty.forEach((b, i) => expect(scarce[i]!).toBeGreaterThanOrEqual(b));
    expect(scarce.some((b, i) => b > plenty[i]!)).toBe(true);
  });
  it('earns more than first come first served and than DLP bid prices when leisure guests buy up (common random numbers)', async () => {
    const r = await simulatePolicies(hotel(12, 0.6), [dlpBidPricePolicy(), fcfsPolicy(), dynamicPricingPolicy()], { trajectories: 100, seed: 2026 });
    const [dlp, fcfs, dyn] = r.policies;
    expect(dyn!.metrics.revenue.mean).toBeGreaterThan(fcfs!.metrics.revenue.mean);
    // paired difference to the first policy (DLP): the interval lies above 0
    expect(dyn!.differenceToFirst!.revenue.low!).toBeGreaterThan(0);
    expect(dlp!.metrics.revenue.mean).toBeGreaterThan(0);
  });
  it('rejects a network process and bad options, naming the field', async () => {
    const net = { network: { resources: [{ id: 'L', capacity: 1 }], products: [{ id: 'p', fare: 50, resources: ['L'], demand: 1 }] }, periods: 1, arrivalProbabilities: [0.5] };
    await expect(simulatePolicies(net, [dynamicPricingPolicy()], { trajectories: 1 })).rejects.toMatchObject({ path: 'policy' });
    expect(() => dynamicPricingPolicy({ maxSaleProbability: 0 })).toThrow(YieldInputError);
    expect(() => dynamicPricingPolicy({ maxPeriods: 0 })).toThrow(/options\.maxPeriods/);
  });
});
