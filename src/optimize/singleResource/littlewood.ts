import { validateDemand, type Demand } from '../../model/demand.js';
import { fail, nonNegative } from '../../internal/validate.js';
import { protect, single } from './aggregate.js';

/**
 * Littlewood's rule: how many units to hold back for a high fare against a low fare that books first.
 *
 * Two classes share C units; low-fare demand books first, high-fare demand D_1 later. Selling one more
 * unit low earns p_2 for sure; holding it earns p_1 if high demand reaches it, p_1·P(D_1 ≥ y). So protect
 * while p_1·P(D_1 ≥ y) > p_2:
 *
 *   discrete D_1 (Poisson, negative binomial, empirical):  y* = max{ y ≥ 0 : P(D_1 ≥ y) > p_2/p_1 }   (eq. 2.3)
 *   continuous D_1 (normal):                                y* = F_1⁻¹(1 − p_2/p_1)                  (eq. 2.4)
 *
 * Reference: Littlewood, K. (1972), "Forecasting and control of passenger bookings", AGIFORS Symposium
 * Proceedings 12, 95–117; Talluri & van Ryzin (2004), §2.2.1, eq. 2.3 (discrete) and 2.4 (continuous).
 *
 * Notation: p_1 = `highFare`, p_2 = `lowFare` (money per unit, contributions rather than prices if costs
 * matter: see `contribution`); D_1 = `highDemand` (units over the booking horizon).
 *
 * Conventions (documented choices, not clamps):
 * - p_2 = p_1: protect nothing (0): a unit sold now earns as much as the unit held; ties favour the sale.
 *   Fares within a relative 1e-12 of each other count as equal (rounding never flips the answer).
 * - p_2 > p_1 (the "high" fare is the lower one): bad input, `YieldInputError` (code 'unsorted') on
 *   `lowFare`: fares are ordered high → low everywhere in yieldcraft.
 * - p_2 = 0 (a free or zero-contribution class): protect everything the high class could ever want: the
 *   top of its support, +Infinity for a normal with σ > 0 or a Poisson / negative binomial with mean > 0.
 *   Cap it at the capacity yourself (e.g. `emsrB(classes, { capacity })` does so explicitly).
 * - Normal demand: y* ≥ 0 (a normal puts some mass below zero; a negative quantile protects nothing);
 *   σ = 0 protects exactly μ. The result is not rounded: see `emsrB`'s `rounding` option.
 * - Discrete demand: the result is a whole number.
 *
 * @param highDemand - D_1, the high class's demand (see `Demand`)
 * @param highFare - p_1, money per unit, finite, ≥ 0
 * @param lowFare - p_2, money per unit, finite, 0 ≤ p_2 ≤ p_1
 * @returns y*, units to protect for the high class (≥ 0; +Infinity only when p_2 = 0, see above)
 * @example
 * import { littlewood } from 'yieldcraft/optimize';
 * littlewood({ kind: 'normal', mean: 17.3, sd: 5.8 }, 1050, 567); // => 16.717484421033475
 * littlewood({ kind: 'poisson', mean: 20 }, 499, 99); // => 24
 */
export function littlewood(highDemand: Demand, highFare: number, lowFare: number): number {
  const d = validateDemand(highDemand, 'highDemand');
  const p1 = nonNegative(highFare, 'highFare');
  const p2 = nonNegative(lowFare, 'lowFare');
  if (p2 > p1) fail('lowFare', `must not exceed highFare (${p1}): fares are ordered high → low, got ${p2}`, 'unsorted');
  if (p2 === p1) return 0;
  return protect(single(d), p2 / p1);
}
