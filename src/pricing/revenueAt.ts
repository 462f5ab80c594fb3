import { nonNegative } from '../internal/validate.js';
import { demandAt } from './demandAt.js';
import type { PriceResponse } from './priceResponse.js';

export interface RevenueAtOptions {
  /** Cost per unit sold, money (default 0). */
  readonly unitCost?: number;
}

export const REVENUE_AT_DEFAULTS = { unitCost: 0 } as const satisfies Required<RevenueAtOptions>;

/**
 * The revenue p·d(p) a price-response function predicts at one price, or, with a unit cost c, the
 * contribution (p − c)·d(p) (Phillips 2005, §5.1: total contribution = unit contribution × sales).
 *
 * Reference: Phillips (2005), *Pricing and Revenue Optimization*, §5.1–5.2.
 *
 * @param response - a `PriceResponse`
 * @param price - p, money per unit; finite, ≥ 0 (> 0 for constant elasticity)
 * @param options.unitCost - c, money per unit sold; finite, ≥ 0 (default 0: revenue)
 * @returns p·d(p) (or (p − c)·d(p)), money
 * @example
 * import { revenueAt } from 'yieldcraft/pricing';
 * revenueAt({ kind: 'linear', a: 10000, b: 800 }, 8.75); // => 26250
 * revenueAt({ kind: 'linear', a: 10000, b: 800 }, 8.75, { unitCost: 5 }); // => 11250
 */
export function revenueAt(response: PriceResponse, price: number, options: RevenueAtOptions = {}): number {
  const d = demandAt(response, price);
  const c = options.unitCost === undefined ? REVENUE_AT_DEFAULTS.unitCost : nonNegative(options.unitCost, 'options.unitCost');
  return (price - c) * d;
}
