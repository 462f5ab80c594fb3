/**
 * A hotel as a network: the nights are the resources, the stays are the products.
 *
 * A guest arriving on night `a` for `L` nights under rate plan `r` buys one product, `a/Ln/r`, that
 * consumes one room on each of the nights a, a+1, …, a+L−1. Capacity is per night (the rooms still to
 * sell). The value of a stay is its contribution: the per-night contribution of the rate times the
 * number of nights, where the per-night contribution is the price net of commission, the booking fee
 * spread over the nights, the variable cost, plus the ancillary spend (see {@link contribution}), or a
 * `contribution` given directly. The result is an ordinary {@link Network}: `dlp`, bid-price controls,
 * `losControls` and `evaluateGroup` all take it.
 *
 * Reference: Talluri & van Ryzin (2004), §3.1 (the network model; a hotel's multi-night stays as the
 * example of products that use several resources) and §10.2.4 (hotels); Bitran & Mondschein (1995),
 * "An application of yield management to the hotel industry considering multiple day stays",
 * Operations Research 43(3).
 *
 * Notation: nights n = 1..N with capacity C_n; rate plans r with per-night contribution c_r; stays
 * (a, L, r) with demand D_{a,L,r}; the stay's fare is L·c_r and it uses the nights a..a+L−1.
 *
 * Conventions:
 * - Nights are ISO dates `YYYY-MM-DD`, ascending and consecutive (one calendar day apart).
 * - Only stays that end inside the horizon are generated: an arrival on the last night has only a
 *   one-night stay. Stays running past the horizon are outside the model (extend the horizon by
 *   `maxLengthOfStay − 1` nights to include them).
 * - Every (arrival, length, rate) is a product, even with zero demand, so that length-of-stay controls
 *   cover every stay (pass `{ dropZeroDemand: true }` to leave them out).
 * - Product ids read `2026-03-14/3n/BAR` (see {@link hotelProductId}).
 *
 * @param input.nights - the nights of the horizon, `{ date, capacity }`, capacity in rooms (whole, ≥ 0)
 * @param input.rates - the rate plans: `{ id, price }` per room-night (money) with optional
 *   `commission` (share of price), `feePerBooking` (money per booking), `variableCost` and
 *   `ancillarySpend` (money per room-night); or `{ id, contribution }` per room-night directly;
 *   optional `segment` and `channel` labels
 * @param input.maxLengthOfStay - the longest stay modelled, in nights (whole, ≥ 1)
 * @param input.demand - expected demand (requests over the booking horizon) per stay: a function
 *   `(arrival, lengthOfStay, rate) => Demand | number`, a table keyed by product id, or a list of rows
 *   `{ arrival, lengthOfStay, rate, demand }`; stays missing from a table or a list have zero demand
 * @param options - {@link HOTEL_DEFAULTS}
 * @returns a {@link HotelNetwork}: resources = nights, products = stays (ordered by arrival, length,
 *   then rate plan as given), each with its arrival, length, rate plan, segment, channel and per-night
 *   price and contribution
 * @example
 * import { hotelNetwork } from 'yieldcraft/model';
 * const hotel = hotelNetwork({
 *   nights: [{ date: '2026-03-14', capacity: 100 }, { date: '2026-03-15', capacity: 100 }],
 *   rates: [{ id: 'BAR', price: 180, commission: 0.1 }, { id: 'GRP', contribution: 95 }],
 *   maxLengthOfStay: 2,
 *   demand: (arrival, los, rate) => (rate.id === 'BAR' ? 40 / los : 20),
 * });
 * hotel.products.map((p) => p.id);
 * // => ['2026-03-14/1n/BAR', '2026-03-14/1n/GRP', '2026-03-14/2n/BAR', '2026-03-14/2n/GRP',
 * //     '2026-03-15/1n/BAR', '2026-03-15/1n/GRP']
 * hotel.products[2]; // => { id: '2026-03-14/2n/BAR', fare: 324, resources: ['2026-03-14', '2026-03-15'],
 * //                        demand: 20, arrival: '2026-03-14', lengthOfStay: 2, ratePlan: 'BAR', … }
 */
import type { Demand } from './demand.js';
import { validateDemand } from './demand.js';
import { contribution } from './contribution.js';
import type { Network } from './schemas.js';
import { prefixError } from './errors.js';
import {
  array,
  fail,
  finite,
  join,
  nonEmptyArray,
  nonNegative,
  nonNegativeInteger,
  object,
  positiveInteger,
} from '../internal/validate.js';

/** One night of the horizon: its date and the rooms still to sell. */
export interface HotelNight {
  readonly date: string;
  readonly capacity: number;
}

/**
 * A rate plan. Give `price` (money per room-night, with optional costs) or `contribution` (money per
 * room-night, already net of everything), not both kinds.
 */
export interface HotelRate {
  readonly id: string;
  readonly price?: number;
  readonly contribution?: number;
  /** Share of the price paid to the channel, in [0, 1]. */
  readonly commission?: number;
  /** Fixed fee per booking (money), spread over the nights of the stay. */
  readonly feePerBooking?: number;
  /** Cost of serving one room-night (money). */
  readonly variableCost?: number;
  /** Extra spend per room-night (money). */
  readonly ancillarySpend?: number;
  readonly segment?: string;
  readonly channel?: string;
}

/** Expected demand for one stay: a distribution or a mean (requests over the booking horizon). */
export type HotelDemandValue = Demand | number;

/** Demand per stay as a function of arrival date, length of stay (nights) and rate plan. */
export type HotelDemandFunction = (arrival: string, lengthOfStay: number, rate: HotelRate) => HotelDemandValue;

/** One row of a demand list. `rate` is a rate plan id. */
export interface HotelDemandRow {
  readonly arrival: string;
  readonly lengthOfStay: number;
  readonly rate: string;
  readonly demand: HotelDemandValue;
}

export interface HotelInput {
  readonly nights: readonly HotelNight[];
  readonly rates: readonly HotelRate[];
  readonly maxLengthOfStay: number;
  readonly demand: HotelDemandFunction | Readonly<Record<string, HotelDemandValue>> | readonly HotelDemandRow[];
}

/** A stay: a network product with its hotel coordinates. `fare` = lengthOfStay × contributionPerNight. */
export interface HotelProduct {
  readonly id: string;
  readonly fare: number;
  /** The nights the stay uses (their dates), in order. */
  readonly resources: readonly string[];
  readonly demand: HotelDemandValue;
  readonly arrival: string;
  readonly lengthOfStay: number;
  /** The rate plan id. */
  readonly ratePlan: string;
  readonly segment?: string;
  readonly channel?: string;
  /** Price per room-night (absent when the rate plan gives a contribution only). */
  readonly pricePerNight?: number;
  readonly contributionPerNight: number;
}

/** A hotel network: a {@link Network} whose resources are nights and whose products are stays. */
export interface HotelNetwork extends Network {
  readonly resources: readonly { readonly id: string; readonly capacity: number; readonly date: string }[];
  readonly products: readonly HotelProduct[];
  readonly hotel: {
    readonly nights: readonly string[];
    readonly rates: readonly HotelRate[];
    readonly maxLengthOfStay: number;
  };
}

export interface HotelOptions {
  /** Leave out stays whose expected demand is zero (default false: every stay is a product). */
  readonly dropZeroDemand?: boolean;
}

export const HOTEL_DEFAULTS = { dropZeroDemand: false } as const satisfies Required<HotelOptions>;

/** The product id of a stay: `2026-03-14/3n/BAR`. */
export function hotelProductId(arrival: string, lengthOfStay: number, ratePlan: string): string {
  return `${arrival}/${lengthOfStay}n/${ratePlan}`;
}

const DAY_MS = 86_400_000;

/** Parses an ISO date `YYYY-MM-DD` to its UTC day number; throws naming `path` if it is not a real date. */
function isoDayNumber(date: unknown, path: string): number {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))
    fail(path, `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`, 'invalid-type');
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(t) || new Date(t).toISOString().slice(0, 10) !== date)
    fail(path, `is not a calendar date: ${date}`);
  return Math.round(t / DAY_MS);
}

function validateRate(x: unknown, path: string): HotelRate {
  const r = object(x, path);
  if (typeof r.id !== 'string' || r.id === '') fail(join(path, 'id'), 'must be a non-empty string', 'invalid-type');
  for (const k of ['segment', 'channel'] as const)
    if (r[k] !== undefined && typeof r[k] !== 'string') fail(join(path, k), 'must be a string', 'invalid-type');
  const hasPrice = r.price !== undefined;
  const hasContribution = r.contribution !== undefined;
  const costKeys = ['commission', 'feePerBooking', 'variableCost', 'ancillarySpend'] as const;
  if (hasContribution) {
    finite(r.contribution, join(path, 'contribution'));
    for (const k of costKeys)
      if (r[k] !== undefined)
        fail(
          join(path, k),
          `cannot be combined with a given contribution (the contribution is already net); give price and ${k} instead`,
          'inconsistent',
        );
    if (hasPrice) nonNegative(r.price, join(path, 'price'));
  } else if (hasPrice) {
    perNight(r as unknown as HotelRate, 1, path); // checks price, commission, fee, costs (naming the field)
  } else {
    fail(path, 'needs a price or a contribution per room-night');
  }
  return r as unknown as HotelRate;
}

/** Per-night contribution of a rate for a stay of `los` nights (the booking fee is spread over them). */
function perNight(rate: HotelRate, los: number, path: string): number {
  if (rate.contribution !== undefined) return rate.contribution;
  try {
    return contribution({
      price: rate.price!,
      commission: rate.commission,
      feePerBooking: rate.feePerBooking,
      units: los,
      variableCost: rate.variableCost,
      ancillarySpend: rate.ancillarySpend,
    });
  } catch (e) {
    throw prefixError(e, path);
  }
}

function validateDemandValue(v: unknown, path: string): HotelDemandValue {
  if (typeof v === 'number') return nonNegative(v, path);
  return validateDemand(v, path);
}

function isZero(d: HotelDemandValue): boolean {
  if (typeof d === 'number') return d === 0;
  if (d.kind === 'empirical') return d.probabilities.length === 1 || d.probabilities.every((p, k) => k === 0 || p === 0);
  return d.mean === 0;
}

/**
 * Builds the network of a hotel: resources = nights, products = arrival × length of stay × rate plan.
 * See the module documentation above for the model, conventions and an example.
 */
export function hotelNetwork(input: HotelInput, options: HotelOptions = {}): HotelNetwork {
  const inp = object(input, '');
  const dropZero = options.dropZeroDemand ?? HOTEL_DEFAULTS.dropZeroDemand;

  // Nights: ISO dates, ascending, consecutive, whole capacities ≥ 0.
  const nightsIn = nonEmptyArray<unknown>(inp.nights, 'nights');
  const dates: string[] = [];
  const resources: { id: string; capacity: number; date: string }[] = [];
  let prevDay = Number.NaN;
  for (let i = 0; i < nightsIn.length; i++) {
    const p = join('nights', i);
    const n = object(nightsIn[i], p);
    const day = isoDayNumber(n.date, join(p, 'date'));
    const date = n.date as string;
    if (i > 0) {
      if (day <= prevDay)
        fail(join(p, 'date'), `nights must be in ascending date order: ${date} follows ${dates[i - 1]}`, 'unsorted');
      if (day !== prevDay + 1)
        fail(join(p, 'date'), `nights must be consecutive: ${date} follows ${dates[i - 1]} (a gap of ${day - prevDay - 1} nights)`);
    }
    prevDay = day;
    const capacity = nonNegativeInteger(n.capacity, join(p, 'capacity'));
    dates.push(date);
    resources.push({ id: date, capacity, date });
  }
  const nightIndex = new Map(dates.map((d, i) => [d, i]));

  // Rates: unique ids, price or contribution.
  const ratesIn = nonEmptyArray<unknown>(inp.rates, 'rates');
  const rates: HotelRate[] = [];
  const rateIndex = new Map<string, number>();
  for (let i = 0; i < ratesIn.length; i++) {
    const r = validateRate(ratesIn[i], join('rates', i));
    if (rateIndex.has(r.id)) fail(join(join('rates', i), 'id'), `duplicate rate plan id ${JSON.stringify(r.id)}`, 'inconsistent');
    rateIndex.set(r.id, i);
    rates.push(r);
  }

  const maxLos = positiveInteger(inp.maxLengthOfStay, 'maxLengthOfStay');

  // Demand lookup.
  const demandIn = inp.demand;
  let lookup: (arrival: string, los: number, r: number) => unknown;
  let demandPath: (id: string) => string = (id) => `demand[${JSON.stringify(id)}]`;
  if (typeof demandIn === 'function') {
    const f = demandIn as HotelDemandFunction;
    lookup = (a, los, r) => f(a, los, rates[r]!);
    demandPath = (id) => `demand(${id})`;
  } else if (Array.isArray(demandIn)) {
    const rows = array<unknown>(demandIn, 'demand');
    const table = new Map<string, unknown>();
    for (let i = 0; i < rows.length; i++) {
      const p = join('demand', i);
      const row = object(rows[i], p);
      isoDayNumber(row.arrival, join(p, 'arrival'));
      const a = row.arrival as string;
      const ai = nightIndex.get(a);
      if (ai === undefined) fail(join(p, 'arrival'), `unknown night ${a} (not in nights)`, 'unknown-reference');
      const los = positiveInteger(row.lengthOfStay, join(p, 'lengthOfStay'));
      if (los > maxLos) fail(join(p, 'lengthOfStay'), `exceeds maxLengthOfStay (${maxLos}): ${los}`);
      if (ai + los > dates.length)
        fail(join(p, 'lengthOfStay'), `a ${los}-night stay arriving ${a} runs past the last night ${dates[dates.length - 1]}`);
      if (typeof row.rate !== 'string' || !rateIndex.has(row.rate))
        fail(join(p, 'rate'), `unknown rate plan ${JSON.stringify(row.rate)}`, 'unknown-reference');
      const id = hotelProductId(a, los, row.rate);
      if (table.has(id)) fail(p, `duplicate row for stay ${id}`, 'inconsistent');
      validateDemandValue(row.demand, join(p, 'demand'));
      table.set(id, row.demand);
    }
    lookup = (a, los, r) => table.get(hotelProductId(a, los, rates[r]!.id)) ?? 0;
  } else {
    const rec = object(demandIn, 'demand');
    const known = new Set<string>();
    for (let ai = 0; ai < dates.length; ai++)
      for (let los = 1; los <= maxLos && ai + los <= dates.length; los++)
        for (const r of rates) known.add(hotelProductId(dates[ai]!, los, r.id));
    for (const k of Object.keys(rec))
      if (!known.has(k))
        fail(`demand[${JSON.stringify(k)}]`, `names no stay of this hotel (expected ids like ${hotelProductId(dates[0]!, 1, rates[0]!.id)})`, 'unknown-reference');
    lookup = (a, los, r) => rec[hotelProductId(a, los, rates[r]!.id)] ?? 0;
  }

  const products: HotelProduct[] = [];
  for (let ai = 0; ai < dates.length; ai++) {
    const arrival = dates[ai]!;
    for (let los = 1; los <= maxLos && ai + los <= dates.length; los++) {
      const stayNights = dates.slice(ai, ai + los);
      for (let r = 0; r < rates.length; r++) {
        const rate = rates[r]!;
        const id = hotelProductId(arrival, los, rate.id);
        const demand = validateDemandValue(lookup(arrival, los, r), demandPath(id));
        if (dropZero && isZero(demand)) continue;
        const c = perNight(rate, los, join('rates', r));
        const fare = c * los;
        if (!(fare >= 0))
          fail(
            join('rates', r),
            `a ${los}-night stay at rate ${rate.id} has a negative contribution (${fare}); such a stay is never worth selling: remove the rate or fix its costs`,
          );
        const product: HotelProduct = {
          id,
          fare,
          resources: stayNights,
          demand,
          arrival,
          lengthOfStay: los,
          ratePlan: rate.id,
          ...(rate.segment !== undefined ? { segment: rate.segment } : {}),
          ...(rate.channel !== undefined ? { channel: rate.channel } : {}),
          ...(rate.price !== undefined ? { pricePerNight: rate.price } : {}),
          contributionPerNight: c,
        };
        products.push(product);
      }
    }
  }

  return {
    resources,
    products,
    hotel: { nights: dates, rates: rates.map((r) => ({ ...r })), maxLengthOfStay: maxLos },
  };
}
