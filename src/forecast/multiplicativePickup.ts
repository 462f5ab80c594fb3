import { readPickupInput, type BookingCurve, type PickupOptions } from './bookingCurve.js';
import { multiplicativeKernel, type PickupEstimate } from './internal/pickupKernels.js';

/**
 * Multiplicative pickup: forecast final rooms = rooms on the books now × the ratio of final to
 * on-the-books rooms that comparable past nights showed from the same number of days before arrival.
 *
 * Reference: Weatherford & Kimes (2003), IJF 19: 401–415, §2 (pickup ratios); Phillips (2005),
 * *Pricing and Revenue Optimization*, ch. 4 (booking-curve forecasts).
 *
 *   F(d) = B_now(d) · Σ_j B_j(0) / Σ_j B_j(d)
 *
 * over the N most recent past nights with both readings (`window`). The ratio of sums (not the mean of
 * ratios) keeps nights with few early bookings from dominating and is defined whenever any of them had
 * a booking. When Σ B_j(d) = 0 the ratio is undefined: the additive pickup is used instead and the
 * result says `fallback: true`. sd = sample standard deviation of B_j(0) − ratio·B_j(d).
 *
 * @param history - past nights' booking curves, oldest first (see `BookingCurve`)
 * @param onTheBooks - rooms on the books now, ≥ 0
 * @param daysBefore - days before the night, ≥ 1
 * @param options.window - most recent usable nights (default 8)
 * @returns `{ status, forecast, pickup, sd, used, fallback }`; 'insufficient-history' (forecast, pickup and sd null) when no past night has both readings
 * @example
 * import { multiplicativePickup } from 'yieldcraft/forecast';
 * const history = [[52, , , , , , , 30], [58, , , , , , , 40]];
 * multiplicativePickup(history, 35, 7).forecast; // => 55 (35 · 110/70)
 */
export function multiplicativePickup(
  history: readonly BookingCurve[],
  onTheBooks: number,
  daysBefore: number,
  options?: PickupOptions,
): PickupEstimate {
  const { get, rows, d, otb, window } = readPickupInput(history, onTheBooks, daysBefore, options);
  return multiplicativeKernel(get, rows, d, otb, window);
}
