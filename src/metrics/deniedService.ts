import { nonNegative, object } from '../internal/validate.js';
import { ratio, type MetricValue } from './metricValue.js';

export interface DeniedServiceInput {
  readonly capacity: number;
  readonly shows: number;
}

export interface DeniedService {
  readonly denied: number;
  readonly served: number;
  readonly rate: MetricValue;
}

/**
 * Denied service on one overbooked resource: customers who showed up and found no unit (walked hotel
 * guests, involuntarily bumped passengers), those served, and the rate per show.
 *
 *   denied = max(0, shows − capacity)     served = min(shows, capacity)     rate = denied / shows
 *
 * Airlines report the rate per 10,000 passengers (multiply `rate.value` by 10,000). With no shows the
 * rate is `{ status: 'not-defined' }`.
 *
 * Reference: Talluri & van Ryzin (2004), §4.1 (denied-boarding measures); Phillips (2005), ch. 9.
 *
 * @param input.capacity - physical units, ≥ 0
 * @param input.shows - customers who turned up, ≥ 0
 * @example
 * import { deniedService } from 'yieldcraft/metrics';
 * deniedService({ capacity: 180, shows: 183 });
 * // => { denied: 3, served: 180, rate: { status: 'ok', value: 0.01639344262295082 } }
 */
export function deniedService(input: DeniedServiceInput): DeniedService {
  const o = object(input, 'input');
  const capacity = nonNegative(o.capacity, 'capacity');
  const shows = nonNegative(o.shows, 'shows');
  const denied = Math.max(0, shows - capacity);
  return { denied, served: Math.min(shows, capacity), rate: ratio(denied, shows, 'nobody showed up') };
}
