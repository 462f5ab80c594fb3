import type { Network } from '../model/index.js';
import { compileNetwork } from '../model/compileNetwork.js';
import { array, fail, finite, join, MAX_MAGNITUDE, nonEmptyArray, nonNegative, nonNegativeInteger, object, positiveInteger, probability } from '../internal/validate.js';

/**
 * One stream of transient requests: a segment asking for one product (a stay) over the booking horizon.
 * Requests arrive as a non-homogeneous Poisson process: `requests` in expectation, spread over the
 * booking days by `byDay` (the booking curve's shape).
 */
export interface HotelDemandStream {
  /** The product (stay) id the segment asks for. */
  readonly product: string;
  /** Who asks (for reporting). */
  readonly segment: string;
  /** Expected number of requests over the booking horizon (≥ 0). */
  readonly requests: number;
  /**
   * Relative intensity per booking day 0 … horizonDays − 1 (≥ 0, not all 0 when `requests` > 0), zero
   * after the stay's arrival day. Default: uniform over the days up to the arrival day.
   */
  readonly byDay?: readonly number[];
  /** P(1 room), P(2 rooms), … per request (sums to 1). Default [1]: one room. */
  readonly roomsPerRequest?: readonly number[];
  /** Contribution per room for the stay that the request brings (money). Default: the product's fare. */
  readonly value?: number;
  /** Room revenue per room for the stay (money). Default: `value`. */
  readonly revenue?: number;
  /** Probability that a booking is cancelled before arrival, in [0, 1] (default 0). */
  readonly cancellation?: number;
  /**
   * Future value per room that refusing this guest would lose (money: e.g. ℓ × the customer value of
   * `yieldcraft/customer`); default 0. Value-aware policies add it to the request's value for `decide`;
   * it is never counted as contribution.
   */
  readonly futureValue?: number;
  /** Probability that a booking that is not cancelled does not show, in [0, 1] (default 0). */
  readonly noShow?: number;
  /**
   * Cancellation and no-show by lead time (days from booking to arrival), overriding `cancellation` and
   * `noShow`: buckets in increasing `fromLead` (the first from 0), each with the probability that a
   * booking made at that lead is cancelled and that it does not show (e.g. `cancellationRates` of
   * `yieldcraft/forecast`: cancelProbability, noShowProbability). The no-show probability is of all
   * bookings of the bucket: a booking not cancelled does not show with noShow / (1 − cancellation).
   */
  readonly byLead?: readonly { readonly fromLead: number; readonly cancellation: number; readonly noShow?: number }[];
  /**
   * Buy-up: when the product is refused, the guest asks for `products[0]` with `probability`, then if
   * refused again for `products[1]` with `probability`, …; otherwise leaves. Buy-up products must use
   * the same nights as `product` (another rate plan of the same stay). `values`/`revenues` per product
   * default to each product's fare.
   */
  readonly buyUp?: {
    readonly products: readonly string[];
    readonly probability: number;
    readonly values?: readonly number[];
    readonly revenues?: readonly number[];
  };
}

/** A group request: a block of rooms for a stay, asked on a given booking day. */
export interface HotelGroupRequest {
  readonly id?: string;
  readonly segment?: string;
  /** Booking day on which the group asks (0 … arrival day). */
  readonly day: number;
  /** The product (stay) id of the block (its nights). */
  readonly product: string;
  /** Rooms asked (whole number ≥ 1). */
  readonly rooms: number;
  /** Contribution per room for the stay (money). */
  readonly value: number;
  /** Room revenue per room for the stay (money; default `value`). */
  readonly revenue?: number;
  /** Wash: share of the block's rooms not picked up, released on the arrival day (default 0). */
  readonly wash?: number;
  /** Future value per room that refusing the group would lose (default 0; see `HotelDemandStream.futureValue`). */
  readonly futureValue?: number;
}

/**
 * A hotel's booking horizon as the simulator plays it: the nights (resources, with the physical
 * rooms), the stays (products), the demand streams by segment, group requests, cancellations,
 * no-shows, overbooking (rooms on sale per night) and the cost of walking a guest. Plain JSON data; build
 * it with `hotelBookingProcess` from a forecast, or by hand.
 *
 * Time: booking day 0 is the as-of date; night i is consumed on booking day `nightDay[i]` (its date
 * minus the as-of date), so a stay can be booked up to and including its arrival day.
 */
export interface HotelBookingProcess {
  readonly kind: 'hotel';
  /** Resources = nights (capacity = physical rooms), products = stays (fare = list contribution per room for the stay). */
  readonly network: Network;
  /** Booking days simulated: 0 … horizonDays − 1. */
  readonly horizonDays: number;
  /** Booking day on which each night (resource order) is consumed. */
  readonly nightDay: readonly number[];
  readonly streams: readonly HotelDemandStream[];
  readonly groups?: readonly HotelGroupRequest[];
  /** Rooms already held per night at day 0 (whole numbers; default 0). */
  readonly onTheBooks?: readonly number[];
  /** Rooms on sale per night (the overbooking authorisation level, ≥ physical − or below it to hold rooms back); default the physical rooms. */
  readonly authorized?: readonly number[];
  /** Cost of walking a guest, per denied room-night (money; includes the refunded room; default 0). */
  readonly walkCost?: number;
}

/** Defaults of the hotel process. */
export const HOTEL_PROCESS_DEFAULTS = { cancellation: 0, noShow: 0, walkCost: 0, wash: 0, maxHorizonDays: 1_000, maxStreams: 200_000 } as const;

/**
 * Validates a hotel booking process and throws a YieldInputError naming the field: unknown products,
 * a stream that asks after its stay's arrival day (a horizon shorter than a stay), rates or
 * probabilities out of range, buy-up products that use other nights, on-the-books above capacity.
 * Returns the same object. @internal
 */
export function validateHotelProcess(process: unknown, path = 'process'): HotelBookingProcess {
  const p = object(process, path);
  if (p.kind !== 'hotel') fail(join(path, 'kind'), `must be 'hotel', got ${JSON.stringify(p.kind)}`);
  const net = compileNetwork(p.network as Network, join(path, 'network'));
  const m = net.resourceIds.length;
  const H = positiveInteger(p.horizonDays, join(path, 'horizonDays'));
  if (H > HOTEL_PROCESS_DEFAULTS.maxHorizonDays) fail(join(path, 'horizonDays'), `must be at most ${HOTEL_PROCESS_DEFAULTS.maxHorizonDays}, got ${H}`);
  const nd = array<unknown>(p.nightDay, join(path, 'nightDay'));
  if (nd.length !== m) fail(join(path, 'nightDay'), `must give one day per night (${m}), got ${nd.length}`, 'inconsistent');
  const nightDay: number[] = [];
  for (let i = 0; i < m; i++) {
    const d = nonNegativeInteger(nd[i], join(join(path, 'nightDay'), i));
    if (d >= H) fail(join(join(path, 'nightDay'), i), `night ${net.resourceIds[i]} is consumed on day ${d}, beyond the horizon of ${H} booking days`, 'inconsistent');
    if (!Number.isInteger(net.capacity[i]!)) fail(join(path, `network.resources[${i}].capacity`), `must be a whole number of rooms, got ${net.capacity[i]}`);
    nightDay.push(d);
  }
  const arrival = (j: number) => {
    let a = Infinity;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) a = Math.min(a, nightDay[net.productResources[k]!]!);
    return a;
  };
  const sameNights = (a: number, b: number) => {
    const la = net.productStart[a + 1]! - net.productStart[a]!;
    if (la !== net.productStart[b + 1]! - net.productStart[b]!) return false;
    const set = new Set(net.productResources.subarray(net.productStart[a]!, net.productStart[a + 1]!));
    for (let k = net.productStart[b]!; k < net.productStart[b + 1]!; k++) if (!set.has(net.productResources[k]!)) return false;
    return true;
  };
  const streams = array<unknown>(p.streams, join(path, 'streams'));
  if (streams.length > HOTEL_PROCESS_DEFAULTS.maxStreams) fail(join(path, 'streams'), `at most ${HOTEL_PROCESS_DEFAULTS.maxStreams} streams, got ${streams.length}`);
  streams.forEach((x, k) => {
    const sp = join(join(path, 'streams'), k);
    const s = object(x, sp);
    if (typeof s.product !== 'string') fail(join(sp, 'product'), 'must be a product id (string)', 'invalid-type');
    const j = net.productIndex.get(s.product);
    if (j === undefined) fail(join(sp, 'product'), `unknown product id ${JSON.stringify(s.product)}`, 'unknown-reference');
    if (typeof s.segment !== 'string' || s.segment === '') fail(join(sp, 'segment'), 'must be a non-empty string', 'invalid-type');
    const n = nonNegative(s.requests, join(sp, 'requests'));
    if (n > 1e7) fail(join(sp, 'requests'), `at most 10,000,000 expected requests per stream, got ${n}`);
    const a = arrival(j);
    if (s.byDay !== undefined) {
      const b = array<unknown>(s.byDay, join(sp, 'byDay'));
      if (b.length !== H) fail(join(sp, 'byDay'), `must give one intensity per booking day (${H}), got ${b.length}`, 'inconsistent');
      let sum = 0;
      for (let d = 0; d < b.length; d++) {
        const v = b[d];
        // the common case checked inline; the path string is built only for an offending entry
        const w = typeof v === 'number' && v >= 0 && v <= MAX_MAGNITUDE ? v : nonNegative(v, join(join(sp, 'byDay'), d));
        if (w > 0 && d > a) fail(join(join(sp, 'byDay'), d), `requests on day ${d} come after the stay's arrival day ${a}`, 'inconsistent');
        sum += w;
      }
      if (n > 0 && !(sum > 0)) fail(join(sp, 'byDay'), 'must not be all zero when requests > 0', 'invalid');
    }
    if (s.roomsPerRequest !== undefined) {
      const r = nonEmptyArray<unknown>(s.roomsPerRequest, join(sp, 'roomsPerRequest'));
      if (r.length > 1000) fail(join(sp, 'roomsPerRequest'), `at most 1,000 sizes, got ${r.length}`);
      let sum = 0;
      r.forEach((v, q) => (sum += probability(v, join(join(sp, 'roomsPerRequest'), q))));
      if (Math.abs(sum - 1) > 1e-9) fail(join(sp, 'roomsPerRequest'), `probabilities must sum to 1, got ${sum}`, 'inconsistent');
    }
    if (s.value !== undefined) nonNegative(s.value, join(sp, 'value'));
    if (s.revenue !== undefined) nonNegative(s.revenue, join(sp, 'revenue'));
    if (s.cancellation !== undefined) probability(s.cancellation, join(sp, 'cancellation'));
    if (s.futureValue !== undefined) nonNegative(s.futureValue, join(sp, 'futureValue'));
    if (s.noShow !== undefined) probability(s.noShow, join(sp, 'noShow'));
    if (s.byLead !== undefined) checkByLead(s.byLead, join(sp, 'byLead'));
    if (s.buyUp !== undefined) {
      const bp = join(sp, 'buyUp');
      const b = object(s.buyUp, bp);
      const prods = array<unknown>(b.products, join(bp, 'products'));
      probability(b.probability, join(bp, 'probability'));
      prods.forEach((id, q) => {
        const jj = typeof id === 'string' ? net.productIndex.get(id) : undefined;
        if (jj === undefined) fail(join(join(bp, 'products'), q), `unknown product id ${JSON.stringify(id)}`, 'unknown-reference');
        if (!sameNights(j, jj)) fail(join(join(bp, 'products'), q), `must use the same nights as ${s.product as string} (buy-up is another rate plan of the same stay)`, 'inconsistent');
      });
      for (const key of ['values', 'revenues'] as const)
        if (b[key] !== undefined) {
          const v = array<unknown>(b[key], join(bp, key));
          if (v.length !== prods.length) fail(join(bp, key), `must give one per buy-up product (${prods.length}), got ${v.length}`, 'inconsistent');
          v.forEach((x, q) => nonNegative(x, join(join(bp, key), q)));
        }
    }
  });
  if (p.groups !== undefined)
    array<unknown>(p.groups, join(path, 'groups')).forEach((x, k) => {
      const gp = join(join(path, 'groups'), k);
      const g = object(x, gp);
      const j = typeof g.product === 'string' ? net.productIndex.get(g.product) : undefined;
      if (j === undefined) fail(join(gp, 'product'), `unknown product id ${JSON.stringify(g.product)}`, 'unknown-reference');
      const day = nonNegativeInteger(g.day, join(gp, 'day'));
      if (day > arrival(j)) fail(join(gp, 'day'), `the group asks on day ${day}, after its arrival day ${arrival(j)}`, 'inconsistent');
      positiveInteger(g.rooms, join(gp, 'rooms'));
      nonNegative(g.value, join(gp, 'value'));
      if (g.revenue !== undefined) nonNegative(g.revenue, join(gp, 'revenue'));
      if (g.wash !== undefined) probability(g.wash, join(gp, 'wash'));
      if (g.futureValue !== undefined) nonNegative(g.futureValue, join(gp, 'futureValue'));
    });
  for (const key of ['onTheBooks', 'authorized'] as const)
    if (p[key] !== undefined) {
      const a = array<unknown>(p[key], join(path, key));
      if (a.length !== m) fail(join(path, key), `must give one number per night (${m}), got ${a.length}`, 'inconsistent');
      a.forEach((v, i) => {
        const x = nonNegativeInteger(v, join(join(path, key), i));
        if (key === 'authorized' && x > 10 * net.capacity[i]! + 1000)
          fail(join(join(path, key), i), `${x} rooms on sale is absurd for ${net.capacity[i]} physical rooms`);
      });
    }
  if (p.onTheBooks !== undefined) {
    const ob = p.onTheBooks as number[];
    const au = (p.authorized as number[] | undefined) ?? Array.from(net.capacity);
    ob.forEach((v, i) => {
      if (v > au[i]!) fail(join(join(path, 'onTheBooks'), i), `${v} rooms held exceeds the ${au[i]} on sale`, 'inconsistent');
    });
  }
  if (p.walkCost !== undefined) nonNegative(p.walkCost, join(path, 'walkCost'));
  finite(H, join(path, 'horizonDays'));
  return process as HotelBookingProcess;
}

/** Checks cancellation / no-show buckets by lead time. @internal */
export function checkByLead(x: unknown, path: string): void {
  const b = nonEmptyArray<unknown>(x, path);
  b.forEach((e, k) => {
    const p = join(path, k);
    const o = object(e, p);
    const from = nonNegativeInteger(o.fromLead, join(p, 'fromLead'));
    if (k === 0 && from !== 0) fail(join(p, 'fromLead'), 'the first bucket must start at lead 0', 'invalid');
    if (k > 0 && from <= (b[k - 1] as { fromLead: number }).fromLead) fail(join(p, 'fromLead'), 'buckets must be in increasing fromLead', 'unsorted');
    const c = probability(o.cancellation, join(p, 'cancellation'));
    if (o.noShow !== undefined) {
      const n = probability(o.noShow, join(p, 'noShow'));
      if (c + n > 1 + 1e-9) fail(join(p, 'noShow'), `cancellation + noShow must be ≤ 1, got ${c} + ${n}`, 'inconsistent');
    }
  });
}
