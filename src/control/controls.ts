/**
 * Controls: what the overnight optimisation hands to the booking path. A discriminated union on `kind`,
 * so that each control family brings its own data and its own branch of `decide`:
 *
 * - `'nested-limits'`: nested booking limits on ONE resource (this file, `nestedLimitControls`).
 * - `'bid-prices'`: bid-price tables on a network — to be added by `bidPrice*.ts` as a new member of
 *   `Controls` / `ControlsSpec` and a new `case` in `decide` and `compileControls`.
 *
 * Every `Controls` value is *compiled*: built by a factory that validated it once (`nestedLimitControls`,
 * `compileControls`), frozen, and branded, so `decide` need not re-check it per request. Its enumerable
 * fields are plain data: `JSON.stringify(controls)` gives a `ControlsSpec` that `compileControls` turns
 * back into the same controls.
 *
 * Reference: Talluri & van Ryzin (2004), §2.1.2 (nested booking limits), §3.1 (bid-price controls).
 */

import { YieldInputError } from '../model/errors.js';
import type { BidPriceControls, BidPriceSpec } from './bidPriceControls.js';

/** Marks controls built (and validated) by a factory of this folder. @internal */
export const COMPILED: unique symbol = Symbol('yieldcraft.controls');

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

/** Plain-data controls of every kind (extend with `| BidPriceSpec`). */
export type ControlsSpec = NestedLimitsSpec | BidPriceSpec;

/** Compiled controls of every kind (extend with `| BidPriceControls`). */
export type Controls = NestedLimitControls | BidPriceControls;

/** Throws unless `controls` came from a factory of this folder (cheap: one property read). @internal */
export function assertCompiled(controls: unknown): asserts controls is Controls {
  if (typeof controls !== 'object' || controls === null || !(COMPILED in controls))
    throw new YieldInputError(
      'invalid',
      'controls',
      'must be compiled controls: build them with nestedLimitControls(...) or compileControls(spec)',
    );
}
