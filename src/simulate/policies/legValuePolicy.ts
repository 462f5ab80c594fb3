/** Shared by the DP-decomposition and Lagrangian policies: they need the one-request-per-period process. @internal */
import { YieldInputError } from '../../model/errors.js';
import type { NetworkBookingProcess } from '../../model/bookingProcess.js';
import { dynamicBidPriceControls, type DynamicBidPriceControls } from '../../control/dynamicBidPriceControls.js';
import type { LegValueFunctions } from '../../optimize/network/lagrangianKernels.js';
import type { PlanningContext } from '../policy.js';

export function networkProcessOf(ctx: PlanningContext, policy: string): NetworkBookingProcess {
  if (ctx.kind !== 'network')
    throw new YieldInputError(
      'inconsistent',
      'process',
      `${policy} needs a one-request-per-period network booking process (Topaloglu 2009); a hotel process has several requests a day, groups and cancellations: use the DLP, RLP, DAVN or EMSR-b policies`,
    );
  return ctx.process as NetworkBookingProcess;
}

/** Remaining units per resource as whole numbers (the leg DPs' states). */
export function remainingUnits(ctx: PlanningContext): Int32Array {
  return Int32Array.from(ctx.held, (h, i) => ctx.authorized[i]! - h);
}

export function legValueControls(ctx: PlanningContext, v: LegValueFunctions): DynamicBidPriceControls {
  return dynamicBidPriceControls(ctx.controlsNetwork(), { startPeriod: v.startPeriod, periods: v.periods, capacity: v.capacity, tables: v.tables });
}
