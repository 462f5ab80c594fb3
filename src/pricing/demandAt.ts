import { fail, nonNegative } from '../internal/validate.js';
import { demandOf, validatePriceResponse, type PriceResponse } from './priceResponse.js';

/**
 * The demand d(p) a price-response function predicts at one price: units per period (or per market),
 * never negative, never NaN.
 *
 * Reference: Phillips (2005), *Pricing and Revenue Optimization*, ch. 3 (price-response functions);
 * the shapes are listed with `PriceResponse`.
 *
 * @param response - a `PriceResponse` (validated: every parameter finite, the positive ones > 0)
 * @param price - p, money per unit; finite, ≥ 0 (> 0 for constant elasticity, whose demand is infinite at 0)
 * @returns d(p), units
 * @example
 * import { demandAt } from 'yieldcraft/pricing';
 * demandAt({ kind: 'linear', a: 10000, b: 800 }, 8.75); // => 3000
 * demandAt({ kind: 'linear', a: 10000, b: 800 }, 20); // => 0   (above the choke price a/b = 12.5)
 * demandAt({ kind: 'constant-elasticity', a: 1000, elasticity: 2 }, 10); // => 10
 */
export function demandAt(response: PriceResponse, price: number): number {
  const r = validatePriceResponse(response);
  const p = nonNegative(price, 'price');
  if (r.kind === 'constant-elasticity' && p === 0)
    fail('price', 'must be > 0 for a constant-elasticity response (its demand is infinite at a price of 0)');
  return demandOf(r, p);
}
