import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dlp, dlpModel, compileNetwork } from '../../../src/optimize/network/index.js';
import type { LpSolverName } from '../../../src/optimize/lp/index.js';
import type { Network } from '../../../src/model/index.js';
import { checkOptimality } from '../lp/lpChecker.js';

const SOLVERS: LpSolverName[] = ['highs', 'javascript-lp-solver'];

const hotelFile = fileURLToPath(new URL('../../../../shared/data/bench/hotel-dlp-365.json', import.meta.url));
const hasHotel = existsSync(hotelFile);

/** The one-year hotel of ../shared/data/bench (README there): 365 nights × 200 rooms, 15,204 stays. */
function hotelNetwork(): { network: Network; reference: { revenue: number; bid_price_by_night: number[] } } {
  const d = JSON.parse(readFileSync(hotelFile, 'utf8'));
  const resources = Array.from({ length: d.nights as number }, (_, i) => ({ id: `night-${i}`, capacity: d.capacity as number }));
  const products = (d.products as [number, number, number][]).map(([a, L], j) => ({
    id: `stay-${j}`,
    fare: d.fare[j] as number,
    resources: Array.from({ length: L }, (_, k) => `night-${a + k}`),
    demand: d.demand[j] as number,
  }));
  return { network: { resources, products }, reference: d.reference };
}

describe('dlp(network)', () => {
  for (const solver of SOLVERS) {
    it(`${solver}: two legs, three itineraries: the connecting and the B→C local products are marginal, so π = (150, 150)`, async () => {
      // By hand: both legs bind (60 + 40 = 100, 80 + 40 = 120); AC and BC strictly inside their bounds
      // force π_AB + π_BC = 300 and π_BC = 150; revenue 200·60 + 150·80 + 300·40 = 36,000.
      const r = await dlp(
        {
          resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
          products: [
            { id: 'AB', fare: 200, resources: ['AB'], demand: 60 },
            { id: 'BC', fare: 150, resources: ['BC'], demand: 90 },
            { id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 },
          ],
        },
        { solver },
      );
      expect(r.status).toBe('optimal');
      expect(r.objective).toBeCloseTo(36000, 6);
      expect(r.allocation).toEqual({ AB: expect.closeTo(60, 6), BC: expect.closeTo(80, 6), AC: expect.closeTo(40, 6) });
      expect(r.bidPrices).toEqual({ AB: expect.closeTo(150, 6), BC: expect.closeTo(150, 6) });
    });
  }
});

describe.skipIf(!hasHotel)('dlp(network) on the one-year hotel (../shared/data/bench/hotel-dlp-365.json; skipped when the file is missing)', () => {
  it('reaches the reference optimum 20,160,143.7757 (SciPy/HiGHS, RevPy/CBC) and certifies its duals with the independent checker', async () => {
    const { network, reference } = hotelNetwork();
    const r = await dlp(network);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.objective).toBeCloseTo(reference.revenue, 3);
    const model = dlpModel(compileNetwork(network));
    // reduced costs of the DLP: θ_j = max(0, f_j − Σ π) for a product at its demand bound
    const net = compileNetwork(network);
    const reduced = new Float64Array(net.fare.length);
    for (let j = 0; j < reduced.length; j++) {
      let s = 0;
      for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) s += r.bidPriceArray[net.productResources[q]!]!;
      reduced[j] = net.fare[j]! - s;
    }
    expect(
      checkOptimality(model, { objective: r.objective, primal: r.allocationArray, duals: r.bidPriceArray, reducedCosts: reduced }),
    ).toEqual([]);
  });
});
