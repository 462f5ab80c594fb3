import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileBookingProcess, startCapacity, bidPriceVector } from '../../src/model/compileBookingProcess.js';
import { compileNetwork, type NetworkBookingProcess } from '../../src/model/index.js';
import { TINY } from './fixtures.js';

/** Random processes: 1–4 resources, 0–6 products each using a non-empty set of distinct resources. */
const processes = fc
  .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 0, max: 6 }), T: fc.integer({ min: 1, max: 4 }) })
  .chain(({ m, n, T }) =>
    fc.record({
      caps: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: m, maxLength: m }),
      uses: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: m - 1 }), { minLength: 1, maxLength: m }), { minLength: n, maxLength: n }),
      fares: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n }),
      T: fc.constant(T),
    }),
  )
  .map(({ caps, uses, fares, T }): NetworkBookingProcess => ({
    network: {
      resources: caps.map((c, i) => ({ id: `r${i}`, capacity: c })),
      products: uses.map((u, j) => ({ id: `p${j}`, fare: fares[j]!, resources: u.map((i) => `r${i}`), demand: 1 })),
    },
    periods: T,
    arrivalProbabilities: new Array(T * uses.length).fill(uses.length === 0 ? 0 : 1 / (2 * uses.length)),
  }));

describe('compileBookingProcess(process)', () => {
  it('is built on the same CompiledNetwork as the DLP (compileNetwork of the process network)', () => {
    const cp = compileBookingProcess(TINY);
    const net = compileNetwork(TINY.network);
    expect(cp.net.productStart).toEqual(net.productStart);
    expect(cp.net.productResources).toEqual(net.productResources);
    expect(cp.net.resourceStart).toEqual(net.resourceStart);
    expect(cp.net.resourceProducts).toEqual(net.resourceProducts);
    expect(cp.net.fare).toEqual(net.fare);
    expect(cp.net.resourceIds).toEqual(['1-0', '0-2']);
    expect([cp.nR, cp.nP, cp.T]).toEqual([2, 3, 3]);
    expect(Array.from(cp.capacity)).toEqual([2, 1]);
    expect(Array.from(cp.p)).toEqual(TINY.arrivalProbabilities);
  });
  it("places each product at its slot in its legs' product lists (by hand: 1-2-0 is 2nd on 1-0, 2nd on 0-2)", () => {
    const cp = compileBookingProcess(TINY);
    // products on 1-0: [1-0-0, 1-2-0]; on 0-2: [0-2-1, 1-2-0]; product order 1-0-0 (1-0), 0-2-1 (0-2), 1-2-0 (1-0, 0-2)
    expect(Array.from(cp.slotInLeg)).toEqual([0, 0, 1, 1]);
  });
  it('slotInLeg inverts the by-resource lists on random networks', () => {
    fc.assert(
      fc.property(processes, (process) => {
        const cp = compileBookingProcess(process);
        const { productStart, productResources, resourceStart, resourceProducts } = cp.net;
        for (let j = 0; j < cp.nP; j++)
          for (let q = productStart[j]!; q < productStart[j + 1]!; q++) {
            const i = productResources[q]!;
            expect(cp.slotInLeg[q]!).toBeLessThan(resourceStart[i + 1]! - resourceStart[i]!);
            expect(resourceProducts[resourceStart[i]! + cp.slotInLeg[q]!]).toBe(j);
          }
      }),
      { numRuns: 100 },
    );
  });
  it('does not modify the process', () => {
    const before = structuredClone(TINY);
    compileBookingProcess(TINY);
    expect(TINY).toEqual(before);
  });
  it('rejects a bad process with a YieldInputError naming the field', () => {
    expect(() => compileBookingProcess({ ...TINY, periods: 2 })).toThrowError(/process.arrivalProbabilities: must hold/);
    const fractional = { ...TINY, network: { ...TINY.network, resources: [{ id: '1-0', capacity: 1.5 }, TINY.network.resources[1]!] } };
    expect(() => compileBookingProcess(fractional)).toThrowError(expect.objectContaining({ path: 'process.network.resources[0].capacity' }));
  });
  it('startCapacity and bidPriceVector validate per resource, by id or in network order', () => {
    const cp = compileBookingProcess(TINY);
    expect(Array.from(startCapacity(cp, undefined))).toEqual([2, 1]);
    expect(Array.from(startCapacity(cp, [1, 0]))).toEqual([1, 0]);
    expect(() => startCapacity(cp, [1])).toThrowError(/options.capacity/);
    expect(() => startCapacity(cp, [1, 0.5])).toThrowError(/options.capacity\[1\]/);
    expect(Array.from(bidPriceVector(cp.net, { '0-2': 7, '1-0': 3 }, 'bidPrices'))).toEqual([3, 7]);
    expect(() => bidPriceVector(cp.net, { '1-0': 3 }, 'bidPrices')).toThrowError(/bidPrices.0-2: missing bid price/);
    expect(() => bidPriceVector(cp.net, { '1-0': 3, '0-2': 1, X: 1 }, 'bidPrices')).toThrowError(/bidPrices.X: unknown resource/);
    expect(() => bidPriceVector(cp.net, [3, -1], 'bidPrices')).toThrowError(/bidPrices\[1\]/);
  });
});
