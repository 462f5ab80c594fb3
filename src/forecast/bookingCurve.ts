/**
 * Booking curves as the pickup methods read them, and their validation.
 *
 * A booking curve of one arrival night (of one segment, or of the whole hotel) is an array indexed by
 * days before arrival: `curve[d]` = rooms on the books d days before the night (d ≥ 1), and `curve[0]`
 * = the final count (room-nights actually occupied). `null` (or `undefined`, or a hole) marks a reading not
 * known yet — a night still in its booking window has no final count and no readings closer to arrival
 * than today. Histories are lists of curves ordered oldest → newest (the last is the most recent night);
 * the caller chooses which nights are comparable (the same weekday, the same segment: Weatherford &
 * Kimes 2003 pick up by day of week).
 */
import { array, fail, finite, join, nonNegative, nonNegativeInteger, positiveInteger } from '../internal/validate.js';
import type { CurveGetter } from './internal/pickupKernels.js';

export type BookingCurve = readonly (number | null | undefined)[];

export interface PickupOptions {
  /** Use at most this many of the most recent usable nights (default 8: two months of one weekday). */
  readonly window?: number;
}

export const PICKUP_DEFAULTS = { window: 8 } as const;

/** Validates (history, onTheBooks, daysBefore, options) and returns a getter over the history. @internal */
export function readPickupInput(
  history: unknown,
  onTheBooks: unknown,
  daysBefore: unknown,
  options: PickupOptions | undefined,
): { get: CurveGetter; rows: Int32Array; d: number; otb: number; window: number } {
  const list = array<unknown>(history, 'history');
  const d = positiveInteger(daysBefore, 'daysBefore');
  const otb = nonNegative(onTheBooks, 'onTheBooks');
  const window = options?.window === undefined ? PICKUP_DEFAULTS.window : positiveInteger(options.window, 'options.window');
  const width = d + 1;
  const data = new Float64Array(list.length * width).fill(Number.NaN);
  for (let i = 0; i < list.length; i++) {
    const p = join('history', i);
    const curve = array<unknown>(list[i], p);
    for (let k = 0; k < width && k < curve.length; k++) {
      const v = curve[k];
      if (v === null || v === undefined) continue;
      data[i * width + k] = nonNegative(finite(v, join(p, k)), join(p, k));
    }
  }
  const rows = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) rows[i] = list.length - 1 - i; // most recent first
  const get: CurveGetter = (r, k) => data[r * width + k]!;
  return { get, rows, d, otb, window };
}

/** Checks a whole number of days before arrival (≥ 0). @internal */
export function readLead(x: unknown, path: string): number {
  const v = nonNegativeInteger(x, path);
  if (v > 100_000) fail(path, `is implausibly large: ${v} days`);
  return v;
}
