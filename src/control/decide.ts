import { YieldInputError } from '../model/errors.js';
import { bidPriceVerdict, createDecision, type ControlRequest, type Decision, type DecisionBuffer } from '../model/bookingPath.js';
import { assertCompiled, type Controls, type NestedLimitControls } from './controls.js';
import type { NestedLimitState } from './nestedLimitState.js';
import type { BidPriceControls } from './bidPriceControls.js';
import { dynamicHurdle, type DynamicBidPriceControls } from './dynamicBidPriceControls.js';
import type { ResourceNestedLimitControls } from './resourceNestedLimitControls.js';
import { checkState, productIndexOf, type BookingState, type NetworkBookingState } from './bookingState.js';

export { createDecision, type ControlRequest, type Decision, type DecisionBuffer, type DecisionReason } from '../model/bookingPath.js';

/**
 * The booking-path decision: accept or reject one request for `quantity` units of a product, given the
 * compiled controls and the booking state — with the reason (one `DecisionReason` union for every
 * control family), which limit or resource binds, how many units are left, and the value and hurdle
 * compared. Synchronous, constant work per resource of the product, and allocation-free when the caller
 * passes a reusable `out` (`createDecision()`): a booking engine can call it millions of times a second.
 * The simulator replays exactly this function for every policy it scores.
 *
 * Dispatch on `controls.kind`:
 * - `'nested-limits'` (one resource; Talluri & van Ryzin 2004, §2.1.2): with limits b_1 ≥ … ≥ b_n and
 *   sold counts s_1..s_n, class j may sell q more units iff s_i + … + s_n + q ≤ b_i for every i ≤ j;
 *   `available` = ⌊min_{i ≤ j}(b_i − Σ_{k ≥ i} s_k)⌋, `bindingLimit` the i attaining it (ties: the
 *   smallest i). Reasons 'accepted', 'sold-out' (b_1 binds), 'class-limit' (b_i, i ≥ 2, binds).
 * - `'bid-prices'` (§3.1.2): accept iff every resource of the product has `quantity` units left and
 *   `bidPriceVerdict(value, Σ π, ties, …)` accepts; `value` is `request.value` (a negotiated rate, a
 *   contribution, future value included) or the product's fare.
 * - `'dynamic-bid-prices'` (§3.4.3; Topaloglu 2009): the same with capacity- and time-dependent bid
 *   prices read from leg value tables at `state.period` and the units left.
 * - `'resource-nested-limits'` (virtual nesting, §3.4.2): nested limits on every resource the product uses.
 *
 * Validation: controls and state are validated once when built; per call `decide` checks the request
 * (product index or id, quantity a whole number ≥ 1, value finite ≥ 0) and that state and controls
 * belong together, throwing YieldInputError naming `request.product`, `request.quantity`,
 * `request.value`, `state` or `state.period`. It never modifies `state`: after an acceptance the caller
 * records the sale with `recordSale(state, controls, product, quantity)`.
 *
 * @param request - `{ product, quantity?, value?, segment?, customer?, account? }`
 * @param state - from `nestedLimitState`, `networkBookingState` or `bookingState(controls)`
 * @param controls - from a controls factory or `compileControls`
 * @param out - optional reusable result object (from `createDecision()`), overwritten and returned
 * @example
 * import { nestedLimitControls, nestedLimitState, decide, createDecision } from 'yieldcraft/control';
 * const controls = nestedLimitControls([100, 70, 45, 32]);
 * const state = nestedLimitState(controls, { sold: [0, 10, 10, 30] });
 * decide({ product: 3, quantity: 2 }, state, controls);
 * // => { accept: true, reason: 'accepted', classIndex: 3, quantity: 2, bindingLimit: 3, available: 2, value: 0, hurdle: 0 }
 * const d = createDecision(); // reuse on the hot path
 * decide({ product: 3, quantity: 3 }, state, controls, d).reason; // => 'class-limit'
 */
export function decide(
  request: ControlRequest,
  state: BookingState,
  controls: Controls,
  out: DecisionBuffer = createDecision(),
): Decision {
  assertCompiled(controls);
  if (typeof request !== 'object' || request === null)
    throw new YieldInputError('invalid-type', 'request', `must be an object { product, quantity?, value? }, got ${request === null ? 'null' : typeof request}`);
  checkState(state, controls);
  const q = request.quantity === undefined ? 1 : request.quantity;
  if (!Number.isInteger(q) || q < 1) throw new YieldInputError('invalid', 'request.quantity', `must be a whole number ≥ 1, got ${q}`);
  const j = productIndexOf(controls, request.product, 'request.product');
  out.classIndex = j;
  out.quantity = q;
  switch (controls.kind) {
    case 'nested-limits':
      return decideNested(j, q, state as NestedLimitState, controls, out);
    case 'bid-prices':
      return decideBidPrices(request, j, q, state as NetworkBookingState, controls, out);
    case 'dynamic-bid-prices':
      return decideBidPrices(request, j, q, state as NetworkBookingState, controls, out);
    case 'resource-nested-limits':
      return decideResourceNested(j, q, state as NetworkBookingState, controls, out);
  }
}

function decideNested(j: number, q: number, state: NestedLimitState, controls: NestedLimitControls, out: DecisionBuffer): Decision {
  const limits = controls.limits;
  const n = limits.length;
  const sold = state.sold;
  let suffix = 0; // Σ_{k ≥ i} s_k
  for (let k = n - 1; k > j; k--) suffix += sold[k]!;
  let room = Infinity;
  let binding = j;
  for (let i = j; i >= 0; i--) {
    suffix += sold[i]!;
    const r = limits[i]! - suffix;
    if (r <= room) {
      room = r;
      binding = i;
    }
  }
  const available = room > 0 ? Math.floor(room) : 0;
  const accept = q <= available;
  out.accept = accept;
  out.reason = accept ? 'accepted' : binding === 0 ? 'sold-out' : 'class-limit';
  out.bindingLimit = binding;
  out.available = available;
  out.value = 0;
  out.hurdle = 0;
  return out;
}

/** Units left on the product's resources: sets out.available / out.bindingLimit; returns the least. */
function leastLeft(j: number, state: NetworkBookingState, controls: BidPriceControls | DynamicBidPriceControls, out: DecisionBuffer): number {
  const { capacity, productStart, productResources } = controls;
  let least = Infinity;
  let leastAt = -1;
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    const left = capacity[i]! - state.sold[i]!;
    if (left < least) {
      least = left;
      leastAt = i;
    }
  }
  out.bindingLimit = leastAt;
  out.available = least > 0 ? Math.floor(least) : 0;
  return least;
}

function decideBidPrices(
  request: ControlRequest,
  j: number,
  q: number,
  state: NetworkBookingState,
  controls: BidPriceControls | DynamicBidPriceControls,
  out: DecisionBuffer,
): Decision {
  const v = request.value;
  let value: number;
  if (v === undefined) value = controls.fare[j]!;
  else if (typeof v !== 'number' || !(v >= 0) || v === Infinity)
    throw new YieldInputError(typeof v === 'number' ? 'invalid' : 'invalid-type', 'request.value', `must be a finite number ≥ 0, got ${String(v)}`);
  else value = v;
  out.value = value;
  const least = leastLeft(j, state, controls, out);
  let hurdle: number;
  if (controls.kind === 'bid-prices') hurdle = controls.hurdle[j]!;
  else {
    const t = state.period;
    if (!Number.isInteger(t) || t < controls.startPeriod || t >= controls.periods)
      throw new YieldInputError('invalid', 'state.period', `must be a period the controls cover (${controls.startPeriod} … ${controls.periods - 1}), got ${t}`);
    hurdle = least < q ? Infinity : dynamicHurdle(controls, j, t, q, state.sold) / q;
  }
  out.hurdle = hurdle;
  if (least < q) {
    out.accept = false;
    out.reason = 'sold-out';
    return out;
  }
  const r =
    controls.kind === 'bid-prices'
      ? bidPriceVerdict(value, hurdle, controls.ties, controls.tolerance, state.productSold[j]!, q, controls.allocationArray === null ? Infinity : controls.allocationArray[j]!)
      : bidPriceVerdict(value, hurdle, 'accept', controls.tolerance, 0, q, Infinity);
  out.reason = r;
  out.accept = r === 'accepted' || r === 'tie-accepted';
  return out;
}

function decideResourceNested(j: number, q: number, state: NetworkBookingState, controls: ResourceNestedLimitControls, out: DecisionBuffer): Decision {
  const { capacity, productStart, productResources, productClass, classStart, limitArray } = controls;
  let least = Infinity;
  let leastAt = -1;
  let classBinds = false;
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    const held = state.sold[i]!;
    const left = capacity[i]! - held;
    if (left < least) {
      least = left;
      leastAt = i;
      classBinds = false;
    }
    const c = productClass[k]!;
    const room = limitArray[classStart[i]! + c]! - held;
    if (room < least) {
      least = room;
      leastAt = i;
      classBinds = c > 0;
    }
  }
  const available = least > 0 ? Math.floor(least) : 0;
  out.bindingLimit = leastAt;
  out.available = available;
  out.value = controls.fare[j]!;
  out.hurdle = 0;
  out.accept = q <= available;
  out.reason = out.accept ? 'accepted' : classBinds ? 'class-limit' : 'sold-out';
  return out;
}
