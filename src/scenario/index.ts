/**
 * `yieldcraft/scenario`: what-if analysis — a scenario (hotel, demand source, horizon, policy,
 * simulation settings) and declarative, combinable variations, simulated side by side on common random
 * numbers; shards of a study merge into the single run's result.
 */
export * from './scenario.js';
export { applyVariation, type ResolvedDemand, type VariationInputs } from './applyVariation.js';
export * from './whatIf.js';
export { forecastErrorPolicy, type ForecastError } from './forecastErrorPolicy.js';
