import type { Network } from '../model/index.js';
import { prefixError } from '../model/errors.js';
import { bidPriceVerdict, BID_PRICE_TIE_TOLERANCE, type BidPriceTieRule, type DecisionReason } from '../model/bookingPath.js';
import { array, fail, finite, join, object, positiveInteger } from '../internal/validate.js';
import { brandControls, networkPart, specNetwork, type NetworkTables } from './networkPart.js';
import { assertCompiled, type COMPILED } from './controls.js';
import type { NetworkBookingState } from './bookingState.js';

export type { BidPriceTieRule } from '../model/bookingPath.js';

/** Options of {@link bidPriceControls}. */
export interface BidPriceControlsOptions {
  /** The tie rule (default: `'allocation'` when an allocation is known, else `'accept'`). */
  readonly ties?: BidPriceTieRule;
  /** Relative tie tolerance (default `BID_PRICE_TIE_TOLERANCE`, 1e-9). */
  readonly tolerance?: number;
  /** DLP allocation by product id (units), for ties: 'allocation'. */
  readonly allocation?: Readonly<Record<string, number>>;
}

/** Defaults of {@link bidPriceControls}: `ties` is 'allocation' when an allocation is given, else 'accept'. */
export const BID_PRICE_CONTROLS_DEFAULTS = { ties: 'accept', tiesWithAllocation: 'allocation', tolerance: BID_PRICE_TIE_TOLERANCE } as const;

/**
 * Bid-price controls as plain data (what `JSON.stringify(controls)` gives and `compileControls` takes
 * back): the network's resources and products (without demand), the bid prices, and the tie rule.
 */
export interface BidPriceSpec {
  readonly kind: 'bid-prices';
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly products: readonly { readonly id: string; readonly fare: number; readonly resources: readonly string[] }[];
  readonly bidPrices: Readonly<Record<string, number>>;
  /** DLP allocation by product id (needed by ties: 'allocation'): units the product may sell under these controls. */
  readonly allocation?: Readonly<Record<string, number>>;
  readonly ties?: BidPriceTieRule;
  readonly tolerance?: number;
}

/**
 * Compiled bid-price controls (the `kind: 'bid-prices'` member of `Controls`): the spec's fields
 * (enumerable, JSON round trip) plus typed tables for the hot path (non-enumerable, rebuilt by
 * `compileControls`). Frozen.
 */
export interface BidPriceControls extends BidPriceSpec, NetworkTables {
  readonly ties: BidPriceTieRule;
  readonly tolerance: number;
  /** @internal product id → index (the compiled brand). */
  readonly [COMPILED]: ReadonlyMap<string, number>;
  /** Bid price per resource index (money per unit). */
  readonly bidPrice: Float64Array;
  /** Σ bid prices of each product's resources (money per unit): its hurdle. */
  readonly hurdle: Float64Array;
  /** DLP allocation per product index (for ties: 'allocation'), or null. */
  readonly allocationArray: Float64Array | null;
}

/** Why an explained bid-price decision went the way it did (the booking path's one reason union). */
export type BidPriceReason = DecisionReason;

function isDlpLike(x: object): x is { bidPrices: Record<string, number>; allocation?: Record<string, number> | null } {
  return 'bidPrices' in x && typeof (x as { bidPrices: unknown }).bidPrices === 'object';
}

/**
 * Network bid-price controls: accept a request for product j iff its value covers the summed bid prices
 * of the resources it uses and every one of those resources still has capacity (Simpson 1989;
 * Williamson 1992, ch. 3; Talluri & van Ryzin 2004, §3.1.2, the bid-price control definition):
 *
 *   accept  ⇔  value_j ≥ Σ_{i∈j} π_i   and   capacity_i − sold_i ≥ quantity for every i ∈ j.
 *
 * Validates once and compiles the network and the bid prices into typed arrays (incidence by product,
 * the hurdle Σ π per product), so that `decide` is a few array reads and allocates nothing.
 *
 * The tie rule (`BidPriceTieRule`). When value = Σ bid prices (to the relative `tolerance`) the DLP is
 * indifferent: such a product is the marginal one, and the DLP accepts only part of its demand. The
 * blanket rules move revenue a lot on the standard instances (Topaloglu 2009 data: up to 10 %), so the
 * rule is explicit; the default is `'allocation'` (follow the LP's own split: a tied product sells up to
 * ⌈x_j⌉ units under these controls) when an allocation is known — pass the DLP result — and `'accept'`
 * otherwise. The verdict is `bidPriceVerdict` of `yieldcraft/model`, the one kernel shared by every
 * decider and simulated policy.
 *
 * @param network - resources (capacity: the authorised level when overbooking) and products; never modified
 * @param prices - bid price per resource id (every resource needs one, finite, ≥ 0), or a DLP result
 *   (`{ bidPrices, allocation }`), whose allocation then feeds the 'allocation' tie rule
 * @param options - {@link BidPriceControlsOptions}
 * @example
 * import { bidPriceControls, networkBookingState, decide } from 'yieldcraft/control';
 * const network = {
 *   resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
 *   products: [{ id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 }],
 * };
 * const controls = bidPriceControls(network, { AB: 150, BC: 120 });
 * const state = networkBookingState(controls, { sold: { AB: 10 } });
 * decide({ product: 'AC' }, state, controls).reason; // => 'accepted'   (300 > 150 + 120)
 * decide({ product: 'AC', value: 250 }, state, controls).reason; // => 'below-bid-price'
 */
export function bidPriceControls(
  network: Network,
  prices: Readonly<Record<string, number>> | { readonly bidPrices: Readonly<Record<string, number>> | null; readonly allocation?: Readonly<Record<string, number>> | null },
  options: BidPriceControlsOptions = {},
): BidPriceControls {
  object(options, 'options');
  const { tables: net, resources, products } = networkPart(network);
  object(prices, 'prices');
  let table: Readonly<Record<string, number>>;
  let allocationIn = options.allocation;
  if (isDlpLike(prices)) {
    if (prices.bidPrices === null) fail('prices.bidPrices', 'is null: the DLP did not solve (check its status)', 'invalid-type');
    table = prices.bidPrices;
    if (allocationIn === undefined && prices.allocation) allocationIn = prices.allocation;
  } else table = prices as Readonly<Record<string, number>>;
  const ties =
    options.ties ?? (allocationIn !== undefined ? BID_PRICE_CONTROLS_DEFAULTS.tiesWithAllocation : BID_PRICE_CONTROLS_DEFAULTS.ties);
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
  const priceRecord: Record<string, number> = {};
  net.resourceIds.forEach((id, i) => (priceRecord[id] = bidPrice[i]!));
  return brandControls<BidPriceControls>(
    {
      kind: 'bid-prices',
      resources,
      products,
      bidPrices: Object.freeze(priceRecord),
      ...(allocation ? { allocation: Object.freeze(Object.fromEntries(net.productIds.map((id, j) => [id, allocation![j]!]))) } : {}),
      ties,
      tolerance,
    },
    { ...net, bidPrice, hurdle, allocationArray: allocation },
    net.productIndex,
  );
}

/** Compiles a {@link BidPriceSpec} (e.g. `JSON.parse` of earlier controls) back into controls. @internal */
export function compileBidPriceSpec(spec: unknown, path = 'controls'): BidPriceControls {
  const s = object(spec, path);
  array(s.resources, join(path, 'resources'));
  array(s.products, join(path, 'products'));
  try {
    return bidPriceControls(specNetwork(s.resources, s.products), object(s.bidPrices, join(path, 'bidPrices')) as Record<string, number>, {
      ...(s.ties === undefined ? {} : { ties: s.ties as BidPriceTieRule }),
      ...(s.tolerance === undefined ? {} : { tolerance: s.tolerance as number }),
      ...(s.allocation === undefined ? {} : { allocation: s.allocation as Record<string, number> }),
    });
  } catch (e) {
    throw prefixError(e, path, { network: '', prices: 'bidPrices', options: '' });
  }
}

/**
 * The verdict of the hot-path decider: one object per decider, overwritten by every call (copy the
 * fields you want to keep). `limitingResource` is the first resource without enough capacity
 * (index, −1 if none).
 */
export interface BidPriceVerdict {
  accept: boolean;
  reason: DecisionReason;
  /** Σ bid prices of the product's resources, per unit (money). */
  hurdle: number;
  /** value − hurdle, per unit (money). */
  margin: number;
  tie: boolean;
  limitingResource: number;
}

/** A hot-path decider over compiled bid-price controls (see {@link createBidPriceDecider}). */
export interface BidPriceDecider {
  /**
   * Decides a request for `quantity` units of product index `j` worth `value` per unit, given the
   * remaining capacity per resource index and (for ties: 'allocation') units sold under these controls
   * per product index. Synchronous, allocation-free; returns the decider's reused verdict object.
   */
  decide(j: number, quantity: number, value: number, remaining: ArrayLike<number>, productSold?: ArrayLike<number>): BidPriceVerdict;
}

/**
 * A hot-path decider over compiled controls for callers that keep remaining capacity themselves (no
 * validation per call: indexes must be in range). Same verdict as `decide` (the shared kernel
 * `bidPriceVerdict`), with the margin and the limiting resource.
 * @example
 * import { bidPriceControls, createBidPriceDecider } from 'yieldcraft/control';
 * const c = bidPriceControls({ resources: [{ id: 'L', capacity: 5 }], products: [{ id: 'P', fare: 100, resources: ['L'], demand: 3 }] }, { L: 60 });
 * createBidPriceDecider(c).decide(0, 1, 100, [5]).margin; // => 40
 */
export function createBidPriceDecider(controls: BidPriceControls): BidPriceDecider {
  assertBidPrices(controls);
  const { hurdle, productStart, productResources, allocationArray: allocation, ties, tolerance } = controls;
  const verdict: BidPriceVerdict = { accept: false, reason: 'sold-out', hurdle: 0, margin: 0, tie: false, limitingResource: -1 };
  return {
    decide(j, quantity, value, remaining, productSold) {
      const h = hurdle[j]!;
      verdict.hurdle = h;
      verdict.margin = value - h;
      verdict.limitingResource = -1;
      for (let q = productStart[j]!; q < productStart[j + 1]!; q++) {
        const i = productResources[q]!;
        if (remaining[i]! < quantity) {
          verdict.accept = false;
          verdict.reason = 'sold-out';
          verdict.limitingResource = i;
          verdict.tie = false;
          return verdict;
        }
      }
      const r = bidPriceVerdict(value, h, ties, tolerance, productSold === undefined ? 0 : productSold[j]!, quantity, allocation === null ? Infinity : allocation[j]!);
      verdict.reason = r;
      verdict.accept = r === 'accepted' || r === 'tie-accepted';
      verdict.tie = r !== 'accepted' && r !== 'below-bid-price';
      return verdict;
    },
  };
}

/** A request for a network product: its id, how many units (default 1), its value per unit (default its fare). */
export interface NetworkRequest {
  readonly product: string;
  readonly quantity?: number;
  /** Value per unit (money); default the product's fare. */
  readonly value?: number;
  /** @deprecated the former name of `value`; read when `value` is absent. */
  readonly fare?: number;
}

/**
 * What is sold: units held per resource id (missing = 0) and, for ties: 'allocation', units sold per
 * product id under these controls — or a `NetworkBookingState` from `networkBookingState`.
 */
export interface NetworkInventory {
  readonly sold: Readonly<Record<string, number>>;
  readonly productSold?: Readonly<Record<string, number>>;
}

/** An explained bid-price decision (see {@link decideBidPrice}). */
export interface BidPriceDecision {
  readonly accept: boolean;
  readonly reason: DecisionReason;
  readonly product: string;
  readonly quantity: number;
  /** Value per unit considered (money). */
  readonly value: number;
  /** Σ bid prices per unit (money). */
  readonly hurdle: number;
  /** value − hurdle per unit (money); the opportunity-cost margin. */
  readonly margin: number;
  readonly tie: boolean;
  /** The resources the product uses: bid price and units left before this request (built on first read:
   * a getter, like `explanation`; `JSON.stringify` includes both, `{ ...decision }` does not). */
  readonly resources: readonly { readonly id: string; readonly bidPrice: number; readonly remaining: number }[];
  /** One sentence a revenue manager can read (built on first read). */
  readonly explanation: string;
}

function heldOn(state: NetworkInventory | NetworkBookingState, controls: BidPriceControls, i: number): number {
  if (state.sold instanceof Float64Array) return state.sold[i]!;
  const id = controls.resourceIds[i]!;
  const v = (state.sold as Record<string, unknown>)[id];
  if (v === undefined) return 0;
  const s = finite(v, join('state.sold', id));
  if (s < 0) fail(join('state.sold', id), `must be ≥ 0, got ${s}`);
  if (s > controls.capacity[i]!) fail(join('state.sold', id), `${s} sold exceeds the capacity ${controls.capacity[i]}`, 'inconsistent');
  return s;
}

/**
 * Decides one request against bid-price controls and explains it: the same verdict as `decide` (the
 * shared kernel), plus the resources, their bid prices and the margin, and a sentence. Reads only the
 * resources of the requested product (no copy of the capacity vector), so it costs a few map look-ups;
 * the explanation and the resource list are built only when read. Validates what it reads: an unknown
 * product, a quantity that is not a whole number ≥ 1, a negative or NaN value, sales of a used resource
 * that are negative or above capacity → YieldInputError.
 * @example
 * import { bidPriceControls, decideBidPrice } from 'yieldcraft/control';
 * const network = {
 *   resources: [{ id: 'AB', capacity: 100 }, { id: 'BC', capacity: 120 }],
 *   products: [{ id: 'AC', fare: 300, resources: ['AB', 'BC'], demand: 70 }],
 * };
 * const controls = bidPriceControls(network, { AB: 150, BC: 120 });
 * decideBidPrice({ product: 'AC' }, { sold: { AB: 10, BC: 0 } }, controls).accept; // => true
 * decideBidPrice({ product: 'AC', value: 250 }, { sold: {} }, controls).explanation;
 * // => 'reject: AC: value 250 vs bid prices AB 150 + BC 120 = 270, short by 20 per unit'
 */
export function decideBidPrice(request: NetworkRequest, state: NetworkInventory | NetworkBookingState, controls: BidPriceControls): BidPriceDecision {
  assertBidPrices(controls);
  object(request, 'request');
  object(state, 'state');
  if (!(state.sold instanceof Float64Array)) object(state.sold ?? {}, 'state.sold');
  const j = controls.productIndex.get(request.product);
  if (j === undefined) fail('request.product', `unknown product id ${JSON.stringify(request.product)}`, 'unknown-reference');
  const quantity = request.quantity === undefined ? 1 : positiveInteger(request.quantity, 'request.quantity');
  const given = request.value ?? request.fare;
  const valuePath = request.value !== undefined ? 'request.value' : 'request.fare';
  const value = given === undefined ? controls.fare[j]! : finite(given, valuePath);
  if (value < 0) fail(valuePath, `must be ≥ 0, got ${value}`);
  let productSold = 0;
  if (state.productSold instanceof Float64Array) productSold = state.productSold[j]!;
  else if (state.productSold !== undefined) {
    const ps = object(state.productSold, 'state.productSold');
    const v = ps[request.product];
    if (v !== undefined) {
      productSold = finite(v, join('state.productSold', request.product));
      if (productSold < 0) fail(join('state.productSold', request.product), `must be ≥ 0, got ${productSold}`);
    }
  }
  const { productStart, productResources, capacity, hurdle: hurdles, allocationArray } = controls;
  let reason: DecisionReason | undefined;
  let limiting = -1;
  for (let q = productStart[j]!; q < productStart[j + 1]!; q++) {
    const i = productResources[q]!;
    if (capacity[i]! - heldOn(state, controls, i) < quantity && reason === undefined) {
      reason = 'sold-out';
      limiting = i;
    }
  }
  const hurdle = hurdles[j]!;
  if (reason === undefined)
    reason = bidPriceVerdict(value, hurdle, controls.ties, controls.tolerance, productSold, quantity, allocationArray === null ? Infinity : allocationArray[j]!);
  const accept = reason === 'accepted' || reason === 'tie-accepted';
  const tie = reason === 'tie-accepted' || reason === 'tie-rejected' || reason === 'allocation-exhausted';
  return new ExplainedBidPriceDecision(accept, reason, request.product, quantity, value, hurdle, tie, state, controls, j, limiting);
}

/**
 * `decideBidPrice`'s result: the verdict as plain fields, the resources and the sentence built on first
 * read (prototype getters, so that a decision costs one small object; `JSON.stringify` includes both
 * through `toJSON`).
 */
class ExplainedBidPriceDecision implements BidPriceDecision {
  readonly margin: number;
  // the context of the lazy fields: private (not enumerable, not in the JSON)
  readonly #state: NetworkInventory | NetworkBookingState;
  readonly #controls: BidPriceControls;
  readonly #j: number;
  readonly #limiting: number;
  #resources: BidPriceDecision['resources'] | undefined;
  #explanation: string | undefined;
  constructor(
    readonly accept: boolean,
    readonly reason: DecisionReason,
    readonly product: string,
    readonly quantity: number,
    readonly value: number,
    readonly hurdle: number,
    readonly tie: boolean,
    state: NetworkInventory | NetworkBookingState,
    controls: BidPriceControls,
    j: number,
    limiting: number,
  ) {
    this.margin = value - hurdle;
    this.#state = state;
    this.#controls = controls;
    this.#j = j;
    this.#limiting = limiting;
  }
  get resources(): BidPriceDecision['resources'] {
    const controls = this.#controls;
    const state = this.#state;
    const j = this.#j;
    return (this.#resources ??= Array.from(controls.productResources.subarray(controls.productStart[j]!, controls.productStart[j + 1]!), (i) => ({
      id: controls.resourceIds[i]!,
      bidPrice: controls.bidPrice[i]!,
      remaining: controls.capacity[i]! - heldOn(state, controls, i),
    })));
  }
  get explanation(): string {
    return (this.#explanation ??= explainBidPrice(this, this.resources, this.#controls, this.#limiting, this.#controls.allocationArray?.[this.#j]));
  }
  toJSON(): Omit<BidPriceDecision, never> {
    const { accept, reason, product, quantity, value, hurdle, margin, tie, resources, explanation } = this;
    return { accept, reason, product, quantity, value, hurdle, margin, tie, resources, explanation };
  }
}

function assertBidPrices(controls: unknown): asserts controls is BidPriceControls {
  assertCompiled(controls);
  if (controls.kind !== 'bid-prices') fail('controls', `must be bid-price controls (kind 'bid-prices'), got kind ${JSON.stringify(controls.kind)}`, 'inconsistent');
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

function explainBidPrice(
  d: BidPriceDecision,
  resources: BidPriceDecision['resources'],
  controls: BidPriceControls,
  limiting: number,
  allocation: number | undefined,
): string {
  const list = resources.map((r) => `${r.id} ${fmt(r.bidPrice)}`).join(' + ');
  const base = `${d.product}: value ${fmt(d.value)} vs bid prices ${list} = ${fmt(d.hurdle)}`;
  switch (d.reason) {
    case 'sold-out': {
      const id = controls.resourceIds[limiting]!;
      const left = resources.find((r) => r.id === id)!.remaining;
      return `reject: ${id} has ${fmt(left)} unit(s) left, ${d.quantity} requested (${base})`;
    }
    case 'accepted':
      return `accept: ${base}, margin ${fmt(d.margin)} per unit`;
    case 'below-bid-price':
      return `reject: ${base}, short by ${fmt(-d.margin)} per unit`;
    case 'tie-accepted':
      return `accept at the tie (rule '${controls.ties}'): ${base}`;
    case 'tie-rejected':
      return `reject at the tie (rule 'reject'): ${base}`;
    default:
      return `reject at the tie: the DLP allocation of ${fmt(allocation ?? 0)} would be exceeded (${base})`;
  }
}
