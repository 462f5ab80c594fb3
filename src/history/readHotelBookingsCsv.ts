/**
 * Reads the hotel booking demand data set (two Portuguese hotels, one booking a row) into
 * {@link BookingRecord}s, and lists every row it could not use with its line number and the reason —
 * never a crash on a bad row, never a silent fix.
 *
 * Reference: N. Antonio, A. de Almeida, L. Nunes, "Hotel booking demand datasets", Data in Brief 22
 * (2019) 41–49, doi:10.1016/j.dib.2018.11.126 (Table 1 defines the columns). Licence CC BY 4.0.
 *
 * Mapping (columns are found by their header name, in any order):
 * - bookingDate = arrival date − `lead_time` days; arrival date = `arrival_date_year`,
 *   `arrival_date_month` (English month name), `arrival_date_day_of_month`;
 * - nights = `stays_in_weekend_nights` + `stays_in_week_nights`; rooms = 1 (one room a row);
 * - segment = `market_segment` (or `options.segmentColumn`); channel = `distribution_channel`;
 *   customerType = `customer_type`; property = `hotel`; rate = `adr` (EUR per room-night);
 * - status from `reservation_status`: Check-Out → 'stayed', Canceled → 'cancelled', No-Show → 'no-show';
 *   statusDate = `reservation_status_date`;
 * - repeatGuest = `is_repeated_guest` = 1; depositType = `deposit_type`; adults, children;
 *   roomType = `reserved_room_type`; id = the line number (the header is line 1).
 * Optional cells that hold `NA`, `NULL` or nothing are left out of the record (4 rows have children = NA).
 *
 * A row is rejected (`rejected[]`, with the line where it starts, a `code` and a readable `reason` that
 * lists every problem found) when: it has the wrong number of fields (`column-count`); a required cell
 * is empty (`missing`); a number is not a whole number where one is needed or not a number at all
 * (`invalid`); the arrival date or the status date does not exist, or the dates are in an impossible
 * order — a status change before the booking, a check-out or no-show before arrival (`impossible-date`);
 * weekend + week nights = 0, a day-use stay that occupies no night (`zero-nights`); the rate is
 * negative (`negative-rate`) or above `options.maxRate` (`absurd-rate`; default 5,000 EUR a night, about
 * ten times the largest rate seen in the data apart from one row of 5,400); `is_canceled` disagrees with
 * the status (`inconsistent`); a quoted field is never closed (`unterminated-quote`); `lead_time` puts
 * the booking date before 0000-01-01 (`impossible-date`). A header missing a required column is a file
 * in another format, and a header naming a column twice is ambiguous: both throw a YieldInputError
 * naming the column. Lines may end in LF, CRLF (Windows) or CR alone (old Mac OS).
 *
 * Stream-friendly: {@link createHotelBookingsCsvReader} takes the file in chunks (text or UTF-8 bytes)
 * and returns the rows of each chunk as they complete; {@link streamHotelBookingsCsv} does the same over
 * an (async) iterable of chunks such as a Node read stream piped through gunzip.
 *
 * @param text - the whole CSV file, header row first (e.g. `gunzipSync(buffer).toString('utf8')`)
 * @param options.maxRate - the largest plausible rate per room-night (default 5,000); above it a row is
 *   rejected as absurd
 * @param options.segmentColumn - the column used as `segment` (default `market_segment`; e.g.
 *   `customer_type` or `distribution_channel`)
 * @returns records (in file order) and rejected rows (in file order)
 * @example
 * import { readHotelBookingsCsv } from 'yieldcraft/history';
 * const csv =
 *   'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_day_of_month,' +
 *   'stays_in_weekend_nights,stays_in_week_nights,market_segment,adr,reservation_status,reservation_status_date\n' +
 *   'City Hotel,0,30,2016,March,1,0,2,Direct,95.5,Check-Out,2016-03-03\n' +
 *   'City Hotel,1,5,2016,March,1,0,0,Direct,95.5,Canceled,2016-02-27\n';
 * const { records, rejected } = readHotelBookingsCsv(csv);
 * records; // => [{ id: '2', property: 'City Hotel', bookingDate: '2016-01-31', arrivalDate: '2016-03-01',
 *          //       nights: 2, rooms: 1, segment: 'Direct', rate: 95.5, status: 'stayed', statusDate: '2016-03-03' }]
 * rejected; // => [{ line: 3, code: 'zero-nights', reason: 'stays_in_weekend_nights + stays_in_week_nights = 0: …' }]
 */
import { fail } from '../internal/validate.js';
import type { BookingRecord, BookingStatus } from './bookingRecord.js';
import { createCsvRowSplitter, type CsvRow } from './csvRows.js';
import { daysFromCivil, daysInMonth, fromEpochDay, parseEpochDay } from './epochDay.js';

/** Default options of the hotel CSV reader. */
export const HOTEL_BOOKINGS_CSV_DEFAULTS = {
  /** Rates above this (per room-night, EUR) are rejected as absurd. */
  maxRate: 5000,
  /** The column that gives `segment`. */
  segmentColumn: 'market_segment',
} as const;

export interface HotelBookingsCsvOptions {
  readonly maxRate?: number;
  readonly segmentColumn?: string;
}

/** Why a row was rejected. */
export type RejectedRowCode =
  | 'column-count'
  | 'missing'
  | 'invalid'
  | 'impossible-date'
  | 'zero-nights'
  | 'negative-rate'
  | 'absurd-rate'
  | 'inconsistent'
  | 'unterminated-quote';

/** A row that was not turned into a record. */
export interface RejectedRow {
  /** The 1-based line number in the file where the row starts (the header is line 1). */
  readonly line: number;
  /** Every problem found, readable, naming the columns (`adr: rate -6.38 is negative`). */
  readonly reason: string;
  /** The first problem's kind. */
  readonly code: RejectedRowCode;
}

export interface HotelBookingsCsvResult {
  readonly records: BookingRecord[];
  readonly rejected: RejectedRow[];
}

/** An incremental reader: `push` chunks, then `end` once. Each call returns the rows it completed. */
export interface HotelBookingsCsvReader {
  push(chunk: string | Uint8Array): HotelBookingsCsvResult;
  end(): HotelBookingsCsvResult;
  /** Data rows seen so far (records + rejected; the header and blank lines not counted). */
  readonly rows: number;
}

const REQUIRED = [
  'hotel',
  'is_canceled',
  'lead_time',
  'arrival_date_year',
  'arrival_date_month',
  'arrival_date_day_of_month',
  'stays_in_weekend_nights',
  'stays_in_week_nights',
  'adr',
  'reservation_status',
  'reservation_status_date',
] as const;

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const STATUS: Readonly<Record<string, BookingStatus>> = {
  'Check-Out': 'stayed',
  Canceled: 'cancelled',
  'No-Show': 'no-show',
};

/** A whole number written with digits only (at most 15 of them), or −1. */
function parseWhole(s: string): number {
  const n = s.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}
/** 0000-01-01 as an epoch day: the first day an ISO date can name. */
const FIRST_DAY = daysFromCivil(0, 1, 1);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isAbsent(cell: string | undefined): boolean {
  return cell === undefined || cell === '' || cell === 'NA' || cell === 'NULL';
}

type Problem = { code: RejectedRowCode; message: string };

/** Checks options and the header; returns the row converter. */
function makeConverter(header: readonly string[], options: HotelBookingsCsvOptions | undefined) {
  const maxRate = options?.maxRate ?? HOTEL_BOOKINGS_CSV_DEFAULTS.maxRate;
  if (typeof maxRate !== 'number' || Number.isNaN(maxRate) || maxRate < 0)
    fail('options.maxRate', `must be a number ≥ 0 (Infinity allowed), got ${String(maxRate)}`);
  const segmentColumn = options?.segmentColumn ?? HOTEL_BOOKINGS_CSV_DEFAULTS.segmentColumn;
  if (typeof segmentColumn !== 'string' || segmentColumn === '')
    fail('options.segmentColumn', 'must be a column name');

  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const before = seen.get(name);
    if (before !== undefined)
      fail('text', `the header names column ${JSON.stringify(name)} twice (columns ${before + 1} and ${i + 1}): which one holds the data is ambiguous`, 'inconsistent');
    seen.set(name, i);
  });
  const col = (name: string): number => names.indexOf(name);
  for (const name of [...REQUIRED, segmentColumn]) {
    if (col(name) < 0)
      fail('text', `the header has no column ${JSON.stringify(name)}: not the hotel booking demand format`, 'invalid');
  }
  const c = {
    hotel: col('hotel'), isCanceled: col('is_canceled'), lead: col('lead_time'),
    year: col('arrival_date_year'), month: col('arrival_date_month'), day: col('arrival_date_day_of_month'),
    weekend: col('stays_in_weekend_nights'), week: col('stays_in_week_nights'), adr: col('adr'),
    status: col('reservation_status'), statusDate: col('reservation_status_date'), segment: col(segmentColumn),
    channel: col('distribution_channel'), customerType: col('customer_type'), repeat: col('is_repeated_guest'),
    deposit: col('deposit_type'), adults: col('adults'), children: col('children'), roomType: col('reserved_room_type'),
  };
  const width = names.length;
  // Dates repeat (≈ 1,000 distinct in the data set): cache epoch day → ISO text.
  const isoCache = new Map<number, string>();
  const iso = (day: number): string => {
    let s = isoCache.get(day);
    if (s === undefined) {
      s = fromEpochDay(day);
      isoCache.set(day, s);
    }
    return s;
  };

  // Per-row state shared by the helpers below (no closures allocated per row).
  let row: CsvRow;
  const problems: Problem[] = [];
  // Categorical cells repeat: keep one copy of each distinct text (less memory for millions of rows).
  const interned = new Map<string, string>();
  const intern = (v: string): string => {
    const seen = interned.get(v);
    if (seen !== undefined) return seen;
    if (interned.size < 100_000) interned.set(v, v);
    return v;
  };
  const cell = (i: number): string => (i < 0 ? '' : row.field(i));
  /** Is cell i empty, NA or NULL? (checked in place for unquoted rows) */
  const absent = (i: number): boolean => {
    if (i < 0) return true;
    const text = row.text;
    if (text === null) return isAbsent(row.field(i));
    const a = row.starts[i] as number;
    const len = (row.ends[i] as number) - a;
    if (len === 0) return true;
    if (len === 2) return text.charCodeAt(a) === 78 && text.charCodeAt(a + 1) === 65; // NA
    if (len === 4) return text.startsWith('NULL', a);
    return false;
  };
  /** Cell i as a whole number written in digits, or −1 (parsed in place for unquoted rows). */
  const wholeAt = (i: number): number => {
    const text = row.text;
    if (text === null) return parseWhole(row.field(i));
    const a = row.starts[i] as number;
    const b = row.ends[i] as number;
    if (b === a || b - a > 15) return -1;
    let v = 0;
    for (let j = a; j < b; j++) {
      const d = text.charCodeAt(j) - 48;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  };
  const required = (i: number, name: string): string | undefined => {
    if (absent(i)) {
      problems.push({ code: 'missing', message: `${name}: missing` });
      return undefined;
    }
    return cell(i);
  };
  const whole = (i: number, name: string): number => {
    if (absent(i)) {
      problems.push({ code: 'missing', message: `${name}: missing` });
      return Number.NaN;
    }
    const n = wholeAt(i);
    if (n < 0) problems.push({ code: 'invalid', message: `${name}: ${JSON.stringify(cell(i))} is not a whole number ≥ 0` });
    return n < 0 ? Number.NaN : n;
  };
  const optionalWhole = (i: number, name: string): number | undefined => {
    if (absent(i)) return undefined;
    const n = wholeAt(i);
    if (n < 0) problems.push({ code: 'invalid', message: `${name}: ${JSON.stringify(cell(i))} is not a whole number ≥ 0` });
    return n < 0 ? undefined : n;
  };
  const optionalText = (i: number): string | undefined => (absent(i) ? undefined : intern(cell(i)));

  return function convert(current: CsvRow, line: number): BookingRecord | RejectedRow {
    if (current.count !== width)
      return {
        line,
        code: 'column-count',
        reason: `expected ${width} fields as in the header, found ${current.count}`,
      };
    row = current;
    problems.length = 0;

    const propertyText = required(c.hotel, 'hotel');
    const property = propertyText === undefined ? undefined : intern(propertyText);
    const segmentText = required(c.segment, segmentColumn);
    const segment = segmentText === undefined ? undefined : intern(segmentText);

    // Arrival date.
    const lead = whole(c.lead, 'lead_time');
    const year = whole(c.year, 'arrival_date_year');
    const monthText = required(c.month, 'arrival_date_month');
    const dom = whole(c.day, 'arrival_date_day_of_month');
    let month = Number.NaN;
    if (monthText !== undefined) {
      month = MONTHS[monthText.toLowerCase()] ?? Number.NaN;
      if (Number.isNaN(month))
        problems.push({ code: 'invalid', message: `arrival_date_month: ${JSON.stringify(monthText)} is not an English month name` });
    }
    let arrival = Number.NaN;
    if (!Number.isNaN(year) && !Number.isNaN(month) && !Number.isNaN(dom)) {
      if (year < 1 || year > 9999 || dom < 1 || dom > daysInMonth(year, month))
        problems.push({
          code: 'impossible-date',
          message: `arrival date ${year}-${monthText}-${dom} does not exist`,
        });
      else arrival = daysFromCivil(year, month, dom);
    }
    let booking = arrival - lead; // NaN when either is
    if (booking < FIRST_DAY) {
      problems.push({
        code: 'impossible-date',
        message: `lead_time ${lead} puts the booking date before 0000-01-01 (arrival ${iso(arrival)} − ${lead} days)`,
      });
      booking = Number.NaN;
    }

    // Length of stay.
    const weekend = whole(c.weekend, 'stays_in_weekend_nights');
    const week = whole(c.week, 'stays_in_week_nights');
    const nights = weekend + week;
    if (nights === 0)
      problems.push({
        code: 'zero-nights',
        message: 'stays_in_weekend_nights + stays_in_week_nights = 0: a day-use stay that occupies no night',
      });

    // Rate.
    const adrText = required(c.adr, 'adr');
    let rate = Number.NaN;
    if (adrText !== undefined) {
      if (!NUMBER.test(adrText)) problems.push({ code: 'invalid', message: `adr: ${JSON.stringify(adrText)} is not a number` });
      else {
        rate = Number(adrText);
        if (rate < 0) problems.push({ code: 'negative-rate', message: `adr: rate ${adrText} is negative` });
        else if (rate > maxRate)
          problems.push({
            code: 'absurd-rate',
            message: `adr: rate ${adrText} exceeds the largest plausible rate ${maxRate} (options.maxRate)`,
          });
        else if (!Number.isFinite(rate)) problems.push({ code: 'invalid', message: `adr: ${adrText} is not finite` });
      }
    }

    // Status.
    const statusText = required(c.status, 'reservation_status');
    let status: BookingStatus | undefined;
    if (statusText !== undefined) {
      status = STATUS[statusText];
      if (status === undefined)
        problems.push({
          code: 'invalid',
          message: `reservation_status: ${JSON.stringify(statusText)} is not Check-Out, Canceled or No-Show`,
        });
    }
    const canceledText = required(c.isCanceled, 'is_canceled');
    if (canceledText !== undefined) {
      if (canceledText !== '0' && canceledText !== '1')
        problems.push({ code: 'invalid', message: `is_canceled: ${JSON.stringify(canceledText)} is not 0 or 1` });
      else if (status !== undefined && (canceledText === '1') !== (status !== 'stayed'))
        problems.push({
          code: 'inconsistent',
          message: `is_canceled = ${canceledText} disagrees with reservation_status = ${statusText}`,
        });
    }
    const statusDateText = required(c.statusDate, 'reservation_status_date');
    let statusDay = Number.NaN;
    if (statusDateText !== undefined) {
      statusDay = parseEpochDay(statusDateText);
      if (Number.isNaN(statusDay))
        problems.push({
          code: 'impossible-date',
          message: `reservation_status_date: ${JSON.stringify(statusDateText)} is not an ISO calendar date`,
        });
      else if (statusDay < booking)
        problems.push({
          code: 'impossible-date',
          message: `reservation_status_date ${statusDateText} is before the booking date ${iso(booking)} (arrival − lead_time)`,
        });
      else if ((status === 'stayed' || status === 'no-show') && statusDay < arrival)
        problems.push({
          code: 'impossible-date',
          message: `reservation_status_date ${statusDateText}: a ${statusText} recorded before the arrival date ${iso(arrival)}`,
        });
    }

    // Optional fields.
    const repeatText = optionalText(c.repeat);
    if (repeatText !== undefined && repeatText !== '0' && repeatText !== '1')
      problems.push({ code: 'invalid', message: `is_repeated_guest: ${JSON.stringify(repeatText)} is not 0 or 1` });
    const adults = optionalWhole(c.adults, 'adults');
    const children = optionalWhole(c.children, 'children');

    if (problems.length > 0)
      return { line, code: problems[0]!.code, reason: problems.map((p) => p.message).join('; ') };

    const record: {
      -readonly [K in keyof BookingRecord]: BookingRecord[K];
    } = {
      id: String(line),
      property: property as string,
      bookingDate: iso(booking),
      arrivalDate: iso(arrival),
      nights,
      rooms: 1,
      segment: segment as string,
      rate,
      status: status as BookingStatus,
      statusDate: iso(statusDay),
    };
    const channel = optionalText(c.channel);
    if (channel !== undefined) record.channel = channel;
    const customerType = optionalText(c.customerType);
    if (customerType !== undefined) record.customerType = customerType;
    if (repeatText !== undefined) record.repeatGuest = repeatText === '1';
    const deposit = optionalText(c.deposit);
    if (deposit !== undefined) record.depositType = deposit;
    if (adults !== undefined) record.adults = adults;
    if (children !== undefined) record.children = children;
    const roomType = optionalText(c.roomType);
    if (roomType !== undefined) record.roomType = roomType;
    return record;
  };
}

/**
 * An incremental reader of the hotel booking CSV: `push(chunk)` (text, or UTF-8 bytes split anywhere,
 * even inside a character) returns the rows completed by that chunk; `end()` flushes the last row.
 * Memory holds one line at a time, so a file of millions of rows can be read from a stream.
 *
 * @example
 * // (not run: needs a gzipped CSV file of the hotel data set)
 * import { createReadStream } from 'node:fs';
 * import { createGunzip } from 'node:zlib';
 * import { createHotelBookingsCsvReader } from 'yieldcraft/history';
 * const file = 'hotel_bookings.csv.gz';
 * const reader = createHotelBookingsCsvReader();
 * for await (const chunk of createReadStream(file).pipe(createGunzip())) {
 *   const { records, rejected } = reader.push(chunk);   // handle this batch
 * }
 * reader.end();
 */
export function createHotelBookingsCsvReader(options?: HotelBookingsCsvOptions): HotelBookingsCsvReader {
  // Check the options now rather than at the header.
  makeConverter([...REQUIRED, options?.segmentColumn ?? HOTEL_BOOKINGS_CSV_DEFAULTS.segmentColumn], options);
  const splitter = createCsvRowSplitter();
  const decoder = new TextDecoder('utf-8');
  let convert: ReturnType<typeof makeConverter> | undefined;
  let rows = 0;
  let ended = false;
  let records: BookingRecord[] = [];
  let rejected: RejectedRow[] = [];

  const onRow = (row: CsvRow, line: number): void => {
    if (convert === undefined) {
      const header: string[] = [];
      for (let i = 0; i < row.count; i++) header.push(row.field(i));
      convert = makeConverter(header, options);
      return;
    }
    rows++;
    const r = convert(row, line);
    if ('reason' in r) rejected.push(r);
    else records.push(r);
  };
  const take = (): HotelBookingsCsvResult => {
    const out = { records, rejected };
    records = [];
    rejected = [];
    return out;
  };

  return {
    push(chunk) {
      if (ended) fail('chunk', 'the reader has ended: push after end()', 'invalid');
      if (typeof chunk === 'string') splitter.push(chunk, onRow);
      else if (chunk instanceof Uint8Array) splitter.push(decoder.decode(chunk, { stream: true }), onRow);
      else fail('chunk', `must be a string or a Uint8Array, got ${typeof chunk}`, 'invalid-type');
      return take();
    },
    end() {
      if (ended) fail('reader', 'end() was already called', 'invalid');
      ended = true;
      splitter.push(decoder.decode(), onRow);
      splitter.end(onRow, (line, message) => {
        rows++;
        rejected.push({ line, code: 'unterminated-quote', reason: message });
      });
      if (convert === undefined) fail('text', 'no header row: the input is empty', 'empty');
      return take();
    },
    get rows() {
      return rows;
    },
  };
}

/** Reads the whole hotel booking CSV at once (see the module doc for the mapping and the rejections). */
export function readHotelBookingsCsv(text: string, options?: HotelBookingsCsvOptions): HotelBookingsCsvResult {
  if (typeof text !== 'string') fail('text', `must be the CSV text (a string), got ${typeof text}`, 'invalid-type');
  const reader = createHotelBookingsCsvReader(options);
  const a = reader.push(text);
  const b = reader.end();
  if (b.records.length === 0 && b.rejected.length === 0) return a;
  return { records: a.records.concat(b.records), rejected: a.rejected.concat(b.rejected) };
}

/**
 * Reads the hotel booking CSV from an iterable or async iterable of chunks (strings or UTF-8 bytes —
 * a Node `Readable`, a web `ReadableStream` iterated, a generator), yielding one batch of records and
 * rejected rows per chunk that completed any row.
 *
 * @example
 * // (not run: needs a gzipped CSV file of the hotel data set)
 * import { createReadStream } from 'node:fs';
 * import { createGunzip } from 'node:zlib';
 * import { streamHotelBookingsCsv } from 'yieldcraft/history';
 * const file = 'hotel_bookings.csv.gz';
 * let n = 0;
 * for await (const batch of streamHotelBookingsCsv(createReadStream(file).pipe(createGunzip())))
 *   n += batch.records.length;
 */
export async function* streamHotelBookingsCsv(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: HotelBookingsCsvOptions,
): AsyncGenerator<HotelBookingsCsvResult, void, undefined> {
  const reader = createHotelBookingsCsvReader(options);
  for await (const chunk of chunks) {
    const batch = reader.push(chunk);
    if (batch.records.length > 0 || batch.rejected.length > 0) yield batch;
  }
  const last = reader.end();
  if (last.records.length > 0 || last.rejected.length > 0) yield last;
}
