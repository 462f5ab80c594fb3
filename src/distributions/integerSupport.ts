/**
 * The methods every distribution on 0, 1, 2, … shares, written once over its integer kernels:
 * pdf(x) = P(D = x) (0 off the integers), cdf(x) = P(D ≤ ⌊x⌋), sf(x) = P(D > ⌊x⌋), and
 * E[min(D, x)] = E[min(D, ⌊x⌋)] + (x − ⌊x⌋)·P(D > ⌊x⌋) (exact linear interpolation between integers).
 * Arguments are checked here (NaN → YieldInputError); the kernels see whole numbers only.
 * @internal
 */
import { checkCapacity, checkPoint } from './checks.js';

export interface IntegerKernels {
  readonly mean: number;
  /** P(D = k), k a whole number ≥ 0. */
  readonly pmfInt: (k: number) => number;
  /** P(D ≤ k), any whole k (0 below the support). */
  readonly cdfInt: (k: number) => number;
  /** P(D > k), any whole k (1 below the support). */
  readonly sfInt: (k: number) => number;
  /** E[min(D, n)], n a whole number. */
  readonly expectedMinInt: (n: number) => number;
}

export function integerSupportMethods(k: IntegerKernels) {
  const { mean, pmfInt, cdfInt, sfInt, expectedMinInt } = k;
  return {
    pdf(x: number): number {
      checkPoint(x);
      if (x < 0 || !Number.isInteger(x)) return 0;
      return pmfInt(x);
    },
    cdf(x: number): number {
      checkPoint(x);
      if (x === Infinity) return 1;
      return cdfInt(Math.floor(x));
    },
    sf(x: number): number {
      checkPoint(x);
      if (x === Infinity) return 0;
      return sfInt(Math.floor(x));
    },
    expectedMin(x: number): number {
      checkCapacity(x);
      if (x === Infinity) return mean;
      const n = Math.floor(x);
      const t = x - n;
      const base = expectedMinInt(n);
      return t === 0 ? base : base + t * sfInt(n);
    },
  };
}
