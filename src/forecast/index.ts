/**
 * `yieldcraft/forecast`: demand forecasting from booking history — pickup (additive, multiplicative,
 * advanced), Holt-Winters exponential smoothing with weekly and yearly season, unconstraining (EM,
 * projection detruncation), cancellation and show-up rates, price response, calendar effects,
 * `forecastOccupancy`, per-product `Demand`, accuracy measures and rolling-origin backtests.
 */
export * from './censored.js';
export * from './emUnconstrain.js';
export * from './projectionDetruncation.js';
export * from './holtWinters.js';
export * from './bookingCurve.js';
export * from './additivePickup.js';
export * from './multiplicativePickup.js';
export * from './advancedPickup.js';
export * from './accuracy.js';
export * from './calendarEvents.js';
export * from './fitPriceResponse.js';
export * from './cancellationRates.js';
export * from './forecastOccupancy.js';
export * from './backtest.js';
export * from './forecastProductDemand.js';
export * from './estimatePriceResponse.js';
