import { fail, join, object } from '../internal/validate.js';
import type { BookingRecord } from '../history/bookingRecord.js';
import { bookingTable, type BookingTable } from '../history/bookingTable.js';
import { createCsvRowSplitter } from '../history/csvRows.js';
import {
  readHotelBookingsCsv,
  type HotelBookingsCsvOptions,
  type RejectedRow,
} from '../history/readHotelBookingsCsv.js';

/** A booking with its account and the guest's history. */
export interface CustomerRecord extends BookingRecord {
  /** The company account that booked (the data set's anonymised `company` id), non-empty. */
  readonly company?: string;
  /** The travel agent or tour operator account (the data set's `agent` id), non-empty. */
  readonly agent?: string;
  /** The guest's earlier stays at the hotel, not cancelled (`previous_bookings_not_canceled`), whole ≥ 0. */
  readonly previousStays?: number;
  /** The guest's earlier cancelled bookings (`previous_cancellations`), whole ≥ 0. */
  readonly previousCancellations?: number;
  /** Known ancillary spend of the whole booking (money ≥ 0: food, spa, parking…), when recorded. */
  readonly ancillarySpend?: number;
}

/** The account key of a record: `company:<id>` when a company booked, else `agent:<id>`, else none. */
export function accountOf(r: CustomerRecord): string | undefined {
  object(r, 'record');
  if (r.company !== undefined) return `company:${r.company}`;
  if (r.agent !== undefined) return `agent:${r.agent}`;
  return undefined;
}

function isWhole(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

/**
 * Validates customer records: the booking fields as `bookingTable` checks them, then the customer
 * fields (naming the field: `records[3].previousStays`). Returns the table; never modifies the records.
 * @internal
 */
export function customerTable(records: readonly CustomerRecord[], path = 'records'): BookingTable {
  const table = bookingTable(records, path);
  checkCustomerFields(records, path);
  return table;
}

/** Validates the customer fields only (the booking fields are `bookingTable`'s). @internal */
export function checkCustomerFields(records: readonly CustomerRecord[], path = 'records'): void {
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as CustomerRecord;
    for (const k of ['company', 'agent'] as const) {
      const v = r[k];
      if (v !== undefined && (typeof v !== 'string' || v === ''))
        fail(join(join(path, i), k), `must be a non-empty account id, got ${JSON.stringify(v)}`, 'invalid-type');
    }
    for (const k of ['previousStays', 'previousCancellations'] as const) {
      const v = r[k];
      if (v !== undefined && !isWhole(v)) fail(join(join(path, i), k), `must be a whole number ≥ 0, got ${String(v)}`);
    }
    const a = r.ancillarySpend;
    if (a !== undefined && (typeof a !== 'number' || !Number.isFinite(a) || a < 0))
      fail(join(join(path, i), 'ancillarySpend'), `must be a finite amount ≥ 0, got ${String(a)}`);
  }
}

/** What {@link readHotelCustomersCsv} returns. */
export interface HotelCustomersCsvResult {
  readonly records: CustomerRecord[];
  readonly rejected: RejectedRow[];
}

const EXTRA = {
  company: 'company',
  agent: 'agent',
  previousStays: 'previous_bookings_not_canceled',
  previousCancellations: 'previous_cancellations',
} as const;

/**
 * A booking record with who booked it: the account (a company, a travel agent) and the guest's own
 * history with the hotel — the fields customer profitability and customer value need beyond a
 * {@link BookingRecord}. Every extra field is optional: a plain `BookingRecord` is a `CustomerRecord`.
 *
 * Reference: Antonio, de Almeida & Nunes (2019), "Hotel booking demand datasets", Data in Brief 22,
 * 41–49 (Table 1: `company`, `agent`, `is_repeated_guest`, `previous_bookings_not_canceled`,
 * `previous_cancellations`).
 *
 * Reads the hotel booking demand CSV like `readHotelBookingsCsv` (same mapping, same rejected rows) and
 * adds the customer columns: `company`, `agent` (left out when `NULL`), `previousStays`
 * (`previous_bookings_not_canceled`) and `previousCancellations` (`previous_cancellations`). Columns
 * missing from the header are simply not filled; a cell that is not a whole number rejects its row
 * (code `invalid`).
 *
 * @example
 * import { readHotelCustomersCsv } from 'yieldcraft/customer';
 * const csv =
 *   'hotel,is_canceled,lead_time,arrival_date_year,arrival_date_month,arrival_date_day_of_month,' +
 *   'stays_in_weekend_nights,stays_in_week_nights,market_segment,adr,reservation_status,' +
 *   'reservation_status_date,agent,company,previous_bookings_not_canceled,previous_cancellations\n' +
 *   'City Hotel,0,30,2016,March,1,0,2,Corporate,95.5,Check-Out,2016-03-03,NULL,40,2,0\n';
 * const r = readHotelCustomersCsv(csv).records[0];
 * [r.company, r.agent, r.previousStays, r.previousCancellations]; // => ['40', undefined, 2, 0]
 */
export function readHotelCustomersCsv(text: string, options?: HotelBookingsCsvOptions): HotelCustomersCsvResult {
  const base = readHotelBookingsCsv(text, options);
  // Second pass over the text for the customer columns, by the line where each row starts.
  const splitter = createCsvRowSplitter();
  const keys = Object.keys(EXTRA) as (keyof typeof EXTRA)[];
  let cols: Int32Array | undefined;
  const cells: (string | undefined)[][] = keys.map(() => []);
  const onRow = (row: { count: number; field(i: number): string }, line: number): void => {
    if (cols === undefined) {
      const names: string[] = [];
      for (let i = 0; i < row.count; i++) names.push((i === 0 ? row.field(i).replace(/^\uFEFF/, '') : row.field(i)).trim());
      cols = Int32Array.from(keys, (k) => names.indexOf(EXTRA[k]));
      return;
    }
    for (let k = 0; k < keys.length; k++) {
      const c = cols[k] as number;
      if (c >= 0 && c < row.count) (cells[k] as (string | undefined)[])[line] = row.field(c);
    }
  };
  splitter.push(text, onRow);
  splitter.end(onRow, () => {});

  const records: CustomerRecord[] = [];
  let rejected: RejectedRow[] = base.rejected;
  const absent = (s: string | undefined) => s === undefined || s === '' || s === 'NULL' || s === 'NA';
  for (const r of base.records) {
    const line = Number(r.id);
    // The reader's records are fresh objects of ours: the customer fields are added in place.
    const out = r as { -readonly [K in keyof CustomerRecord]: CustomerRecord[K] };
    let bad: string | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as keyof typeof EXTRA;
      const raw = (cells[k] as (string | undefined)[])[line];
      const v = raw === undefined ? undefined : raw.trim();
      if (absent(v)) continue;
      if (key === 'company' || key === 'agent') out[key] = v as string;
      else if (/^\d{1,9}$/.test(v as string)) out[key] = Number(v);
      else {
        bad = `${EXTRA[key]}: ${JSON.stringify(v)} is not a whole number ≥ 0`;
        break;
      }
    }
    if (bad === undefined) records.push(out);
    else {
      if (rejected === base.rejected) rejected = [...base.rejected];
      rejected.push({ line, code: 'invalid', reason: bad });
    }
  }
  if (rejected !== base.rejected) rejected.sort((a, b) => a.line - b.line);
  return { records, rejected };
}
