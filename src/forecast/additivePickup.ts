import { readPickupInput, type BookingCurve, type PickupOptions } from './bookingCurve.js';
import { additiveKernel, type PickupEstimate, type PickupForecast, type PickupInsufficient } from './internal/pickupKernels.js';

export type { PickupEstimate, PickupForecast, PickupInsufficient };

/**
 * Additive (classical) pickup: forecast final rooms = rooms on the books now + the average number of
 * rooms that comparable past nights picked up from the same number of days before arrival to the end.
 *
 * Reference: Weatherford & Kimes (2003), "A comparison of forecasting methods for hotel revenue
 * management", International Journal of Forecasting 19(3): 401–415, §2 ("classical pickup": only
 * nights whose booking curve is complete); Talluri & van Ryzin (2004), §9.3.2 (pickup forecasting).
 *
 *   F(d) = B_now(d) + (1/N) Σ_{j=1..N} (B_j(0) − B_j(d))
 *
 * where B_j(d) = rooms on the books for past night j, d days before it, B_j(0) its final count, and the
 * N most recent nights with both readings are used (`window`). Pickup may be negative (net
 * cancellations). The forecast is never below 0. sd = sample standard deviation of the N pickups
 * (divisor N − 1; 0 when N = 1).
 *
 * @param history - past nights' booking curves, oldest first (see `BookingCurve`)
 * @param onTheBooks - rooms on the books now for the night to forecast, ≥ 0
 * @param daysBefore - days now before that night, ≥ 1
 * @param options.window - most recent usable nights to average (default 8)
 * @returns `{ status, forecast, pickup, sd, used }`; status 'insufficient-history' when no past night
 *   has both readings (forecast, pickup and sd are then null)
 * @example
 * import { additivePickup } from 'yieldcraft/forecast';
 * // two past Fridays: 30 → 52 and 40 → 58 rooms from 7 days out to the night (pickups 22 and 18)
 * const history = [[52, , , , , , , 30], [58, , , , , , , 40]];
 * additivePickup(history, 35, 7).forecast; // => 55
 */
export function additivePickup(
  history: readonly BookingCurve[],
  onTheBooks: number,
  daysBefore: number,
  options?: PickupOptions,
): PickupEstimate {
  const { get, rows, d, otb, window } = readPickupInput(history, onTheBooks, daysBefore, options);
  return additiveKernel(get, rows, d, otb, window);
}
