/**
 * Price-response functions: how many units d(p) sell at a price p (per unit, money) in the period or
 * market the curve describes. Four shapes, all non-increasing in p:
 *
 *   linear                d(p) = max(0, a − b·p)                       a > 0, b > 0   (choke price a/b)
 *   exponential           d(p) = a·e^(−alpha·p)                        a > 0, alpha > 0
 *   constant elasticity   d(p) = a·p^(−elasticity)                     a > 0, elasticity > 0, p > 0
 *   logit                 d(p) = size · 1 / (1 + e^(a + b·p))          size > 0, b > 0, a any
 *
 * The logit curve is the reservation-price (willingness-to-pay) model of a market of `size` customers
 * whose willingness to pay is logistically distributed: the share 1 / (1 + e^(a + b·p)) buys at p. It is
 * Phillips's d(p) = C·e^(−(a + b·p)) / (1 + e^(−(a + b·p))) written with the opposite sign of a, b so
 * that b > 0 means demand falls with price (Phillips 2005, §3.4; the same S-curve, C = `size`).
 *
 * Reference: Phillips, R. (2005), *Pricing and Revenue Optimization*, Stanford University Press,
 * ch. 3 (price-response functions, §3.3 linear, constant elasticity, §3.4 logit); Talluri & van Ryzin
 * (2004), *The Theory and Practice of Revenue Management*, §7.3.1 (demand functions: linear,
 * exponential, constant elasticity, logit).
 *
 * The linear, exponential and constant-elasticity shapes are the ones `yieldcraft/forecast`'s
 * `fitPriceResponse` estimates (its `LinearResponse`, `ExponentialResponse`, `ConstantElasticityResponse`
 * are the same types, shared rather than redeclared).
 */
import type {
  ConstantElasticityResponse,
  ExponentialResponse,
  LinearResponse,
} from '../forecast/fitPriceResponse.js';
import { fail, finite, join, object, positive } from '../internal/validate.js';

export type { ConstantElasticityResponse, ExponentialResponse, LinearResponse };

/** The logit (logistic willingness-to-pay) price response: d(p) = size / (1 + e^(a + b·p)). */
export type LogitResponse = {
  readonly kind: 'logit';
  /** Market size: the demand as p → −∞ (customers who consider buying), units; > 0. */
  readonly size: number;
  /** Location: e^a is the odds of not buying at p = 0; any finite number. */
  readonly a: number;
  /** Price sensitivity per unit of money; > 0. */
  readonly b: number;
};

/** A price-response function d(p). See the module doc for each shape. */
export type PriceResponse = LinearResponse | ExponentialResponse | ConstantElasticityResponse | LogitResponse;

/**
 * Checks a price response and returns it; throws `YieldInputError` naming the field
 * (`response.b`, `segments[2].response.elasticity`) for NaN, ±Infinity, or a non-positive parameter.
 */
export function validatePriceResponse(response: unknown, path = 'response'): PriceResponse {
  const r = object(response, path);
  switch (r.kind) {
    case 'linear':
      positive(r.a, join(path, 'a'));
      positive(r.b, join(path, 'b'));
      break;
    case 'exponential':
      positive(r.a, join(path, 'a'));
      positive(r.alpha, join(path, 'alpha'));
      break;
    case 'constant-elasticity':
      positive(r.a, join(path, 'a'));
      positive(r.elasticity, join(path, 'elasticity'));
      break;
    case 'logit':
      positive(r.size, join(path, 'size'));
      finite(r.a, join(path, 'a'));
      positive(r.b, join(path, 'b'));
      break;
    default:
      fail(
        join(path, 'kind'),
        `must be 'linear', 'exponential', 'constant-elasticity' or 'logit', got ${JSON.stringify(r.kind)}`,
      );
  }
  return response as PriceResponse;
}

/** d(p) for an already validated response and price (p > 0 for constant elasticity). @internal */
export function demandOf(r: PriceResponse, p: number): number {
  switch (r.kind) {
    case 'linear':
      return Math.max(0, r.a - r.b * p);
    case 'exponential':
      return r.a * Math.exp(-r.alpha * p);
    case 'constant-elasticity':
      return r.a * Math.pow(p, -r.elasticity);
    case 'logit': {
      const z = r.a + r.b * p;
      // 1 / (1 + e^z) without overflow for large z.
      return z > 0 ? (r.size * Math.exp(-z)) / (1 + Math.exp(-z)) : r.size / (1 + Math.exp(z));
    }
  }
}

/**
 * The lowest price p ≥ 0 at which d(p) ≤ q (the price that "just sells" q units), for q ≥ 0; 0 when
 * even d(0) ≤ q. For q = 0 and a curve that never reaches 0 this is +Infinity. @internal
 */
export function priceForDemand(r: PriceResponse, q: number): number {
  switch (r.kind) {
    case 'linear':
      return q >= r.a ? 0 : (r.a - q) / r.b;
    case 'exponential':
      return q >= r.a ? 0 : q === 0 ? Infinity : Math.log(r.a / q) / r.alpha;
    case 'constant-elasticity':
      return q === 0 ? Infinity : Math.pow(r.a / q, 1 / r.elasticity);
    case 'logit': {
      if (q >= r.size) return 0;
      if (q === 0) return Infinity;
      const s = q / r.size;
      return Math.max(0, (Math.log1p(-s) - Math.log(s) - r.a) / r.b);
    }
  }
}

/**
 * The price maximising (p − k)·d(p) over p ≥ 0 with no other constraint, for a unit cost k ≥ 0, or
 * `null` when there is no finite maximiser (constant elasticity ≤ 1). Closed forms (Phillips 2005,
 * §5.2; T&vR 2004, §7.3):
 *   linear        p* = (a/b + k) / 2          (≥ the choke price a/b when k ≥ a/b: nothing sells, 0 earned)
 *   exponential   p* = k + 1/alpha
 *   const. elast. p* = k·ε/(ε − 1), ε > 1     (k = 0: the curve a·p^(1−ε) falls with p: p → 0⁺, see caller)
 *   logit         the root of 1 − b·(p − k)·(1 − s(p)) = 0, s(p) = d(p)/size, by bisection (the left
 *                 side falls strictly in p on p ≥ k, so the root is unique)
 * @internal
 */
export function unconstrainedOptimum(r: PriceResponse, k: number): number | null {
  switch (r.kind) {
    case 'linear':
      return (r.a / r.b + k) / 2;
    case 'exponential':
      return k + 1 / r.alpha;
    case 'constant-elasticity':
      return r.elasticity > 1 ? (k * r.elasticity) / (r.elasticity - 1) : null;
    case 'logit': {
      const g = (p: number) => 1 - r.b * (p - k) * (1 - demandOf(r, p) / r.size);
      let lo = k;
      let step = 1 / r.b;
      let hi = k + step;
      while (g(hi) > 0) {
        lo = hi;
        step *= 2;
        hi = k + step;
      }
      for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, hi); i++) {
        const mid = 0.5 * (lo + hi);
        if (g(mid) > 0) lo = mid;
        else hi = mid;
      }
      return 0.5 * (lo + hi);
    }
  }
}
