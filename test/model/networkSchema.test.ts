import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileNetwork, parseNetwork, safeParseNetwork, YieldInputError, type Network } from '../../src/model/index.js';
import { dlp } from '../../src/optimize/index.js';

// Networks near the edge of validity: every field drawn from good values and from values one of the
// checks should refuse (fractional capacities are good: a re-optimisation passes expected capacity).
const number = fc.oneof(
  { arbitrary: fc.double({ min: 0, max: 100, noNaN: true }), weight: 12 },
  { arbitrary: fc.constantFrom(0, -0, 10.5, 1e6, -1, -1e-9, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), weight: 1 },
);
const id = fc.oneof({ arbitrary: fc.constantFrom('A', 'B', 'C'), weight: 20 }, { arbitrary: fc.constant(''), weight: 1 });
const demand = fc.oneof(
  { arbitrary: number, weight: 6 },
  fc.record({ kind: fc.constant('poisson'), mean: number }),
  fc.record({ kind: fc.constant('normal'), mean: number, sd: number }),
  fc.record({ kind: fc.constant('negative-binomial'), mean: number, variance: number }),
  fc.record({ kind: fc.constant('empirical'), probabilities: fc.array(fc.constantFrom(0, 0.25, 0.5, 1, -0.5), { maxLength: 4 }) }),
  fc.constantFrom(null, 'x', { kind: 'uniform' }),
);
const resource = fc.record(
  {
    id,
    capacity: fc.oneof({ arbitrary: number, weight: 30 }, { arbitrary: fc.constant('5' as unknown as number), weight: 1 }),
    date: fc.oneof({ arbitrary: fc.constant('2026-03-14'), weight: 10 }, { arbitrary: fc.constantFrom('14/03/2026', 7 as unknown as string), weight: 1 }),
  },
  { requiredKeys: ['id', 'capacity'] },
);
const product = fc.record({
  id: fc.oneof({ arbitrary: fc.constantFrom('p', 'q', 'r'), weight: 20 }, { arbitrary: fc.constant(''), weight: 1 }),
  fare: number,
  resources: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }).chain((u) => fc.oneof({ arbitrary: fc.constant(u), weight: 10 }, { arbitrary: fc.constant([...u, u[0]!]), weight: 1 }, { arbitrary: fc.constant([]), weight: 1 })),
  demand,
});
const network = fc.record({
  resources: fc.uniqueArray(resource, { selector: (r) => r.id, minLength: 1, maxLength: 3 }).chain((u) =>
    fc.oneof({ arbitrary: fc.constant(u), weight: 10 }, { arbitrary: fc.constant([...u, u[0]!]), weight: 1 }, { arbitrary: fc.constant([]), weight: 1 })),
  products: fc.uniqueArray(product, { selector: (p) => p.id, maxLength: 3 }).chain((u) =>
    u.length ? fc.oneof({ arbitrary: fc.constant(u), weight: 10 }, { arbitrary: fc.constant([...u, u[0]!]), weight: 1 }) : fc.constant(u)),
});

function compiles(n: unknown): boolean {
  try {
    compileNetwork(n as Network);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(YieldInputError);
    return false;
  }
}

describe('Network: one type, one check', () => {
  it('parseNetwork accepts a network exactly when compileNetwork (the check of the DLP and the controls) does', () => {
    let accepted = 0;
    fc.assert(
      fc.property(network, (n) => {
        const parsed = safeParseNetwork(n);
        const ok = compiles(n);
        expect(parsed.success).toBe(ok);
        if (ok) accepted++;
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200); // the generator reaches valid networks, not only broken ones
  });

  it('parseNetwork and dlp accept the same networks (dlp solves what parseNetwork accepts, and throws a YieldInputError otherwise)', async () => {
    await fc.assert(
      fc.asyncProperty(network, async (n) => {
        const parsed = safeParseNetwork(n);
        let solved: Awaited<ReturnType<typeof dlp>> | undefined;
        let thrown: unknown;
        try {
          solved = await dlp(n as Network);
        } catch (e) {
          thrown = e;
        }
        if (parsed.success) expect(solved?.status).toBe('optimal');
        else expect(thrown).toBeInstanceOf(YieldInputError);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a fractional capacity (10.5 rooms expected to remain), which dlp solves', async () => {
    const n = { resources: [{ id: 'AB', capacity: 10.5 }], products: [{ id: 'p', fare: 100, resources: ['AB'], demand: 20 }] };
    expect(parseNetwork(n).resources[0]!.capacity).toBe(10.5);
    const r = await dlp(n);
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(1050, 9); // all 10.5 units sold at 100: demand 20 exceeds them
  });

  it('names the same field as compileNetwork when it refuses', () => {
    const n = { resources: [{ id: 'AB', capacity: 5 }], products: [{ id: 'p', fare: 1, resources: ['AB', 'AB'], demand: 3 }] };
    const parsed = safeParseNetwork(n);
    expect(parsed.success).toBe(false);
    expect(!parsed.success && parsed.error.path).toBe('network.products[0].resources[1]');
    expect(() => compileNetwork(n)).toThrow(/network\.products\[0\]\.resources\[1\]: resource "AB" is listed twice/);
  });
});
