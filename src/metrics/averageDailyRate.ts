import { nonNegative, object } from '../internal/validate.js';
import { ratio, type MetricValue } from './metricValue.js';

export interface AverageDailyRateInput {
  readonly revenue: number;
  readonly sold: number;
}

/**
 * ADR, the average daily rate: room revenue per room sold (per unit sold, outside hotels: the average
 * fare or yield per passenger).
 *
 *   ADR = revenue / sold
 *
 * A period with nothing sold has no average rate: the result is `{ status: 'not-defined' }`, never NaN.
 *
 * Reference: STR / Uniform System of Accounts for the Lodging Industry; Talluri & van Ryzin (2004), §10.2.
 *
 * @param input.revenue - room revenue, money, ≥ 0
 * @param input.sold - units sold (room-nights), ≥ 0
 * @example
 * import { averageDailyRate } from 'yieldcraft/metrics';
 * averageDailyRate({ revenue: 7000, sold: 70 }); // => { status: 'ok', value: 100 }
 * averageDailyRate({ revenue: 0, sold: 0 }); // => { status: 'not-defined', reason: 'nothing was sold' }
 */
export function averageDailyRate(input: AverageDailyRateInput): MetricValue {
  const o = object(input, 'input');
  const revenue = nonNegative(o.revenue, 'revenue');
  const sold = nonNegative(o.sold, 'sold');
  return ratio(revenue, sold, 'nothing was sold');
}

/** Short name. */
export const adr = averageDailyRate;
