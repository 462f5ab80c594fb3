import type { Demand } from '../../model/demand.js';
import { validateDemand } from '../../model/demand.js';
import { array, fail, join, nonNegative, object } from '../../internal/validate.js';
import { demandMean } from './aggregate.js';

export type FareTransformationClass = {
  readonly id?: string;
  readonly fare: number;
  /** Partitioned demand d_j: a mean in units, or a Demand (its mean is used). */
  readonly demand: number | Demand;
};

export interface FareTransformationResult {
  /** p̂_j: the marginal revenue of opening class j (money per unit); 0 for an inefficient class. */
  readonly adjustedFares: number[];
  /** Is class j on the efficient frontier? */
  readonly efficient: boolean[];
  /** Q_j: expected sales with class j the lowest open class (units). */
  readonly quantity: number[];
  /** TR_j: expected revenue with class j the lowest open class (money). */
  readonly revenue: number[];
}

/** Validates the classes and returns fares and partitioned means. @internal */
export function readTransformationClasses(classes: unknown, path = 'classes'): { fares: number[]; means: number[] } {
  const list = array<unknown>(classes, path);
  if (list.length === 0) fail(path, 'must contain at least one fare class', 'empty');
  const fares: number[] = [];
  const means: number[] = [];
  let prev = Infinity;
  for (let i = 0; i < list.length; i++) {
    const p = join(path, i);
    const c = object(list[i], p);
    const fare = nonNegative(c.fare, join(p, 'fare'));
    if (fare > prev)
      fail(join(p, 'fare'), `fares must be ordered high → low (class 1 the most expensive): ${fare} follows ${prev}`, 'unsorted');
    prev = fare;
    const d = c.demand;
    means.push(typeof d === 'number' ? nonNegative(d, join(p, 'demand')) : demandMean(validateDemand(d, join(p, 'demand'))));
    fares.push(fare);
  }
  return { fares, means };
}

/** The efficient frontier of (Q_j, TR_j) with class 0 as its fixed first point. @internal */
export function efficientFrontier(fares: readonly number[], Q: readonly number[], TR: readonly number[]): { adjusted: number[]; efficient: boolean[] } {
  const n = fares.length;
  const stack: number[] = [0];
  for (let j = 1; j < n; j++) {
    const Qj = Q[j]!;
    const Rj = TR[j]!;
    let top = stack[stack.length - 1]!;
    if (!(Qj > Q[top]!) || !(Rj > TR[top]!)) continue; // no more sales, or no more revenue: dominated
    // Pop points lying strictly below the segment from the point before them to j (not concave).
    while (stack.length >= 2) {
      const s = stack[stack.length - 2]!;
      top = stack[stack.length - 1]!;
      // Compare slopes by division (a cross-multiplication underflows for tiny quantities).
      const before = (TR[top]! - TR[s]!) / (Q[top]! - Q[s]!);
      const after = (Rj - TR[top]!) / (Qj - Q[top]!);
      if (before < after) stack.pop();
      else break;
    }
    stack.push(j);
  }
  const adjusted = new Array<number>(n).fill(0);
  const efficient = new Array<boolean>(n).fill(false);
  efficient[0] = true;
  adjusted[0] = fares[0]!;
  for (let k = 1; k < stack.length; k++) {
    const j = stack[k]!;
    const i = stack[k - 1]!;
    efficient[j] = true;
    adjusted[j] = (TR[j]! - TR[i]!) / (Q[j]! - Q[i]!);
  }
  return { adjusted, efficient };
}

/**
 * Fare transformation (marginal-revenue transformation) for fare structures without fences: when every
 * customer buys the cheapest open class, demand is not independent by class and EMSR on raw fares
 * over-sells the cheap classes (buy-down / spiral-down). Fiig et al. turn the problem back into an
 * independent-demand one: with class j the lowest open class, the expected sales are Q_j and the expected
 * revenue TR_j; only the strategies on the upper concave hull of the points (Q_j, TR_j) from the origin —
 * the efficient frontier — are worth using, and each efficient class gets the adjusted fare
 *
 *   p̂_j = (TR_j − TR_{j−}) / (Q_j − Q_{j−})      (j− the previous efficient class; p̂_1 = p_1)
 *
 * (the marginal revenue of opening it). Inefficient classes are never opened.
 *
 * Reference: Fiig, T., Isler, K., Hopperstad, C. & Belobaba, P. (2010), "Optimization of mixed fare
 * structures: theory and applications", Journal of Revenue and Pricing Management 9(1/2), 152–170:
 * §"Fully undifferentiated fare structure" (TR_j = p_j Q_j), the efficient frontier and eq. for the adjusted
 * fare; Tables 1–2 give the worked example reproduced in the tests.
 *
 * Notation: classes high → low (class 1 / index 0 the most expensive); d_j = the **partitioned demand** of
 * class j: customers whose willingness to pay is at least p_j but below p_{j−1} (with sell-up
 * probabilities P_j, the share of the total demand Q that would pay p_j: d_j = Q · (P_j − P_{j−1})).
 * In a fully undifferentiated structure Q_j = d_1 + … + d_j and TR_j = p_j · Q_j.
 *
 * Conventions: class 1 is always efficient (its adjusted fare is its fare, even with no demand); a class
 * that adds no sales (d_j = 0) or no revenue (TR_j ≤ TR of the frontier so far) is inefficient; points on
 * a straight segment of the frontier are all efficient. An inefficient class's adjusted fare is reported
 * as 0 (never NaN): close it.
 *
 * @param classes - per class: `fare` (money per unit, ≥ 0, high → low) and `demand`, the partitioned demand
 *   d_j: a mean (units, ≥ 0) or a `Demand` whose mean is used
 * @returns adjustedFares (money per unit, 0 for inefficient classes), efficient (flags), quantity (Q_j)
 *   and revenue (TR_j) per class
 * @example
 * import { fareTransformation } from 'yieldcraft/optimize';
 * fareTransformation([
 *   { fare: 1200, demand: 31.2 }, { fare: 1000, demand: 10.9 }, { fare: 800, demand: 14.8 },
 *   { fare: 600, demand: 19.9 }, { fare: 400, demand: 26.9 }, { fare: 200, demand: 36.3 },
 * ]).efficient; // => [true, true, true, true, false, false]
 */
export function fareTransformation(classes: readonly FareTransformationClass[]): FareTransformationResult {
  const { fares, means } = readTransformationClasses(classes);
  const quantity: number[] = [];
  const revenue: number[] = [];
  let q = 0;
  for (let j = 0; j < fares.length; j++) {
    q += means[j]!;
    quantity.push(q);
    revenue.push(fares[j]! * q);
  }
  const { adjusted, efficient } = efficientFrontier(fares, quantity, revenue);
  return { adjustedFares: adjusted, efficient, quantity, revenue };
}
