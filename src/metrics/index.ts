/**
 * `yieldcraft/metrics`: occupancy rate / load factor, ADR, RevPAR, yield (revenue or contribution) per
 * available unit, contribution totals, spill and spoilage, denied service, and revenue opportunity.
 * Ratios with an outcome as denominator return a `MetricValue` status union; ratios over capacity need
 * a capacity > 0. Never NaN.
 */
export type { MetricValue } from './metricValue.js';
export * from './occupancyRate.js';
export * from './averageDailyRate.js';
export * from './yieldPerAvailableUnit.js';
export * from './revpar.js';
export * from './totalContribution.js';
export * from './spillAndSpoilage.js';
export * from './deniedService.js';
export * from './revenueOpportunity.js';
