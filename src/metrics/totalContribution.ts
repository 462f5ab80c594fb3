import { contribution, type ContributionInput } from '../model/contribution.js';
import { YieldInputError } from '../model/errors.js';
import { array, join, object, positiveInteger } from '../internal/validate.js';

export interface Sale extends ContributionInput {
  /** Units in this sale (room-nights, seats), a whole number ≥ 1. */
  readonly units: number;
}

export interface ContributionTotals {
  readonly revenue: number;
  readonly contribution: number;
  readonly units: number;
}

/**
 * Revenue and contribution of a set of sales: each sale's price net of channel commission and booking
 * fee, less variable cost, plus ancillary spend (`contribution` of `yieldcraft/model`), times its units.
 *
 *   revenue = Σ price_k · units_k        contribution = Σ contribution(sale_k) · units_k
 *
 * Reference: Phillips (2005), §6.1 (contribution margin); Talluri & van Ryzin (2004), §10.1 (net revenue
 * by channel).
 *
 * @param sales - `{ price, units, commission?, feePerBooking?, variableCost?, ancillarySpend? }[]`; price
 *   per unit; units a whole number ≥ 1; the rest as in `contribution`
 * @returns `{ revenue, contribution, units }` (all 0 for no sales)
 * @example
 * import { totalContribution } from 'yieldcraft/metrics';
 * totalContribution([
 *   { price: 200, units: 3, commission: 0.18, variableCost: 25 },
 *   { price: 150, units: 2, variableCost: 25 },
 * ]); // => { revenue: 900, contribution: 667, units: 5 }
 */
export function totalContribution(sales: readonly Sale[]): ContributionTotals {
  const list = array<unknown>(sales, 'sales');
  let revenue = 0;
  let total = 0;
  let units = 0;
  for (let k = 0; k < list.length; k++) {
    const path = join('sales', k);
    const s = object(list[k], path) as unknown as Sale;
    const u = positiveInteger(s.units, join(path, 'units'));
    let perUnit: number;
    try {
      perUnit = contribution(s);
    } catch (e) {
      // contribution names the bare field (`price`); say which sale it was.
      if (e instanceof YieldInputError) throw new YieldInputError(e.code, join(path, e.path), e.message.replace(/^[^:]*: /, ''));
      throw e;
    }
    revenue += s.price * u;
    total += perUnit * u;
    units += u;
  }
  return { revenue, contribution: total, units };
}
