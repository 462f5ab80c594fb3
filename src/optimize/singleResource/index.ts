/**
 * `yieldcraft/optimize` — single-resource booking controls: Littlewood's rule, EMSR-a, EMSR-b, nested
 * booking limits, the exact static DP (optimal protection levels) and the exact expected revenue of any
 * nested policy, the Lee–Hersh dynamic program, and the fare transformation for buy-down demand.
 * (Named exports: the files also hold internal helpers that are not part of the API.)
 */
export { littlewood } from './littlewood.js';
export { EMSR_DEFAULTS, type EmsrOptions, type EmsrRounding } from './emsrOptions.js';
export { emsrA } from './emsrA.js';
export { emsrB } from './emsrB.js';
export {
  bookingLimits,
  partitionedAllocations,
  BOOKING_LIMITS_DEFAULTS,
  type BookingLimitsOptions,
  type LimitRounding,
} from './bookingLimits.js';
export { optimalProtectionLevels, type OptimalProtectionLevelsResult } from './optimalProtectionLevels.js';
export { expectedRevenue } from './expectedRevenue.js';
export {
  dynamicProgram,
  DYNAMIC_PROGRAM_DEFAULTS,
  type DynamicProgramInput,
  type DynamicProgramOptions,
  type DynamicProgramResult,
} from './dynamicProgram.js';
export {
  fareTransformation,
  type FareTransformationClass,
  type FareTransformationResult,
} from './fareTransformation.js';
export {
  emsrBWithFareTransformation,
  type EmsrBWithFareTransformationResult,
} from './emsrBWithFareTransformation.js';
