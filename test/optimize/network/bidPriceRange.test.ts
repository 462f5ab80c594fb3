import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bidPriceRange, dlp } from '../../../src/optimize/network/index.js';
import type { LpSolverName } from '../../../src/optimize/lp/index.js';
import type { Network } from '../../../src/model/index.js';
import { arbNetwork, mannheimHotel } from './networkFixtures.js';

const SOLVERS: LpSolverName[] = ['highs', 'javascript-lp-solver'];

async function z(net: Network): Promise<number> {
  const r = await dlp(net);
  if (r.status !== 'optimal') throw new Error(r.message);
  return r.objective;
}

describe('bidPriceRange(network)', () => {
  for (const solver of SOLVERS) {
    it(`${solver}: on the Mannheim hotel (see networkFixtures) nights 1–2 are pinned at 200 and 100, night 3 ranges over [0, 200]`, async () => {
      // Night 3 is full (60 + 50 + 40 = 150) with p1, p3, p4 all at their demand bounds, so π3 only has to
      // keep their margins ≥ 0: 900 − 300 − π3 ≥ 0, 400 − 100 − π3 ≥ 0, 200 − π3 ≥ 0 ⇒ π3 ∈ [0, 200].
      // The published AMPL bid price (0) is the lower end.
      const r = await bidPriceRange(mannheimHotel, { solver });
      expect(r.status).toBe('optimal');
      if (r.status !== 'optimal') return;
      expect(r.ranges).toEqual({
        night1: { min: expect.closeTo(200, 6), max: expect.closeTo(200, 6) },
        night2: { min: expect.closeTo(100, 6), max: expect.closeTo(100, 6) },
        night3: { min: expect.closeTo(0, 6), max: expect.closeTo(200, 6) },
      });
    });
  }
  it('ranges only the resources asked for, and rejects an unknown id', async () => {
    const r = await bidPriceRange(mannheimHotel, { resources: ['night3'] });
    expect(r.status === 'optimal' && Object.keys(r.ranges)).toEqual(['night3']);
    await expect(bidPriceRange(mannheimHotel, { resources: ['night9'] })).rejects.toMatchObject({ path: 'options.resources[0]' });
  });
  it('gives +Infinity as the top of the range for a resource of capacity 0 that a product uses', async () => {
    const r = await bidPriceRange({
      resources: [{ id: 'closed', capacity: 0 }],
      products: [{ id: 'p', fare: 100, resources: ['closed'], demand: 5 }],
    });
    expect(r.status === 'optimal' && r.ranges.closed).toEqual({ min: 100, max: Infinity });
  });
  it('equals the one-sided derivatives of the DLP optimum in capacity (independent: finite differences of re-solved DLPs)', async () => {
    // Akgül (1984): min = (z(c + δe_r) − z(c))/δ and max = (z(c) − z(c − δe_r))/δ for δ below the first
    // breakpoint; with integer data breakpoints sit at multiples of 1/lcm of small numbers, so δ = 1e-3 is safe.
    const delta = 1e-3;
    await fc.assert(
      fc.asyncProperty(arbNetwork, async (net) => {
        const r = await bidPriceRange(net);
        if (r.status !== 'optimal') throw new Error('range failed');
        const z0 = await z(net);
        for (let i = 0; i < net.resources.length; i++) {
          const res = net.resources[i]!;
          const up = net.resources.map((q, k) => (k === i ? { ...q, capacity: q.capacity + delta } : q));
          const right = ((await z({ ...net, resources: up })) - z0) / delta;
          expect(r.ranges[res.id]!.min).toBeCloseTo(right, 4);
          if (res.capacity >= delta) {
            const down = net.resources.map((q, k) => (k === i ? { ...q, capacity: q.capacity - delta } : q));
            const left = (z0 - (await z({ ...net, resources: down }))) / delta;
            expect(r.ranges[res.id]!.max).toBeCloseTo(left, 4);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
  it('contains the bid prices dlp returns', async () => {
    await fc.assert(
      fc.asyncProperty(arbNetwork, async (net) => {
        const d = await dlp(net);
        const r = await bidPriceRange(net);
        if (d.status !== 'optimal' || r.status !== 'optimal') throw new Error('failed');
        for (const [id, p] of Object.entries(d.bidPrices)) {
          expect(p).toBeGreaterThanOrEqual(r.ranges[id]!.min - 1e-6);
          expect(p).toBeLessThanOrEqual(r.ranges[id]!.max + 1e-6);
        }
      }),
      { numRuns: 20 },
    );
  });
});
