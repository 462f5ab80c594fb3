/**
 * `yieldcraft/simulate`: seeded random numbers, demand trajectories of a network booking process, the
 * booking simulator with re-optimising policies (DLP, RLP, DAVN, DP decomposition, Lagrangian
 * relaxation bid prices), the perfect-hindsight bound, and the Monte Carlo runner with confidence
 * intervals and common random numbers.
 */
export { mulberry32, deriveSeed } from '../internal/rng.js';
export * from './confidenceInterval.js';
export * from './sampleTrajectories.js';
export * from './policy.js';
export * from './simulatePolicies.js';
export * from './perfectHindsight.js';
export * from './policies/dlpBidPricePolicy.js';
export * from './policies/rlpBidPricePolicy.js';
export * from './policies/dpDecompositionPolicy.js';
export * from './policies/lagrangianPolicy.js';
export * from './policies/davnPolicy.js';
