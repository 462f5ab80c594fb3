import { array, fail, finite, join, nonNegative, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';
import { demandOf, unconstrainedOptimum, validatePriceResponse, type PriceResponse } from './priceResponse.js';

export interface ContinuousDynamicPricingInput {
  /** Units to sell; a whole number ≥ 0. */
  readonly inventory: number;
  /** T, the number of periods; a whole number ≥ 1. */
  readonly periods: number;
  /** d(p): the expected sales in one period at price p (a probability: at most one sale a period). */
  readonly response: PriceResponse;
  /**
   * m_k ≥ 0, the booking curve: the k-th period from the start sells with probability m_k·d(p)
   * (chronological, as `dynamicPricing`'s rows). Default: 1 in every period.
   */
  readonly intensity?: readonly number[];
}

export interface ContinuousDynamicPricingOptions {
  /** The lowest price that may be posted, money per unit (default 0). */
  readonly minPrice?: number;
  /** The highest price that may be posted, money per unit (default Infinity). */
  readonly maxPrice?: number;
}

export const CONTINUOUS_DYNAMIC_PRICING_DEFAULTS = { minPrice: 0, maxPrice: Infinity } as const;

export interface ContinuousDynamicPricingResult {
  /** V_T(inventory): the optimal expected revenue from the start. */
  readonly expectedRevenue: number;
  /** The optimal price with t periods to go (1..periods) and x units left (1..inventory). */
  price(t: number, x: number): number;
  /** V_t(x), t = 0..periods, x = 0..inventory. */
  value(t: number, x: number): number;
}

/**
 * Dynamic pricing with a **continuous** price in discrete time, for a given price-response family: the
 * seller may post any price in [minPrice, maxPrice]; in the k-th period from the start one unit sells
 * with probability q_k(p) = m_k·d(p), where d is a `PriceResponse` (expected sales per period) and m_k
 * the booking curve. With t periods to go and x units left (t = `periods` at the start, as in
 * `dynamicPricing`; the period with t to go is k = T − t):
 *
 *   V_t(x) = V_{t−1}(x) + max_{p ∈ [min, max]} m_k·d(p)·(p − ΔV_{t−1}(x)),   ΔV_{t−1}(x) = V_{t−1}(x) − V_{t−1}(x − 1),
 *   V_0(x) = V_t(0) = 0.
 *
 * The inner problem is the static one with the opportunity cost ΔV as a unit cost: maximise
 * (p − c)·d(p) with c = ΔV (Gallego & van Ryzin 1994, §2–3: the optimal price is the static price at the
 * marginal value of stock; Talluri & van Ryzin 2004, §5.2.1). m_k scales d and so never moves the
 * maximiser; it changes how much value the period adds. Each curve here makes (p − c)·d(p)
 * quasi-concave in p (`optimalPrice`'s convention), so the maximiser over [min, max] is the
 * unconstrained one (a closed form: (a/b + c)/2 linear, c + 1/alpha exponential, c·ε/(ε − 1) constant
 * elasticity; a bisection for the logit) clipped to the range; a constant elasticity ≤ 1 (no finite
 * maximiser) posts maxPrice. When every allowed price is below ΔV the best allowed price is still posted
 * (as with a finite menu): choose the range so that closing is not needed, or use `dynamicPricing` with
 * a menu that contains a price at which nothing sells.
 *
 * With d(p) = λ·δ·e^(−alpha·p) and periods of length δ → 0 this is the discrete-time version of
 * Gallego & van Ryzin's exponential model (`gallegoVanRyzin`), and converges to it (tested).
 *
 * Reference: Gallego, G. & van Ryzin, G. (1994), "Optimal dynamic pricing of inventories with stochastic
 * demand over finite horizons", Management Science 40(8), 999–1020 (§2 the model, §3 the optimal
 * price as the static price at the marginal cost ΔV); Talluri & van Ryzin (2004), §5.2.1 (discrete-time
 * dynamic pricing with a price-response function).
 *
 * Notation and units: prices and values in money per unit; d(p) in units per period (a probability);
 * m_k ≥ 0 dimensionless.
 *
 * Kernel: V in one Float64Array ((T + 1)·(inventory + 1) doubles), the price per (t, x) in another;
 * O(T·inventory) closed-form steps (×200 bisection steps for the logit).
 *
 * @param input.inventory - units to sell; whole, ≥ 0
 * @param input.periods - T; whole, ≥ 1
 * @param input.response - d(p) per period; m_k·d(minPrice) must be ≤ 1 in every period (at most one
 *   sale a period), else `YieldInputError` on `response`
 * @param input.intensity - m_k per period, chronological; finite, ≥ 0; default all 1
 * @param options - {@link CONTINUOUS_DYNAMIC_PRICING_DEFAULTS}: minPrice ≥ 0, maxPrice ≥ minPrice
 *   (a finite maxPrice is required for a constant elasticity ≤ 1, a minPrice > 0 for any constant elasticity)
 * @returns expectedRevenue = V_T(inventory); price(t, x); value(t, x)
 * @example
 * import { continuousDynamicPricing } from 'yieldcraft/pricing';
 * // one unit, one period, d(p) = 0.9 − 0.005·p: the static optimum p = 0.9/0.005/2 = 90 sells w.p. 0.45
 * const r = continuousDynamicPricing({ inventory: 1, periods: 2, response: { kind: 'linear', a: 0.9, b: 0.005 } });
 * r.price(1, 1); // => 90
 * r.value(1, 1); // => 40.5     (0.45·90)
 * r.price(2, 1); // => 110.25   ((180 + 40.5)/2: the static price at the unit cost ΔV = 40.5)
 * r.expectedRevenue; // => 64.8253125   (40.5 + 0.34875·(110.25 − 40.5))
 */
export function continuousDynamicPricing(
  input: ContinuousDynamicPricingInput,
  options: ContinuousDynamicPricingOptions = {},
): ContinuousDynamicPricingResult {
  const o = object(input, 'input');
  const opt = object(options, 'options');
  const C = nonNegativeInteger(o.inventory, 'inventory');
  const T = positiveInteger(o.periods, 'periods');
  const r = validatePriceResponse(o.response, 'response');
  const lo = opt.minPrice === undefined ? CONTINUOUS_DYNAMIC_PRICING_DEFAULTS.minPrice : nonNegative(opt.minPrice, 'options.minPrice');
  let hi: number = CONTINUOUS_DYNAMIC_PRICING_DEFAULTS.maxPrice;
  if (opt.maxPrice !== undefined && opt.maxPrice !== Infinity) hi = nonNegative(opt.maxPrice, 'options.maxPrice');
  if (hi < lo) fail('options.maxPrice', `must be ≥ options.minPrice (${lo}), got ${hi}`, 'inconsistent');
  if (r.kind === 'constant-elasticity') {
    if (!(lo > 0)) fail('options.minPrice', 'must be > 0 for a constant-elasticity response (its demand is infinite at a price of 0)');
    if (r.elasticity <= 1 && hi === Infinity)
      fail('options.maxPrice', 'must be finite for a constant elasticity ≤ 1 (revenue grows without bound as the price rises)');
  }
  const m = new Float64Array(T).fill(1);
  if (o.intensity !== undefined) {
    const list = array<unknown>(o.intensity, 'intensity');
    if (list.length !== T) fail('intensity', `must hold one multiplier per period (${T}), got ${list.length}`, 'inconsistent');
    for (let k = 0; k < T; k++) m[k] = nonNegative(list[k], join('intensity', k));
  }
  const d0 = demandOf(r, lo);
  for (let k = 0; k < T; k++)
    if (m[k]! * d0 > 1)
      fail(
        'response',
        `sells ${m[k]! * d0} units in period ${k} at the lowest price ${lo}: a period must sell at most one unit ` +
          '(use shorter periods, scale the response down or raise options.minPrice)',
        'inconsistent',
      );

  const W = C + 1;
  const V = new Float64Array((T + 1) * W);
  const price = new Float64Array(T * W);
  for (let t = 1; t <= T; t++) {
    const prev = (t - 1) * W;
    const cur = t * W;
    const mk = m[T - t]!;
    for (let x = 1; x <= C; x++) {
      const vx = V[prev + x]!;
      const dv = vx - V[prev + x - 1]!;
      const u = unconstrainedOptimum(r, dv);
      const p = u === null ? hi : u < lo ? lo : u > hi ? hi : u;
      price[prev + x] = p;
      V[cur + x] = vx + mk * demandOf(r, p) * (p - dv);
    }
  }

  const checkT = (t: unknown, min: number): number => {
    const v = finite(t, 't');
    if (!Number.isInteger(v) || v < min || v > T) fail('t', `must be a whole number in ${min}..${T} (periods to go), got ${v}`);
    return v;
  };
  const checkX = (x: unknown, min: number): number => {
    const v = finite(x, 'x');
    if (!Number.isInteger(v) || v < min || v > C) fail('x', `must be a whole number in ${min}..${C} (units left), got ${v}`);
    return v;
  };
  return {
    expectedRevenue: V[T * W + C]!,
    price(t: number, x: number): number {
      const tt = checkT(t, 1);
      return price[(tt - 1) * W + checkX(x, 1)]!;
    },
    value(t: number, x: number): number {
      return V[checkT(t, 0) * W + checkX(x, 0)]!;
    },
  };
}
