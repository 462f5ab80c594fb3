/**
 * Length-of-stay controls from bid prices: which stays (arrival × length × rate plan) a hotel should
 * sell, and the restrictions a property-management system understands — minimum stay, maximum stay,
 * closed to arrival — per arrival date and rate plan.
 *
 * A stay is open when what it earns covers what it displaces: its value (the contribution of the whole
 * stay, `fare` = nights × per-night contribution) is at least the sum of the bid prices of the nights
 * it uses,
 *
 *   open(a, L, r)  ⇔  L · c_r  ≥  Σ_{n = a}^{a+L−1} π_n ,
 *
 * the bid-price control of Talluri & van Ryzin (2004), §3.2.1 (eq. 3.9), applied to hotel stays as in
 * §10.2.4; the per-night bid price π_n is the "last room value" (hurdle) of night n. The restrictions
 * are read off the open set: for an arrival date and a rate plan, `minStay` is the shortest open length,
 * `maxStay` the longest, `closedToArrival` that none is open. Because a long stay may run into a peak
 * night, the open lengths need not form an interval (1 and 3 nights open, 2 closed): `exact` says
 * whether "min stay / max stay" alone describe the open set; when it is false, use `openLengths`.
 *
 * Tie rule: a stay whose value equals its hurdle is open (the seller is indifferent; selling fills a
 * room). Sums of LP duals carry rounding noise, so "equal" means within `tolerance` (relative, see
 * {@link LOS_DEFAULTS}).
 *
 * @param hotel - a hotel network from `hotelNetwork` (resources = nights, products = stays)
 * @param bidPrices - bid price (last room value) per night id, money per room-night, finite, ≥ 0, one
 *   for every night (e.g. `(await dlp(hotel)).bidPrices`)
 * @param options - {@link LOS_DEFAULTS}
 * @returns every stay with its value, hurdle, margin and open flag; the restrictions per arrival date
 *   (overall and per rate plan); `open` keyed by product id
 * @example
 * import { hotelNetwork } from 'yieldcraft/model';
 * import { losControls } from 'yieldcraft/control';
 * const hotel = hotelNetwork({
 *   nights: [{ date: '2026-03-09', capacity: 1 }, { date: '2026-03-10', capacity: 1 }, { date: '2026-03-11', capacity: 1 }],
 *   rates: [{ id: 'BAR', price: 100 }],
 *   maxLengthOfStay: 3,
 *   demand: () => 1,
 * });
 * const c = losControls(hotel, { '2026-03-09': 0, '2026-03-10': 150, '2026-03-11': 0 });
 * c.open['2026-03-09/2n/BAR']; // => true   (200 ≥ 0 + 150: the stay pays for the peak night)
 * c.arrivals[0]; // => { arrival: '2026-03-09', closedToArrival: false, minStay: 1, maxStay: 3, rates: [ … ] }
 * c.arrivals[1].rates[0].openLengths; // => [2]   (a one-night stay on the peak night earns 100 < 150)
 */
import type { HotelNetwork } from '../model/hotel.js';
import { array, fail, finite, nonNegative, object, positive } from '../internal/validate.js';

export interface LosOptions {
  /** Relative tolerance of the tie rule: open iff value ≥ hurdle − tolerance · max(1, |value|, hurdle). */
  readonly tolerance?: number;
}

export const LOS_DEFAULTS = { tolerance: 1e-9 } as const satisfies Required<LosOptions>;

/** One stay and its verdict. */
export interface LosStay {
  readonly product: string;
  readonly arrival: string;
  readonly lengthOfStay: number;
  readonly ratePlan: string;
  /** What the stay earns: its fare (contribution of the whole stay), money. */
  readonly value: number;
  /** Σ bid prices of the nights it uses, money. */
  readonly hurdle: number;
  /** value − hurdle, money (≥ 0 when open, up to the tolerance). */
  readonly margin: number;
  readonly open: boolean;
}

/** The restrictions of one rate plan on one arrival date. */
export interface LosRateRestriction {
  readonly ratePlan: string;
  /** The open lengths of stay, ascending (nights). */
  readonly openLengths: readonly number[];
  /** Shortest open stay, nights (null when closed to arrival). */
  readonly minStay: number | null;
  /** Longest open stay, nights (null when closed to arrival). */
  readonly maxStay: number | null;
  readonly closedToArrival: boolean;
  /** true when the open lengths are exactly minStay..maxStay (the min/max restrictions say it all). */
  readonly exact: boolean;
}

/** The restrictions of one arrival date, overall (any rate plan) and per rate plan. */
export interface LosArrival {
  readonly arrival: string;
  /** No stay of any rate plan is open for this arrival. */
  readonly closedToArrival: boolean;
  /** Shortest stay open at some rate plan (null when closed to arrival). */
  readonly minStay: number | null;
  /** Longest stay open at some rate plan (null when closed to arrival). */
  readonly maxStay: number | null;
  readonly rates: readonly LosRateRestriction[];
}

export interface LosControls {
  readonly stays: readonly LosStay[];
  readonly arrivals: readonly LosArrival[];
  /** Product id → open. */
  readonly open: Readonly<Record<string, boolean>>;
}

/** Length-of-stay controls from per-night bid prices; see the module documentation above. */
export function losControls(
  hotel: HotelNetwork,
  bidPrices: Readonly<Record<string, number>>,
  options: LosOptions = {},
): LosControls {
  object(options, 'options');
  const h = object(hotel, 'hotel');
  if (!Array.isArray(h.resources) || !Array.isArray(h.products))
    fail('hotel', 'must be a hotel network (from hotelNetwork): resources and products arrays', 'invalid-type');
  const tol = options.tolerance === undefined ? LOS_DEFAULTS.tolerance : nonNegative(options.tolerance, 'options.tolerance');
  const bp = object(bidPrices, 'bidPrices');

  const nights = hotel.resources;
  const index = new Map<string, number>();
  const price = new Float64Array(nights.length);
  for (let i = 0; i < nights.length; i++) {
    const id = object(nights[i], `hotel.resources[${i}]`).id;
    if (typeof id !== 'string') fail(`hotel.resources[${i}].id`, 'must be a string', 'invalid-type');
    index.set(id, i);
    if (!(id in bp)) fail(`bidPrices[${JSON.stringify(id)}]`, 'is missing: every night needs a bid price', 'invalid');
    price[i] = nonNegative(bp[id], `bidPrices[${JSON.stringify(id)}]`);
  }
  for (const k of Object.keys(bp))
    if (!index.has(k)) fail(`bidPrices[${JSON.stringify(k)}]`, 'names no night of this hotel', 'unknown-reference');

  const stays: LosStay[] = [];
  const open: Record<string, boolean> = {};
  // arrival → ratePlan → open lengths, preserving first-seen order.
  const byArrival = new Map<string, Map<string, number[]>>();
  const products = hotel.products;
  for (let j = 0; j < products.length; j++) {
    const path = `hotel.products[${j}]`;
    const p = object(products[j], path) as unknown as HotelNetwork['products'][number];
    array(p.resources, `${path}.resources`);
    const value = finite(p.fare, `${path}.fare`);
    let hurdle = 0;
    for (let k = 0; k < p.resources.length; k++) {
      const i = index.get(p.resources[k]!);
      if (i === undefined) fail(`${path}.resources[${k}]`, `unknown night ${JSON.stringify(p.resources[k])}`, 'unknown-reference');
      hurdle += price[i]!;
    }
    const arrival = p.arrival ?? p.resources[0]!;
    const los = p.lengthOfStay ?? p.resources.length;
    positive(los, `${path}.lengthOfStay`);
    const ratePlan = p.ratePlan ?? p.id;
    const margin = value - hurdle;
    const isOpen = margin >= -tol * Math.max(1, Math.abs(value), hurdle);
    stays.push({ product: p.id, arrival, lengthOfStay: los, ratePlan, value, hurdle, margin, open: isOpen });
    open[p.id] = isOpen;
    let rates = byArrival.get(arrival);
    if (!rates) byArrival.set(arrival, (rates = new Map()));
    let lengths = rates.get(ratePlan);
    if (!lengths) rates.set(ratePlan, (lengths = []));
    if (isOpen) lengths.push(los);
  }

  const arrivals: LosArrival[] = [];
  for (const [arrival, rates] of byArrival) {
    const restrictions: LosRateRestriction[] = [];
    let min: number | null = null;
    let max: number | null = null;
    for (const [ratePlan, lengths] of rates) {
      const sorted = [...new Set(lengths)].sort((a, b) => a - b);
      const lo = sorted.length ? sorted[0]! : null;
      const hi = sorted.length ? sorted[sorted.length - 1]! : null;
      if (lo !== null && (min === null || lo < min)) min = lo;
      if (hi !== null && (max === null || hi > max)) max = hi;
      restrictions.push({
        ratePlan,
        openLengths: sorted,
        minStay: lo,
        maxStay: hi,
        closedToArrival: sorted.length === 0,
        exact: lo === null || sorted.length === hi! - lo + 1,
      });
    }
    arrivals.push({ arrival, closedToArrival: min === null, minStay: min, maxStay: max, rates: restrictions });
  }
  return { stays, arrivals, open };
}
