/**
 * A booking record: one reservation of `rooms` rooms for `nights` consecutive nights from `arrivalDate`,
 * made on `bookingDate` by a customer of `segment`, at `rate` per room-night, and what became of it
 * (`status`). It is the unit of booking history from which `history/` builds booking curves, on-the-books
 * snapshots and occupancy, and from which `forecast/` learns demand.
 *
 * Reference: Talluri & van Ryzin (2004), §9.2 (data sources for forecasting: reservation records,
 * booking curves, cancellations and no-shows); Antonio, de Almeida & Nunes (2019), the hotel data set
 * whose columns these fields follow (`readHotelBookingsCsv`).
 *
 * Conventions (dates are ISO calendar dates YYYY-MM-DD, no time zone):
 * - the stay occupies the nights `arrivalDate … arrivalDate + nights − 1`; the guest departs on
 *   `arrivalDate + nights` (the departure date);
 * - lead time = arrivalDate − bookingDate ≥ 0 days (a same-day booking has lead time 0);
 * - `status` is the final (or latest known) state: `'active'` (held, outcome not yet known),
 *   `'cancelled'`, `'no-show'`, `'stayed'` (checked out); `statusDate` is the day of the last change
 *   (the cancellation day, the no-show day, the check-out day). It can be neither before the booking
 *   date, nor, for a stay or a no-show, before the arrival date.
 * - `rate` is per room and night in the property's currency (the data set's `adr`, EUR), ≥ 0 (0 for a
 *   complimentary stay).
 *
 * @example
 * import { parseBookingRecord } from 'yieldcraft/history';
 * parseBookingRecord({ bookingDate: '2016-05-01', arrivalDate: '2016-06-10', nights: 3, rooms: 1,
 *   segment: 'Online TA', rate: 98.5, status: 'stayed', statusDate: '2016-06-13' }).nights; // => 3
 * parseBookingRecord({ bookingDate: '2016-05-01', arrivalDate: '2016-04-10', nights: 3, rooms: 1,
 *   segment: 'Direct', rate: 98.5, status: 'active' });
 * // => throws YieldInputError: record.arrivalDate: must not be before the booking date 2016-05-01
 */
import { z } from 'zod';
import { makeParser, type SafeParseResult } from '../model/schemas.js';
import { parseEpochDay } from './epochDay.js';

/** What became of a booking. */
export type BookingStatus = 'active' | 'cancelled' | 'no-show' | 'stayed';

/** Every status, in a fixed order (the index is the status code used by typed-array kernels). */
export const BOOKING_STATUSES = ['active', 'cancelled', 'no-show', 'stayed'] as const satisfies readonly BookingStatus[];

/** One reservation. Public and readonly: history functions never modify records, they return new ones. */
export interface BookingRecord {
  /** An identifier (for `readHotelBookingsCsv`: the line number of the row in the file). */
  readonly id?: string;
  /** The hotel (or, for an airline, the flight) the booking is for. */
  readonly property?: string;
  /** The day the booking was made, ISO YYYY-MM-DD. */
  readonly bookingDate: string;
  /** The first night of the stay, ISO YYYY-MM-DD; not before `bookingDate`. */
  readonly arrivalDate: string;
  /** Nights stayed (booked), a whole number ≥ 1. */
  readonly nights: number;
  /** Rooms booked, a whole number ≥ 1 (each night of the stay uses `rooms` room-nights). */
  readonly rooms: number;
  /** The customer segment (the data set's market segment unless mapped), non-empty. */
  readonly segment: string;
  /** The sales channel (direct, TA/TO, GDS, …). */
  readonly channel?: string;
  /** Transient, Contract, Group, … */
  readonly customerType?: string;
  /** Rate per room and night, money ≥ 0. */
  readonly rate: number;
  readonly status: BookingStatus;
  /** The day of the last status change (cancellation, no-show, check-out), ISO YYYY-MM-DD. */
  readonly statusDate?: string;
  /** Has the guest stayed before? */
  readonly repeatGuest?: boolean;
  /** No Deposit, Non Refund, Refundable, … */
  readonly depositType?: string;
  /** Adults in the party (per booking), whole number ≥ 0. */
  readonly adults?: number;
  /** Children in the party (per booking), whole number ≥ 0. */
  readonly children?: number;
  /** The room type booked (the data set's anonymised letter code). */
  readonly roomType?: string;
}

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(parseEpochDay(s)), { message: 'must be an ISO calendar date YYYY-MM-DD' });
const count = (min: number) =>
  z.number().int({ message: 'must be a whole number' }).min(min, { message: `must be ≥ ${min}` });

/** The zod schema of a BookingRecord (unknown keys are dropped). Cross-field rules in the doc above. */
export const BookingRecordSchema = z
  .object({
    id: z.string().optional(),
    property: z.string().optional(),
    bookingDate: isoDate,
    arrivalDate: isoDate,
    nights: count(1),
    rooms: count(1),
    segment: z.string().min(1, { message: 'must not be empty' }),
    channel: z.string().optional(),
    customerType: z.string().optional(),
    rate: z
      .number()
      .refine(Number.isFinite, { message: 'must be a finite number' })
      .refine((x) => x >= 0, { message: 'must be ≥ 0' }),
    status: z.enum(BOOKING_STATUSES),
    statusDate: isoDate.optional(),
    repeatGuest: z.boolean().optional(),
    depositType: z.string().optional(),
    adults: count(0).optional(),
    children: count(0).optional(),
    roomType: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    const b = parseEpochDay(r.bookingDate);
    const a = parseEpochDay(r.arrivalDate);
    if (a < b)
      ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: `must not be before the booking date ${r.bookingDate}` });
    if (r.statusDate !== undefined) {
      const s = parseEpochDay(r.statusDate);
      if (s < b)
        ctx.addIssue({ code: 'custom', path: ['statusDate'], message: `must not be before the booking date ${r.bookingDate}` });
      else if ((r.status === 'stayed' || r.status === 'no-show') && s < a)
        ctx.addIssue({
          code: 'custom',
          path: ['statusDate'],
          message: `a ${r.status} cannot be recorded before the arrival date ${r.arrivalDate}`,
        });
    }
  });

const [parseOne, safeParseOne] = makeParser(BookingRecordSchema, 'record');
const [parseMany, safeParseMany] = makeParser(z.array(BookingRecordSchema), 'records');

/**
 * Validates one booking record; returns a new, clean object (unknown keys dropped) or throws a
 * YieldInputError listing every issue with its path (`record.nights`).
 */
export const parseBookingRecord = parseOne as (input: unknown) => BookingRecord;
/** Like `parseBookingRecord`, but returns `{ success: true, data }` or `{ success: false, error }`. */
export const safeParseBookingRecord = safeParseOne as (input: unknown) => SafeParseResult<BookingRecord>;
/** Validates a list of booking records (paths like `records[12].arrivalDate`). */
export const parseBookingRecords = parseMany as (input: unknown) => BookingRecord[];
/** Like `parseBookingRecords`, but returns a union instead of throwing. */
export const safeParseBookingRecords = safeParseMany as (input: unknown) => SafeParseResult<BookingRecord[]>;

// The schema and the interface describe the same shape (checked at compile time, both ways).
type Parsed = z.infer<typeof BookingRecordSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesInterface: Same<Readonly<Parsed>, BookingRecord> = true;
void _schemaMatchesInterface;
