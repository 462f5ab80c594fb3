import { fail, nonNegative, object } from '../internal/validate.js';
import {
  demandOf,
  priceForDemand,
  unconstrainedOptimum,
  validatePriceResponse,
  type PriceResponse,
} from './priceResponse.js';

export interface OptimalPriceOptions {
  /** Variable cost per unit sold, money (default 0). */
  readonly unitCost?: number;
  /** Units available (default Infinity: unconstrained). */
  readonly capacity?: number;
  /** Lowest allowed price (default 0). */
  readonly min?: number;
  /** Highest allowed price (default Infinity). */
  readonly max?: number;
}

export const OPTIMAL_PRICE_DEFAULTS = {
  unitCost: 0,
  capacity: Infinity,
  min: 0,
  max: Infinity,
} as const satisfies Required<OptimalPriceOptions>;

export interface OptimalPriceResult {
  /** The optimal price, money per unit. */
  readonly price: number;
  /** Units sold at that price: min(d(price), capacity). */
  readonly demand: number;
  /** price · demand. */
  readonly revenue: number;
  /** (price − unitCost) · demand. */
  readonly contribution: number;
  /** Which constraint set the price. */
  readonly binding: 'none' | 'capacity' | 'min' | 'max';
}

/** A number ≥ 0 that may be +Infinity (never NaN, never −Infinity). @internal */
export function nonNegativeOrInfinity(x: unknown, path: string): number {
  if (x === Infinity) return Infinity;
  return nonNegative(x, path);
}

/**
 * The single price that maximises contribution (p − c)·d(p) for one product sold to one market, with an
 * optional capacity and an optional price range: the static pricing problem of Phillips (2005), ch. 5–6.
 *
 *   maximise   (p − c) · min(d(p), C)      over   min ≤ p ≤ max
 *
 * With capacity C, sales are min(d(p), C): below the price d⁻¹(C) that "just sells out", more demand
 * brings no more sales, so the optimum is the unconstrained one when it sells at most C, and otherwise
 * the sell-out price d⁻¹(C) (Phillips 2005, §6.1, "pricing with a supply constraint": the constraint is
 * binding and the opportunity cost of capacity is positive). Every supported curve makes (p − c)·d(p)
 * quasi-concave in p (rising, then falling), so the constrained optimum is the unconstrained one clipped
 * to [max(min, d⁻¹(C)), max]; when even `max` sells more than C, the result is `max` with C units sold.
 *
 * Unconstrained optima in closed form (Phillips 2005, §5.2; T&vR 2004, §7.3):
 *   linear d = a − b·p:                p* = (a/b + c) / 2
 *   exponential d = a·e^(−alpha·p):    p* = c + 1/alpha
 *   constant elasticity ε > 1:         p* = c·ε / (ε − 1)         (contribution margin (p − c)/p = 1/ε)
 *   logit:                             the unique root of 1 − b·(p − c)·(1 − s(p)) = 0 (bisection, 1e-15)
 *
 * No finite optimum: a constant-elasticity curve with ε ≤ 1 (inelastic) earns more at every higher
 * price, and with ε > 1 and c = 0 earns more at every lower price. Such a problem is rejected with a
 * `YieldInputError` (code 'invalid', path `response.elasticity`) unless a bound makes it finite: `max`
 * for ε ≤ 1; `min` > 0 or a capacity for ε > 1, c = 0. We throw rather than return a status because the
 * result would have no price to report, and a constant-elasticity curve is only ever a local fit.
 *
 * Reference: Phillips, R. (2005), *Pricing and Revenue Optimization*, §5.2 (optimal price), §6.1
 * (supply constraints); Talluri & van Ryzin (2004), §7.3.
 *
 * @param response - the price response d(p)
 * @param options.unitCost - c, variable cost per unit sold, money; ≥ 0 (default 0: maximise revenue)
 * @param options.capacity - C, units available; ≥ 0, `Infinity` = none (default)
 * @param options.min - lowest allowed price, money; ≥ 0 (default 0)
 * @param options.max - highest allowed price, money; ≥ min, `Infinity` = none (default)
 * @returns price (money per unit), demand (units sold = min(d(price), C)), revenue = price·demand,
 *   contribution = (price − c)·demand, and `binding`: which constraint set the price ('none' — the
 *   unconstrained optimum; 'capacity' — the sell-out price; 'min'; 'max')
 * @example
 * import { optimalPrice } from 'yieldcraft/pricing';
 * // Phillips (2005) §5.2: the widget maker, d(p) = 10,000 − 800·p, unit cost $5
 * optimalPrice({ kind: 'linear', a: 10000, b: 800 }, { unitCost: 5 });
 * // => { price: 8.75, demand: 3000, revenue: 26250, contribution: 11250, binding: 'none' }
 * optimalPrice({ kind: 'linear', a: 10000, b: 800 }, { unitCost: 5, capacity: 2000 });
 * // => { price: 10, demand: 2000, revenue: 20000, contribution: 10000, binding: 'capacity' }
 */
export function optimalPrice(response: PriceResponse, options: OptimalPriceOptions = {}): OptimalPriceResult {
  const r = validatePriceResponse(response);
  const o = object(options, 'options') as OptimalPriceOptions;
  const c = o.unitCost === undefined ? OPTIMAL_PRICE_DEFAULTS.unitCost : nonNegative(o.unitCost, 'options.unitCost');
  const C = o.capacity === undefined ? OPTIMAL_PRICE_DEFAULTS.capacity : nonNegativeOrInfinity(o.capacity, 'options.capacity');
  const min = o.min === undefined ? OPTIMAL_PRICE_DEFAULTS.min : nonNegative(o.min, 'options.min');
  const max = o.max === undefined ? OPTIMAL_PRICE_DEFAULTS.max : nonNegativeOrInfinity(o.max, 'options.max');
  if (max < min) fail('options.max', `must be ≥ options.min (${min}), got ${max}`, 'inconsistent');
  return solveOptimalPrice(r, c, C, min, max, 'response');
}

/** The optimisation on validated numbers (shared with segmentPrices). @internal */
export function solveOptimalPrice(
  r: PriceResponse,
  c: number,
  C: number,
  min: number,
  max: number,
  path: string,
): OptimalPriceResult {
  if (C === 0) {
    // Nothing to sell: every allowed price earns 0; report the unconstrained choice clipped to the range.
    const s = unconstrainedOptimum(r, c);
    const p = Math.min(Math.max(s ?? min, min), max);
    const price = Number.isFinite(p) && !(r.kind === 'constant-elasticity' && p === 0) ? p : Math.max(min, Number.isFinite(max) ? max : min);
    return { price, demand: 0, revenue: 0, contribution: 0, binding: 'capacity' };
  }
  const sellOut = C === Infinity ? 0 : priceForDemand(r, C);
  const lo = Math.max(min, sellOut);
  const star = unconstrainedOptimum(r, c) ?? Infinity;
  let price: number;
  let binding: OptimalPriceResult['binding'];
  if (lo > max) {
    price = max;
    binding = 'max';
  } else if (star > max) {
    price = max;
    binding = 'max';
  } else if (star < lo) {
    price = lo;
    binding = sellOut >= min ? 'capacity' : 'min';
  } else {
    price = star;
    binding = 'none';
  }
  if (price === Infinity || (r.kind === 'constant-elasticity' && price === 0)) {
    const why =
      price === Infinity
        ? `an elasticity ≤ 1 makes contribution grow without bound as the price rises; pass options.max`
        : `with no unit cost, contribution a·p^(1−ε) grows without bound as the price falls to 0; pass options.min > 0, options.capacity or options.unitCost`;
    fail(`${path}.elasticity`, `no finite optimal price: ${why}`);
  }
  const demand = Math.min(demandOf(r, price), C);
  return { price, demand, revenue: price * demand, contribution: (price - c) * demand, binding };
}
