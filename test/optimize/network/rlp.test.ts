import { describe, expect, it } from 'vitest';
import { dlp, rlp } from '../../../src/optimize/network/index.js';
import { YieldInputError, type Network } from '../../../src/model/index.js';
import { mannheimHotel } from './networkFixtures.js';

/** One night of 100 rooms: a 200 rate with normal demand N(100, 20²) and a 100 rate with ample demand. */
const oneNight: Network = {
  resources: [{ id: 'night', capacity: 100 }],
  products: [
    { id: 'rack', fare: 200, resources: ['night'], demand: { kind: 'normal', mean: 100, sd: 20 } },
    { id: 'promo', fare: 100, resources: ['night'], demand: 500 },
  ],
};

describe('rlp(network, { samples, seed })', () => {
  it('matches the closed form on one night: E[π] = 100 + 100·P(D ≥ 100) = 150, E[z] = 10,000 + 100·E[min(D, 100)]', async () => {
    // Independent closed form (not the implementation): in a sample the rack rate is marginal (π = 200)
    // iff D_rack ≥ 100, else the promo rate is (π = 100). E[min(D, c)] = μ − σ·φ(0) at c = μ, so
    // E[z] = 10,000 + 100·(100 − 20/√(2π)) = 19,202.1154….
    const r = await rlp(oneNight, { samples: 1000, seed: 11 });
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    const ez = 10000 + 100 * (100 - 20 / Math.sqrt(2 * Math.PI));
    expect(Math.abs(r.bidPrices.night! - 150)).toBeLessThan(4 * r.bidPriceStdErr[0]!);
    expect(Math.abs(r.objective - ez)).toBeLessThan(2 * r.objectiveHalfWidth95);
  });
  it('equals the DLP when every demand is a plain number (no randomness)', async () => {
    const r = await rlp(mannheimHotel, { samples: 3, seed: 1 });
    const d = await dlp(mannheimHotel);
    expect(r.status === 'optimal' && d.status === 'optimal').toBe(true);
    if (r.status !== 'optimal' || d.status !== 'optimal') return;
    expect(r.objective).toBeCloseTo(d.objective, 6);
    expect(r.objectiveHalfWidth95).toBe(0);
    expect(r.bidPrices.night1).toBeCloseTo(200, 6);
  });
  it('gives the same bid prices for the same seed, and different ones for another seed', async () => {
    const a = await rlp(oneNight, { samples: 40, seed: 5 });
    const b = await rlp(oneNight, { samples: 40, seed: 5 });
    const c = await rlp(oneNight, { samples: 40, seed: 6 });
    expect(a).toEqual({ ...b, timings: a.status === 'optimal' ? a.timings : undefined });
    expect(a.status === 'optimal' && c.status === 'optimal' && a.bidPrices.night !== c.bidPrices.night).toBe(true);
  });
  it('does not depend on the order of products or resources (one random stream per product id)', async () => {
    const net: Network = {
      resources: [{ id: 'AB', capacity: 50 }, { id: 'BC', capacity: 40 }],
      products: [
        { id: 'AB', fare: 150, resources: ['AB'], demand: { kind: 'normal', mean: 35, sd: 6 } },
        { id: 'BC', fare: 120, resources: ['BC'], demand: { kind: 'normal', mean: 30, sd: 5 } },
        { id: 'AC', fare: 220, resources: ['AB', 'BC'], demand: { kind: 'normal', mean: 20, sd: 4 } },
      ],
    };
    const perm: Network = { resources: [...net.resources].reverse(), products: [net.products[2]!, net.products[0]!, net.products[1]!] };
    const a = await rlp(net, { samples: 60, seed: 9 });
    const b = await rlp(perm, { samples: 60, seed: 9 });
    if (a.status !== 'optimal' || b.status !== 'optimal') throw new Error('failed');
    expect(b.objective).toBeCloseTo(a.objective, 6);
    // With continuous demand a sample's LP is degenerate with probability 0 (no fare ties: 150 + 120 ≠ 220),
    // so each sample's duals are unique and the averaged bid prices must agree, resource by resource.
    expect(b.bidPrices.AB).toBeCloseTo(a.bidPrices.AB!, 6);
    expect(b.bidPrices.BC).toBeCloseTo(a.bidPrices.BC!, 6);
    expect(a.bidPrices.AB! + a.bidPrices.BC!).toBeGreaterThan(0); // capacity binds in some samples: not a vacuous 0 = 0
  });
  it('never mutates the network', async () => {
    const before = structuredClone(oneNight);
    await rlp(oneNight, { samples: 5, seed: 1 });
    expect(oneNight).toEqual(before);
  });
  it('rejects a missing or non-integer sample count and a NaN seed', async () => {
    await expect(rlp(oneNight, { samples: 0, seed: 1 })).rejects.toMatchObject({ path: 'options.samples' });
    await expect(rlp(oneNight, { samples: 2.5, seed: 1 })).rejects.toBeInstanceOf(YieldInputError);
    await expect(rlp(oneNight, { samples: 3, seed: Number.NaN })).rejects.toMatchObject({ path: 'options.seed' });
  });
});
