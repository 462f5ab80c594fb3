/**
 * A night grid: one number per stay night and group (segment, by default), in a Float64Array, the shape
 * that on-the-books, occupancy and pick-up return. `values[k * days + t]` belongs to group `keys[k]`
 * and night `firstNight + t`; `total[t]` sums the groups. Read single cells with {@link gridValue}, or
 * turn the grid into plain rows with {@link gridRows}.
 *
 * Groups: `options.by(record)` gives a record's group (default: its `segment`), d3-style, so the data
 * need not be reshaped (`by: r => r.property + ' / ' + r.segment`, `by: () => 'all'`). Groups come out
 * sorted (so the order of the records never matters) unless `options.keys` fixes them and their order:
 * then records whose group is not listed are left out, and grids of several calls line up row by row.
 *
 * Nights: `options.firstNight` … `options.lastNight` (ISO dates, both included); by default the span
 * of the stay nights of the bookings counted. An empty span gives `days = 0` and empty strings.
 *
 * @example
 * import { gridRows, gridValue, occupancyByNight } from 'yieldcraft/history';
 * const stays = [
 *   { bookingDate: '2016-07-01', arrivalDate: '2016-08-14', nights: 2, rooms: 1, segment: 'Direct', rate: 120, status: 'stayed' },
 *   { bookingDate: '2016-08-10', arrivalDate: '2016-08-15', nights: 1, rooms: 2, segment: 'Online TA', rate: 90, status: 'stayed' },
 * ] as const;
 * const g = occupancyByNight(stays);          // nights 2016-08-14 … 2016-08-15, keys ['Direct', 'Online TA']
 * gridValue(g, '2016-08-15', 'Online TA'); // => 2
 * gridValue(g, '2016-08-15');              // => 3 (all groups)
 * gridRows(g)[0];                          // => { night: '2016-08-14', key: 'Direct', value: 1 }
 */
import { fail, join, object } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';
import type { BookingTable } from './bookingTable.js';
import { fromEpochDay, parseEpochDay } from './epochDay.js';

export interface NightGrid {
  /** The first night, ISO ('' when the grid is empty). */
  readonly firstNight: string;
  /** The last night, ISO, included ('' when the grid is empty). */
  readonly lastNight: string;
  /** Nights in the grid. */
  readonly days: number;
  /** The groups (rows), sorted unless given in `options.keys`. */
  readonly keys: readonly string[];
  /** `values[k * days + t]`: group `keys[k]`, night `firstNight + t`. */
  readonly values: Float64Array;
  /** `total[t]`: all groups, night `firstNight + t`. */
  readonly total: Float64Array;
}

/** What a grid cell adds up. */
export type GridMeasure = 'rooms' | 'revenue';

/** Options shared by the night-grid functions. */
export interface NightGridOptions {
  /** First night (ISO, included); default: the earliest night counted. */
  readonly firstNight?: string;
  /** Last night (ISO, included); default: the latest night counted. */
  readonly lastNight?: string;
  /** A record's group; default: its segment. */
  readonly by?: (record: BookingRecord) => string;
  /** The groups and their order; records of other groups are left out. */
  readonly keys?: readonly string[];
  /** 'rooms' (room-nights, the default) or 'revenue' (rooms × rate per night). */
  readonly measure?: GridMeasure;
}

export const NIGHT_GRID_DEFAULTS = {
  by: (r: BookingRecord): string => r.segment,
  measure: 'rooms' as GridMeasure,
} as const;

/** @internal Group index per record (−1: left out) and the sorted (or given) key list. */
export function groupIndex(
  table: BookingTable,
  by: ((r: BookingRecord) => string) | undefined,
  keys: readonly string[] | undefined,
  extraKeys: readonly string[] = [],
): { keys: string[]; index: Int32Array } {
  const n = table.length;
  if (by === undefined && keys === undefined && extraKeys.every((k) => table.segments.includes(k)))
    return { keys: [...table.segments], index: table.segmentIndex }; // the table's own segment index (read only)
  const index = new Int32Array(n);
  const f = by ?? NIGHT_GRID_DEFAULTS.by;
  if (by !== undefined && typeof by !== 'function') fail('options.by', 'must be a function of a record', 'invalid-type');
  if (keys !== undefined) {
    if (!Array.isArray(keys)) fail('options.keys', 'must be an array of strings', 'invalid-type');
    const pos = new Map<string, number>();
    keys.forEach((k, i) => {
      if (typeof k !== 'string') fail(join('options.keys', i), `must be a string, got ${typeof k}`, 'invalid-type');
      if (pos.has(k)) fail(join('options.keys', i), `duplicate key ${JSON.stringify(k)}`, 'inconsistent');
      pos.set(k, i);
    });
    for (let i = 0; i < n; i++) {
      const k = f(table.records[i] as BookingRecord);
      if (typeof k !== 'string') fail(join('records', i), `options.by must return a string, got ${typeof k}`, 'invalid-type');
      index[i] = pos.get(k) ?? -1;
    }
    for (const k of extraKeys)
      if (!pos.has(k)) fail('options.keys', `does not list ${JSON.stringify(k)}`, 'unknown-reference');
    return { keys: [...keys], index };
  }
  const raw = new Array<string>(n);
  const seen = new Set<string>(extraKeys);
  for (let i = 0; i < n; i++) {
    const k = f(table.records[i] as BookingRecord);
    if (typeof k !== 'string') fail(join('records', i), `options.by must return a string, got ${typeof k}`, 'invalid-type');
    raw[i] = k;
    seen.add(k);
  }
  const sorted = [...seen].sort();
  const pos = new Map(sorted.map((k, i) => [k, i]));
  for (let i = 0; i < n; i++) index[i] = pos.get(raw[i] as string) as number;
  return { keys: sorted, index };
}

/** @internal Resolves the night range: given bounds, else the span of `fallback` (NaN when none). */
export function nightRange(
  options: { readonly firstNight?: string; readonly lastNight?: string } | undefined,
  fallbackFirst: number,
  fallbackLast: number,
): { first: number; days: number } {
  let first = fallbackFirst;
  let last = fallbackLast;
  if (options?.firstNight !== undefined) {
    first = parseEpochDay(options.firstNight);
    if (Number.isNaN(first))
      fail('options.firstNight', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(options.firstNight)}`);
  }
  if (options?.lastNight !== undefined) {
    last = parseEpochDay(options.lastNight);
    if (Number.isNaN(last))
      fail('options.lastNight', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(options.lastNight)}`);
  }
  if (options?.firstNight !== undefined && options?.lastNight !== undefined && last < first)
    fail('options.lastNight', `must not be before options.firstNight (${options.firstNight})`, 'unsorted');
  if (Number.isNaN(first) || Number.isNaN(last) || last < first) return { first: 0, days: 0 };
  return { first, days: last - first + 1 };
}

/** @internal Checks `options.measure`. */
export function measureOf(options: { readonly measure?: GridMeasure } | undefined): GridMeasure {
  const m = options?.measure ?? NIGHT_GRID_DEFAULTS.measure;
  if (m !== 'rooms' && m !== 'revenue') fail('options.measure', `must be 'rooms' or 'revenue', got ${JSON.stringify(m)}`);
  return m;
}

/** @internal Assembles a grid and its totals. */
export function makeGrid(first: number, days: number, keys: readonly string[], values: Float64Array): NightGrid {
  const total = new Float64Array(days);
  for (let k = 0; k < keys.length; k++) {
    const o = k * days;
    for (let t = 0; t < days; t++) total[t] = (total[t] as number) + (values[o + t] as number);
  }
  return {
    firstNight: days > 0 ? fromEpochDay(first) : '',
    lastNight: days > 0 ? fromEpochDay(first + days - 1) : '',
    days,
    keys,
    values,
    total,
  };
}

/**
 * One cell of a grid: the value for `night` (ISO) and group `key`, or the total over groups when `key`
 * is omitted. A night outside the grid is 0 (nothing counted there); an unknown key throws.
 */
export function gridValue(grid: NightGrid, night: string, key?: string): number {
  const d = parseEpochDay(night);
  if (Number.isNaN(d)) fail('night', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(night)}`);
  let k = -1;
  if (key !== undefined) {
    k = grid.keys.indexOf(key);
    if (k < 0) fail('key', `${JSON.stringify(key)} is not a group of this grid (${grid.keys.join(', ')})`, 'unknown-reference');
  }
  if (grid.days === 0) return 0;
  const t = d - parseEpochDay(grid.firstNight);
  if (t < 0 || t >= grid.days) return 0;
  return k < 0 ? (grid.total[t] as number) : (grid.values[k * grid.days + t] as number);
}

/** One row of {@link gridRows}. */
export interface GridRow {
  readonly night: string;
  readonly key: string;
  readonly value: number;
}

/** The grid as plain rows `{ night, key, value }`, night by night, groups in grid order (zeros included). */
export function gridRows(grid: NightGrid): GridRow[] {
  const g = object(grid, 'grid');
  if (!Array.isArray(g.keys) || typeof g.days !== 'number' || !(g.values instanceof Float64Array))
    fail('grid', 'must be a night grid (from occupancyGrid, onTheBooksGrid, …)', 'invalid-type');
  const out: GridRow[] = [];
  if (grid.days === 0) return out;
  const first = parseEpochDay(grid.firstNight);
  for (let t = 0; t < grid.days; t++) {
    const night = fromEpochDay(first + t);
    for (let k = 0; k < grid.keys.length; k++)
      out.push({ night, key: grid.keys[k] as string, value: grid.values[k * grid.days + t] as number });
  }
  return out;
}

/**
 * @internal Adds, for every row i with `include[i]` and a group, its weight (rooms, or rooms × rate) to
 * each of its stay nights inside [first, first + days). `arrivalOnly`: only the arrival night.
 */
export function accumulateNights(
  table: BookingTable,
  index: Int32Array,
  include: Uint8Array,
  measure: GridMeasure,
  first: number,
  days: number,
  values: Float64Array,
  sign = 1,
): void {
  const end = first + days; // exclusive
  const { arrivalDay, nights, rooms, rate } = table;
  for (let i = 0; i < table.length; i++) {
    const k = index[i] as number;
    if (include[i] === 0 || k < 0) continue;
    const a = arrivalDay[i] as number;
    const lo = a > first ? a : first;
    const stayEnd = a + (nights[i] as number);
    const hi = stayEnd < end ? stayEnd : end;
    if (lo >= hi) continue;
    const w = sign * (measure === 'rooms' ? (rooms[i] as number) : (rooms[i] as number) * (rate[i] as number));
    const o = k * days - first;
    for (let d = lo; d < hi; d++) values[o + d] = (values[o + d] as number) + w;
  }
}

/** @internal The span of stay nights of the included rows with a group: [lo, hi], or NaN when none. */
export function includedSpan(table: BookingTable, index: Int32Array, include: Uint8Array): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < table.length; i++) {
    if (include[i] === 0 || (index[i] as number) < 0) continue;
    const a = table.arrivalDay[i] as number;
    if (a < lo) lo = a;
    const e = a + (table.nights[i] as number) - 1;
    if (e > hi) hi = e;
  }
  return lo === Infinity ? { lo: Number.NaN, hi: Number.NaN } : { lo, hi };
}

/** @internal Checks that `options` is an object when given. */
export function optionsObject<T extends object>(options: T | undefined, path = 'options'): T | undefined {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
    fail(path, 'must be an object', 'invalid-type');
  return options;
}
