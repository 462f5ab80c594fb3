/**
 * @internal @deprecated `compileNetwork` moved to the model's compile step: import from
 * `src/model/compileNetwork.ts` (`yieldcraft/model`). This shim keeps old imports compiling until they
 * are switched; then it goes.
 */
export { compileNetwork, demandMean, type CompiledNetwork, type NetworkProductDemand } from '../../model/compileNetwork.js';
