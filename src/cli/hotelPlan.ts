/**
 * The hotel steps the commands share: a forecast document from booking history (`forecast`), and the
 * transient hotel network from a forecast document (`optimize`, `evaluate-group`).
 *
 * Decisions taken on the user's behalf (see docs/guide.md):
 * - The rate of a segment is its average daily rate over the stays of the 365 days before the as-of
 *   date (room-night weighted): the data set holds no rate plans, only what each booking paid.
 * - The capacity, which the data set does not hold, defaults to the most rooms occupied on any night
 *   before the as-of date (`observedCapacity`); give `--capacity` when you know it.
 * - The rooms still to sell on a night are capacity − on the books (never below 0); demand to come is
 *   `forecastProductDemand`'s, by arrival × segment × length of stay.
 * - The transient network leaves out the `Groups` and `Complementary` segments by default: groups are
 *   what `evaluate-group` asks about, and complimentary rooms earn nothing.
 */
import type { BookingRecord } from '../history/bookingRecord.js';
import { occupancyByNight } from '../history/occupancyByNight.js';
import { forecastOccupancy } from '../forecast/forecastOccupancy.js';
import { forecastProductDemand } from '../forecast/forecastProductDemand.js';
import { hotelNetwork, type HotelNetwork, type HotelRate } from '../model/hotel.js';
import type { Demand } from '../model/demand.js';
import { addDays, format, parseISO, subDays } from 'date-fns';
import type { ForecastDocument } from './documents.js';

export const TRANSIENT_EXCLUDED_SEGMENTS = ['Groups', 'Complementary'] as const;

export interface ForecastStepOptions {
  readonly asOf: string;
  readonly horizonDays: number;
  readonly property?: string;
  readonly maxNights?: number;
  readonly window?: number;
  readonly source: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Forecasts occupancy and product demand and writes them as a forecast document. */
export function forecastDocument(all: readonly BookingRecord[], o: ForecastStepOptions): ForecastDocument {
  const records = o.property === undefined ? all : all.filter((r) => r.property === o.property);
  const maxNights = o.maxNights ?? 7;
  const occupancy = forecastOccupancy(records, { asOf: o.asOf, horizonDays: o.horizonDays, window: o.window });
  const demand = forecastProductDemand(records, { asOf: o.asOf, horizonDays: o.horizonDays, maxNights, window: o.window });
  const asOf = parseISO(o.asOf);
  const from = iso(subDays(asOf, 365));
  const dayBefore = iso(subDays(asOf, 1));
  // Average daily rate per segment over the stays of the last year (room-night weighted).
  const sums = new Map<string, { revenue: number; roomNights: number }>();
  for (const r of records) {
    if (r.status !== 'stayed' || r.arrivalDate < from || r.arrivalDate > dayBefore || r.rate === undefined) continue;
    const rn = r.nights * r.rooms;
    const s = sums.get(r.segment) ?? { revenue: 0, roomNights: 0 };
    s.revenue += r.rate * rn;
    s.roomNights += rn;
    sums.set(r.segment, s);
  }
  const rates = [...sums.entries()]
    .map(([segment, s]) => ({ segment, adr: s.roomNights > 0 ? s.revenue / s.roomNights : 0, roomNights: s.roomNights }))
    .sort((a, b) => b.roomNights - a.roomNights || (a.segment < b.segment ? -1 : 1));
  const occ = records.length ? occupancyByNight(records, { lastNight: dayBefore }) : null;
  let observedCapacity = 0;
  if (occ) for (const x of occ.total) if (x > observedCapacity) observedCapacity = x;
  const nights =
    occupancy.status === 'ok'
      ? occupancy.nights.map((n) => ({ date: n.date, onTheBooks: n.onTheBooks, mean: n.mean, sd: n.sd }))
      : Array.from({ length: o.horizonDays }, (_, k) => ({ date: iso(addDays(asOf, k)), onTheBooks: 0, mean: 0, sd: 0 }));
  return {
    kind: 'yieldcraft-forecast',
    version: 1,
    source: o.source,
    property: o.property ?? null,
    asOf: o.asOf,
    horizonDays: o.horizonDays,
    maxNights,
    status: occupancy.status === 'ok' && demand.status === 'ok' ? 'ok' : 'insufficient-history',
    observedCapacity: Math.round(observedCapacity),
    nights,
    rates,
    products: demand.products.map((p) => ({ arrival: p.arrivalDate, segment: p.segment, nights: p.nights, demand: p.demand })),
  };
}

export interface HotelStepOptions {
  /** Rooms in the hotel (default: the forecast's observed capacity). */
  readonly capacity?: number;
  /** Segments left out of the transient network (default Groups, Complementary). */
  readonly exclude?: readonly string[];
  /** Multiply the demand of a segment (what-if style), e.g. { Corporate: 0.85 }. */
  readonly demandFactor?: Readonly<Record<string, number>>;
  /**
   * The rate plan of each segment (price, commission, costs), e.g. a scenario's; when given, only these
   * segments are in the network. Default: each segment at its average daily rate, no costs.
   */
  readonly rates?: Readonly<Record<string, { readonly price: number; readonly commission?: number; readonly variableCost?: number; readonly ancillarySpend?: number }>>;
}

/** Scales a demand's mean by k (sd / variance follow the mean's scale; Poisson stays Poisson). */
export function scaleDemand(d: Demand, k: number): Demand {
  switch (d.kind) {
    case 'normal':
      return { kind: 'normal', mean: d.mean * k, sd: d.sd * k };
    case 'poisson':
      return { kind: 'poisson', mean: d.mean * k };
    case 'negative-binomial':
      return { kind: 'negative-binomial', mean: d.mean * k, variance: Math.max(d.variance * k * k, d.mean * k * (1 + 1e-9)) };
    case 'empirical':
      return k === 1 ? d : { kind: 'normal', mean: empiricalMean(d.probabilities) * k, sd: empiricalSd(d.probabilities) * k };
  }
}

function empiricalMean(p: readonly number[]): number {
  let m = 0;
  p.forEach((q, i) => (m += q * i));
  return m;
}
function empiricalSd(p: readonly number[]): number {
  const m = empiricalMean(p);
  let v = 0;
  p.forEach((q, i) => (v += q * (i - m) ** 2));
  return Math.sqrt(v);
}

/** The transient hotel network of a forecast: nights with the rooms still to sell, one rate plan per segment. */
export function transientHotel(doc: ForecastDocument, o: HotelStepOptions = {}): { hotel: HotelNetwork; capacity: number; rates: readonly HotelRate[] } {
  const capacity = o.capacity ?? doc.observedCapacity;
  const exclude = new Set(o.exclude ?? TRANSIENT_EXCLUDED_SEGMENTS);
  const rates: HotelRate[] = o.rates
    ? Object.entries(o.rates).map(([segment, r]) => ({ id: segment, segment, ...r }))
    : doc.rates.filter((r) => !exclude.has(r.segment)).map((r) => ({ id: r.segment, price: Math.round(r.adr * 100) / 100, segment: r.segment }));
  const known = new Set(rates.map((r) => r.id));
  const nightIndex = new Map(doc.nights.map((n, i) => [n.date, i]));
  const demand = doc.products
    .filter((p) => known.has(p.segment) && (nightIndex.get(p.arrival) ?? Infinity) + p.nights <= doc.nights.length)
    .map((p) => ({
      arrival: p.arrival,
      lengthOfStay: p.nights,
      rate: p.segment,
      demand: o.demandFactor?.[p.segment] === undefined ? p.demand : scaleDemand(p.demand, o.demandFactor[p.segment]!),
    }));
  const hotel = hotelNetwork(
    {
      nights: doc.nights.map((n) => ({ date: n.date, capacity: Math.max(0, Math.floor(capacity - n.onTheBooks)) })),
      rates,
      maxLengthOfStay: doc.maxNights,
      demand,
    },
    { dropZeroDemand: false },
  );
  return { hotel, capacity, rates };
}
