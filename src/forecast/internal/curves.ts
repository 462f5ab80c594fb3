/**
 * Booking-curve matrices as of a day D, per key (the hotel total, or each segment), built in one pass
 * over the records with difference arrays.
 *
 * Row r is the night first + r. Slot 0 holds the final count (room-nights occupied: rooms of bookings
 * covering the night that were not cancelled or no-shows as known before D), known only for nights
 * before D. Slot s ≥ 1 holds the rooms on the books at lead s − 1, i.e. as of the start of day
 * night − (s − 1) (bookings made before that day and not yet known to be cancelled), known only when
 * that day is ≤ D. Unknown cells are NaN. Only information with day < D is used, so the matrix built
 * as of D from the full truth equals the one built from `historyAsOf(records, D)`.
 * @internal
 */
import { lastOnBooks, type Prepared } from './records.js';
import type { CurveGetter } from './pickupKernels.js';

export interface CurveMatrix {
  readonly asOf: number;
  readonly first: number;
  readonly rows: number;
  /** maxLead + 2 slots. */
  readonly width: number;
  readonly keys: readonly string[];
  /** One Float64Array (rows × width) per key. */
  readonly data: readonly Float64Array[];
}

/** Builds the matrix for nights first..last (inclusive). keyMode 'total' → one key 'total'. */
export function buildCurves(
  p: Prepared,
  asOf: number,
  first: number,
  last: number,
  maxLead: number,
  keyMode: 'total' | 'segment',
): CurveMatrix {
  const rows = Math.max(0, last - first + 1);
  const width = maxLead + 2;
  const keys = keyMode === 'total' ? ['total'] : [...p.segments];
  const data = keys.map(() => new Float64Array(rows * width));
  for (let j = 0; j < p.length; j++) {
    const b = p.bookingDay[j]!;
    if (b >= asOf) continue; // made on or after D: unknown
    const mat = data[keyMode === 'total' ? 0 : p.segment[j]!]!;
    const rooms = p.rooms[j]!;
    const end = lastOnBooks(p, j, asOf); // on the books as of days t with b < t ≤ end
    const gone = end !== 2147483647; // cancelled / no-show, known before D
    const a = p.arrivalDay[j]!;
    const nEnd = a + p.nights[j]! - 1;
    for (let n = Math.max(a, first); n <= Math.min(nEnd, last); n++) {
      const row = (n - first) * width;
      if (!gone && n < asOf) mat[row]! += rooms; // final
      // leads L with t = n − L in (b, min(end, D)]:  L ∈ [n − min(end, D), n − b − 1]
      const lo = Math.max(0, n - Math.min(end, asOf));
      const hi = Math.min(maxLead, n - b - 1);
      if (lo > hi) continue;
      mat[row + 1 + lo]! += rooms;
      if (hi + 2 < width) mat[row + 2 + hi]! -= rooms;
    }
  }
  // prefix sums over the lead slots (difference arrays → counts), then mark unknown cells
  for (const mat of data) {
    for (let r = 0; r < rows; r++) {
      const row = r * width;
      const n = first + r;
      let acc = 0;
      for (let s = 1; s < width; s++) {
        acc += mat[row + s]!;
        mat[row + s] = n - (s - 1) <= asOf ? acc : Number.NaN;
      }
      if (n >= asOf) mat[row] = Number.NaN;
    }
  }
  return { asOf, first, rows, width, keys, data };
}

/**
 * A getter over one key's matrix as seen from an earlier origin o ≤ D (inner backtests): cells whose
 * information is dated o or later are hidden (final only for nights < o; lead L only if night − L ≤ o).
 * Slot convention of the pickup kernels: slot 0 final, slot s = lead s − 1.
 */
export function getterAt(m: CurveMatrix, key: number, origin: number): CurveGetter {
  const mat = m.data[key]!;
  const { first, width } = m;
  return (r, s) => {
    const n = first + r;
    if (s === 0) return n < origin ? mat[r * width]! : Number.NaN;
    return n - (s - 1) <= origin ? mat[r * width + s]! : Number.NaN;
  };
}
