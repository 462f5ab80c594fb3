import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  nestedLimitState,
  compileControls,
  createDecision,
  decide,
  nestedLimitControls,
  type Controls,
} from '../../src/control/index.js';
import { pathOf } from '../errorPath.js';

/** Independent statement of standard nesting: every limit b_i, i ≤ j, must hold after the sale. */
function nestedAllows(limits: readonly number[], sold: readonly number[], j: number, q: number): boolean {
  for (let i = 0; i <= j; i++) {
    const soldFromI = sold.slice(i).reduce((a, b) => a + b, 0);
    if (soldFromI + q > limits[i]!) return false;
  }
  return true;
}


describe('decide(request, state, controls) with nested limits', () => {
  it('replays a low-before-high booking process to the hand-computed nested sales', () => {
    // Four classes, fares 1000/800/600/200, capacity 100, nested limits b = (100, 70, 45, 32), demand
    // (25, 30, 20, 50) arriving cheapest class first. By hand (T&vR 2004 §2.1.2 nesting): class 4 sells
    // min(50, 32) = 32; class 3 sells while s3 + s4 < 45 → 13 of 20; class 2 while s2 + s3 + s4 < 70 →
    // 25 of 30; class 1 while the total < 100 → all 25 (total 95).
    // Revenue 25·1000 + 25·800 + 13·600 + 32·200 = 59,200. (The same instance appears in the revmng
    // package's validation cases, attributed to Phillips 2005; the page could not be checked here.)
    const fares = [1000, 800, 600, 200];
    const demand = [25, 30, 20, 50];
    const controls = nestedLimitControls([100, 70, 45, 32]);
    const state = nestedLimitState(controls);
    const out = createDecision();
    for (const j of [3, 2, 1, 0])
      for (let r = 0; r < demand[j]!; r++) {
        const d = decide({ product: j }, state, controls, out);
        if (d.accept) state.sold[d.classIndex]! += d.quantity;
      }
    expect([...state.sold]).toEqual([25, 25, 13, 32]);
    expect([...state.sold].reduce((a, s, j) => a + s * fares[j]!, 0)).toBe(59200);
  });

  it('says which limit binds and how many units are left', () => {
    const controls = nestedLimitControls([100, 70, 45, 32], { classIds: ['Y', 'B', 'M', 'Q'] });
    const state = nestedLimitState(controls, { sold: { Y: 20, B: 30, M: 10, Q: 10 } });
    // Room: b4 − 10 = 22, b3 − 20 = 25, b2 − 50 = 20, b1 − 70 = 30 → class Q may sell 20, B's limit binds.
    expect(decide({ product: 'Q', quantity: 20 }, state, controls)).toEqual({
      accept: true, reason: 'accepted', classIndex: 3, quantity: 20, bindingLimit: 1, available: 20, value: 0, hurdle: 0,
    });
    expect(decide({ product: 'Q', quantity: 21 }, state, controls)).toMatchObject({ accept: false, reason: 'class-limit', bindingLimit: 1 });
    // Class Y only answers to the total: 30 left.
    expect(decide({ product: 'Y', quantity: 31 }, state, controls)).toMatchObject({ accept: false, reason: 'sold-out', available: 30 });
  });

  it('reports sold-out (not class-limit) when the total and a class limit are both exhausted', () => {
    const controls = nestedLimitControls([10, 10]);
    const state = nestedLimitState(controls, { sold: [0, 10] });
    expect(decide({ product: 1 }, state, controls)).toMatchObject({ accept: false, reason: 'sold-out', bindingLimit: 0, available: 0 });
  });

  it('admits ⌊b⌋ units under a fractional limit', () => {
    const controls = nestedLimitControls([100, 16.8]);
    const state = nestedLimitState(controls, { sold: [0, 16] });
    expect(decide({ product: 1 }, state, controls).accept).toBe(false);
    expect(decide({ product: 1 }, nestedLimitState(controls, { sold: [0, 15] }), controls).accept).toBe(true);
  });

  it('handles an oversold state (limits lowered after sales) by rejecting with 0 available', () => {
    const controls = nestedLimitControls([50, 20]);
    const state = nestedLimitState(controls, { sold: [10, 30] });
    expect(decide({ product: 1 }, state, controls)).toMatchObject({ accept: false, available: 0, reason: 'class-limit' });
  });

  it('works the same on controls restored from JSON', () => {
    const c = nestedLimitControls([90, 60, 20], { classIds: ['a', 'b', 'c'] });
    const restored = compileControls(JSON.parse(JSON.stringify(c)));
    const s = nestedLimitState(restored, { sold: [5, 30, 20] });
    expect(decide({ product: 'b' }, s, restored)).toEqual(decide({ product: 'b' }, nestedLimitState(c, { sold: [5, 30, 20] }), c));
  });

  const arbCase = fc
    .array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 })
    .chain((raw) => {
      const limits = raw.slice().sort((a, b) => b - a);
      return fc.record({
        limits: fc.constant(limits),
        sold: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: limits.length, maxLength: limits.length }),
        j: fc.integer({ min: 0, max: limits.length - 1 }),
        q: fc.integer({ min: 1, max: 30 }),
      });
    });

  it('property: accepts exactly when every nested limit i ≤ j still holds, and available is the largest such q', () => {
    fc.assert(
      fc.property(arbCase, ({ limits, sold, j, q }) => {
        const controls = nestedLimitControls(limits);
        const d = decide({ product: j, quantity: q }, nestedLimitState(controls, { sold }), controls);
        let largest = 0;
        while (nestedAllows(limits, sold, j, largest + 1)) largest++;
        return d.accept === nestedAllows(limits, sold, j, q) && d.available === largest;
      }),
      { numRuns: 300 },
    );
  });

  it('property: selling more in any class never gives a class more room', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.integer({ min: 1, max: 10 }), ({ limits, sold, j }, k, extra) => {
        const controls = nestedLimitControls(limits);
        const more = sold.slice();
        more[k % more.length]! += extra;
        const a = decide({ product: j }, nestedLimitState(controls, { sold }), controls).available;
        const b = decide({ product: j }, nestedLimitState(controls, { sold: more }), controls).available;
        return b <= a;
      }),
      { numRuns: 200 },
    );
  });

  it('property: never modifies state or controls, and a reused out object gives the same answers', () => {
    fc.assert(
      fc.property(arbCase, ({ limits, sold, j, q }) => {
        const controls = nestedLimitControls(limits);
        const state = nestedLimitState(controls, { sold });
        const before = [...state.sold];
        const out = createDecision();
        const fresh = { ...decide({ product: j, quantity: q }, state, controls) };
        decide({ product: 0, quantity: 1 }, state, controls, out); // dirty the buffer first
        const reused = decide({ product: j, quantity: q }, state, controls, out);
        return (
          reused === out &&
          JSON.stringify(reused) === JSON.stringify(fresh) &&
          JSON.stringify([...state.sold]) === JSON.stringify(before) &&
          JSON.stringify(controls.limits) === JSON.stringify(limits)
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('decide and its builders: bad input', () => {
  const controls = nestedLimitControls([100, 70, 45], { classIds: ['Y', 'B', 'M'] });
  const state = nestedLimitState(controls);

  it('rejects an unknown class index or id and a quantity below 1, naming the request field', () => {
    expect(pathOf(() => decide({ product: 3 }, state, controls))).toBe('request.product');
    expect(pathOf(() => decide({ product: -1 }, state, controls))).toBe('request.product');
    expect(pathOf(() => decide({ product: 1.5 }, state, controls))).toBe('request.product');
    expect(pathOf(() => decide({ product: 'Z' }, state, controls))).toBe('request.product');
    expect(pathOf(() => decide({ product: 0, quantity: 0 }, state, controls))).toBe('request.quantity');
    expect(pathOf(() => decide({ product: 0, quantity: 2.5 }, state, controls))).toBe('request.quantity');
    expect(pathOf(() => decide({ product: 0, quantity: NaN }, state, controls))).toBe('request.quantity');
  });

  it('rejects a missing request or state naming it (no TypeError from inside)', () => {
    expect(pathOf(() => decide(null as never, state, controls))).toBe('request');
    expect(pathOf(() => decide(undefined as never, state, controls))).toBe('request');
    expect(pathOf(() => decide({ product: 0 }, null as never, controls))).toBe('state');
    expect(pathOf(() => decide({ product: 0 }, undefined as never, controls))).toBe('state');
  });

  it('rejects a state built for other controls and controls not built by a factory', () => {
    const other = nestedLimitControls([10, 5]);
    expect(pathOf(() => decide({ product: 0 }, nestedLimitState(other), controls))).toBe('state');
    const forged = { kind: 'nested-limits', limits: [100, 70, 45] } as unknown as Controls;
    expect(pathOf(() => decide({ product: 0 }, state, forged))).toBe('controls');
  });

  it('nestedLimitControls names bad limits and class ids', () => {
    expect(pathOf(() => nestedLimitControls([]))).toBe('bookingLimits');
    expect(pathOf(() => nestedLimitControls([100, 120]))).toBe('bookingLimits[1]');
    expect(pathOf(() => nestedLimitControls([100, NaN]))).toBe('bookingLimits[1]');
    expect(pathOf(() => nestedLimitControls([100, -1]))).toBe('bookingLimits[1]');
    expect(pathOf(() => nestedLimitControls([100, 50], { classIds: ['a'] }))).toBe('options.classIds');
    expect(pathOf(() => nestedLimitControls([100, 50], { classIds: ['a', 'a'] }))).toBe('options.classIds[1]');
    expect(pathOf(() => compileControls({ kind: 'nested-limits', limits: [1, 2] }))).toBe('controls.limits[1]');
    expect(pathOf(() => compileControls({ kind: 'bid-prices' } as never))).toBe('controls.resources');
  });

  it('nestedLimitState names bad counts, unknown ids and an inconsistent total', () => {
    expect(pathOf(() => nestedLimitState(controls, { sold: [1, 2] }))).toBe('state.sold');
    expect(pathOf(() => nestedLimitState(controls, { sold: [1, -2, 0] }))).toBe('state.sold[1]');
    expect(pathOf(() => nestedLimitState(controls, { sold: { X: 1 } }))).toBe('state.sold.X');
    expect(pathOf(() => nestedLimitState(controls, { sold: [1, 2, 3], total: 7 }))).toBe('state.total');
  });
});
