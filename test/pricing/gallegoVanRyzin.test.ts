import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dynamicPricing, gallegoVanRyzin } from '../../src/pricing/index.js';
import { deepFreeze, expectInputError } from './helpers.js';

/**
 * Independent check: integrate the HJB system of Gallego & van Ryzin (1994), specialised to
 * exponential demand, numerically with classical RK4, never touching the closed form:
 *   dJ_n/dt = sup_λ [ λ·p(λ) − λ·(J_n − J_{n−1}) ] = (a/alpha)·e^(−1 − alpha·(J_n − J_{n−1})),  J_n(0) = 0, J_0 ≡ 0.
 * (The sup over λ of λ(ln(a/λ)/alpha − Δ) is attained at λ = a·e^(−1−alpha·Δ), worth λ/alpha.)
 */
function hjbRk4(a: number, alpha: number, N: number, T: number, steps: number): number[] {
  let J = new Array<number>(N + 1).fill(0);
  const h = T / steps;
  const f = (y: number[]) => y.map((v, n) => (n === 0 ? 0 : (a / alpha) * Math.exp(-1 - alpha * (v - y[n - 1]!))));
  for (let s = 0; s < steps; s++) {
    const k1 = f(J);
    const k2 = f(J.map((v, i) => v + (h / 2) * k1[i]!));
    const k3 = f(J.map((v, i) => v + (h / 2) * k2[i]!));
    const k4 = f(J.map((v, i) => v + h * k3[i]!));
    J = J.map((v, i) => v + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
  }
  return J;
}

describe('gallegoVanRyzin', () => {
  it('one unit: J*(1, t) = (1/alpha)·ln(1 + λ*t), p*(1, t) = 1/alpha + J*(1, t) (GvR 1994 §3.2 with n = 1)', () => {
    const g = gallegoVanRyzin({ a: Math.E, alpha: 0.01, inventory: 1, horizon: 1 });
    expect(g.expectedRevenue).toBeCloseTo(100 * Math.log(2), 12);
    expect(g.price(1, 1)).toBeCloseTo(100 + 100 * Math.log(2), 12);
    expect(g.deterministicBound).toBeCloseTo(100, 12);
  });
  it('agrees with an RK4 integration of the HJB equation (independent of the closed form)', () => {
    for (const [a, alpha, N, T] of [[20, 0.05, 8, 1], [5, 0.01, 20, 3], [100, 0.2, 40, 0.5]] as const) {
      const g = gallegoVanRyzin({ a, alpha, inventory: N, horizon: T });
      const J = hjbRk4(a, alpha, N, T, 4000);
      for (let n = 0; n <= N; n++) expect(g.value(n, T)).toBeCloseTo(J[n]!, 6);
      // the optimal price is 1/alpha + J_n − J_{n−1} (the maximiser of the HJB sup)
      for (let n = 1; n <= N; n++) expect(g.price(n, T)).toBeCloseTo(1 / alpha + J[n]! - J[n - 1]!, 6);
    }
  });
  it('agrees with the discrete-time dynamicPricing DP on a fine time and price grid', () => {
    // Periods of length δ: a sale happens with probability ≈ λ(p)·δ; prices on a 0.25 grid. The DP
    // converges to J* as δ → 0 and the grid refines (error O(δ) + O(grid²)).
    const a = 4;
    const alpha = 0.05;
    const N = 5;
    const T = 2;
    const periods = 2000;
    const delta = T / periods;
    const prices = Array.from({ length: 400 }, (_, i) => 5 + i * 0.25);
    const dp = dynamicPricing({ inventory: N, periods, prices, purchaseProbabilities: prices.map((p) => a * Math.exp(-alpha * p) * delta) });
    const g = gallegoVanRyzin({ a, alpha, inventory: N, horizon: T });
    expect(dp.expectedRevenue / g.expectedRevenue).toBeCloseTo(1, 2);
    expect(Math.abs(dp.price(periods, N) - g.price(N, T))).toBeLessThan(1);
  });
  it('large stock and horizon neither overflow nor lose the bound (log-space sums)', () => {
    const g = gallegoVanRyzin({ a: 5000, alpha: 0.01, inventory: 20000, horizon: 30 });
    expect(Number.isFinite(g.expectedRevenue)).toBe(true);
    expect(g.expectedRevenue).toBeLessThanOrEqual(g.deterministicBound);
    expect(g.expectedRevenue / g.deterministicBound).toBeGreaterThan(0.99); // GvR 1994 §4: fixed/fluid policies are asymptotically optimal, so J*/J^D → 1 at scale
  });
  it('expected revenue ≤ deterministic bound; value rises in n and t; price ≥ 1/alpha, falls in n, rises in t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        (a, alpha, N, T) => {
          const g = gallegoVanRyzin({ a, alpha, inventory: N, horizon: T });
          const tol = 1e-9 / alpha;
          expect(g.expectedRevenue).toBeLessThanOrEqual(g.deterministicBound + tol);
          for (let n = 1; n <= N; n++) {
            expect(g.value(n, T)).toBeGreaterThanOrEqual(g.value(n - 1, T) - tol);
            expect(g.value(n, T)).toBeGreaterThanOrEqual(g.value(n, T / 2) - tol);
            expect(g.price(n, T)).toBeGreaterThanOrEqual(1 / alpha - tol);
            expect(g.price(n, T)).toBeGreaterThanOrEqual(g.price(n, T / 2) - tol);
            if (n > 1) expect(g.price(n, T)).toBeLessThanOrEqual(g.price(n - 1, T) + tol);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  it('scaling money by k (alpha → alpha/k) scales revenue, bound and prices by k', () => {
    const x = gallegoVanRyzin({ a: 10, alpha: 0.04, inventory: 12, horizon: 2 });
    const y = gallegoVanRyzin({ a: 10, alpha: 0.01, inventory: 12, horizon: 2 });
    expect(y.expectedRevenue).toBeCloseTo(4 * x.expectedRevenue, 9);
    expect(y.deterministicBound).toBeCloseTo(4 * x.deterministicBound, 9);
    expect(y.price(5, 1)).toBeCloseTo(4 * x.price(5, 1), 9);
  });
  it('deterministic bound: fluid rate min(λ*, n/t) (GvR 1994 §4)', () => {
    // λ* = a/e = 1; n/t = 0.5 < 1: sell at λ = 0.5, price ln(a/0.5)/alpha = (1 + ln 2)/alpha, for t = 4
    const g = gallegoVanRyzin({ a: Math.E, alpha: 0.1, inventory: 2, horizon: 4 });
    expect(g.deterministicBound).toBeCloseTo(4 * 0.5 * (1 + Math.log(2)) * 10, 9);
  });
  it('no stock or no time earns nothing; t = 0 prices at 1/alpha', () => {
    expect(gallegoVanRyzin({ a: 3, alpha: 0.1, inventory: 0, horizon: 5 }).expectedRevenue).toBe(0);
    const g = gallegoVanRyzin({ a: 3, alpha: 0.1, inventory: 4, horizon: 0 });
    expect(g.expectedRevenue).toBe(0);
    expect(g.deterministicBound).toBe(0);
    expect(g.price(2, 0)).toBeCloseTo(10, 12);
  });
  it('does not mutate its input; bad input throws YieldInputError naming the field', () => {
    const input = deepFreeze({ a: 3, alpha: 0.1, inventory: 4, horizon: 5 });
    const g = gallegoVanRyzin(input);
    expectInputError(() => gallegoVanRyzin({ ...input, a: 0 }), 'a');
    expectInputError(() => gallegoVanRyzin({ ...input, alpha: NaN }), 'alpha');
    expectInputError(() => gallegoVanRyzin({ ...input, inventory: 2.5 }), 'inventory');
    expectInputError(() => gallegoVanRyzin({ ...input, horizon: -1 }), 'horizon');
    expectInputError(() => g.price(0, 1), 'n');
    expectInputError(() => g.price(5, 1), 'n');
    expectInputError(() => g.price(1, 6), 't');
    expectInputError(() => g.value(1, NaN), 't');
  });
});
