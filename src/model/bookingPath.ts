/**
 * The booking-path vocabulary: what a booking system asks (`ControlRequest`), what `decide` answers
 * (`Decision`, with one `DecisionReason` union for every control family), the tie rule of bid-price
 * control, and the one verdict kernel that every bid-price decider, every optimiser's `accept` and every
 * simulated policy calls. A leaf module: it imports nothing but the error type, so `control/`,
 * `optimize/` and `simulate/` can all depend on it without an import circle.
 *
 * Reference: Talluri & van Ryzin (2004), §2.1.2 (nested booking limits) and §3.1.2 (bid-price controls:
 * accept ⇔ value ≥ Σ_{i ∈ j} π_i and capacity left); Simpson (1989); Williamson (1992).
 */

/**
 * A request on the booking path: `quantity` units of a product (a stay, an itinerary, or a fare class
 * on one resource), optionally with the value it would bring and who asks.
 */
export interface ControlRequest {
  /** The product's index (0-based, in the controls' product order; a class index for nested limits) or id. */
  readonly product: number | string;
  /** Units requested, a whole number ≥ 1 (default 1). A group asks for many rooms at once. */
  readonly quantity?: number;
  /**
   * The contribution per unit this request would bring (money per unit of the product: per room for
   * the whole stay, per seat for the itinerary): a negotiated or discounted rate net of commission, plus
   * where wanted the future value a refusal would lose. Default: the product's fare in the controls.
   * Only bid-price families read it; nested limits decide by class.
   */
  readonly value?: number;
  /** Who asks (for reporting and value-aware acceptance; `decide` does not read them). */
  readonly segment?: string;
  readonly customer?: string;
  readonly account?: string;
}

/**
 * Why a request was accepted or rejected, for every control family:
 * - `'accepted'`: within every limit / value above the hurdle (Σ bid prices);
 * - `'tie-accepted'`: value equal to the hurdle (to the tolerance), accepted by the tie rule;
 * - `'sold-out'`: fewer than `quantity` units left on a resource (or b_1, the total, binds);
 * - `'class-limit'`: a nested limit b_i, i ≥ 2, binds (units are protected for dearer classes);
 * - `'below-bid-price'`: value below the hurdle;
 * - `'tie-rejected'`: value equal to the hurdle, `ties: 'reject'`;
 * - `'allocation-exhausted'`: value equal to the hurdle, `ties: 'allocation'`, and the product's sales
 *   under these controls would exceed its allocation rounded up to whole units.
 */
export type DecisionReason =
  | 'accepted'
  | 'tie-accepted'
  | 'sold-out'
  | 'class-limit'
  | 'below-bid-price'
  | 'tie-rejected'
  | 'allocation-exhausted';

/** A decision, written in place by `decide` (use `Decision` for the read-only view). */
export interface DecisionBuffer {
  accept: boolean;
  reason: DecisionReason;
  /** The product (or class) requested, as an index. */
  classIndex: number;
  quantity: number;
  /**
   * Nested limits: index i of the limit with the least room (0 = b_1, the total on sale). Network
   * controls: index of the product's resource with the fewest units left (first on ties).
   */
  bindingLimit: number;
  /** Units the product could still sell before this request (floored, ≥ 0). */
  available: number;
  /** Value per unit considered (money); NaN-free: 0 for nested limits, which do not price. */
  value: number;
  /** Σ bid prices of the product's resources per unit (money; 0 for nested limits): the opportunity cost. */
  hurdle: number;
}

/** The read-only view of a decision. */
export type Decision = Readonly<DecisionBuffer>;

/**
 * A fresh decision object to pass as `out` and reuse across calls (the allocation-free hot path).
 * @example
 * import { createDecision } from 'yieldcraft/control';
 * createDecision().accept; // => false
 */
export function createDecision(): DecisionBuffer {
  return { accept: false, reason: 'sold-out', classIndex: 0, quantity: 0, bindingLimit: 0, available: 0, value: 0, hurdle: 0 };
}

/**
 * How bid-price control treats a request whose value equals the hurdle (Σ bid prices) to the
 * tolerance: the DLP is indifferent there (the marginal product, of which it accepts only part):
 * - `'accept'`: accept at equality (the textbook "value ≥ Σ π");
 * - `'reject'`: accept only when value > Σ π;
 * - `'allocation'`: accept a tied product while its sales under these controls, this request
 *   included, stay within its DLP allocation rounded up to whole units (⌈x_j⌉), i.e. follow the LP's
 *   own split of the marginal product.
 */
export type BidPriceTieRule = 'accept' | 'reject' | 'allocation';

/** The one tie tolerance (relative): |value − hurdle| ≤ tolerance · max(1, |value|, |hurdle|). */
export const BID_PRICE_TIE_TOLERANCE = 1e-9;

/**
 * Is `value` equal to `hurdle` for the tie rule? Relative tolerance, the same everywhere:
 * |value − hurdle| ≤ tolerance · max(1, |value|, |hurdle|); an infinite hurdle (no unit left in a
 * capacity-dependent table) is never a tie.
 * @example
 * import { isBidPriceTie } from 'yieldcraft/control';
 * isBidPriceTie(300, 300 + 1e-8); // => true
 * isBidPriceTie(300, 299); // => false
 */
export function isBidPriceTie(value: number, hurdle: number, tolerance: number = BID_PRICE_TIE_TOLERANCE): boolean {
  if (hurdle === Infinity || value === Infinity) return false;
  const d = value - hurdle;
  const s = Math.max(1, value < 0 ? -value : value, hurdle < 0 ? -hurdle : hurdle);
  return (d < 0 ? -d : d) <= tolerance * s;
}

/**
 * The bid-price verdict on value alone (the caller has checked capacity): the one kernel behind
 * `decide` with bid-price controls (static or capacity-dependent), `createBidPriceDecider`,
 * `decideBidPrice`, the acceptances of the Lagrangian relaxation and DP decomposition, and every
 * simulated bid-price policy. Allocation-free; returns one of `'accepted'`, `'tie-accepted'`,
 * `'below-bid-price'`, `'tie-rejected'`, `'allocation-exhausted'`.
 *
 *   value > hurdle (beyond the tolerance) → accepted;  value < hurdle → below-bid-price;
 *   tie → by `ties` (see `BidPriceTieRule`): for 'allocation', accepted iff
 *   soldUnderControls + quantity ≤ ⌈allocation − tolerance · max(1, allocation)⌉.
 *
 * @param value - value per unit of the request (money)
 * @param hurdle - Σ bid prices of the product's resources per unit (money; +Infinity allowed)
 * @param ties - the tie rule
 * @param tolerance - relative tie tolerance (see `isBidPriceTie`)
 * @param soldUnderControls - units of this product sold under these controls (for 'allocation')
 * @param quantity - units requested
 * @param allocation - the product's allocation (units; for 'allocation'; pass Infinity when none)
 * @example
 * import { bidPriceVerdict } from 'yieldcraft/control';
 * bidPriceVerdict(300, 270, 'accept', 1e-9, 0, 1, Infinity); // => 'accepted'
 * bidPriceVerdict(270, 270, 'allocation', 1e-9, 4, 1, 4.5); // => 'tie-accepted'  (5 ≤ ⌈4.5⌉)
 * bidPriceVerdict(270, 270, 'allocation', 1e-9, 5, 1, 4.5); // => 'allocation-exhausted'
 */
export function bidPriceVerdict(
  value: number,
  hurdle: number,
  ties: BidPriceTieRule,
  tolerance: number,
  soldUnderControls: number,
  quantity: number,
  allocation: number,
): 'accepted' | 'tie-accepted' | 'below-bid-price' | 'tie-rejected' | 'allocation-exhausted' {
  if (isBidPriceTie(value, hurdle, tolerance)) {
    if (ties === 'accept') return 'tie-accepted';
    if (ties === 'reject') return 'tie-rejected';
    const cap = allocation === Infinity ? Infinity : Math.ceil(allocation - tolerance * Math.max(1, allocation));
    return soldUnderControls + quantity <= cap ? 'tie-accepted' : 'allocation-exhausted';
  }
  return value > hurdle ? 'accepted' : 'below-bid-price';
}
