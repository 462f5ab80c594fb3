import { differenceInCalendarDays, parseISO, isValid, format, addDays } from 'date-fns';
import type { Demand } from '../model/demand.js';
import { contribution as contributionOf } from '../model/contribution.js';
import { array, fail, finite, join, nonEmptyArray, nonNegative, nonNegativeInteger, object, positiveInteger, probability } from '../internal/validate.js';
import { checkByLead, validateHotelProcess, type HotelBookingProcess, type HotelDemandStream, type HotelGroupRequest } from './hotelProcess.js';

/** A rate plan: what a room-night costs the guest and what it leaves the hotel. */
export interface HotelRatePlan {
  readonly id: string;
  /** Price per room-night (money). */
  readonly price: number;
  /** Share of the price paid to the channel, in [0, 1) (default 0). */
  readonly commission?: number;
  /** Cost of serving a room-night (default 0). */
  readonly variableCost?: number;
  /** Extra spend per room-night (default 0). */
  readonly ancillarySpend?: number;
}

/** How a segment books: its rate plan and its behaviour. */
export interface HotelSegment {
  /** The rate plan the segment buys (its rate). */
  readonly ratePlan: string;
  /** Probability a booking is cancelled before arrival (e.g. from `cancellationRates`); default 0. */
  readonly cancellation?: number;
  /**
   * Future value per room that refusing a guest of this segment would lose (e.g. ℓ × `customerValue`,
   * see `yieldcraft/customer`); default 0. Only value-aware policies use it.
   */
  readonly futureValue?: number;
  /** Probability a booking that is not cancelled does not show; default 0. */
  readonly noShow?: number;
  /**
   * Cancellation and no-show by lead time, overriding `cancellation` / `noShow` (see
   * `HotelDemandStream.byLead`; `cancellationRates(records, { asOf, by: 'segment' })` gives them).
   */
  readonly byLead?: readonly { readonly fromLead: number; readonly cancellation: number; readonly noShow?: number }[];
  /** P(1 room), P(2 rooms), … per request; default one room. */
  readonly roomsPerRequest?: readonly number[];
  /**
   * Booking curve: relative intensity of requests by days before arrival (index 0 = the arrival day),
   * e.g. from `bookingCurves` of `yieldcraft/history`; default uniform between the as-of date and arrival.
   */
  readonly bookingCurve?: readonly number[];
  /**
   * Rate plans the segment buys up to, in order, when its own is refused (same stay); default none.
   * Each is tried with `buyUpProbability`.
   */
  readonly buyUpTo?: readonly string[];
  /** Probability of trying each buy-up plan in turn (default 0). */
  readonly buyUpProbability?: number;
}

/** Demand for one stay and segment: expected rooms booked from the as-of date on (gross of cancellations). */
export interface HotelStayDemand {
  readonly arrivalDate: string;
  readonly nights: number;
  readonly segment: string;
  /** Expected rooms (a number, or a `Demand` whose mean is used). */
  readonly demand: number | Demand;
}

/** A group block offered on a booking day. */
export interface HotelGroupOffer {
  readonly id?: string;
  readonly arrivalDate: string;
  readonly nights: number;
  readonly rooms: number;
  /** Price per room-night offered. */
  readonly rate: number;
  readonly commission?: number;
  readonly variableCost?: number;
  readonly ancillarySpend?: number;
  /** Share of the rooms not picked up (default 0). */
  readonly wash?: number;
  /** Date on which the group asks (default the as-of date). */
  readonly requestDate?: string;
  readonly segment?: string;
}

/** Input of {@link hotelBookingProcess}. */
export interface HotelBookingProcessInput {
  readonly hotel: {
    /** The nights simulated, in date order, with their physical rooms (and rooms already held, rooms on sale). */
    readonly nights: readonly { readonly date: string; readonly capacity: number; readonly onTheBooks?: number; readonly authorized?: number }[];
    readonly ratePlans: readonly HotelRatePlan[];
    readonly segments: Readonly<Record<string, HotelSegment>>;
    /** Cost of walking a guest per room-night (money, refund included; default 0). */
    readonly walkCost?: number;
  };
  /** `forecastProductDemand(…)`'s result (`{ asOf, products }`), or the rows themselves with `asOf`. */
  readonly demand: { readonly asOf: string; readonly products: readonly HotelStayDemand[] };
  /** Booking days to simulate from the as-of date (default: through the last night's date). */
  readonly horizonDays?: number;
  readonly groups?: readonly HotelGroupOffer[];
  /** Multiply every stream's demand (a what-if: 0.85 = −15 %), per segment or for all; default 1. */
  readonly demandFactor?: number | Readonly<Record<string, number>>;
}

/** Defaults of {@link hotelBookingProcess}. */
export const HOTEL_BOOKING_PROCESS_DEFAULTS = { demandFactor: 1, walkCost: 0 } as const;

function isoDate(x: unknown, path: string): Date {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x)) fail(path, `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(x)}`, 'invalid-type');
  const d = parseISO(x);
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== x) fail(path, `is not a calendar date: ${x}`);
  return d;
}

function meanOf(d: unknown, path: string): number {
  if (typeof d === 'number') return nonNegative(d, path);
  const o = object(d, path);
  if (o.kind === 'empirical') {
    const p = array<number>(o.probabilities, join(path, 'probabilities'));
    return p.reduce((s, v, k) => s + k * v, 0);
  }
  return nonNegative(o.mean, join(path, 'mean'));
}

/**
 * Builds a hotel booking process from a forecast (`forecastProductDemand`) and the hotel's rate plans,
 * segments, rooms and groups: the glue between forecasting and simulation.
 *
 * - Nights are the resources (physical rooms as capacity; rooms already held and rooms on sale per
 *   night carried over); a stay (arrival × nights × rate plan) is a product whose fare is its
 *   contribution per room (nights × (price × (1 − commission) − variable cost + ancillary spend),
 *   `contribution` of `yieldcraft/model`).
 * - Each forecast row (arrival, nights, segment) becomes a stream of requests for the segment's rate
 *   plan: expected requests = expected rooms / mean rooms per request, spread over the booking days from
 *   the as-of date to arrival by the segment's booking curve; value = the stay's contribution, revenue =
 *   price × nights; cancellation and no-show probabilities from the segment. The forecast is taken as
 *   gross demand (bookings made, whatever became of them), as `forecastProductDemand` reports it, and
 *   cancellations and no-shows are simulated explicitly.
 * - Stays that run past the last night simulated keep only their nights inside the horizon, with value
 *   and revenue prorated by nights inside / nights; rows arriving outside the nights are dropped.
 * - Buy-up: a segment refused its plan tries `buyUpTo` plans of the same stay, each with
 *   `buyUpProbability`.
 * - Groups: a block of rooms for a stay at a rate, asked on `requestDate`, with wash released at arrival.
 *
 * Bad input → YieldInputError naming the field: a segment of the forecast with no entry in
 * `hotel.segments` (a segment with no rate), an unknown rate plan, probabilities outside [0, 1], a
 * horizon shorter than a stay, nights out of order.
 *
 * Reference: Talluri & van Ryzin (2004), §10.2 (hotel revenue management: stays as network products);
 * Weatherford & Kimes (2003) (arrival-and-length-of-stay demand).
 * @example
 * import { hotelBookingProcess } from 'yieldcraft/simulate';
 * const p = hotelBookingProcess({
 *   hotel: {
 *     nights: [{ date: '2026-05-01', capacity: 10 }, { date: '2026-05-02', capacity: 10 }],
 *     ratePlans: [{ id: 'BAR', price: 120 }, { id: 'OTA', price: 100, commission: 0.15 }],
 *     segments: { Direct: { ratePlan: 'BAR' }, Online: { ratePlan: 'OTA', cancellation: 0.3 } },
 *   },
 *   demand: { asOf: '2026-04-20', products: [
 *     { arrivalDate: '2026-05-01', nights: 2, segment: 'Direct', demand: 4 },
 *     { arrivalDate: '2026-05-02', nights: 1, segment: 'Online', demand: 9 },
 *   ] },
 * });
 * p.network.products.map((q) => q.fare); // => [240, 85]
 * p.streams.map((s) => s.requests); // => [4, 9]
 */
export function hotelBookingProcess(input: HotelBookingProcessInput): HotelBookingProcess {
  const inp = object(input, 'input');
  const hotel = object(inp.hotel, 'hotel');
  const nights = nonEmptyArray<Record<string, unknown>>(hotel.nights, 'hotel.nights');
  const demand = object(inp.demand, 'demand');
  const asOf = isoDate(demand.asOf, 'demand.asOf');
  const rows = array<Record<string, unknown>>(demand.products, 'demand.products');
  // nights
  const nightIds: string[] = [];
  const nightIndex = new Map<string, number>();
  const nightDay: number[] = [];
  const capacity: number[] = [];
  const onTheBooks: number[] = [];
  const authorized: number[] = [];
  nights.forEach((n, i) => {
    const p = join('hotel.nights', i);
    object(n, p);
    const d = isoDate(n.date, join(p, 'date'));
    const day = differenceInCalendarDays(d, asOf);
    if (day < 0) fail(join(p, 'date'), `is before the as-of date ${demand.asOf as string}`, 'inconsistent');
    if (i > 0 && day <= nightDay[i - 1]!) fail(join(p, 'date'), 'nights must be in increasing date order, each once', 'unsorted');
    nightIds.push(n.date as string);
    nightIndex.set(n.date as string, i);
    nightDay.push(day);
    const c = nonNegativeInteger(n.capacity, join(p, 'capacity'));
    capacity.push(c);
    const a = n.authorized === undefined ? c : nonNegativeInteger(n.authorized, join(p, 'authorized'));
    authorized.push(a);
    const ob = n.onTheBooks === undefined ? 0 : nonNegativeInteger(n.onTheBooks, join(p, 'onTheBooks'));
    if (ob > a) fail(join(p, 'onTheBooks'), `${ob} rooms held exceeds the ${a} rooms on sale`, 'inconsistent');
    onTheBooks.push(ob);
  });
  const lastDay = nightDay[nightDay.length - 1]!;
  const horizonDays = inp.horizonDays === undefined ? lastDay + 1 : positiveInteger(inp.horizonDays, 'horizonDays');
  if (horizonDays <= lastDay)
    fail('horizonDays', `${horizonDays} booking days do not reach the last night (${nightIds[nightIds.length - 1]}, day ${lastDay}): the horizon is shorter than the stays`, 'inconsistent');
  // rate plans
  const plans = nonEmptyArray<Record<string, unknown>>(hotel.ratePlans, 'hotel.ratePlans');
  const plan = new Map<string, { price: number; perNight: number }>();
  plans.forEach((r, k) => {
    const p = join('hotel.ratePlans', k);
    object(r, p);
    if (typeof r.id !== 'string' || r.id === '') fail(join(p, 'id'), 'must be a non-empty string', 'invalid-type');
    if (plan.has(r.id)) fail(join(p, 'id'), `duplicate rate plan ${JSON.stringify(r.id)}`, 'inconsistent');
    const price = nonNegative(r.price, join(p, 'price'));
    const commission = r.commission === undefined ? 0 : probability(r.commission, join(p, 'commission'));
    const perNight = contributionOf({
      price,
      commission,
      variableCost: r.variableCost === undefined ? 0 : nonNegative(r.variableCost, join(p, 'variableCost')),
      ancillarySpend: r.ancillarySpend === undefined ? 0 : nonNegative(r.ancillarySpend, join(p, 'ancillarySpend')),
    });
    plan.set(r.id, { price, perNight });
  });
  // segments
  const segs = object(hotel.segments, 'hotel.segments');
  for (const [id, s] of Object.entries(segs)) {
    const p = join('hotel.segments', id);
    object(s, p);
    const sg = s as Record<string, unknown>;
    if (typeof sg.ratePlan !== 'string' || !plan.has(sg.ratePlan)) fail(join(p, 'ratePlan'), `names no rate plan: ${JSON.stringify(sg.ratePlan)}`, 'unknown-reference');
    if (sg.cancellation !== undefined) probability(sg.cancellation, join(p, 'cancellation'));
    if (sg.noShow !== undefined) probability(sg.noShow, join(p, 'noShow'));
    if (sg.futureValue !== undefined) nonNegative(sg.futureValue, join(p, 'futureValue'));
    if (sg.byLead !== undefined) checkByLead(sg.byLead, join(p, 'byLead'));
    if (sg.buyUpProbability !== undefined) probability(sg.buyUpProbability, join(p, 'buyUpProbability'));
    if (sg.buyUpTo !== undefined)
      array<unknown>(sg.buyUpTo, join(p, 'buyUpTo')).forEach((r, k) => {
        if (typeof r !== 'string' || !plan.has(r)) fail(join(join(p, 'buyUpTo'), k), `names no rate plan: ${JSON.stringify(r)}`, 'unknown-reference');
      });
    if (sg.bookingCurve !== undefined) {
      const b = nonEmptyArray<unknown>(sg.bookingCurve, join(p, 'bookingCurve'));
      b.forEach((v, k) => nonNegative(v, join(join(p, 'bookingCurve'), k)));
    }
    if (sg.roomsPerRequest !== undefined) nonEmptyArray<unknown>(sg.roomsPerRequest, join(p, 'roomsPerRequest')).forEach((v, k) => probability(v, join(join(p, 'roomsPerRequest'), k)));
  }
  const factorIn = inp.demandFactor ?? HOTEL_BOOKING_PROCESS_DEFAULTS.demandFactor;
  const factorOf = (seg: string): number => {
    if (typeof factorIn === 'number') return nonNegative(factorIn, 'demandFactor');
    const f = object(factorIn, 'demandFactor')[seg];
    return f === undefined ? 1 : nonNegative(f, join('demandFactor', seg));
  };
  // products (stays × rate plans), created on first use, in a stable order
  const products: { id: string; fare: number; resources: string[]; demand: number }[] = [];
  const productIndex = new Map<string, number>();
  const revenueOf: number[] = [];
  const stay = (arrival: string, los: number, ratePlan: string, perNight: number, price: number): { id: string; nightsInside: number } | null => {
    const a = isoDate(arrival, 'arrival');
    const used: string[] = [];
    for (let k = 0; k < los; k++) {
      const id = format(addDays(a, k), 'yyyy-MM-dd');
      if (nightIndex.has(id)) used.push(id);
    }
    if (used.length === 0 || !nightIndex.has(arrival)) return null;
    const id = `${arrival}/${los}n/${ratePlan}`;
    if (!productIndex.has(id)) {
      productIndex.set(id, products.length);
      products.push({ id, fare: perNight * used.length, resources: used, demand: 0 });
      revenueOf.push(price * used.length);
    }
    return { id, nightsInside: used.length };
  };
  const streams: HotelDemandStream[] = [];
  rows.forEach((r, k) => {
    const p = join('demand.products', k);
    object(r, p);
    if (typeof r.segment !== 'string') fail(join(p, 'segment'), 'must be a segment name', 'invalid-type');
    const seg = segs[r.segment] as HotelSegment | undefined;
    if (seg === undefined)
      fail(join(p, 'segment'), `segment ${JSON.stringify(r.segment)} has no rate: add it to hotel.segments (known: ${Object.keys(segs).join(', ') || 'none'})`, 'unknown-reference');
    const arrival = r.arrivalDate as string;
    isoDate(arrival, join(p, 'arrivalDate'));
    const los = positiveInteger(r.nights, join(p, 'nights'));
    const rooms = meanOf(r.demand, join(p, 'demand')) * factorOf(r.segment);
    const rp = plan.get(seg.ratePlan)!;
    const s = stay(arrival, los, seg.ratePlan, rp.perNight, rp.price);
    if (s === null || rooms <= 0) return;
    const sizes = seg.roomsPerRequest ?? [1];
    const meanSize = sizes.reduce((acc, q, i) => acc + q * (i + 1), 0);
    const a = nightDay[nightIndex.get(arrival)!]!;
    const curve = seg.bookingCurve;
    const byDay = new Array<number>(horizonDays).fill(0);
    for (let d = 0; d <= a; d++) byDay[d] = curve === undefined ? 1 : (curve[a - d] ?? 0);
    if (!byDay.some((x) => x > 0)) byDay[a] = 1; // no curve mass inside the window: book on arrival day
    const j = productIndex.get(s.id)!;
    const buyUp = (seg.buyUpTo ?? [])
      .map((planId) => {
        const q = plan.get(planId)!;
        return stay(arrival, los, planId, q.perNight, q.price)!.id;
      })
      .filter((id) => id !== s.id);
    streams.push({
      product: s.id,
      segment: r.segment,
      requests: rooms / meanSize,
      byDay,
      ...(sizes.length > 1 ? { roomsPerRequest: sizes } : {}),
      value: products[j]!.fare,
      revenue: revenueOf[j]!,
      ...(seg.cancellation !== undefined ? { cancellation: seg.cancellation } : {}),
      ...(seg.noShow !== undefined ? { noShow: seg.noShow } : {}),
      ...(seg.byLead !== undefined ? { byLead: seg.byLead } : {}),
      ...(seg.futureValue !== undefined && seg.futureValue > 0 ? { futureValue: seg.futureValue } : {}),
      ...(buyUp.length > 0 ? { buyUp: { products: buyUp, probability: seg.buyUpProbability ?? 0 } } : {}),
    });
  });
  const groups: HotelGroupRequest[] = [];
  (inp.groups === undefined ? [] : array<Record<string, unknown>>(inp.groups, 'groups')).forEach((g, k) => {
    const p = join('groups', k);
    object(g, p);
    const los = positiveInteger(g.nights, join(p, 'nights'));
    const rate = nonNegative(g.rate, join(p, 'rate'));
    const perNight = contributionOf({
      price: rate,
      commission: g.commission === undefined ? 0 : probability(g.commission, join(p, 'commission')),
      variableCost: g.variableCost === undefined ? 0 : nonNegative(g.variableCost, join(p, 'variableCost')),
      ancillarySpend: g.ancillarySpend === undefined ? 0 : nonNegative(g.ancillarySpend, join(p, 'ancillarySpend')),
    });
    isoDate(g.arrivalDate, join(p, 'arrivalDate'));
    const id = (g.id as string | undefined) ?? `group-${k}`;
    const s = stay(g.arrivalDate as string, los, `group:${id}`, perNight, rate);
    if (s === null) fail(join(p, 'arrivalDate'), `the block's arrival ${g.arrivalDate as string} is not a night of the hotel`, 'inconsistent');
    const day = g.requestDate === undefined ? 0 : differenceInCalendarDays(isoDate(g.requestDate, join(p, 'requestDate')), asOf);
    if (day < 0) fail(join(p, 'requestDate'), 'is before the as-of date', 'inconsistent');
    if (day > nightDay[nightIndex.get(g.arrivalDate as string)!]!)
      fail(join(p, 'requestDate'), `is after the block's arrival ${g.arrivalDate as string}`, 'inconsistent');
    groups.push({
      id,
      segment: (g.segment as string | undefined) ?? 'Groups',
      day,
      product: s.id,
      rooms: positiveInteger(g.rooms, join(p, 'rooms')),
      value: products[productIndex.get(s.id)!]!.fare,
      revenue: revenueOf[productIndex.get(s.id)!]!,
      ...(g.wash !== undefined ? { wash: probability(g.wash, join(p, 'wash')) } : {}),
    });
  });
  // expected demand per product (for dlp(network) on the same object)
  // in rooms, like the groups' blocks and the simulator's remaining demand: requests × mean rooms per request
  for (const s of streams) products[productIndex.get(s.product)!]!.demand += s.requests * (s.roomsPerRequest ?? [1]).reduce((a, q, i) => a + q * (i + 1), 0);
  for (const g of groups) products[productIndex.get(g.product)!]!.demand += g.rooms;
  const walkCost = hotel.walkCost === undefined ? HOTEL_BOOKING_PROCESS_DEFAULTS.walkCost : nonNegative(hotel.walkCost, 'hotel.walkCost');
  finite(walkCost, 'hotel.walkCost');
  const process: HotelBookingProcess = {
    kind: 'hotel',
    network: { resources: nightIds.map((id, i) => ({ id, capacity: capacity[i]! })), products },
    horizonDays,
    nightDay,
    streams,
    ...(groups.length > 0 ? { groups } : {}),
    ...(onTheBooks.some((x) => x > 0) ? { onTheBooks } : {}),
    ...(authorized.some((a, i) => a !== capacity[i]) ? { authorized } : {}),
    walkCost,
  };
  return validateHotelProcess(process);
}
