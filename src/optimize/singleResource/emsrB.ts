import type { Demand } from '../../model/demand.js';
import { validateFareClasses, type FareClass } from '../../model/demand.js';
import { aggregate, demandMean, protect } from './aggregate.js';
import { finishLevels, readEmsrOptions, type EmsrOptions } from './emsrOptions.js';

/**
 * EMSR-b over "groups": group j has fare `fares[j]` and the demand of the sum of `groups[j]`'s demands.
 * Validated input only. Returns the raw levels after the envelope (no rounding, no cap). @internal
 */
export function emsrBLevels(fares: readonly number[], groups: readonly (readonly Demand[])[]): number[] {
  const levels: number[] = [];
  const pooled: Demand[] = [];
  const means: number[] = [];
  const pooledFares: number[] = [];
  let mean = 0;
  let prev = 0;
  for (let j = 1; j < fares.length; j++) {
    for (const d of groups[j - 1]!) {
      pooled.push(d);
      const m = demandMean(d);
      means.push(m);
      pooledFares.push(fares[j - 1]!);
      mean += m;
    }
    const low = fares[j]!;
    let y = 0;
    if (mean > 0) {
      // p̄ as Σ p_k·(μ_k / Σμ): weights first, so p̄ stays exact for a single class and tiny means.
      let pbar = 0;
      for (let k = 0; k < means.length; k++) pbar += pooledFares[k]! * (means[k]! / mean);
      y = low >= pbar ? 0 : protect(aggregate(pooled), low / pbar);
    }
    y = Math.max(y, prev);
    levels.push(y);
    prev = y;
  }
  return levels;
}

/**
 * EMSR-b (expected marginal seat revenue, version b): nested protection levels for n classes from
 * Littlewood's rule applied to an artificial class that pools every higher class.
 *
 *   S_j = D_1 + … + D_j,   p̄_j = Σ_{k≤j} p_k·E[D_k] / Σ_{k≤j} E[D_k],   y_j = Littlewood(S_j, p̄_j, p_{j+1})
 *   normal demand: y_j = μ_{S_j} + σ_{S_j}·Φ⁻¹(1 − p_{j+1}/p̄_j),  μ_{S_j} = Σ μ_k,  σ²_{S_j} = Σ σ_k²
 *
 * Reference: Belobaba, P. P. (1992), "Optimal vs. heuristic methods for nested seat allocation",
 * AGIFORS Reservations and Yield Management Study Group; Talluri & van Ryzin (2004), §2.2.3.4,
 * eq. 2.12–2.13 (and the 4-class example on the data of Table 2.5, reproduced in the tests);
 * Phillips (2005), §7.3.2.
 *
 * Notation: classes high → low (class 1 / index 0 the most expensive), p_j fares (money per unit),
 * D_j demands (units); returns y_1..y_{n−1} (units), cumulative.
 *
 * The aggregate S_j (documented choices):
 * - all normal: normal with summed means and variances (Belobaba);
 * - all Poisson: Poisson with the summed mean (exact: a sum of independent Poissons is Poisson), and the
 *   discrete rule;
 * - all discrete but not all Poisson (negative binomial, empirical): the exact pmf of the sum by
 *   convolution (tails below 1e-15 cut), and the discrete rule;
 * - normal mixed with discrete classes: normal with the summed means and variances (moment matching).
 *
 * Further conventions:
 * - Non-decreasing envelope: y_j = max(y_j, y_{j−1}). Raw EMSR-b levels can dip when a class with a
 *   fare just above the next one and a small mean joins the pool; a protection for classes 1..j can never
 *   be less than the one for classes 1..j−1 (it protects a superset), so the envelope is part of the rule.
 * - Higher classes with no expected demand (Σ E[D_k] = 0): p̄_j is undefined and nothing is protected
 *   (y_j = 0, or the previous level by the envelope).
 * - p_{j+1} ≥ p̄_j: nothing protected against class j+1 (beyond the envelope); p_{j+1} = 0: everything
 *   the pool could want (+Infinity unless capped): see `littlewood`.
 * - Options (`rounding`, `capacity`): see `EmsrOptions`; defaults `EMSR_DEFAULTS`.
 *
 * @param classes - fare classes high → low, each `{ fare, demand }`; not modified
 * @param opts - `rounding` ('none' | 'nearest' | 'up', default 'none') and optional `capacity` cap
 * @returns `{ protectionLevels }`: y_1..y_{n−1}, units
 * @example
 * import { emsrB } from 'yieldcraft/optimize';
 * emsrB([
 *   { fare: 1050, demand: { kind: 'normal', mean: 17.3, sd: 5.8 } },
 *   { fare: 567, demand: { kind: 'normal', mean: 45.1, sd: 15.0 } },
 *   { fare: 534, demand: { kind: 'normal', mean: 39.6, sd: 13.2 } },
 *   { fare: 520, demand: { kind: 'normal', mean: 34.0, sd: 11.3 } },
 * ], { rounding: 'nearest' }).protectionLevels; // => [17, 51, 83]
 */
export function emsrB(classes: readonly FareClass[], opts: EmsrOptions = {}): { protectionLevels: number[] } {
  const list = validateFareClasses(classes, 'classes');
  const { rounding, capacity } = readEmsrOptions(opts);
  const levels = emsrBLevels(
    list.map((c) => c.fare),
    list.map((c) => [c.demand]),
  );
  return { protectionLevels: finishLevels(levels, rounding, capacity) };
}
