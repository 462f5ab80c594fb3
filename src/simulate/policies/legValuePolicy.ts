/** Shared by the DP-decomposition and Lagrangian policies (a network process directly; a hotel through its daily form). @internal */
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
      `${policy} plans a one-request-per-period network booking process (Topaloglu 2009) here; got a process of kind ${JSON.stringify(ctx.kind)}`,
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
