/**
 * `yieldcraft/pricing`: price-response models (`demandAt`, `revenueAt`), optimal static prices
 * (`optimalPrice`), prices for fenced segments sharing capacity (`segmentPrices`), dynamic pricing
 * (`gallegoVanRyzin` in closed form, `dynamicPricing` over a price menu, `continuousDynamicPricing`
 * over a price range), the MNL assortment (`mnlAssortment`) and the hotel's best-available-rate ladder
 * from bid prices (`rateLadder`).
 */
export {
  validatePriceResponse,
  type PriceResponse,
  type LogitResponse,
  type LinearResponse,
  type ExponentialResponse,
  type ConstantElasticityResponse,
} from './priceResponse.js';
export { demandAt } from './demandAt.js';
export { revenueAt, REVENUE_AT_DEFAULTS, type RevenueAtOptions } from './revenueAt.js';
export { optimalPrice, OPTIMAL_PRICE_DEFAULTS, type OptimalPriceOptions, type OptimalPriceResult } from './optimalPrice.js';
export {
  segmentPrices,
  SEGMENT_PRICES_DEFAULTS,
  type PricedSegment,
  type SegmentPricesOptions,
  type SegmentPricesResult,
} from './segmentPrices.js';
export { gallegoVanRyzin, type GallegoVanRyzinInput, type GallegoVanRyzinResult } from './gallegoVanRyzin.js';
export { dynamicPricing, DYNAMIC_PRICING_TIE, type DynamicPricingInput, type DynamicPricingResult } from './dynamicPricing.js';
export {
  continuousDynamicPricing,
  CONTINUOUS_DYNAMIC_PRICING_DEFAULTS,
  type ContinuousDynamicPricingInput,
  type ContinuousDynamicPricingOptions,
  type ContinuousDynamicPricingResult,
} from './continuousDynamicPricing.js';
export { mnlAssortment, MNL_ASSORTMENT_TIE, type MnlProduct, type MnlAssortmentInput, type MnlAssortmentResult } from './mnlAssortment.js';
export {
  rateLadder,
  RATE_LADDER_DEFAULTS,
  type RateLadderInput,
  type RateLadderOptions,
  type RateLadderGuardRails,
  type RateLadderResult,
  type RateLadderRow,
  type RateLadderRung,
  type RateLadderBinding,
  type SegmentBuyProbability,
  type BuyProbabilityTable,
  type BuyProbabilityFunction,
} from './rateLadder.js';
