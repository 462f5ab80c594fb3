/** See ../index.ts. */
export * from './dlp.js';
export { bidPriceRange, type BidPriceRangeOptions, type BidPriceInterval, type BidPriceRangeResult } from './bidPriceRange.js';
export * from './rlp.js';
export * from './lagrangianRelaxation.js';
export * from './dpDecomposition.js';
export * from './davn.js';
