import { validateFareClasses, type FareClass } from '../../model/demand.js';
import { nonNegativeInteger } from '../../internal/validate.js';
import { pmfOnCapacity } from './aggregate.js';
import { above } from './dynamicProgram.js';

export interface OptimalProtectionLevelsResult {
  /** y_1..y_{n−1}: whole units in 0..C, non-decreasing. */
  readonly protectionLevels: number[];
  /** V_n(C): the optimal expected revenue, money. */
  readonly expectedRevenue: number;
}

/** Suffix sums: tail[L] = P(D ≥ L) for L = 0..C, from a pmf on 0..C. @internal */
export function tails(pmf: Float64Array): Float64Array {
  const t = new Float64Array(pmf.length + 1);
  for (let k = pmf.length - 1; k >= 0; k--) t[k] = t[k + 1]! + pmf[k]!;
  return t;
}

/**
 * The exact optimal nested protection levels for the static single-resource problem: classes arrive in
 * sequence from the cheapest (class n) to the most expensive (class 1), each class's demand is known only
 * in distribution, and a class once passed never returns. Stage j (classes 1..j still to come, class j
 * arriving now) has the value
 *
 *   V_j(x) = E[ max_{0 ≤ u ≤ min(D_j, x)} { p_j·u + V_{j−1}(x − u) } ],   V_0(x) = 0,
 *
 * V_j is concave in x, so the best u sells class j down to a protection level: u* = min(D_j, (x − y_{j−1})⁺)
 * with y_{j−1} = max{ x ∈ 0..C : ΔV_{j−1}(x) > p_j },  ΔV(x) = V(x) − V(x − 1)          (T&vR Prop. 2.4)
 *
 * Reference: Brumelle, S. L. & McGill, J. I. (1993), "Airline seat allocation with multiple nested fare
 * classes", Operations Research 41(1), 127–137; Talluri & van Ryzin (2004), §2.2.2, eq. 2.5–2.9 and
 * Proposition 2.4; Curry (1990) and Wollmer (1992) for the same recursion.
 *
 * Notation: classes high → low (class 1 / index 0 the most expensive), p_j fares (money per unit), D_j
 * demands (units), C capacity (units). Returns y_1..y_{n−1}, whole units in 0..C (the DP's domain:
 * protecting more than C is the same as protecting C), and the optimal expected revenue V_n(C) (money).
 *
 * Discretisation and conventions:
 * - Poisson, negative binomial and empirical demand are used exactly (the tail beyond C lumped on C,
 *   which is exact: no class can sell more than C).
 * - Normal demand is discretised by rounding to the nearest whole unit: P(D = k) = Φ((k + ½ − μ)/σ) −
 *   Φ((k − ½ − μ)/σ), the mass below ½ on 0 (σ = 0: all mass on ⌊μ + ½⌋). The same discretisation is
 *   used by `expectedRevenue`, so the two agree exactly.
 * - Ties: a unit is protected only if its marginal value is strictly above the lower fare, by more than
 *   a relative 1e-9 (float noise never flips a decision; at a tie both choices earn the same).
 * - Cost: O(n·C²) time, O(C) memory per stage.
 *
 * @param classes - fare classes high → low, each `{ fare, demand }`; not modified
 * @param capacity - C, units; a whole number ≥ 0
 * @returns `{ protectionLevels, expectedRevenue }`
 * @example
 * import { optimalProtectionLevels } from 'yieldcraft/optimize';
 * optimalProtectionLevels([
 *   { fare: 100, demand: { kind: 'empirical', probabilities: [0.5, 0.5] } },
 *   { fare: 40, demand: { kind: 'empirical', probabilities: [0, 0, 1] } },
 * ], 2); // => { protectionLevels: [1], expectedRevenue: 90 }   (protect 1 unit: 40 + 0.5·100)
 */
export function optimalProtectionLevels(classes: readonly FareClass[], capacity: number): OptimalProtectionLevelsResult {
  const list = validateFareClasses(classes, 'classes');
  const C = nonNegativeInteger(capacity, 'capacity');
  const n = list.length;
  let prev = new Float64Array(C + 1); // V_{j−1}
  let cur = new Float64Array(C + 1);
  const levels: number[] = [];
  let y = 0; // y_{j−1}; y_0 = 0
  for (let j = 0; j < n; j++) {
    const p = list[j]!.fare;
    const pmf = pmfOnCapacity(list[j]!.demand, C);
    const tail = tails(pmf);
    if (j > 0) {
      // y_{j} (1-based: protection for classes 1..j against class j+1): count of x with ΔV > p.
      y = 0;
      while (y < C && above(prev[y + 1]! - prev[y]!, p)) y++;
      levels.push(y);
    }
    for (let x = 0; x <= C; x++) {
      const L = x - y;
      if (L <= 0) {
        cur[x] = prev[x]!;
        continue;
      }
      let v = 0;
      for (let d = 0; d < L; d++) v += pmf[d]! * (p * d + prev[x - d]!);
      v += tail[L]! * (p * L + prev[x - L]!);
      cur[x] = v;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return { protectionLevels: levels, expectedRevenue: prev[C]! };
}
