/**
 * `yieldcraft/simulate`: the laboratory. Booking processes (the Topaloglu 2009 network process and a
 * hotel's booking horizon, `hotelBookingProcess`), policies that plan controls (first come first served,
 * EMSR-b per night, DLP, RLP, DAVN, DP decomposition, Lagrangian relaxation, or your own), the replay of
 * every request through `decide`, the perfect-hindsight bound, and the Monte Carlo runner with common
 * random numbers, confidence intervals, paired differences, worker threads and shards.
 */
export { mulberry32, deriveSeed } from '../internal/rng.js';
export * from './confidenceInterval.js';
export * from './sampleTrajectories.js';
export * from './policy.js';
export {
  simulatePolicies,
  mergeSimulations,
  SIMULATION_DEFAULTS,
  METRIC_NAMES,
  type SimulationOptions,
  type SimulationResult,
  type PolicyOutcome,
  type Summary,
  type MetricName,
  type DecisionEvent,
} from './simulatePolicies.js';
export * from './perfectHindsight.js';
export { type BookingProcess } from './compileProcess.js';
export { type HotelBookingProcess, type HotelDemandStream, type HotelGroupRequest, HOTEL_PROCESS_DEFAULTS } from './hotelProcess.js';
export { policyFromSpec } from './policies/registry.js';
export * from './policies/fcfsPolicy.js';
export * from './policies/dlpBidPricePolicy.js';
export * from './policies/rlpBidPricePolicy.js';
export * from './policies/dpDecompositionPolicy.js';
export * from './policies/lagrangianPolicy.js';
export * from './policies/davnPolicy.js';
export * from './policies/emsrbPerNightPolicy.js';
export * from './policies/dynamicPricingPolicy.js';
export * from './hotelBookingProcess.js';
