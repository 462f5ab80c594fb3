/**
 * `yieldcraft/control`: controls handed to the booking path (nested booking limits; bid-price tables to
 * come) and `decide(request, state, controls)`, the synchronous accept/reject with its reason.
 */
export type { Controls, ControlsSpec, NestedLimitControls, NestedLimitsSpec } from './controls.js';
export { nestedLimitControls, type NestedLimitControlsOptions } from './nestedLimitControls.js';
export * from './compileControls.js';
export * from './nestedLimitState.js';
export * from './decide.js';
export * from './los.js';
export * from './evaluateGroup.js';
export * from './lastRoomValue.js';
export {
  bidPriceControls,
  createBidPriceDecider,
  decideBidPrice,
  networkBookingState,
  recordNetworkSale,
  BID_PRICE_CONTROLS_DEFAULTS,
  type BidPriceTieRule,
  type BidPriceControlsOptions,
  type BidPriceSpec,
  type BidPriceControls,
  type BidPriceReason,
  type BidPriceVerdict,
  type BidPriceDecider,
  type NetworkRequest,
  type NetworkInventory,
  type BidPriceDecision,
  type NetworkBookingState,
} from './bidPriceControls.js';
export * from './bidPriceReoptimize.js';
