import type { Demand, FareClass } from '../../model/demand.js';
import { validateFareClasses } from '../../model/demand.js';
import { efficientFrontier } from './fareTransformation.js';
import { demandMean } from './aggregate.js';
import { emsrBLevels } from './emsrB.js';
import { finishLevels, readEmsrOptions, type EmsrOptions } from './emsrOptions.js';

export interface EmsrBWithFareTransformationResult {
  /** Nested protection levels over the efficient classes (units). */
  readonly protectionLevels: number[];
  /** Indexes of the efficient classes, high → low; every other class stays closed. */
  readonly efficientClasses: number[];
  /** Adjusted fares p̂_j per class (0 for inefficient classes). */
  readonly adjustedFares: number[];
  /** Efficient-frontier flag per class. */
  readonly efficient: boolean[];
}

/**
 * EMSR-b on marginal-revenue-transformed fares ("EMSRb-MR") for buy-down demand: fares without fences,
 * where a customer buys the cheapest open class. The fare transformation (`fareTransformation`) keeps the
 * efficient classes and gives each its adjusted fare p̂_j (its marginal revenue); EMSR-b then runs on the
 * efficient classes with the adjusted fares and the transformed demands: an efficient class's demand is
 * its own partitioned demand plus that of the inefficient classes just above it (between it and the
 * previous efficient class), since those customers end up buying it. Inefficient classes are never opened.
 *
 * Reference: Fiig, T., Isler, K., Hopperstad, C. & Belobaba, P. (2010), "Optimization of mixed fare
 * structures: theory and applications", Journal of Revenue and Pricing Management 9(1/2), 152–170
 * (EMSRb-MR, Table 2); Belobaba (1992) and Talluri & van Ryzin (2004), §2.2.3.4, for EMSR-b.
 *
 * Notation: classes high → low (class 1 / index 0 the most expensive); `demand` is the partitioned demand
 * d_j (customers willing to pay p_j but not p_{j−1}), as a `Demand` (normal, Poisson, …). The demand of a
 * pooled class is aggregated as in `emsrB`.
 *
 * @param classes - fare classes high → low, each `{ fare, demand }` with partitioned demand; not modified
 * @param opts - `rounding` ('none' | 'nearest' | 'up', default 'none') and optional `capacity` cap
 * @returns `efficientClasses` (indexes into `classes`, high → low), `protectionLevels` over those classes
 *   (length = efficientClasses.length − 1; the level protecting efficientClasses[0..k] against
 *   efficientClasses[k+1]), and the transformation's `adjustedFares` and `efficient` flags per class
 * @example
 * import { emsrBWithFareTransformation } from 'yieldcraft/optimize';
 * const r = emsrBWithFareTransformation([
 *   { fare: 1200, demand: { kind: 'normal', mean: 31.2, sd: 11.2 } },
 *   { fare: 1000, demand: { kind: 'normal', mean: 10.9, sd: 6.6 } },
 *   { fare: 800, demand: { kind: 'normal', mean: 14.8, sd: 7.7 } },
 *   { fare: 600, demand: { kind: 'normal', mean: 19.9, sd: 8.9 } },
 *   { fare: 400, demand: { kind: 'normal', mean: 26.9, sd: 10.4 } },
 *   { fare: 200, demand: { kind: 'normal', mean: 36.3, sd: 12.0 } },
 * ], { rounding: 'nearest' });
 * r.efficientClasses; // => [0, 1, 2, 3]
 * r.protectionLevels; // => [35, 52, 84]
 */
export function emsrBWithFareTransformation(
  classes: readonly FareClass[],
  opts: EmsrOptions = {},
): EmsrBWithFareTransformationResult {
  const list = validateFareClasses(classes, 'classes');
  const { rounding, capacity } = readEmsrOptions(opts);
  const fares = list.map((c) => c.fare);
  const Q: number[] = [];
  const TR: number[] = [];
  let q = 0;
  list.forEach((c, j) => {
    q += demandMean(c.demand);
    Q.push(q);
    TR.push(fares[j]! * q);
  });
  const { adjusted, efficient } = efficientFrontier(fares, Q, TR);
  const efficientClasses: number[] = [];
  const groupFares: number[] = [];
  const groups: Demand[][] = [];
  let pending: Demand[] = [];
  list.forEach((c, j) => {
    pending.push(c.demand);
    if (efficient[j]) {
      efficientClasses.push(j);
      groupFares.push(adjusted[j]!);
      groups.push(pending);
      pending = [];
    }
  });
  const levels = emsrBLevels(groupFares, groups);
  return {
    protectionLevels: finishLevels(levels, rounding, capacity),
    efficientClasses,
    adjustedFares: adjusted,
    efficient,
  };
}
