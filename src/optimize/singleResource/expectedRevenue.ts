import { validateFareClasses, type FareClass } from '../../model/demand.js';
import { fail, nonNegativeInteger } from '../../internal/validate.js';
import { pmfOnCapacity } from './aggregate.js';
import { validateProtectionLevels } from './bookingLimits.js';
import { tails } from './optimalProtectionLevels.js';

/**
 * The exact expected revenue of any nested protection-level policy on a single resource, with the same
 * arrival model as `optimalProtectionLevels`: the classes arrive in sequence from the cheapest (class n)
 * to the most expensive (class 1), independent demands D_j, and class j+1 may sell only while more than
 * y_j units remain. So heuristics (EMSR-a, EMSR-b) can be scored against the optimum exactly, without
 * simulation noise.
 *
 * Computed forward: the distribution of the units left is carried from class n to class 1; class j sells
 * min(D_j, L_j(x)) with L_j(x) = max(0, ⌊x − y_{j−1}⌋) (y_0 = 0) and earns p_j per unit:
 *
 *   E[revenue] = Σ_j p_j · Σ_x P(X_j = x) · E[min(D_j, L_j(x))]
 *
 * Reference: Talluri & van Ryzin (2004), §2.2 (the static model and its nested policies); the forward
 * recursion on the remaining-capacity distribution is the standard evaluation of a fixed policy (the same
 * model as Brumelle & McGill 1993).
 *
 * Conventions: fractional levels (from normal-demand EMSR) act as ⌈y⌉ — a unit is sold only if at least y
 * remain after the sale (a level within 1e-9 of a whole number counts as that number); +Infinity closes
 * the lower classes; levels above C close them too. Normal demand is discretised as in
 * `optimalProtectionLevels` (rounding to the nearest unit). O(n·C²) time, O(C) memory.
 *
 * @param protectionLevels - y_1..y_{n−1}, units, ≥ 0, non-decreasing (length n − 1)
 * @param classes - fare classes high → low, each `{ fare, demand }`; not modified
 * @param capacity - C, units; a whole number ≥ 0
 * @returns the expected revenue, money
 * @example
 * import { expectedRevenue } from 'yieldcraft/optimize';
 * const classes = [
 *   { fare: 100, demand: { kind: 'empirical', probabilities: [0.5, 0.5] } },
 *   { fare: 40, demand: { kind: 'empirical', probabilities: [0, 0, 1] } },
 * ] as const;
 * expectedRevenue([1], classes, 2); // => 90   (40 + 0.5·100)
 * expectedRevenue([0], classes, 2); // => 80   (the cheap class takes both units)
 */
export function expectedRevenue(protectionLevels: readonly number[], classes: readonly FareClass[], capacity: number): number {
  const ys = validateProtectionLevels(protectionLevels);
  const list = validateFareClasses(classes, 'classes');
  const C = nonNegativeInteger(capacity, 'capacity');
  const n = list.length;
  if (ys.length !== n - 1)
    fail('protectionLevels', `must have one level per class but the last (${n - 1}), got ${ys.length}`, 'inconsistent');
  let prob = new Float64Array(C + 1);
  let next = new Float64Array(C + 1);
  prob[C] = 1;
  let revenue = 0;
  for (let j = n - 1; j >= 0; j--) {
    const p = list[j]!.fare;
    const y = j === 0 ? 0 : ys[j - 1]!;
    const pmf = pmfOnCapacity(list[j]!.demand, C);
    const tail = tails(pmf);
    // mean[L] = E[min(D, L)] = Σ_{d<L} d·P(d) + L·P(D ≥ L)
    next.fill(0);
    let partial = 0; // Σ_{d<L} d·P(d)
    let lastL = 0;
    for (let x = 0; x <= C; x++) {
      const px = prob[x]!;
      const L = y === Infinity ? 0 : Math.max(0, Math.floor(x - y + 1e-9));
      if (px === 0) continue;
      // advance the running partial sum to L (L is non-decreasing in x)
      while (lastL < L) {
        partial += lastL * pmf[lastL]!;
        lastL++;
      }
      revenue += px * p * (partial + L * tail[L]!);
      for (let d = 0; d < L; d++) next[x - d]! += px * pmf[d]!;
      next[x - L]! += px * tail[L]!;
    }
    const t = prob;
    prob = next;
    next = t;
  }
  return revenue;
}
