/**
 * Controls: what the overnight optimisation hands to the booking path. A discriminated union on `kind`,
 * each family with its own data and its own branch of `decide`:
 *
 * - `'nested-limits'`: nested booking limits on ONE resource (`nestedLimitControls`);
 * - `'bid-prices'`: static bid prices on a network, with the tie rule and the DLP allocation
 *   (`bidPriceControls`);
 * - `'dynamic-bid-prices'`: capacity- and time-dependent bid prices from leg value functions (the
 *   Lagrangian relaxation, the DP decomposition: `dynamicBidPriceControls`);
 * - `'resource-nested-limits'`: nested limits per resource of a network, each product nested in a class
 *   on every resource it uses (EMSR-b per night, DAVN virtual classes: `resourceNestedLimitControls`).
 *
 * Every `Controls` value is *compiled*: built by a factory that validated it once, frozen, and branded
 * (a process-wide `Symbol.for` brand, so controls compiled by the CommonJS build are accepted by the ES
 * module build and vice versa), so `decide` need not re-check it per request. Its enumerable fields are
 * plain data: `JSON.stringify(controls)` gives a `ControlsSpec` that `compileControls` turns back into
 * the same controls.
 *
 * Reference: Talluri & van Ryzin (2004), §2.1.2 (nested booking limits), §3.1 (bid-price controls),
 * §3.4 (virtual nesting, DP decomposition).
 */
import { YieldInputError } from '../model/errors.js';
import type { BidPriceControls, BidPriceSpec } from './bidPriceControls.js';
import type { DynamicBidPriceControls, DynamicBidPriceSpec } from './dynamicBidPriceControls.js';
import type { ResourceNestedLimitControls, ResourceNestedLimitsSpec } from './resourceNestedLimitControls.js';

/** Marks controls built (and validated) by a factory of this folder; shared by every build. @internal */
export const COMPILED: unique symbol = Symbol.for('yieldcraft.controls') as never;

/** Nested booking limits on one resource, plain data (as stored or sent over the wire). */
export interface NestedLimitsSpec {
  readonly kind: 'nested-limits';
  /** b_1..b_n, units: the most classes j..n may sell together; non-increasing; b_1 is the total. */
  readonly limits: readonly number[];
  /** Optional class ids (index 0 = class 1, the most expensive), so requests may name classes. */
  readonly classIds?: readonly string[];
}

/** Compiled nested-limit controls (see `nestedLimitControls`). */
export interface NestedLimitControls extends NestedLimitsSpec {
  /** @internal class id → index. */
  readonly [COMPILED]: ReadonlyMap<string, number>;
}

/** Plain-data controls of every kind (what `JSON.stringify(controls)` gives). */
export type ControlsSpec = NestedLimitsSpec | BidPriceSpec | DynamicBidPriceSpec | ResourceNestedLimitsSpec;

/** Compiled controls of every kind. */
export type Controls = NestedLimitControls | BidPriceControls | DynamicBidPriceControls | ResourceNestedLimitControls;

/** The network families (one network booking state serves them all). */
export type NetworkControls = BidPriceControls | DynamicBidPriceControls | ResourceNestedLimitControls;

/** Throws unless `controls` came from a factory of this folder (cheap: one property read). @internal */
export function assertCompiled(controls: unknown): asserts controls is Controls {
  if (typeof controls !== 'object' || controls === null || !(COMPILED in controls))
    throw new YieldInputError(
      'invalid',
      'controls',
      'must be compiled controls: build them with nestedLimitControls, bidPriceControls, dynamicBidPriceControls, resourceNestedLimitControls or compileControls(spec)',
    );
}
