/**
 * `yieldcraft/control`: controls handed to the booking path (nested booking limits on one resource or on
 * every resource of a network, static and dynamic bid prices), the booking state with its validated
 * operations (`recordSale`, `recordCancellation`, `recordNoShow`), `decide(request, state, controls)` —
 * the synchronous accept/reject with its reason — group / block evaluation, length-of-stay controls and
 * last-room values.
 */
export type { Controls, ControlsSpec, NetworkControls, NestedLimitControls, NestedLimitsSpec } from './controls.js';
export { nestedLimitControls, type NestedLimitControlsOptions } from './nestedLimitControls.js';
export * from './compileControls.js';
export * from './nestedLimitState.js';
export * from './decide.js';
export { bidPriceVerdict, isBidPriceTie, BID_PRICE_TIE_TOLERANCE, type BidPriceTieRule } from '../model/bookingPath.js';
export {
  networkBookingState,
  bookingState,
  recordSale,
  recordCancellation,
  recordNoShow,
  type NetworkBookingState,
  type NetworkBookingStateInput,
  type BookingState,
  type RecordCancellationOptions,
} from './bookingState.js';
export * from './los.js';
export * from './evaluateGroup.js';
export * from './lastRoomValue.js';
export {
  bidPriceControls,
  createBidPriceDecider,
  decideBidPrice,
  BID_PRICE_CONTROLS_DEFAULTS,
  type BidPriceControlsOptions,
  type BidPriceSpec,
  type BidPriceControls,
  type BidPriceReason,
  type BidPriceVerdict,
  type BidPriceDecider,
  type NetworkRequest,
  type NetworkInventory,
  type BidPriceDecision,
} from './bidPriceControls.js';
export {
  dynamicBidPriceControls,
  DYNAMIC_BID_PRICE_CONTROLS_DEFAULTS,
  type DynamicBidPriceControls,
  type DynamicBidPriceControlsOptions,
  type DynamicBidPriceSpec,
  type LegValueTables,
} from './dynamicBidPriceControls.js';
export {
  resourceNestedLimitControls,
  type ResourceNestedLimitControls,
  type ResourceNestedLimitsSpec,
  type NestedNetwork,
} from './resourceNestedLimitControls.js';
export * from './bidPriceReoptimize.js';
