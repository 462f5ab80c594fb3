/**
 * Network bid-price controls: accept a request for product j iff its value covers the summed bid prices
 * of the resources it uses and every one of those resources still has capacity (Simpson 1989; Williamson
 * 1992, ch. 3; Talluri & van Ryzin 2004, §3.1.2, the bid-price control definition):
 *
 *   accept  ⇔  value_j ≥ Σ_{i∈j} π_i   and   remaining_i ≥ quantity for every i ∈ j.
 *
 * `bidPriceControls` validates once and compiles the network and the bid prices into typed arrays
 * (incidence by product, the hurdle Σ π per product), so that deciding is a few array reads: the
 * `createBidPriceDecider` hot path allocates nothing per request; `decideBidPrice` is the friendly form
 * that returns a full explanation (which resources, their bid prices, the margin).
 *
 * The tie rule. When value = Σ bid prices exactly (up to `tolerance`, relative) the DLP is indifferent:
 * such a product is the marginal one, and the DLP accepts only part of its demand. The blanket rules
 * move revenue a lot on standard instances (../shared/data/topaloglu-2009/README.md, "A measured trap":
 * up to 10 %), so the rule is an explicit option:
 * - `ties: 'accept'` (default): accept at equality, the textbook "value ≥ Σ π" rule;
 * - `ties: 'reject'`: accept only when value > Σ π strictly;
 * - `ties: 'allocation'`: accept a tied product only while its sales (plus this request) stay within the
 *   DLP allocation x_j, i.e. follow the LP's own split of the marginal product (needs `allocation`).
 * Products strictly above their hurdle are accepted whatever their sales; strictly below, rejected.
 *
 * @param network - resources and products (validated by `compileNetwork`); never modified
 * @param prices - bid price per resource id (every resource needs one, finite, ≥ 0), or a DLP result
 *   (`{ bidPrices, allocation }`), whose allocation then feeds the 'allocation' tie rule
 * @param options.ties - 'accept' | 'reject' | 'allocation' (default 'accept')
 * @param options.tolerance - relative tolerance of a tie (default 1e-9)
 * @param options.allocation - DLP allocation by product id, for ties: 'allocation'
 * @example
 * import { bidPriceControls, decideBidPrice } from 'yieldcraft/control';
 * const network = {
 *   resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
 *   products: [{ id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 }],
 * };
 * const controls = bidPriceControls(network, { AB: 150, BC: 120 });
 * decideBidPrice({ product: 'AC' }, { sold: { AB: 10, BC: 0 } }, controls).accept; // => true
 * decideBidPrice({ product: 'AC', fare: 250 }, { sold: {} }, controls).reason; // => 'below-bid-price'
 */
import type { Network } from '../model/index.js';
import { YieldInputError } from '../model/errors.js';
import { array, fail, finite, join, object, positiveInteger } from '../internal/validate.js';
import { compileNetwork } from '../optimize/network/networkInput.js';
import { COMPILED } from './controls.js';
import type { ControlRequest, DecisionBuffer, Decision } from './decide.js';

export type BidPriceTieRule = 'accept' | 'reject' | 'allocation';

export interface BidPriceControlsOptions {
  readonly ties?: BidPriceTieRule;
  readonly tolerance?: number;
  readonly allocation?: Readonly<Record<string, number>>;
}

export const BID_PRICE_CONTROLS_DEFAULTS = { ties: 'accept', tolerance: 1e-9 } as const;

/**
 * Bid-price controls as plain data (what `JSON.stringify(controls)` gives and `compileControls` takes
 * back): the network's resources and products (without demand), the bid prices, and the tie rule.
 */
export interface BidPriceSpec {
  readonly kind: 'bid-prices';
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly products: readonly { readonly id: string; readonly fare: number; readonly resources: readonly string[] }[];
  readonly bidPrices: Readonly<Record<string, number>>;
  /** DLP allocation by product id (needed by ties: 'allocation'). */
  readonly allocation?: Readonly<Record<string, number>>;
  readonly ties?: BidPriceTieRule;
  readonly tolerance?: number;
}

/**
 * Compiled bid-price controls (the `kind: 'bid-prices'` member of `Controls`): the spec's fields
 * (enumerable, JSON round trip) plus typed tables for the hot path (non-enumerable, rebuilt by
 * `compileControls`). Frozen.
 */
export interface BidPriceControls extends BidPriceSpec {
  readonly ties: BidPriceTieRule;
  readonly tolerance: number;
  /** @internal product id → index (the compiled brand). */
  readonly [COMPILED]: ReadonlyMap<string, number>;
  readonly resourceIds: readonly string[];
  readonly productIds: readonly string[];
  readonly resourceIndex: ReadonlyMap<string, number>;
  readonly productIndex: ReadonlyMap<string, number>;
  /** Capacity per resource index (units). */
  readonly capacity: Float64Array;
  /** Bid price per resource index (money per unit). */
  readonly bidPrice: Float64Array;
  /** Default value per unit of each product (its fare). */
  readonly fare: Float64Array;
  /** Σ bid prices of each product's resources (money per unit): its hurdle. */
  readonly hurdle: Float64Array;
  /** Product → resources (CSR offsets and resource indexes). */
  readonly productStart: Int32Array;
  readonly productResources: Int32Array;
  /** DLP allocation per product index (for ties: 'allocation'), or null. */
  readonly allocationArray: Float64Array | null;
}

/** Why a request was accepted or rejected. */
export type BidPriceReason =
  | 'above-bid-price' // value > Σ π and capacity left
  | 'tie-accepted' // value = Σ π, accepted by the tie rule
  | 'below-bid-price' // value < Σ π
  | 'tie-rejected' // value = Σ π, ties: 'reject'
  | 'allocation-exhausted' // value = Σ π, ties: 'allocation', sales would exceed the DLP allocation
  | 'no-capacity'; // some resource has fewer than `quantity` units left

function isDlpLike(x: object): x is { bidPrices: Record<string, number>; allocation?: Record<string, number> | null } {
  return 'bidPrices' in x && typeof (x as { bidPrices: unknown }).bidPrices === 'object';
}

export function bidPriceControls(
  network: Network,
  prices: Readonly<Record<string, number>> | { readonly bidPrices: Readonly<Record<string, number>> | null; readonly allocation?: Readonly<Record<string, number>> | null },
  options: BidPriceControlsOptions = {},
): BidPriceControls {
  object(options, 'options');
  const net = compileNetwork(network);
  object(prices, 'prices');
  let table: Readonly<Record<string, number>>;
  let allocationIn = options.allocation;
  if (isDlpLike(prices)) {
    if (prices.bidPrices === null) fail('prices.bidPrices', 'is null: the DLP did not solve (check its status)', 'invalid-type');
    table = prices.bidPrices;
    if (allocationIn === undefined && prices.allocation) allocationIn = prices.allocation;
  } else table = prices as Readonly<Record<string, number>>;
  const ties = options.ties ?? BID_PRICE_CONTROLS_DEFAULTS.ties;
  if (ties !== 'accept' && ties !== 'reject' && ties !== 'allocation')
    fail('options.ties', `must be 'accept', 'reject' or 'allocation', got ${JSON.stringify(ties)}`);
  const tolerance = options.tolerance === undefined ? BID_PRICE_CONTROLS_DEFAULTS.tolerance : finite(options.tolerance, 'options.tolerance');
  if (tolerance < 0) fail('options.tolerance', `must be ≥ 0, got ${tolerance}`);

  const m = net.capacity.length;
  const n = net.fare.length;
  const bidPrice = new Float64Array(m);
  for (const key of Object.keys(table))
    if (!net.resourceIndex.has(key)) fail(join('prices', key), `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
  for (let i = 0; i < m; i++) {
    const id = net.resourceIds[i]!;
    const p = join('prices', id);
    if (!(id in table)) fail(p, 'missing: every resource needs a bid price (use 0 for a free resource)', 'invalid');
    const v = finite(table[id], p);
    if (v < 0) fail(p, `must be ≥ 0, got ${v}`);
    bidPrice[i] = v;
  }
  const hurdle = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) s += bidPrice[net.productResources[q]!]!;
    hurdle[j] = s;
  }
  let allocation: Float64Array | null = null;
  if (allocationIn !== undefined) {
    object(allocationIn, 'options.allocation');
    allocation = new Float64Array(n);
    for (const key of Object.keys(allocationIn))
      if (!net.productIndex.has(key))
        fail(join('options.allocation', key), `unknown product id ${JSON.stringify(key)}`, 'unknown-reference');
    for (let j = 0; j < n; j++) {
      const id = net.productIds[j]!;
      const v = allocationIn[id] === undefined ? 0 : finite(allocationIn[id], join('options.allocation', id));
      if (v < 0) fail(join('options.allocation', id), `must be ≥ 0, got ${v}`);
      allocation[j] = v;
    }
  }
  if (ties === 'allocation' && allocation === null)
    fail('options.allocation', "ties: 'allocation' needs the DLP allocation (pass the dlp result, or options.allocation)", 'inconsistent');
  const resources = Object.freeze(net.resourceIds.map((id, i) => Object.freeze({ id, capacity: net.capacity[i]! })));
  const products = Object.freeze(
    net.productIds.map((id, j) =>
      Object.freeze({
        id,
        fare: net.fare[j]!,
        resources: Object.freeze(Array.from(net.productResources.subarray(net.productStart[j]!, net.productStart[j + 1]!), (i) => net.resourceIds[i]!)),
      }),
    ),
  );
  const priceRecord: Record<string, number> = {};
  net.resourceIds.forEach((id, i) => (priceRecord[id] = bidPrice[i]!));
  const controls: Record<string, unknown> = {
    kind: 'bid-prices',
    resources,
    products,
    bidPrices: Object.freeze(priceRecord),
    ...(allocation ? { allocation: Object.freeze(Object.fromEntries(net.productIds.map((id, j) => [id, allocation![j]!]))) } : {}),
    ties,
    tolerance,
  };
  const hidden: Record<string, unknown> = {
    resourceIds: net.resourceIds,
    productIds: net.productIds,
    resourceIndex: net.resourceIndex,
    productIndex: net.productIndex,
    capacity: net.capacity,
    bidPrice,
    fare: net.fare,
    hurdle,
    productStart: net.productStart,
    productResources: net.productResources,
    allocationArray: allocation,
  };
  for (const [k, v] of Object.entries(hidden)) Object.defineProperty(controls, k, { value: v, enumerable: false });
  Object.defineProperty(controls, COMPILED, { value: net.productIndex, enumerable: false });
  return Object.freeze(controls) as unknown as BidPriceControls;
}

/** Compiles a {@link BidPriceSpec} (e.g. `JSON.parse` of earlier controls) back into controls. @internal */
export function compileBidPriceSpec(spec: unknown, path = 'controls'): BidPriceControls {
  const s = object(spec, path);
  const resources = array<Record<string, unknown>>(s.resources, join(path, 'resources'));
  const products = array<Record<string, unknown>>(s.products, join(path, 'products'));
  const network = {
    resources: resources as unknown as Network['resources'],
    products: products.map((p) => ({ ...object(p, join(path, 'products')), demand: 0 })) as unknown as Network['products'],
  };
  try {
    return bidPriceControls(network, object(s.bidPrices, join(path, 'bidPrices')) as Record<string, number>, {
      ...(s.ties === undefined ? {} : { ties: s.ties as BidPriceTieRule }),
      ...(s.tolerance === undefined ? {} : { tolerance: s.tolerance as number }),
      ...(s.allocation === undefined ? {} : { allocation: s.allocation as Record<string, number> }),
    });
  } catch (e) {
    if (e instanceof YieldInputError && !e.path.startsWith(path)) {
      const where = e.path.replace(/^network\b/, path).replace(/^prices\b/, `${path}.bidPrices`).replace(/^options\b/, path);
      throw new YieldInputError(e.code, where, e.message.slice(e.path.length + 2));
    }
    throw e;
  }
}

/**
 * The verdict of the hot-path decider: one object per decider, overwritten by every call (copy the
 * fields you want to keep). `limitingResource` is the first resource without enough capacity
 * (index, −1 if none).
 */
export interface BidPriceVerdict {
  accept: boolean;
  reason: BidPriceReason;
  /** Σ bid prices of the product's resources, per unit (money). */
  hurdle: number;
  /** value − hurdle, per unit (money). */
  margin: number;
  tie: boolean;
  limitingResource: number;
}

export interface BidPriceDecider {
  /**
   * Decides a request for `quantity` units of product index `j` worth `value` per unit, given the
   * remaining capacity per resource index and (for ties: 'allocation') units sold so far per product
   * index. Synchronous, allocation-free; returns the decider's reused verdict object.
   */
  decide(j: number, quantity: number, value: number, remaining: ArrayLike<number>, productSold?: ArrayLike<number>): BidPriceVerdict;
}

/** A hot-path decider over compiled controls (no validation per call: indexes must be in range). */
export function createBidPriceDecider(controls: BidPriceControls): BidPriceDecider {
  const { hurdle, productStart, productResources, allocationArray: allocation, ties, tolerance } = controls;
  const verdict: BidPriceVerdict = { accept: false, reason: 'no-capacity', hurdle: 0, margin: 0, tie: false, limitingResource: -1 };
  return {
    decide(j, quantity, value, remaining, productSold) {
      const h = hurdle[j]!;
      verdict.hurdle = h;
      verdict.margin = value - h;
      verdict.limitingResource = -1;
      const tie = Math.abs(value - h) <= tolerance * Math.max(1, Math.abs(value), Math.abs(h));
      verdict.tie = tie;
      for (let q = productStart[j]!; q < productStart[j + 1]!; q++) {
        const i = productResources[q]!;
        if (remaining[i]! < quantity) {
          verdict.accept = false;
          verdict.reason = 'no-capacity';
          verdict.limitingResource = i;
          return verdict;
        }
      }
      if (tie) {
        if (ties === 'accept') {
          verdict.accept = true;
          verdict.reason = 'tie-accepted';
        } else if (ties === 'reject') {
          verdict.accept = false;
          verdict.reason = 'tie-rejected';
        } else {
          const sold = productSold === undefined ? 0 : productSold[j]!;
          const within = sold + quantity <= allocation![j]! + tolerance * Math.max(1, allocation![j]!);
          verdict.accept = within;
          verdict.reason = within ? 'tie-accepted' : 'allocation-exhausted';
        }
      } else if (value > h) {
        verdict.accept = true;
        verdict.reason = 'above-bid-price';
      } else {
        verdict.accept = false;
        verdict.reason = 'below-bid-price';
      }
      return verdict;
    },
  };
}

/** A request for a network product: its id, how many units (default 1), its value per unit (default its fare). */
export interface NetworkRequest {
  readonly product: string;
  readonly quantity?: number;
  readonly fare?: number;
}

/** What is sold so far: units per resource id (missing = 0) and, for ties: 'allocation', units per product id. */
export interface NetworkInventory {
  readonly sold: Readonly<Record<string, number>>;
  readonly productSold?: Readonly<Record<string, number>>;
}

export interface BidPriceDecision {
  readonly accept: boolean;
  readonly reason: BidPriceReason;
  readonly product: string;
  readonly quantity: number;
  /** Value per unit considered (money). */
  readonly value: number;
  /** Σ bid prices per unit (money). */
  readonly hurdle: number;
  /** value − hurdle per unit (money); the opportunity-cost margin. */
  readonly margin: number;
  readonly tie: boolean;
  /** The resources the product uses: bid price and units left before this request. */
  readonly resources: readonly { readonly id: string; readonly bidPrice: number; readonly remaining: number }[];
  /** One sentence a revenue manager can read. */
  readonly explanation: string;
}

/**
 * Decides one request against bid-price controls and explains it. Validates the request and state
 * (unknown product or resource ids, sales above capacity → YieldInputError).
 */
export function decideBidPrice(request: NetworkRequest, state: NetworkInventory, controls: BidPriceControls): BidPriceDecision {
  object(request, 'request');
  object(state, 'state');
  const j = controls.productIndex.get(request.product);
  if (j === undefined) fail('request.product', `unknown product id ${JSON.stringify(request.product)}`, 'unknown-reference');
  const quantity = request.quantity === undefined ? 1 : positiveInteger(request.quantity, 'request.quantity');
  const value = request.fare === undefined ? controls.fare[j]! : finite(request.fare, 'request.fare');
  if (value < 0) fail('request.fare', `must be ≥ 0, got ${value}`);
  const sold = object(state.sold ?? {}, 'state.sold') as Record<string, unknown>;
  const remaining = new Float64Array(controls.capacity);
  for (const key of Object.keys(sold)) {
    const i = controls.resourceIndex.get(key);
    if (i === undefined) fail(join('state.sold', key), `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
    const s = finite(sold[key], join('state.sold', key));
    if (s < 0) fail(join('state.sold', key), `must be ≥ 0, got ${s}`);
    if (s > controls.capacity[i]!) fail(join('state.sold', key), `${s} sold exceeds the capacity ${controls.capacity[i]}`, 'inconsistent');
    remaining[i] = controls.capacity[i]! - s;
  }
  let productSold: Float64Array | undefined;
  if (state.productSold !== undefined) {
    object(state.productSold, 'state.productSold');
    productSold = new Float64Array(controls.productIds.length);
    for (const key of Object.keys(state.productSold)) {
      const k = controls.productIndex.get(key);
      if (k === undefined) fail(join('state.productSold', key), `unknown product id ${JSON.stringify(key)}`, 'unknown-reference');
      const s = finite(state.productSold[key], join('state.productSold', key));
      if (s < 0) fail(join('state.productSold', key), `must be ≥ 0, got ${s}`);
      productSold[k] = s;
    }
  }
  const v = createBidPriceDecider(controls).decide(j, quantity, value, remaining, productSold);
  const resources: { id: string; bidPrice: number; remaining: number }[] = [];
  for (let q = controls.productStart[j]!; q < controls.productStart[j + 1]!; q++) {
    const i = controls.productResources[q]!;
    resources.push({ id: controls.resourceIds[i]!, bidPrice: controls.bidPrice[i]!, remaining: remaining[i]! });
  }
  const list = resources.map((r) => `${r.id} ${fmt(r.bidPrice)}`).join(' + ');
  const base = `${request.product}: value ${fmt(value)} vs bid prices ${list} = ${fmt(v.hurdle)}`;
  let explanation: string;
  switch (v.reason) {
    case 'no-capacity': {
      const id = controls.resourceIds[v.limitingResource]!;
      explanation = `reject: ${id} has ${fmt(remaining[v.limitingResource]!)} unit(s) left, ${quantity} requested (${base})`;
      break;
    }
    case 'above-bid-price':
      explanation = `accept: ${base}, margin ${fmt(v.margin)} per unit`;
      break;
    case 'below-bid-price':
      explanation = `reject: ${base}, short by ${fmt(-v.margin)} per unit`;
      break;
    case 'tie-accepted':
      explanation = `accept at the tie (rule '${controls.ties}'): ${base}`;
      break;
    case 'tie-rejected':
      explanation = `reject at the tie (rule 'reject'): ${base}`;
      break;
    case 'allocation-exhausted':
      explanation = `reject at the tie: the DLP allocation of ${fmt(controls.allocationArray![j]!)} would be exceeded (${base})`;
      break;
  }
  return {
    accept: v.accept,
    reason: v.reason,
    product: request.product,
    quantity,
    value,
    hurdle: v.hurdle,
    margin: v.margin,
    tie: v.tie,
    resources,
    explanation,
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

/** The booking state `decide` reads on a network: units sold per resource and per product (typed arrays the booking system owns). */
export interface NetworkBookingState {
  readonly kind: 'bid-prices';
  /** sold[i]: units sold of resource i (input order). */
  readonly sold: Float64Array;
  /** productSold[j]: units sold of product j (for ties: 'allocation'). */
  readonly productSold: Float64Array;
}

/**
 * Builds and validates the network booking state for `decide` with bid-price controls: units sold per
 * resource id and per product id (whole numbers ≥ 0, resources not above capacity). The booking system
 * then updates the arrays itself after each accepted request (every resource of the product, and the
 * product): see `recordNetworkSale`.
 */
export function networkBookingState(
  controls: BidPriceControls,
  input: { readonly sold?: Readonly<Record<string, number>>; readonly productSold?: Readonly<Record<string, number>> } = {},
): NetworkBookingState {
  object(input, 'state');
  const sold = new Float64Array(controls.capacity.length);
  const productSold = new Float64Array(controls.productIds.length);
  if (input.sold !== undefined)
    for (const [id, v] of Object.entries(object(input.sold, 'state.sold'))) {
      const i = controls.resourceIndex.get(id);
      if (i === undefined) fail(join('state.sold', id), `unknown resource id ${JSON.stringify(id)}`, 'unknown-reference');
      const s = finite(v, join('state.sold', id));
      if (s < 0) fail(join('state.sold', id), `must be ≥ 0, got ${s}`);
      if (s > controls.capacity[i]!) fail(join('state.sold', id), `${s} sold exceeds the capacity ${controls.capacity[i]}`, 'inconsistent');
      sold[i] = s;
    }
  if (input.productSold !== undefined)
    for (const [id, v] of Object.entries(object(input.productSold, 'state.productSold'))) {
      const j = controls.productIndex.get(id);
      if (j === undefined) fail(join('state.productSold', id), `unknown product id ${JSON.stringify(id)}`, 'unknown-reference');
      const s = finite(v, join('state.productSold', id));
      if (s < 0) fail(join('state.productSold', id), `must be ≥ 0, got ${s}`);
      productSold[j] = s;
    }
  return { kind: 'bid-prices', sold, productSold };
}

/** Records an accepted sale of `quantity` units of product j in the state (every resource it uses). */
export function recordNetworkSale(state: NetworkBookingState, controls: BidPriceControls, j: number, quantity: number): void {
  for (let q = controls.productStart[j]!; q < controls.productStart[j + 1]!; q++) state.sold[controls.productResources[q]!]! += quantity;
  state.productSold[j]! += quantity;
}

/**
 * The `'bid-prices'` branch of `decide` (allocation-free): writes into `out`. Reasons: 'accepted'
 * (above the hurdle, or a tie the rule accepts); 'sold-out' (a resource has fewer than `quantity` units
 * left: `bindingLimit` is that resource's index); 'below-bid-price'; 'tie-rejected';
 * 'allocation-exhausted'. `classIndex` is the product index, `bindingLimit` the index of the product's
 * resource with the fewest units left (first on ties), `available` those units (floored).
 * @internal called by `decide`
 */
export function decideNetwork(
  request: ControlRequest,
  state: NetworkBookingState,
  controls: BidPriceControls,
  out: DecisionBuffer,
): Decision {
  const m = controls.capacity.length;
  if (state === null || typeof state !== 'object' || state.kind !== 'bid-prices' || state.sold.length !== m)
    throw new YieldInputError('inconsistent', 'state', `must be built by networkBookingState(controls) for these ${m} resources`);
  const product = request.product;
  let j: number | undefined;
  if (typeof product === 'number') j = Number.isInteger(product) && product >= 0 && product < controls.productIds.length ? product : undefined;
  else if (typeof product === 'string') j = controls.productIndex.get(product);
  if (j === undefined) throw new YieldInputError('unknown-reference', 'request.product', `names no product: ${JSON.stringify(product)}`);
  const q = request.quantity === undefined ? 1 : request.quantity;
  if (!Number.isInteger(q) || q < 1) throw new YieldInputError('invalid', 'request.quantity', `must be a whole number ≥ 1, got ${q}`);
  const { capacity, productStart, productResources, hurdle, tolerance, ties } = controls;
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
  out.classIndex = j;
  out.quantity = q;
  out.bindingLimit = leastAt;
  out.available = least > 0 ? Math.floor(least) : 0;
  if (least < q) {
    out.accept = false;
    out.reason = 'sold-out';
    return out;
  }
  const value = controls.fare[j]!;
  const h = hurdle[j]!;
  if (Math.abs(value - h) <= tolerance * Math.max(1, Math.abs(value), Math.abs(h))) {
    const ok =
      ties === 'accept' ||
      (ties === 'allocation' && state.productSold[j]! + q <= controls.allocationArray![j]! + tolerance * Math.max(1, controls.allocationArray![j]!));
    out.accept = ok;
    out.reason = ok ? 'accepted' : ties === 'reject' ? 'tie-rejected' : 'allocation-exhausted';
  } else {
    out.accept = value > h;
    out.reason = value > h ? 'accepted' : 'below-bid-price';
  }
  return out;
}
