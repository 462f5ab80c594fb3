import { readPickupInput, type BookingCurve, type PickupOptions } from './bookingCurve.js';
import { advancedKernel, type PickupEstimate } from './internal/pickupKernels.js';

/**
 * Advanced pickup: like the additive pickup, but the pickup from d days out to the night is built from
 * day-by-day increments, each averaged over every comparable night that has already passed through
 * it — including nights still in their booking window, which classical pickup must ignore. The most
 * recent information about late bookings and early bookings both enter the forecast.
 *
 * Reference: Weatherford & Kimes (2003), IJF 19: 401–415, §2: "advanced pickup … includes the data for
 * dates that have not yet arrived"; Zakhary, El Gayar & Atiya (2008), "A comparative study of the
 * pickup method and its variations using a simulated hotel reservation data", ICGST-AIML 8: 15–21.
 *
 *   F(d) = B_now(d) + Σ_{k=1..d} P̄_k,   P̄_k = (1/N_k) Σ_j (B_j(k − 1) − B_j(k))
 *
 * where P̄_k averages the N_k most recent nights (`window`) whose curve shows both B_j(k) and
 * B_j(k − 1) (B_j(0) the final count). sd = √(Σ_k s_k²), s_k the sample sd of the k-th increments —
 * treating the increments as independent (an approximation; within a night they are correlated).
 *
 * @param history - comparable nights' booking curves, oldest first, complete or partial (null where
 *   not known yet)
 * @param onTheBooks - rooms on the books now, ≥ 0
 * @param daysBefore - days before the night, ≥ 1
 * @param options.window - most recent usable nights per increment (default 8)
 * @returns `{ status, forecast, pickup, sd, used }` (used = increments averaged, summed over k);
 *   'insufficient-history' (forecast, pickup and sd null) when some increment was never observed
 * @example
 * import { advancedPickup } from 'yieldcraft/forecast';
 * // curves [final, 1, 2, 3 days out]; the newest night is 1 day out: no final count yet
 * const history = [[20, 16, 12, 10], [24, 19, 15, 12], [null, 18, 14, 10]];
 * advancedPickup(history, 11, 3).forecast; // => 22.5  (11 + 3 + 4 + 4.5; classical pickup: 22)
 */
export function advancedPickup(
  history: readonly BookingCurve[],
  onTheBooks: number,
  daysBefore: number,
  options?: PickupOptions,
): PickupEstimate {
  const { get, rows, d, otb, window } = readPickupInput(history, onTheBooks, daysBefore, options);
  return advancedKernel(get, rows, d, otb, window);
}
