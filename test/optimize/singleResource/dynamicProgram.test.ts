import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dynamicProgram } from '../../../src/optimize/singleResource/index.js';
import { YieldInputError } from '../../../src/model/index.js';
import { deepFreeze } from './fixtures.js';

/** E[min(Binomial(n, q), x)], by the product-formula pmf, written here independently of the library. */
function expectedMinBinomial(n: number, q: number, x: number): number {
  let e = 0;
  for (let k = 0; k <= n; k++) {
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    e += c * q ** k * (1 - q) ** (n - k) * Math.min(k, x);
  }
  return e;
}

/** Exact revenue of the DP's own accept() policy, carried forward over the distribution of units left. */
function evaluatePolicy(
  dp: ReturnType<typeof dynamicProgram>,
  C: number,
  fares: number[],
  lam: (t: number) => number[],
  T: number,
): number {
  let p = new Array<number>(C + 1).fill(0);
  p[C] = 1;
  let rev = 0;
  for (let t = T; t >= 1; t--) {
    const q = new Array<number>(C + 1).fill(0);
    const l = lam(t);
    for (let x = 0; x <= C; x++) {
      if (p[x] === 0) continue;
      let stay = 1;
      for (let i = 0; i < fares.length; i++) {
        if (x > 0 && dp.accept(t, x, i)) {
          rev += p[x]! * l[i]! * fares[i]!;
          q[x - 1]! += p[x]! * l[i]!;
          stay -= l[i]!;
        }
      }
      q[x]! += p[x]! * stay;
    }
    p = q;
  }
  return rev;
}

const instance = fc.record({
  C: fc.integer({ min: 0, max: 25 }),
  T: fc.integer({ min: 1, max: 40 }),
  fares: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }).map((f) => f.sort((a, b) => b - a)),
  seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
}).map(({ C, T, fares, seed }) => {
  const w = fares.map((_, i) => seed[i]!);
  const s = w.reduce((a, b) => a + b, 0) || 1;
  return { C, T, fares, lam: w.map((x) => (0.95 * x) / s) };
});

describe('dynamicProgram({ capacity, fares, arrivalProbabilities, periods })', () => {
  it('computes the two-period, one-seat example by hand (V_2(1) = 60 + 0.3·(100 − 60) = 72)', () => {
    const dp = dynamicProgram({ capacity: 1, fares: [100, 60], arrivalProbabilities: [0.3, 0.5], periods: 2 });
    expect(dp.value(1, 1)).toBeCloseTo(60, 12);
    expect(dp.bidPrice(2, 1)).toBeCloseTo(60, 12);
    expect(dp.accept(2, 1, 1)).toBe(true); // tie: 60 ≥ 60 accepts
    expect(dp.accept(2, 1, 0)).toBe(true);
    expect(dp.expectedRevenue).toBeCloseTo(72, 12);
    expect(dp.value(0, 1)).toBe(0);
    expect(dp.value(2, 0)).toBe(0);
    expect(dp.bidPrice(1, 0)).toBe(Infinity);
    expect(dp.accept(1, 0, 0)).toBe(false);
  });

  it('reduces to p·E[min(Binomial(t, λ), x)] for a single class (closed form)', () => {
    const dp = dynamicProgram({ capacity: 12, fares: [80], arrivalProbabilities: [0.35], periods: 30 });
    for (const [t, x] of [[30, 12], [30, 5], [10, 3], [1, 1], [17, 12]] as const)
      expect(dp.value(t, x)).toBeCloseTo(80 * expectedMinBinomial(t, 0.35, x), 9);
  });

  it('equals an independent backward recursion in the direct accept-or-reject form, for several classes', () => {
    // Independent of the implementation's bid-price form: V_t(x) = Σ_i λ_i·max(p_i + V_{t−1}(x − 1),
    // V_{t−1}(x)) + (1 − Σ_i λ_i)·V_{t−1}(x) (T&vR 2004, §2.5.1, eq. 2.22 before rearranging), with
    // arrays rebuilt per period. The forward-evaluation test below only checks self-consistency; this one
    // checks the optimal value itself.
    fc.assert(
      fc.property(instance, ({ C, T, fares, lam }) => {
        let V = new Array<number>(C + 1).fill(0);
        const table = [V];
        for (let t = 1; t <= T; t++) {
          const W = V.map((v, x) => {
            let total = 0;
            let none = 1;
            fares.forEach((p, i) => {
              none -= lam[i]!;
              total += lam[i]! * (x > 0 ? Math.max(p + V[x - 1]!, v) : v);
            });
            return total + none * v;
          });
          table.push(W);
          V = W;
        }
        const dp = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        const scale = Math.max(1, ...fares) * T;
        expect(Math.abs(dp.expectedRevenue - V[C]!)).toBeLessThanOrEqual(1e-10 * scale);
        for (const t of [0, Math.floor(T / 2), T - 1, T])
          for (const x of [0, Math.floor(C / 2), C]) expect(Math.abs(dp.value(t, x) - table[t]![x]!)).toBeLessThanOrEqual(1e-10 * scale);
      }),
      { numRuns: 30 },
    );
  });

  it('earns V_T(C) with its own accept rule (forward evaluation of the policy)', () => {
    fc.assert(
      fc.property(instance, ({ C, T, fares, lam }) => {
        const dp = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        // Decisions treat bid prices within a relative 1e-9 of a fare as ties (accepted), which can cost
        // at most 1e-9·fare per period: the bound below.
        const tol = 1e-9 * T * Math.max(1, ...fares) + 1e-9;
        expect(Math.abs(evaluatePolicy(dp, C, fares, () => lam, T) - dp.expectedRevenue)).toBeLessThanOrEqual(tol);
      }),
      { numRuns: 30 },
    );
  });

  it('reads per-period probabilities chronologically: [0] is the first period (t = periods)', () => {
    // First period: only class 2 (index 1) arrives; last period: class 1 w.p. 0.5. V_1(1) = 50 and
    // V_2(1) = 50 + max(0, 60 − 50) = 60 (the reverse reading would give 80).
    const dp = dynamicProgram({ capacity: 1, fares: [100, 60], arrivalProbabilities: [[0, 1], [0.5, 0]], periods: 2 });
    expect(dp.value(1, 1)).toBeCloseTo(50, 12);
    expect(dp.expectedRevenue).toBeCloseTo(60, 12);
    const lam = (t: number): number[] => (t === 2 ? [0, 1] : [0.5, 0]);
    expect(evaluatePolicy(dp, 1, [100, 60], lam, 2)).toBeCloseTo(60, 12);
  });

  it('gives the same answers with per-period rows equal to a constant vector, and for any checkpoint spacing', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 9 }), ({ C, T, fares, lam }, K) => {
        const a = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        const b = dynamicProgram({ capacity: C, fares, arrivalProbabilities: Array.from({ length: T }, () => lam), periods: T }, { checkpointEvery: K });
        const full = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T }, { checkpointEvery: 1 });
        for (let t = 0; t <= T; t++)
          for (let x = 0; x <= C; x++) {
            expect(b.value(t, x)).toBe(a.value(t, x));
            expect(full.value(t, x)).toBe(a.value(t, x));
          }
      }),
      { numRuns: 20 },
    );
  });

  it('has a value non-decreasing and concave in capacity, non-decreasing in time, and bid prices ≥ 0', () => {
    fc.assert(
      fc.property(instance, ({ C, T, fares, lam }) => {
        const dp = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        for (let t = 1; t <= T; t++) {
          for (let x = 1; x <= C; x++) {
            const d = dp.value(t, x) - dp.value(t, x - 1);
            expect(d).toBeGreaterThanOrEqual(-1e-9);
            if (x >= 2) expect(d).toBeLessThanOrEqual(dp.value(t, x - 1) - dp.value(t, x - 2) + 1e-9);
            expect(dp.bidPrice(t, x)).toBeGreaterThanOrEqual(-1e-12);
            expect(dp.value(t, x)).toBeGreaterThanOrEqual(dp.value(t - 1, x) - 1e-9);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('has nested per-period protection levels consistent with accept()', () => {
    fc.assert(
      fc.property(instance, ({ C, T, fares, lam }) => {
        const dp = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        for (let t = 1; t <= T; t += 3) {
          const ys = dp.protectionLevels(t);
          expect(ys).toHaveLength(fares.length - 1);
          let prev = 0;
          ys.forEach((y, j) => {
            expect(y).toBeGreaterThanOrEqual(prev);
            expect(y).toBeLessThanOrEqual(C);
            prev = y;
            // class j + 1 is open exactly while more than y_j units remain
            for (let x = 1; x <= C; x++) expect(dp.accept(t, x, j + 1)).toBe(x > y);
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('scales values by k and keeps the controls when every fare is scaled by k', () => {
    // k = 2^m scales every floating-point operation exactly, so decisions at exact ties cannot flip.
    fc.assert(
      fc.property(instance, fc.integer({ min: -6, max: 8 }).map((m) => 2 ** m), ({ C, T, fares, lam }, k) => {
        const a = dynamicProgram({ capacity: C, fares, arrivalProbabilities: lam, periods: T });
        const b = dynamicProgram({ capacity: C, fares: fares.map((f) => f * k), arrivalProbabilities: lam, periods: T });
        expect(b.expectedRevenue).toBeCloseTo(a.expectedRevenue * k, 6);
        for (let t = 1; t <= T; t += 5) expect(b.protectionLevels(t)).toEqual(a.protectionLevels(t));
      }),
      { numRuns: 25 },
    );
  });

  it('keeps memory at O(√periods · capacity) by default', () => {
    const dp = dynamicProgram({ capacity: 300, fares: [500, 300, 200], arrivalProbabilities: [0.1, 0.2, 0.3], periods: 3000 });
    const full = 3001 * 301 * 8;
    expect(dp.storage.checkpointEvery).toBe(55);
    expect(dp.storage.bytes).toBeLessThan(full / 20);
    // a sweep down the horizon (as a simulation does) still answers every query
    let s = 0;
    for (let t = 3000; t >= 1; t--) s += dp.bidPrice(t, 150);
    expect(s).toBeGreaterThan(0);
  });

  it('does not mutate its input', () => {
    const input = deepFreeze({ capacity: 5, fares: [100, 50], arrivalProbabilities: [[0.2, 0.3], [0.1, 0.6]], periods: 2 });
    const before = structuredClone(input);
    dynamicProgram(input);
    expect(input).toEqual(before);
  });

  it('rejects bad input naming the field', () => {
    const ok = { capacity: 5, fares: [100, 50], arrivalProbabilities: [0.2, 0.3], periods: 4 };
    const cases: [() => unknown, string, string][] = [
      [() => dynamicProgram({ ...ok, capacity: -1 }), 'capacity', 'invalid'],
      [() => dynamicProgram({ ...ok, capacity: 2.5 }), 'capacity', 'invalid'],
      [() => dynamicProgram({ ...ok, periods: 0 }), 'periods', 'invalid'],
      [() => dynamicProgram({ ...ok, fares: [] }), 'fares', 'empty'],
      [() => dynamicProgram({ ...ok, fares: [100, Number.NaN] }), 'fares[1]', 'invalid'],
      [() => dynamicProgram({ ...ok, fares: [50, 100] }), 'fares[1]', 'unsorted'],
      [() => dynamicProgram({ ...ok, arrivalProbabilities: [0.2, 1.3] }), 'arrivalProbabilities[1]', 'invalid'],
      [() => dynamicProgram({ ...ok, arrivalProbabilities: [0.2, -0.1] }), 'arrivalProbabilities[1]', 'invalid'],
      [() => dynamicProgram({ ...ok, arrivalProbabilities: [0.6, 0.6] }), 'arrivalProbabilities', 'inconsistent'],
      [() => dynamicProgram({ ...ok, arrivalProbabilities: [0.2] }), 'arrivalProbabilities', 'inconsistent'],
      [() => dynamicProgram({ ...ok, arrivalProbabilities: [[0.2, 0.3]] }), 'arrivalProbabilities', 'inconsistent'],
      [
        () => dynamicProgram({ ...ok, periods: 2, arrivalProbabilities: [[0.2, 0.3], [0.7, 0.7]] }),
        'arrivalProbabilities[1]',
        'inconsistent',
      ],
      [() => dynamicProgram(ok, { checkpointEvery: 0 }), 'options.checkpointEvery', 'invalid'],
      [() => dynamicProgram(ok, null as never), 'options', 'invalid-type'],
      [() => dynamicProgram(ok, 1 as never), 'options', 'invalid-type'],
    ];
    for (const [f, path, code] of cases) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(YieldInputError);
      expect((err as YieldInputError).path).toBe(path);
      expect((err as YieldInputError).code).toBe(code);
    }
    const dp = dynamicProgram(ok);
    expect(() => dp.value(5, 1)).toThrow(/^t:/);
    expect(() => dp.value(1, 6)).toThrow(/^x:/);
    expect(() => dp.bidPrice(0, 1)).toThrow(/^t:/);
    expect(() => dp.accept(1, 1, 2)).toThrow(/^classIndex:/);
    expect(() => dp.accept(1, Number.NaN, 0)).toThrow(/^x:/);
    expect(() => dp.protectionLevels(1.5)).toThrow(/^t:/);
  });
});
