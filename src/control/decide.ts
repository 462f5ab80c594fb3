/**
 * The booking-path decision: accept or reject one request for `quantity` units of a class, given the
 * compiled controls and what has been sold — with the reason, which limit binds and how many units are
 * left. Synchronous, constant work per class, and allocation-free when the caller passes a reusable
 * `out` object (`createDecision()`): a booking engine can call it millions of times per second.
 *
 * Dispatch: one `case` per `controls.kind`. `'nested-limits'` is answered here; the bid-price family
 * (`bidPrice*.ts`) adds its own `case` calling its own function, and nothing else changes.
 *
 * Nested limits (Talluri & van Ryzin 2004, §2.1.2): with limits b_1 ≥ … ≥ b_n and sold counts s_1..s_n,
 * class j may sell q more units iff for every i ≤ j
 *
 *   s_i + s_{i+1} + … + s_n + q ≤ b_i
 *
 * (a class-j sale counts against its own limit and every more expensive class's). The units class j
 * may still sell are a_j = ⌊min_{i ≤ j} (b_i − Σ_{k ≥ i} s_k)⌋ (0 if negative), and the binding limit is
 * the i attaining the minimum (ties: the smallest i — "sold out" explains more than "class closed").
 * Reasons: `'accepted'`; `'sold-out'` when b_1, the total, binds; `'class-limit'` when a nested limit
 * b_i, i ≥ 2, binds (units are protected for classes 1..i−1).
 *
 * Validation: controls and state are validated once when built (`nestedLimitControls`, `nestedLimitState`);
 * per call `decide` checks only the request (class index or id, quantity a whole number ≥ 1) and that
 * state and controls belong together, throwing YieldInputError naming `request.product`,
 * `request.quantity` or `state`. It never modifies `state`: after an acceptance the caller records the
 * sale (`state.sold[d.classIndex] += d.quantity`).
 *
 * @param request - `{ product, quantity? }`: `product` is the class index (0 = class 1, the most
 *   expensive) or its id; `quantity` units, default 1
 * @param state - from `nestedLimitState(controls, …)`
 * @param controls - from `nestedLimitControls` / `compileControls`
 * @param out - optional reusable result object (from `createDecision()`), overwritten and returned
 * @example
 * import { nestedLimitControls, nestedLimitState, decide, createDecision } from 'yieldcraft/control';
 * const controls = nestedLimitControls([100, 70, 45, 32]);
 * const state = nestedLimitState(controls, { sold: [0, 10, 10, 30] });
 * decide({ product: 3, quantity: 2 }, state, controls);
 * // => { accept: true, reason: 'accepted', classIndex: 3, quantity: 2, bindingLimit: 3, available: 2 }
 * const d = createDecision(); // reuse on the hot path
 * decide({ product: 3, quantity: 3 }, state, controls, d).reason; // => 'class-limit'
 */
import { YieldInputError } from '../model/errors.js';
import { COMPILED, assertCompiled, type Controls, type NestedLimitControls } from './controls.js';
import type { NestedLimitState } from './nestedLimitState.js';
import { decideNetwork, type NetworkBookingState } from './bidPriceControls.js';

/** A request on the booking path (compatible with `BookingRequest` of `yieldcraft/model`). */
export interface ControlRequest {
  /** Class index (0 = the most expensive) or class id. */
  readonly product: number | string;
  /** Units requested, a whole number ≥ 1 (default 1). */
  readonly quantity?: number;
}

export type DecisionReason =
  | 'accepted'
  | 'sold-out'
  | 'class-limit'
  // bid-price controls (bidPriceControls.ts):
  | 'below-bid-price'
  | 'tie-rejected'
  | 'allocation-exhausted';

/** A decision, written in place by `decide` (use `Decision` for the read-only view). */
export interface DecisionBuffer {
  accept: boolean;
  reason: DecisionReason;
  /** The class requested, as an index (0 = class 1). */
  classIndex: number;
  quantity: number;
  /** Index i of the limit with the least room for this class (0 = b_1, the total on sale). */
  bindingLimit: number;
  /** Units this class could still sell before this request (a_j above), ≥ 0. */
  available: number;
}

export type Decision = Readonly<DecisionBuffer>;

/** A fresh decision object to pass as `out` and reuse across calls. */
export function createDecision(): DecisionBuffer {
  return { accept: false, reason: 'sold-out', classIndex: 0, quantity: 0, bindingLimit: 0, available: 0 };
}

export function decide(
  request: ControlRequest,
  state: NestedLimitState | NetworkBookingState,
  controls: Controls,
  out: DecisionBuffer = createDecision(),
): Decision {
  assertCompiled(controls);
  // Two cheap type checks so a null / missing argument names its field instead of crashing below.
  if (typeof request !== 'object' || request === null)
    throw new YieldInputError('invalid-type', 'request', `must be an object { product, quantity? }, got ${request === null ? 'null' : typeof request}`);
  if (typeof state !== 'object' || state === null)
    throw new YieldInputError('invalid-type', 'state', `must be the booking state built for these controls, got ${state === null ? 'null' : typeof state}`);
  switch (controls.kind) {
    case 'nested-limits':
      return decideNested(request, state as NestedLimitState, controls, out);
    case 'bid-prices':
      return decideNetwork(request, state as NetworkBookingState, controls, out);
  }
}

function decideNested(
  request: ControlRequest,
  state: NestedLimitState,
  controls: NestedLimitControls,
  out: DecisionBuffer,
): Decision {
  const limits = controls.limits;
  const n = limits.length;
  const sold = state.sold;
  if (state.kind !== 'nested-limits' || sold.length !== n)
    throw new YieldInputError('inconsistent', 'state', `must be built by nestedLimitState(controls) for these ${n} classes`);
  const j = classIndex(request.product, controls, n);
  const q = request.quantity === undefined ? 1 : request.quantity;
  if (!Number.isInteger(q) || q < 1)
    throw new YieldInputError('invalid', 'request.quantity', `must be a whole number ≥ 1, got ${q}`);

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
  out.classIndex = j;
  out.quantity = q;
  out.bindingLimit = binding;
  out.available = available;
  return out;
}

function classIndex(product: number | string, controls: NestedLimitControls, n: number): number {
  if (typeof product === 'number') {
    if (Number.isInteger(product) && product >= 0 && product < n) return product;
    throw new YieldInputError('invalid', 'request.product', `must be a class index in 0..${n - 1}, got ${product}`);
  }
  const i = typeof product === 'string' ? controls[COMPILED].get(product) : undefined;
  if (i === undefined)
    throw new YieldInputError('unknown-reference', 'request.product', `names no class: ${JSON.stringify(product)}`);
  return i;
}
