/**
 * @internal @deprecated The booking process moved to the model: import from `src/model/bookingProcess.ts`
 * (`yieldcraft/model`). This shim keeps old imports compiling until they are switched; then it goes.
 */
export {
  type NetworkBookingProcess,
  PERIOD_PROBABILITY_TOLERANCE,
  validateBookingProcess,
  expectedArrivals,
  remainingNetwork,
} from '../../model/bookingProcess.js';
