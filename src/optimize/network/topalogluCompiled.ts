/**
 * @internal @deprecated The compiled booking process moved to `src/model/compileBookingProcess.ts` and
 * is now built on the DLP's `CompiledNetwork` (`cp.net.productStart` … instead of `cp.prodStart` …,
 * `cp.net.fare`, `cp.net.resourceIds`, `cp.net.productIds`). This shim keeps old imports compiling
 * until they are switched; then it goes.
 */
export { compileBookingProcess, startCapacity, bidPriceVector, type CompiledProcess } from '../../model/compileBookingProcess.js';
