import { fail, finite, nonEmptyArray, nonNegative, nonNegativeInteger, object, positiveInteger, probability, join } from '../internal/validate.js';

export interface DynamicPricingInput {
  readonly inventory: number;
  readonly periods: number;
  readonly prices: readonly number[];
  /** q(p) per price: one vector for every period, or one vector per period in chronological order. */
  readonly purchaseProbabilities: readonly number[] | readonly (readonly number[])[];
}

export interface DynamicPricingResult {
  /** V_T(inventory): the optimal expected revenue from the start. */
  readonly expectedRevenue: number;
  /** The optimal price with t periods to go (1..periods) and x units left (1..inventory). */
  price(t: number, x: number): number;
  /** V_t(x), t = 0..periods, x = 0..inventory. */
  value(t: number, x: number): number;
}

/** Relative tolerance under which two prices' values count as tied (the higher price wins). */
export const DYNAMIC_PRICING_TIE = 1e-12;

/**
 * Dynamic pricing from a finite price menu in discrete time: the seller posts one of the menu's prices
 * each period, knowing the units left; at price p one unit sells in the period with probability q_t(p)
 * (periods short enough that at most one sale happens in each). The value function, with t periods to
 * go and x units left, is
 *
 *   V_t(x) = max_p [ q_t(p)·(p + V_{t−1}(x − 1)) + (1 − q_t(p))·V_{t−1}(x) ]
 *          = V_{t−1}(x) + max_p q_t(p)·(p − ΔV_{t−1}(x)),     ΔV_{t−1}(x) = V_{t−1}(x) − V_{t−1}(x − 1),
 *   V_0(x) = 0,  V_t(0) = 0                                   (T&vR 2004, §5.2; Bitran & Mondschein 1997)
 *
 * and price(t, x) is the maximising price. The same conventions as `dynamicProgram` (optimize):
 * t = periods **to go** (t = `periods` at the start, 0 at the end), x = units left.
 *
 * Purchase probabilities that change over the booking horizon (the booking curve: few requests far
 * from arrival, many close to it) are given as one vector per period, in **chronological order** as in
 * `dynamicProgram`: `purchaseProbabilities[k]` is q for the k-th period from the start, i.e. the period
 * with t = periods − k to go. One vector (the same every period) is the original call shape and gives
 * bit-for-bit the same result as `periods` copies of it.
 *
 * Ties: among prices whose q·(p − ΔV) are within 1e-12 × (the highest menu price) × (the larger of the
 * two q's) of the best — the size of the floating-point noise in q·(p − ΔV), since 0 ≤ ΔV ≤ the highest
 * price — the **highest** price is
 * posted (selling the same expected value with less stock risk is no better, but a higher posted price
 * keeps price(t, x) monotone under float noise and is the usual convention for "close the lower fare").
 * Menu order does not matter. When every q(p) is non-increasing in p (a proper demand curve), V_t(x) is
 * non-decreasing in t and x, concave in x, and price(t, x) is non-increasing in x and non-decreasing in
 * t (T&vR 2004, §5.2); the function does not require a monotone menu, but the structure
 * is only guaranteed with one.
 *
 * Kernel: V is kept as one Float64Array row per period ((periods + 1)·(inventory + 1) doubles) and the
 * chosen price index per (t, x) in a Uint8Array (Uint16Array, Uint32Array for menus of more than 256,
 * 65,536 prices); O(periods·inventory·prices) time, no allocation in the loops.
 *
 * Reference: Talluri & van Ryzin (2004), *The Theory and Practice of Revenue Management*, §5.2
 * (discrete-time dynamic pricing, finite price sets); Gallego & van Ryzin (1994), §5 (finite price
 * menus); Bitran, G. & Mondschein, S. (1997), "Periodic pricing of seasonal products in retailing",
 * Management Science 43(1), 64–79.
 *
 * @param input.inventory - units to sell; a whole number ≥ 0
 * @param input.periods - T, number of periods; a whole number ≥ 1
 * @param input.prices - the price menu, money per unit; finite, ≥ 0, at least one
 * @param input.purchaseProbabilities - q(p) for each price: P(one unit sells in a period at that price), in
 *   [0, 1]; one vector (every period) or `periods` vectors in chronological order (`[0]` is the first
 *   period, t = periods to go)
 * @returns expectedRevenue = V_T(inventory); price(t, x) for t = 1..periods, x = 1..inventory;
 *   value(t, x) = V_t(x) for t = 0..periods, x = 0..inventory
 * @example
 * import { dynamicPricing } from 'yieldcraft/pricing';
 * const dp = dynamicPricing({ inventory: 1, periods: 2, prices: [100, 60], purchaseProbabilities: [0.3, 0.8] });
 * dp.value(1, 1); // => 48      (max(0.3·100, 0.8·60))
 * dp.price(1, 1); // => 60
 * dp.price(2, 1); // => 100     (0.3·(100 − 48) = 15.6 > 0.8·(60 − 48) = 9.6)
 * dp.expectedRevenue; // => 63.6  (48 + 15.6)
 * // A booking curve: few buyers in the first period, more in the last (chronological rows)
 * const bc = dynamicPricing({ inventory: 1, periods: 2, prices: [100, 60],
 *   purchaseProbabilities: [[0.1, 0.2], [0.3, 0.8]] });
 * bc.price(1, 1); // => 60      (last period: 0.8·60 = 48 > 0.3·100)
 * bc.expectedRevenue; // => 53.2  (48 + max(0.1·(100 − 48), 0.2·(60 − 48)) = 48 + 5.2, at 100)
 */
export function dynamicPricing(input: DynamicPricingInput): DynamicPricingResult {
  const o = object(input, 'input');
  const C = nonNegativeInteger(o.inventory, 'inventory');
  const T = positiveInteger(o.periods, 'periods');
  const pr = nonEmptyArray<unknown>(o.prices, 'prices');
  const qs = nonEmptyArray<unknown>(o.purchaseProbabilities, 'purchaseProbabilities');
  const m = pr.length;
  const perPeriod = Array.isArray(qs[0]);
  const rows = perPeriod ? qs.length : 1;
  if (perPeriod && rows !== T)
    fail('purchaseProbabilities', `must hold one vector per period (${T}), got ${rows}`, 'inconsistent');
  // Menu sorted by price, high → low, so the first of tied prices is the highest (stable on equal prices).
  const order = Array.from({ length: m }, (_, i) => i);
  const P0 = pr.map((p, i) => nonNegative(p, join('prices', i)));
  order.sort((i, j) => P0[j]! - P0[i]! || i - j);
  const P = Float64Array.from(order, (i) => P0[i]!);
  // Q[k·m + j]: q of the j-th price (high → low) in the k-th period from the start.
  const Q = new Float64Array(rows * m);
  for (let k = 0; k < rows; k++) {
    const path = perPeriod ? join('purchaseProbabilities', k) : 'purchaseProbabilities';
    const row = perPeriod ? qs[k] : qs;
    if (!Array.isArray(row)) fail(path, 'must be an array of probabilities (one per price)', 'invalid-type');
    if (row.length !== m) fail(path, `must have one probability per price (${m}), got ${row.length}`, 'inconsistent');
    const Q0 = row.map((q, i) => probability(q, join(path, i)));
    for (let j = 0; j < m; j++) Q[k * m + j] = Q0[order[j]!]!;
  }

  // Noise in q·(p − ΔV) is at most q·ε·P[0] (0 ≤ ΔV ≤ P[0]): ties are within that, per pair compared,
  // so a small-probability price is never lost to a tie with a zero-probability one.
  const tie = DYNAMIC_PRICING_TIE * P[0]!;
  const W = C + 1;
  const V = new Float64Array((T + 1) * W);
  const choice = m <= 256 ? new Uint8Array(T * W) : m <= 65536 ? new Uint16Array(T * W) : new Uint32Array(T * W);
  for (let t = 1; t <= T; t++) {
    const prev = (t - 1) * W;
    const cur = t * W;
    const ch = (t - 1) * W;
    const q0 = rows === 1 ? 0 : (T - t) * m; // the period with t to go is the (T − t)-th from the start
    for (let x = 1; x <= C; x++) {
      const vx = V[prev + x]!;
      const dv = vx - V[prev + x - 1]!;
      let best = Q[q0]! * (P[0]! - dv);
      let bi = 0;
      for (let k = 1; k < m; k++) {
        const qk = Q[q0 + k]!;
        const g = qk * (P[k]! - dv);
        if (g > best + tie * Math.max(qk, Q[q0 + bi]!)) {
          best = g;
          bi = k;
        }
      }
      V[cur + x] = vx + best;
      choice[ch + x] = bi;
    }
  }

  const checkT = (t: unknown, lo: number): number => {
    const v = finite(t, 't');
    if (!Number.isInteger(v) || v < lo || v > T) fail('t', `must be a whole number in ${lo}..${T} (periods to go), got ${v}`);
    return v;
  };
  const checkX = (x: unknown, lo: number): number => {
    const v = finite(x, 'x');
    if (!Number.isInteger(v) || v < lo || v > C) fail('x', `must be a whole number in ${lo}..${C} (units left), got ${v}`);
    return v;
  };

  return {
    expectedRevenue: V[T * W + C]!,
    price(t: number, x: number): number {
      const tt = checkT(t, 1);
      const xx = checkX(x, 1);
      return P[choice[(tt - 1) * W + xx]!]!;
    },
    value(t: number, x: number): number {
      return V[checkT(t, 0) * W + checkX(x, 0)]!;
    },
  };
}
