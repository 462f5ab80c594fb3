/**
 * `yieldcraft/forecast`: demand forecasting from booking history — pickup (additive, multiplicative,
 * advanced), Holt-Winters exponential smoothing with weekly and yearly season, unconstraining (EM,
 * projection detruncation), cancellation and show-up rates, price response, calendar effects,
 * `forecastOccupancy`, per-product `Demand`, accuracy measures and rolling-origin backtests.
 * (Helpers marked @internal in the modules are not exported.)
 */
export type { CensoredObservation } from './censored.js';
export { emUnconstrain, EM_UNCONSTRAIN_DEFAULTS, type UnconstrainOptions, type UnconstrainResult, type EmUnconstrainResult } from './emUnconstrain.js';
export { projectionDetruncation, PROJECTION_DETRUNCATION_DEFAULTS, type ProjectionDetruncationOptions } from './projectionDetruncation.js';
export { holtWinters, HOLT_WINTERS_DEFAULTS, type HoltWintersOptions, type HoltWintersFit } from './holtWinters.js';
export { PICKUP_DEFAULTS, type BookingCurve, type PickupOptions } from './bookingCurve.js';
export { additivePickup, type PickupEstimate, type PickupForecast, type PickupInsufficient } from './additivePickup.js';
export { multiplicativePickup } from './multiplicativePickup.js';
export { advancedPickup } from './advancedPickup.js';
export { forecastAccuracy, seasonalNaiveScale, type ForecastAccuracy } from './accuracy.js';
export { applyCalendarEvents, type CalendarEvent, type CalendarEffect, type AdjustableNight } from './calendarEvents.js';
export {
  fitPriceResponse,
  willingnessToPay,
  type PriceResponseFit,
  type FittedPriceResponse,
  type ConstantElasticityResponse,
  type LinearResponse,
  type ExponentialResponse,
  type RegressionDiagnostics,
} from './fitPriceResponse.js';
export {
  cancellationRates,
  CANCELLATION_RATES_DEFAULTS,
  type CancellationRatesOptions,
  type CancellationRate,
  type CancellationRates,
} from './cancellationRates.js';
export {
  forecastOccupancy,
  FORECAST_OCCUPANCY_DEFAULTS,
  OCCUPANCY_METHODS,
  AUTO_CANDIDATES,
  type OccupancyMethod,
  type OccupancyNightMethod,
  type CapacityInput,
  type CapacityUsed,
  type ForecastOccupancyOptions,
  type OccupancyNight,
  type OccupancyForecast,
} from './forecastOccupancy.js';
export { backtest, type BacktestOptions, type BacktestResult, type BacktestNight, type LeadAccuracy } from './backtest.js';
export {
  forecastProductDemand,
  FORECAST_PRODUCT_DEMAND_DEFAULTS,
  type ForecastProductDemandOptions,
  type ProductDemand,
  type ProductDemandForecast,
} from './forecastProductDemand.js';
export { combinationWeights, COMBINATION_WEIGHTS_DEFAULTS, type CombinationWeights, type CombinationWeightsOptions } from './combinationWeights.js';
export { estimatePriceResponse, ESTIMATE_PRICE_RESPONSE_DEFAULTS, type SegmentPriceResponse } from './estimatePriceResponse.js';
export {
  fitWithinNightResponse,
  FIT_WITHIN_NIGHT_DEFAULTS,
  type FitWithinNightOptions,
  type WithinNightCell,
  type WithinNightGroup,
  type WithinNightFit,
  type WithinNightEstimate,
  type WithinNightInsufficient,
} from './fitWithinNightResponse.js';
export {
  estimatePriceResponseWithinNight,
  ESTIMATE_PRICE_RESPONSE_WITHIN_NIGHT_DEFAULTS,
  type EstimatePriceResponseWithinNightOptions,
  type SegmentWithinNightResponse,
} from './estimatePriceResponseWithinNight.js';
