/**
 * `yieldcraft/overbooking`: show-up models and authorization levels — cost-based (`overbookingLimit`),
 * risk-based (`riskBasedOverbookingLimit`), per night or leg (`overbookingLimits`), and the expected
 * outcome of any level (`overbookingOutcome`).
 */
export {
  validateShowUp,
  type ShowUpModel,
  type BinomialShowUp,
  type PoissonNoShows,
  type EmpiricalNoShows,
} from './showUp.js';
export type { OverbookingOutcome, RevenueBasis } from './profitWalk.js';
export * from './overbookingLimit.js';
export * from './overbookingOutcome.js';
export * from './riskBasedOverbookingLimit.js';
export * from './overbookingLimits.js';
