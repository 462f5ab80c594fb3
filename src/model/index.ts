/**
 * `yieldcraft/model`: the vocabulary (resources, products, segments, channels, costs, demand, requests,
 * inventory state), zod schemas with `parse*`/`safeParse*`, `YieldInputError`, and `contribution`; the
 * network booking process (a network with its arrival process over the booking horizon) and the
 * network's compile step (`compileNetwork`).
 */
export { YieldInputError, isYieldInputError, type YieldInputErrorCode, type YieldInputIssue } from './errors.js';
export * from './bookingPath.js';
export * from './demand.js';
// Named (not `export *`): schemas.ts also exports `makeParser`, an internal helper other domains import
// from the file; errors.ts's `formatPath` likewise stays internal.
export {
  DemandSchema,
  FareClassSchema,
  ResourceSchema,
  SegmentSchema,
  ChannelSchema,
  CostsSchema,
  ProductSchema,
  BookingRequestSchema,
  InventoryStateSchema,
  NetworkSchema,
  parseDemand,
  safeParseDemand,
  parseFareClasses,
  safeParseFareClasses,
  parseResource,
  safeParseResource,
  parseProduct,
  safeParseProduct,
  parseSegment,
  safeParseSegment,
  parseChannel,
  safeParseChannel,
  parseCosts,
  safeParseCosts,
  parseBookingRequest,
  safeParseBookingRequest,
  parseInventoryState,
  safeParseInventoryState,
  parseNetwork,
  safeParseNetwork,
  type Resource,
  type Segment,
  type Channel,
  type Costs,
  type Product,
  type BookingRequest,
  type InventoryState,
  type Network,
  type NetworkResource,
  type NetworkProduct,
  type SafeParseResult,
} from './schemas.js';
export * from './contribution.js';
export {
  type NetworkBookingProcess,
  PERIOD_PROBABILITY_TOLERANCE,
  validateBookingProcess,
  expectedArrivals,
  remainingNetwork,
  reoptimizationSchedule,
} from './bookingProcess.js';
export { type DailyBookingProcess, validateDailyBookingProcess } from './dailyBookingProcess.js';
// Named: compileNetwork.ts also holds `demandMean`, an internal helper.
export { compileNetwork, type CompiledNetwork, type NetworkProductDemand } from './compileNetwork.js';
export * from './hotel.js';
