/**
 * Booking records laid out in typed arrays for the forecasting kernels: history's `bookingTable` (one
 * validation, one "known" rule: a status change on day k is known as of day D when k < D), filtered by
 * property, with the segment column named as the kernels use it.
 * @internal
 */
import { fail, join } from '../../internal/validate.js';
import type { BookingRecord } from '../../history/bookingRecord.js';
import {
  bookingTable,
  NEVER,
  STATUS_ACTIVE,
  STATUS_CANCELLED,
  STATUS_NO_SHOW,
  STATUS_STAYED,
  type BookingTable,
} from '../../history/bookingTable.js';

export const ACTIVE = STATUS_ACTIVE;
export const CANCELLED = STATUS_CANCELLED;
export const NO_SHOW = STATUS_NO_SHOW;
export const STAYED = STATUS_STAYED;
export { NEVER };

/** history's booking table, with the segment column under the name the kernels use. */
export interface Prepared extends BookingTable {
  /** Segment index per record into `segments` (sorted names): the table's `segmentIndex`. */
  readonly segment: Int32Array;
}

/**
 * Validates the records (history's `bookingTable`: the same rules and the same "known" day as
 * `historyAsOf`), keeping only `property` when given. Error paths name the caller's indexes.
 */
export function prepareRecords(records: readonly BookingRecord[], property?: string, path = 'records'): Prepared {
  if (!Array.isArray(records)) fail(path, `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  let rows = records;
  if (property !== undefined) {
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as BookingRecord | undefined;
      if (typeof r !== 'object' || r === null) fail(join(path, i), 'must be a booking record object', 'invalid-type');
    }
    bookingTable(records, path); // validate every row under its own index first
    rows = records.filter((r) => r.property === property);
  }
  const t = bookingTable(rows, path);
  return { ...t, segment: t.segmentIndex };
}

/**
 * The last day on which record j is on the books, as seen from day `asOf` (exclusive upper bound of
 * knowledge): a cancellation or no-show known before `asOf` ends it on its known day; otherwise it
 * stays on the books (NEVER).
 */
export function lastOnBooks(p: Prepared, j: number, asOf: number): number {
  const s = p.status[j]!;
  const k = p.knownDay[j]!;
  return (s === CANCELLED || s === NO_SHOW) && k < asOf ? k : NEVER;
}

/**
 * Days between the last day the history says anything new (a booking made, or a cancellation or
 * no-show learned; only days before `asOf`) and the day before `asOf`: 0 when something happened on
 * D − 1. NaN when the history is empty.
 */
export function staleDays(p: Prepared, asOf: number): { days: number; last: number } {
  let last = -Infinity;
  for (let j = 0; j < p.length; j++) {
    const b = p.bookingDay[j]!;
    if (b < asOf && b > last) last = b;
    const s = p.status[j]!;
    const k = p.knownDay[j]!;
    if ((s === CANCELLED || s === NO_SHOW) && k < asOf && k > last) last = k;
  }
  return last === -Infinity ? { days: Number.NaN, last: Number.NaN } : { days: asOf - 1 - last, last };
}
