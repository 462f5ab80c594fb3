import { validateFareClasses, type FareClass } from '../../model/demand.js';
import { protect, single } from './aggregate.js';
import { finishLevels, readEmsrOptions, type EmsrOptions } from './emsrOptions.js';

/**
 * EMSR-a (expected marginal seat revenue, version a): nested protection levels for n classes by adding up
 * Littlewood's two-class protections of each higher class against the next lower one.
 *
 *   y_j = Σ_{k=1..j} y_k^{j+1},   y_k^{j+1} = Littlewood protection of class k against p_{j+1}
 *       (normal: μ_k + σ_k·Φ⁻¹(1 − p_{j+1}/p_k); discrete: max{y : P(D_k ≥ y) > p_{j+1}/p_k})
 *
 * It ignores the pooling of the higher classes' demand, so it protects too much as classes multiply;
 * EMSR-b is usually better (Belobaba 1992; T&vR 2004, §2.2.3.3).
 *
 * Reference: Belobaba, P. P. (1987), "Air travel demand and airline seat inventory management", PhD
 * thesis, MIT; Belobaba (1989), "Application of a probabilistic decision model to airline seat inventory
 * control", Operations Research 37(2), 183–197; Talluri & van Ryzin (2004), §2.2.3.3, eq. 2.11.
 *
 * Notation: classes high → low (class 1 / index 0 the most expensive), p_j fares (money per unit),
 * D_j demands (units); returns y_1..y_{n−1} (units), cumulative and non-decreasing (each term grows as
 * the lower fare falls, and each level adds one more non-negative term).
 *
 * Conventions: each class uses its own demand kind (normal → continuous rule, discrete → discrete rule);
 * a class whose fare equals a lower one's protects nothing against it; a zero lower fare protects the
 * whole support (+Infinity unless `capacity` caps it): see `littlewood`. Options: see `EmsrOptions`.
 *
 * @param classes - fare classes high → low, each `{ fare, demand }`; not modified
 * @param opts - `rounding` ('none' | 'nearest' | 'up', default 'none') and optional `capacity` cap
 * @returns `{ protectionLevels }`: y_1..y_{n−1}, units
 * @example
 * import { emsrA } from 'yieldcraft/optimize';
 * emsrA([
 *   { fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
 *   { fare: 567, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
 *   { fare: 534, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
 *   { fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
 * ], { rounding: 'nearest' }).protectionLevels; // => [17, 39, 56]
 */
export function emsrA(classes: readonly FareClass[], opts: EmsrOptions = {}): { protectionLevels: number[] } {
  const list = validateFareClasses(classes, 'classes');
  const { rounding, capacity } = readEmsrOptions(opts);
  const aggs = list.map((c) => single(c.demand));
  const levels: number[] = [];
  for (let j = 1; j < list.length; j++) {
    const low = list[j]!.fare;
    let y = 0;
    for (let k = 0; k < j; k++) {
      const high = list[k]!.fare;
      y += low >= high ? 0 : protect(aggs[k]!, low / high);
    }
    levels.push(y);
  }
  return { protectionLevels: finishLevels(levels, rounding, capacity) };
}
