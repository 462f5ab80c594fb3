import { YieldInputError } from '../model/errors.js';
import { fail, finite, join, nonNegativeInteger, object } from '../internal/validate.js';
import { assertCompiled, COMPILED, type Controls, type NetworkControls } from './controls.js';
import { nestedLimitState, type NestedLimitState, type NestedLimitStateInput } from './nestedLimitState.js';

/**
 * The booking state `decide` reads on a network (every network family: static and dynamic bid prices,
 * nested limits per resource). Typed arrays the booking system owns, changed only through the validated
 * state operations (`recordSale`, `recordCancellation`, `recordNoShow`) or by the caller at its own risk.
 */
export interface NetworkBookingState {
  readonly kind: 'network';
  /** held[i]: units of resource i held by bookings (sold, not cancelled, not no-show), in resource order. */
  readonly sold: Float64Array;
  /** productSold[j]: units of product j sold under these controls (for ties: 'allocation'). */
  readonly productSold: Float64Array;
  /** Units of each product recorded as no-shows. */
  readonly noShows: Float64Array;
  /**
   * The current period of the booking horizon (0-based, forward), read by time-dependent controls
   * (`'dynamic-bid-prices'`); the booking system advances it. Default: the controls' first period.
   */
  period: number;
}

/** Input of {@link networkBookingState}: what is held per resource id and sold per product id. */
export interface NetworkBookingStateInput {
  /** Units held per resource id (whole numbers ≥ 0, not above capacity); default 0. */
  readonly sold?: Readonly<Record<string, number>> | ArrayLike<number>;
  /** Units sold per product id under these controls (for ties: 'allocation'); default 0. */
  readonly productSold?: Readonly<Record<string, number>>;
  /** Current period (time-dependent controls). */
  readonly period?: number;
}

function isNetwork(c: Controls): c is NetworkControls {
  return c.kind !== 'nested-limits';
}

/**
 * Builds and validates the network booking state for `decide` with network controls: units held per
 * resource (an array in resource order or a record by id; whole numbers ≥ 0, not above capacity), units
 * sold per product under these controls, and the current period. The product counters start at the
 * given `productSold` or 0: an allocation planned from the capacity left applies to the sales still to
 * come, so a booking system builds a fresh state (with what is held) each time it installs new controls.
 * @example
 * import { bidPriceControls, networkBookingState } from 'yieldcraft/control';
 * const c = bidPriceControls({ resources: [{ id: 'L', capacity: 5 }], products: [{ id: 'P', fare: 100, resources: ['L'], demand: 3 }] }, { L: 60 });
 * networkBookingState(c, { sold: { L: 2 } }).sold; // => Float64Array [2]
 */
export function networkBookingState(controls: Controls, input: NetworkBookingStateInput = {}): NetworkBookingState {
  assertCompiled(controls);
  if (!isNetwork(controls))
    fail('controls', 'nested limits on one resource keep a per-class state: use nestedLimitState(controls, …)', 'inconsistent');
  object(input, 'state');
  const m = controls.resourceIds.length;
  const sold = new Float64Array(m);
  const productSold = new Float64Array(controls.productIds.length);
  if (input.sold !== undefined) {
    const s = input.sold;
    const put = (i: number, v: unknown, p: string) => {
      const x = nonNegativeInteger(v, p);
      if (x > controls.capacity[i]!) fail(p, `${x} held exceeds the capacity ${controls.capacity[i]}`, 'inconsistent');
      sold[i] = x;
    };
    if (typeof (s as ArrayLike<number>).length === 'number') {
      const a = s as ArrayLike<number>;
      if (a.length !== m) fail('state.sold', `must hold one count per resource (${m}), got ${a.length}`, 'inconsistent');
      for (let i = 0; i < m; i++) put(i, a[i], join('state.sold', i));
    } else
      for (const [id, v] of Object.entries(object(s, 'state.sold'))) {
        const i = controls.resourceIndex.get(id);
        if (i === undefined) fail(join('state.sold', id), `unknown resource id ${JSON.stringify(id)}`, 'unknown-reference');
        put(i, v, join('state.sold', id));
      }
  }
  if (input.productSold !== undefined)
    for (const [id, v] of Object.entries(object(input.productSold, 'state.productSold'))) {
      const j = controls.productIndex.get(id);
      if (j === undefined) fail(join('state.productSold', id), `unknown product id ${JSON.stringify(id)}`, 'unknown-reference');
      productSold[j] = nonNegativeInteger(v, join('state.productSold', id));
    }
  const first = controls.kind === 'dynamic-bid-prices' ? controls.startPeriod : 0;
  const period = input.period === undefined ? first : nonNegativeInteger(input.period, 'state.period');
  if (controls.kind === 'dynamic-bid-prices' && (period < controls.startPeriod || period >= controls.periods))
    fail('state.period', `must be within the controls' periods ${controls.startPeriod} … ${controls.periods - 1}, got ${period}`);
  return { kind: 'network', sold, productSold, noShows: new Float64Array(controls.productIds.length), period };
}

/** The booking state for any controls: a network state or, for nested limits on one resource, a per-class state. */
export type BookingState = NestedLimitState | NetworkBookingState;

/**
 * The empty (or given) booking state for any compiled controls: `nestedLimitState` for nested limits on
 * one resource, `networkBookingState` for the network families.
 * @example
 * import { nestedLimitControls, bookingState } from 'yieldcraft/control';
 * bookingState(nestedLimitControls([10, 4])).kind; // => 'nested-limits'
 */
export function bookingState(controls: Controls, input: NestedLimitStateInput | NetworkBookingStateInput = {}): BookingState {
  assertCompiled(controls);
  return controls.kind === 'nested-limits'
    ? nestedLimitState(controls, input as NestedLimitStateInput)
    : networkBookingState(controls, input as NetworkBookingStateInput);
}

/** Resolves a product (index or id) of the controls, naming `path` when it is unknown. @internal */
export function productIndexOf(controls: Controls, product: unknown, path: string): number {
  if (controls.kind === 'nested-limits') {
    const n = controls.limits.length;
    if (typeof product === 'number') {
      if (Number.isInteger(product) && product >= 0 && product < n) return product;
      throw new YieldInputError('invalid', path, `must be a class index in 0..${n - 1}, got ${product}`);
    }
    const i = typeof product === 'string' ? controls[COMPILED].get(product) : undefined;
    if (i === undefined) throw new YieldInputError('unknown-reference', path, `names no class: ${JSON.stringify(product)}`);
    return i;
  }
  if (typeof product === 'number') {
    if (Number.isInteger(product) && product >= 0 && product < controls.productIds.length) return product;
    throw new YieldInputError('invalid', path, `must be a product index in 0..${controls.productIds.length - 1}, got ${product}`);
  }
  const j = typeof product === 'string' ? controls.productIndex.get(product) : undefined;
  if (j === undefined) throw new YieldInputError('unknown-reference', path, `names no product: ${JSON.stringify(product)}`);
  return j;
}

/** Checks that `state` belongs to `controls`. @internal */
export function checkState(state: unknown, controls: Controls): void {
  if (typeof state !== 'object' || state === null)
    throw new YieldInputError('invalid-type', 'state', `must be the booking state built for these controls, got ${state === null ? 'null' : typeof state}`);
  const s = state as { kind?: unknown; sold?: unknown };
  if (controls.kind === 'nested-limits') {
    if (s.kind !== 'nested-limits' || !(s.sold instanceof Float64Array) || s.sold.length !== controls.limits.length)
      throw new YieldInputError('inconsistent', 'state', `must be built by nestedLimitState(controls) for these ${controls.limits.length} classes`);
    return;
  }
  const m = controls.resourceIds.length;
  if (s.kind !== 'network' || !(s.sold instanceof Float64Array) || s.sold.length !== m)
    throw new YieldInputError('inconsistent', 'state', `must be built by networkBookingState(controls) for these ${m} resources`);
}

/** The checks every state operation starts with (compiled controls, their state, a known product): the product's index. */
function checkedProduct(state: unknown, controls: unknown, product: unknown): number {
  assertCompiled(controls);
  checkState(state, controls);
  return productIndexOf(controls, product, 'product');
}

function quantityOf(quantity: unknown): number {
  const q = quantity === undefined ? 1 : finite(quantity, 'quantity');
  if (!Number.isInteger(q) || q < 1) fail('quantity', `must be a whole number ≥ 1, got ${q}`);
  return q;
}

/**
 * Records a sale of `quantity` units of `product` (index or id) in the state: every resource the
 * product uses holds `quantity` more units, and the product's counter under these
 * controls grow. Validated: an unknown product, a quantity that is not a whole number ≥ 1, or a sale
 * that would hold more than the capacity (the authorised level) of a resource or exceed b_1 on one
 * resource → YieldInputError, and the state is left unchanged. The state a booking system passes to
 * `decide` after each accepted request (`decide` itself never modifies state). Allocation-free.
 * @example
 * import { nestedLimitControls, nestedLimitState, recordSale } from 'yieldcraft/control';
 * const c = nestedLimitControls([10, 4]);
 * const s = nestedLimitState(c);
 * recordSale(s, c, 1, 3);
 * s.sold; // => Float64Array [0, 3]
 */
export function recordSale(state: BookingState, controls: Controls, product: number | string, quantity = 1): void {
  const j = checkedProduct(state, controls, product);
  const q = quantityOf(quantity);
  if (controls.kind === 'nested-limits') {
    const s = (state as NestedLimitState).sold;
    let total = 0;
    for (let k = 0; k < s.length; k++) total += s[k]!;
    if (total + q > controls.limits[0]!)
      fail('quantity', `selling ${q} would hold ${total + q} units, above the total on sale b_1 = ${controls.limits[0]}`, 'inconsistent');
    s[j]! += q;
    return;
  }
  const s = state as NetworkBookingState;
  const { productStart, productResources, capacity } = controls;
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    if (s.sold[i]! + q > capacity[i]!)
      fail('quantity', `selling ${q} of ${controls.productIds[j]} would hold ${s.sold[i]! + q} units of ${controls.resourceIds[i]}, above its capacity ${capacity[i]}`, 'inconsistent');
  }
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    s.sold[i]! += q;
  }
  s.productSold[j]! += q;
}

/** Options of {@link recordCancellation}. */
export interface RecordCancellationOptions {
  /**
   * Was the booking sold under the controls now in force? (default true). A booking made before the
   * current controls were planned gives its units back to the resources, but not to the counters of
   * these controls (which count sales made under them).
   */
  readonly underTheseControls?: boolean;
}

function release(state: BookingState, controls: Controls, product: number | string, quantity: number, counters: boolean, what: string): void {
  const j = checkedProduct(state, controls, product);
  const q = quantityOf(quantity);
  if (controls.kind === 'nested-limits') {
    const s = (state as NestedLimitState).sold;
    if (s[j]! < q) fail('quantity', `cannot ${what} ${q} unit(s) of class ${j}: only ${s[j]} sold`, 'inconsistent');
    s[j]! -= q;
    return;
  }
  const s = state as NetworkBookingState;
  const { productStart, productResources } = controls;
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    if (s.sold[i]! < q) fail('quantity', `cannot ${what} ${q} unit(s) of ${controls.productIds[j]}: ${controls.resourceIds[i]} holds only ${s.sold[i]}`, 'inconsistent');
  }
  if (counters && s.productSold[j]! < q)
    fail('quantity', `cannot ${what} ${q} unit(s) of ${controls.productIds[j]} under these controls: only ${s.productSold[j]} sold under them (pass underTheseControls: false for an older booking)`, 'inconsistent');
  for (let k = productStart[j]!; k < productStart[j + 1]!; k++) {
    const i = productResources[k]!;
    s.sold[i]! -= q;
  }
  if (counters) s.productSold[j]! -= q;
}

/**
 * Records a cancellation: the `quantity` units of `product` come back to every resource it uses (and to
 * the counters of these controls when the booking was sold under them). Cancelling more than is held →
 * YieldInputError, state unchanged.
 * @example
 * import { nestedLimitControls, nestedLimitState, recordSale, recordCancellation } from 'yieldcraft/control';
 * const c = nestedLimitControls([10, 4]);
 * const s = nestedLimitState(c, { sold: [2, 3] });
 * recordCancellation(s, c, 1, 2);
 * s.sold; // => Float64Array [2, 1]
 */
export function recordCancellation(
  state: BookingState,
  controls: Controls,
  product: number | string,
  quantity = 1,
  options: RecordCancellationOptions = {},
): void {
  object(options, 'options');
  release(state, controls, product, quantity, options.underTheseControls !== false, 'cancel');
}

/**
 * Records a no-show: the guest did not arrive, so the rooms (seats) stand empty: the units come back to
 * every resource the product uses (later nights of the stay may be resold), while the sale still counts
 * against the controls under which it was made (it used the allocation). Adds to `state.noShows` on a
 * network state. More than is held → YieldInputError, state unchanged.
 * @example
 * import { bidPriceControls, networkBookingState, recordSale, recordNoShow } from 'yieldcraft/control';
 * const c = bidPriceControls({ resources: [{ id: 'L', capacity: 5 }], products: [{ id: 'P', fare: 100, resources: ['L'], demand: 3 }] }, { L: 60 });
 * const s = networkBookingState(c);
 * recordSale(s, c, 'P', 2);
 * recordNoShow(s, c, 'P');
 * [s.sold[0], s.productSold[0], s.noShows[0]]; // => [1, 2, 1]
 */
export function recordNoShow(state: BookingState, controls: Controls, product: number | string, quantity = 1): void {
  release(state, controls, product, quantity, false, 'record as no-show');
  if (controls.kind !== 'nested-limits') (state as NetworkBookingState).noShows[productIndexOf(controls, product, 'product')]! += quantity;
}
