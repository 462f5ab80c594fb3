/**
 * Small hand-built booking histories with answers worked out by hand in the tests, and a fast-check
 * arbitrary of valid random histories for the property tests.
 */
import fc from 'fast-check';
import type { BookingRecord, BookingStatus } from '../../src/history/index.js';

/** The three bookings of the doc examples (August 2016). */
export const AUGUST: readonly BookingRecord[] = [
  // Direct, 1 room, nights 14 and 15 Aug, booked 1 July, stayed (no status date: departs 16 Aug).
  { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
  // Online TA, 2 rooms, night 15 Aug, booked 10 Aug (5 days out), stayed.
  { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
  // Online TA, 1 room, nights 15-17 Aug, booked 20 July, cancelled on 1 August.
  {
    bookingDate: '2016-07-20', arrivalDate: '2016-08-15', nights: 3, rooms: 1, segment: 'Online TA', rate: 80,
    status: 'cancelled', statusDate: '2016-08-01',
  },
];

const DAY = 86_400_000;
export const isoOf = (epochDay: number) => new Date(epochDay * DAY).toISOString().slice(0, 10);
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Base epoch day of the random histories: 2016-01-01. */
export const BASE = dayOf('2016-01-01');

/** A valid random booking: bookings over ~2 months, leads 0..40, stays 1..5 nights, 1..3 rooms. */
export const recordArb: fc.Arbitrary<BookingRecord> = fc
  .record({
    b: fc.integer({ min: 0, max: 60 }),
    lead: fc.integer({ min: 0, max: 40 }),
    nights: fc.integer({ min: 1, max: 5 }),
    rooms: fc.integer({ min: 1, max: 3 }),
    segment: fc.constantFrom('Direct', 'Groups', 'Online TA'),
    rate: fc.constantFrom(0, 55.5, 80, 120),
    status: fc.constantFrom<BookingStatus>('active', 'cancelled', 'no-show', 'stayed'),
    offset: fc.integer({ min: 0, max: 60 }),
    dated: fc.boolean(),
  })
  .map(({ b, lead, nights, rooms, segment, rate, status, offset, dated }) => {
    const bookingDay = BASE + b;
    const arrival = bookingDay + lead;
    const r: { -readonly [K in keyof BookingRecord]: BookingRecord[K] } = {
      bookingDate: isoOf(bookingDay),
      arrivalDate: isoOf(arrival),
      nights,
      rooms,
      segment,
      rate,
      status,
    };
    if (dated) {
      // cancellation: any day from booking to departure; no-show: arrival or a day or two later;
      // stay: check-out on the departure day, or earlier (an early departure) but not before arrival.
      if (status === 'cancelled') r.statusDate = isoOf(bookingDay + (offset % (lead + nights + 1)));
      else if (status === 'no-show') r.statusDate = isoOf(arrival + (offset % 3));
      else if (status === 'stayed') r.statusDate = isoOf(arrival + nights - (offset % 7 === 0 ? offset % nights : 0));
    }
    return r;
  });

export const historyArb = fc.array(recordArb, { maxLength: 40 });

/** A day near the random histories (2015-12-20 … 2016-05-10). */
export const asOfArb = fc.integer({ min: -12, max: 130 }).map((d) => isoOf(BASE + d));

export function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

/**
 * Independent brute force, written from the definitions with Date arithmetic and no typed arrays:
 * is booking r on the books at the start of day `asOf` (ISO)?
 */
export function bruteOnBooks(r: BookingRecord, asOf: string): boolean {
  if (!(r.bookingDate < asOf)) return false; // ISO strings order like dates
  if (r.status === 'cancelled' || r.status === 'no-show') {
    const when = r.statusDate ?? r.arrivalDate;
    if (when < asOf) return false;
  }
  return true;
}

/** The ISO nights a booking occupies (brute force). */
export function bruteNights(r: BookingRecord): string[] {
  const a = dayOf(r.arrivalDate);
  return Array.from({ length: r.nights }, (_, i) => isoOf(a + i));
}

/** A seeded shuffle (Fisher–Yates over mulberry32), a new array. */
export function shuffle<T>(xs: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
