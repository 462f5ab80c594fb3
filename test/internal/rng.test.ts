import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSeed, mulberry32 } from '../../src/internal/rng.js';
import { YieldInputError } from '../../src/model/errors.js';

describe('mulberry32(seed)', () => {
  it('gives the same stream for the same seed and uniforms in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let k = 0; k < 20; k++) {
          const u = a();
          expect(u).toBe(b());
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
        }
      }),
    );
  });
  it('rejects a non-finite seed with a YieldInputError naming `seed` (not a RangeError)', () => {
    for (const seed of [Number.NaN, Infinity, 'x' as unknown as number]) {
      expect(() => mulberry32(seed)).toThrowError(YieldInputError);
      expect(() => mulberry32(seed)).toThrowError(/^seed: must be a finite number/);
    }
  });
  it('derives different stream seeds for different streams of one base seed', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, k) => deriveSeed(42, k)));
    expect(seeds.size).toBe(1000);
  });
});
