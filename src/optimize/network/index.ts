/** See ../index.ts. */
export { compileNetwork, type CompiledNetwork, type NetworkProductDemand } from './networkInput.js';
export * from './dlp.js';
export { bidPriceRange, type BidPriceRangeOptions, type BidPriceInterval, type BidPriceRangeResult } from './bidPriceRange.js';
export * from './rlp.js';
export * from './topalogluModel.js';
export * from './topalogluInstance.js';
export * from './lagrangianRelaxation.js';
export * from './dpDecomposition.js';
export * from './davn.js';
