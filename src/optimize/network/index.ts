/** See ../index.ts. */
export {
  dlp,
  openDlpSession,
  solveDlp,
  DLP_DEFAULTS,
  type DlpOptions,
  type DlpOptimal,
  type DlpFailed,
  type DlpResult,
  type DlpOverrides,
  type DlpSession,
} from './dlp.js';
export {
  warmUpDlp,
  WARM_UP_DLP_DEFAULTS,
  type WarmUpDlpOptions,
  type WarmUpDlpOk,
  type WarmUpDlpFailed,
  type WarmUpDlpResult,
} from './warmUpDlp.js';
export { bidPriceRange, type BidPriceRangeOptions, type BidPriceInterval, type BidPriceRangeResult } from './bidPriceRange.js';
export * from './rlp.js';
export * from './lagrangianRelaxation.js';
export * from './dpDecomposition.js';
export * from './davn.js';
