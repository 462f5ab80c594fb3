/**
 * Ratios whose denominator is an outcome (rooms sold, passengers who showed up, the revenue opportunity)
 * can be undefined for a legitimate reason — a night with no sales has no average rate. Those metrics
 * return a `MetricValue` instead of NaN: `{ status: 'ok', value }` or `{ status: 'not-defined', reason }`.
 * Ratios over capacity (occupancy, RevPAR, yield per available unit) need a capacity > 0 and throw a
 * YieldInputError naming `capacity` otherwise: measuring nothing is a modelling error, not an outcome.
 */
export type MetricValue =
  | { readonly status: 'ok'; readonly value: number }
  | { readonly status: 'not-defined'; readonly reason: string };

/** @internal */
export function ratio(numerator: number, denominator: number, reason: string): MetricValue {
  return denominator > 0 ? { status: 'ok', value: numerator / denominator } : { status: 'not-defined', reason };
}
