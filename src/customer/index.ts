/**
 * `yieldcraft/customer`: who the right customers are — segment, channel and account profitability
 * from booking history, customer value from repeat behaviour (and its backtest), and the customer mix
 * an optimiser's allocation takes beside the mix the hotel sold.
 */
export {
  readHotelCustomersCsv,
  accountOf,
  type CustomerRecord,
  type HotelCustomersCsvResult,
} from './customerRecord.js';
export {
  BOOKING_ECONOMICS_DEFAULTS,
  CHANNEL_COMMISSION_DEFAULTS,
  type BookingEconomicsOptions,
} from './bookingEconomics.js';
export * from './segmentProfitability.js';
export {
  customerValue,
  CUSTOMER_VALUE_DEFAULTS,
  type AccountValueModel,
  type CustomerValue,
  type CustomerValueBy,
  type CustomerValueOptions,
  type CustomerValueResult,
  type GuestTier,
  type GuestValueModel,
  type RecencyTransition,
} from './customerValue.js';
export * from './customerValueBacktest.js';
export * from './customerMix.js';
export * from './valueAtRisk.js';
