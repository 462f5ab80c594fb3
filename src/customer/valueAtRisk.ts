import { array, fail, finite, join, nonNegative, nonNegativeInteger, object, probability } from '../internal/validate.js';
import type { DecisionReason } from '../model/bookingPath.js';
import type { CustomerValue, CustomerValueResult } from './customerValue.js';

/** Who asks: the fields of a booking-path request this module reads (a `ControlRequest` fits). */
export interface ValueAwareRequest {
  /** Not read here (the product's contribution comes as `contributionNow`). */
  readonly product?: number | string;
  readonly quantity?: number;
  readonly segment?: string;
  readonly customer?: string;
  /** The account key as `customerValue` writes it: `company:40`, `agent:9`. */
  readonly account?: string;
}

/** Where the value at risk came from. */
export type ValueAtRiskSource = 'customer' | 'account' | 'tier' | 'segment' | 'none';

/** A reusable breakdown (no object created per request), written by {@link requestValue}. */
export interface ValueBreakdown {
  /** contributionNow + valueAtRisk, per unit: the `value` to give `decide`. */
  value: number;
  /** The request's own contribution per unit. */
  contributionNow: number;
  /** Future value a refusal would lose, per unit. */
  valueAtRisk: number;
  source: ValueAtRiskSource;
}

/** The lookups, per request (money): already multiplied by the refusal-loss share. */
export interface ValueAtRiskTable {
  readonly kind: 'value-at-risk-table';
  readonly refusalLossShare: number;
  readonly customers: ReadonlyMap<string, number>;
  readonly accounts: ReadonlyMap<string, number>;
  /** Segment → value at risk by tier of earlier stays (the last entry for that many or more). */
  readonly tiers: ReadonlyMap<string, Float64Array>;
  readonly segments: ReadonlyMap<string, number>;
}

/** Where the values come from: `customerValue` results or plain numbers (money per customer). */
export interface ValueAtRiskSources {
  /** Per customer id (e.g. a loyalty-programme member): the customer value V. */
  readonly customers?: Readonly<Record<string, number>>;
  /** Per account key: a `customerValue` result by account, or V per account key. */
  readonly accounts?: CustomerValueResult | Readonly<Record<string, number>>;
  /** Guests by segment: a `customerValue` result with `by: 'segment'` (its tiers are used), or V per segment. */
  readonly segments?: CustomerValueResult | Readonly<Record<string, number>>;
}

export interface ValueAtRiskOptions {
  /** ℓ: the chance that one refusal loses the customer's future business, in [0, 1], for every source. */
  readonly refusalLossShare?: number;
  /** ℓ per source, overriding `refusalLossShare` (a big account rarely walks away over one refusal; a guest may). */
  readonly refusalLossShareBy?: {
    readonly customer?: number;
    readonly account?: number;
    readonly segment?: number;
  };
}

/**
 * Defaults: ℓ = 0, i.e. value-awareness is off until you say how likely a refusal is to lose a customer —
 * there is no default the data could justify (the hotel data records no refusals). The chance is per
 * refusal and for the whole relationship: small for an account that books hundreds of times a year
 * (0.001–0.01), larger for a loyal individual guest.
 */
export const VALUE_AT_RISK_DEFAULTS = { refusalLossShare: 0 } as const;

function isResult(x: unknown): x is CustomerValueResult {
  return typeof x === 'object' && x !== null && 'status' in x && 'values' in x && 'model' in x;
}

function plainTable(x: unknown, path: string, share: number): Map<string, number> {
  const rec = object(x, path);
  const out = new Map<string, number>();
  for (const [k, v] of Object.entries(rec)) out.set(k, share * nonNegative(v, join(path, k)));
  return out;
}

/**
 * Builds the lookup tables of {@link requestValue} from customer values (validated here, once, so that
 * the booking path does no checking). A value given as a number must be ≥ 0 (a YieldInputError
 * otherwise); a fitted value below 0 (a customer who costs money: refusing it loses nothing) counts 0.
 */
export function valueAtRiskTable(sources: ValueAtRiskSources, options: ValueAtRiskOptions = {}): ValueAtRiskTable {
  const s = object(sources, 'sources');
  const o = object(options, 'options');
  const share =
    o.refusalLossShare === undefined ? VALUE_AT_RISK_DEFAULTS.refusalLossShare : probability(o.refusalLossShare, 'options.refusalLossShare');
  const by = o.refusalLossShareBy === undefined ? {} : object(o.refusalLossShareBy, 'options.refusalLossShareBy');
  const shareOf = (k: 'customer' | 'account' | 'segment'): number =>
    by[k] === undefined ? share : probability(by[k], join('options.refusalLossShareBy', k));
  const customers =
    s.customers === undefined ? new Map<string, number>() : plainTable(s.customers, 'sources.customers', shareOf('customer'));
  let accounts = new Map<string, number>();
  const accountShare = shareOf('account');
  const segmentShare = shareOf('segment');
  if (s.accounts !== undefined) {
    if (isResult(s.accounts)) {
      if (s.accounts.model.kind !== 'recency-markov-chain')
        fail('sources.accounts', 'must be a customerValue result by account, company or agent', 'inconsistent');
      array<CustomerValue>(s.accounts.values, 'sources.accounts.values').forEach((v, i) => {
        accounts.set(v.key, accountShare * Math.max(0, finiteValue(v.value, join(join('sources.accounts.values', i), 'value'))));
      });
    } else accounts = plainTable(s.accounts, 'sources.accounts', accountShare);
  }
  let segments = new Map<string, number>();
  const tiers = new Map<string, Float64Array>();
  if (s.segments !== undefined) {
    if (isResult(s.segments)) {
      if (s.segments.model.kind !== 'geometric-repeat')
        fail('sources.segments', 'must be a customerValue result by segment, channel or customerType', 'inconsistent');
      array<CustomerValue>(s.segments.values, 'sources.segments.values').forEach((v, i) => {
        const path = join('sources.segments.values', i);
        segments.set(v.key, segmentShare * Math.max(0, finiteValue(v.value, join(path, 'value'))));
        if (v.tiers !== undefined)
          tiers.set(v.key, Float64Array.from(v.tiers, (t, k) => segmentShare * Math.max(0, finiteValue(t.value, join(join(path, 'tiers'), k)))));
      });
    } else segments = plainTable(s.segments, 'sources.segments', segmentShare);
  }
  return { kind: 'value-at-risk-table', refusalLossShare: share, customers, accounts, tiers, segments };
}

/** A finite number. A fitted value may be negative (a customer who costs money): its value at risk is 0. */
function finiteValue(x: unknown, path: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) fail(path, `must be a finite number, got ${String(x)}`);
  return x;
}

/** A fresh breakdown to reuse across {@link requestValue} calls. */
export function createValueBreakdown(): ValueBreakdown {
  return { value: 0, contributionNow: 0, valueAtRisk: 0, source: 'none' };
}

/**
 * Value-aware acceptance, the customer side: the future value a refusal would lose, looked up per
 * customer, account, loyalty tier or segment, and added to the request's contribution now, so that the
 * one bid-price verdict of `decide` accepts when
 *
 *   contribution now + value at risk ≥ opportunity cost (Σ bid prices of the product's resources)
 *
 * and the answer can show both parts ({@link explainValueAware}). Off by default: a request without a
 * table, or a customer found in none of its lookups, carries its contribution alone — exactly plain
 * bid-price control.
 *
 * Model: a refusal does not lose the whole customer value; it loses it with probability ℓ =
 * `refusalLossShare` (the chance that the refused customer takes its future business elsewhere; per
 * source with `refusalLossShareBy`; default 0 — off — because the data holds no refusals to fit it):
 *
 *   value at risk of a request = ℓ · V(who),  per unit = ℓ · V(who) ÷ quantity
 *
 * with V the expected discounted future contribution of {@link customerValue} (an account's value, or a
 * guest's by segment and tier of earlier stays), or a value given per customer. Lookup order, first
 * match wins: `customer` → `account` → (segment, tier of earlier stays) → segment. Reference: the
 * customer-lifetime-value extension of bid-price acceptance in Talluri & van Ryzin (2004), §10.3.2
 * (customer relationship, "the value of a customer is more than the value of a single transaction")
 * and Gupta & Lehmann (2003) for V; the verdict is Simpson (1989) / Williamson (1992) bid-price control.
 *
 * The value per unit to put in the request for `decide`: `contributionNow` (per unit: the product's
 * fare or the negotiated net rate) plus the value at risk of who asks, per unit. Creates no object
 * with `out` (V8 may box the doubles it writes: a few bytes per call, see bench/customer.bench.ts);
 * no table (`undefined`) → the contribution alone. `previousStays` selects the loyalty tier of the
 * request's segment. Checks only what the booking path needs (the contribution finite and ≥ 0, the
 * quantity a whole number ≥ 1, the tier a whole number ≥ 0).
 *
 * @example
 * import { customerValue, valueAtRiskTable, requestValue, createValueBreakdown } from 'yieldcraft/customer';
 * const table = valueAtRiskTable({ accounts: { 'company:40': 5000 } }, { refusalLossShare: 0.1 });
 * const b = createValueBreakdown();
 * requestValue(table, { product: 'x', quantity: 2, account: 'company:40' }, 180, b); // => 430
 * b; // => { value: 430, contributionNow: 180, valueAtRisk: 250, source: 'account' }   (0.1 · 5000 ÷ 2 rooms)
 */
export function requestValue(
  table: ValueAtRiskTable | undefined,
  request: ValueAwareRequest,
  contributionNow: number,
  out: ValueBreakdown = createValueBreakdown(),
  previousStays?: number,
): number {
  if (!(typeof contributionNow === 'number' && contributionNow >= 0 && contributionNow < Infinity))
    fail('contributionNow', `must be a finite number ≥ 0, got ${String(contributionNow)}`);
  const q = request.quantity === undefined ? 1 : request.quantity;
  if (!Number.isInteger(q) || q < 1) fail('request.quantity', `must be a whole number ≥ 1, got ${String(q)}`);
  let risk = 0;
  let source: ValueAtRiskSource = 'none';
  if (table !== undefined) {
    let v: number | undefined;
    if (request.customer !== undefined && (v = table.customers.get(request.customer)) !== undefined) source = 'customer';
    else if (request.account !== undefined && (v = table.accounts.get(request.account)) !== undefined) source = 'account';
    else if (request.segment !== undefined) {
      const t = previousStays === undefined ? undefined : table.tiers.get(request.segment);
      if (t !== undefined && t.length > 0) {
        nonNegativeInteger(previousStays, 'previousStays');
        v = t[Math.min(previousStays as number, t.length - 1)] as number;
        source = 'tier';
      } else if ((v = table.segments.get(request.segment)) !== undefined) source = 'segment';
    }
    if (v !== undefined) risk = v / q;
  }
  out.contributionNow = contributionNow;
  out.valueAtRisk = risk;
  out.value = contributionNow + risk;
  out.source = source;
  return out.value;
}

/** The reasoning of a value-aware decision: both parts of the value beside the opportunity cost. */
export interface ValueAwareReason {
  readonly accept: boolean;
  /** `decide`'s reason ('accepted', 'below-bid-price', 'sold-out', …). */
  readonly reason: DecisionReason;
  readonly contributionNow: number;
  readonly valueAtRisk: number;
  readonly source: ValueAtRiskSource;
  /** contributionNow + valueAtRisk (per unit). */
  readonly value: number;
  /** Σ bid prices per unit: what the capacity is worth to others. */
  readonly opportunityCost: number;
  /** True when the request would have been refused on its contribution now alone (value above, now below the cost). */
  readonly acceptedForFutureValue: boolean;
}

/**
 * Puts `decide`'s answer and the {@link requestValue} breakdown side by side (structured; sentences
 * are for `report/`). `decision` needs `accept`, `reason` and `hurdle` (a `Decision` fits).
 */
export function explainValueAware(
  decision: { readonly accept: boolean; readonly reason: DecisionReason; readonly hurdle: number },
  breakdown: Readonly<ValueBreakdown>,
): ValueAwareReason {
  object(decision, 'decision');
  object(breakdown, 'breakdown');
  if (typeof decision.accept !== 'boolean') fail('decision.accept', 'must be true or false (a decision from decide)', 'invalid-type');
  finite(decision.hurdle, 'decision.hurdle');
  finite(breakdown.contributionNow, 'breakdown.contributionNow');
  finite(breakdown.valueAtRisk, 'breakdown.valueAtRisk');
  const acceptedForFutureValue = decision.accept && breakdown.contributionNow < decision.hurdle && breakdown.valueAtRisk > 0;
  return {
    accept: decision.accept,
    reason: decision.reason,
    contributionNow: breakdown.contributionNow,
    valueAtRisk: breakdown.valueAtRisk,
    source: breakdown.source,
    value: breakdown.value,
    opportunityCost: decision.hurdle,
    acceptedForFutureValue,
  };
}
