import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxWeightClosure } from '../../src/pricing/maxWeightClosure.js';

/** Every subset of the nodes that is closed under the arcs, with its weight (brute force). */
function closures(n: number, w: number[], arcs: [number, number][]): { set: number; weight: number }[] {
  const out: { set: number; weight: number }[] = [];
  for (let set = 0; set < 1 << n; set++) {
    if (arcs.some(([u, v]) => (set >> u) & 1 && !((set >> v) & 1))) continue;
    let weight = 0;
    for (let v = 0; v < n; v++) if ((set >> v) & 1) weight += w[v]!;
    out.push({ set, weight });
  }
  return out;
}

describe('maxWeightClosure (Picard 1976, by min cut)', () => {
  it('worked by hand: a → b; w = (5, −3), c alone with −1: take {a, b}, leave c', () => {
    const r = maxWeightClosure(3, Float64Array.from([5, -3, -1]), Int32Array.from([0]), Int32Array.from([1]));
    expect(Array.from(r.inClosure)).toEqual([1, 1, 0]);
    expect(r.weight).toBe(2);
  });
  it('finds the maximum weight of every closure and the largest optimal closure (brute force over all subsets)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.integer({ min: -20, max: 20 }), { minLength: n, maxLength: n }),
            fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 2 * n }),
          ),
        ),
        ([n, w, arcs]) => {
          const r = maxWeightClosure(n, Float64Array.from(w), Int32Array.from(arcs.map((a) => a[0])), Int32Array.from(arcs.map((a) => a[1])));
          const all = closures(n, w, arcs);
          const best = Math.max(...all.map((c) => c.weight));
          let set = 0;
          for (let v = 0; v < n; v++) if (r.inClosure[v]) set |= 1 << v;
          expect(all.some((c) => c.set === set)).toBe(true); // it is a closure
          expect(r.weight).toBe(best);
          for (const c of all) if (c.weight === best) expect(c.set & ~set).toBe(0); // every optimal closure lies inside it
        },
      ),
      { numRuns: 300 },
    );
  });
});
