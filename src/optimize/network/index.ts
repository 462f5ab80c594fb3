/** See ../index.ts. */
export * from './networkInput.js';
export * from './dlp.js';
export * from './bidPriceRange.js';
export * from './rlp.js';
