/**
 * d3-array-style grouping helpers, so booking data need not be reshaped: `group` nests values in Maps
 * by one or more key accessors, `rollup` reduces each group, `sum` adds up an accessor.
 *
 * Maps keep the order in which keys first appear (as d3's InternMap does for strings). Missing values:
 * `sum` skips `undefined` and `null` (an optional field left out, like `children` on a few rows), and
 * throws a YieldInputError naming the index for anything else that is not a finite number — NaN is
 * bad input here, not "missing" (d3 skips it silently; yieldcraft does not).
 *
 * Reference: M. Bostock, d3-array (`group`, `rollup`, `sum`), https://d3js.org/d3-array/group.
 *
 * @example
 * import { group, rollup, sum } from 'yieldcraft/history';
 * const records = [
 *   { segment: 'Direct', property: 'City Hotel', rooms: 1, nights: 2 },
 *   { segment: 'Groups', property: 'City Hotel', rooms: 10, nights: 3 },
 *   { segment: 'Direct', property: 'Resort Hotel', rooms: 2, nights: 1 },
 * ];
 * rollup(records, (v) => sum(v, (r) => r.rooms * r.nights), (r) => r.segment);
 * // => Map { 'Direct' => 4, 'Groups' => 30 }
 * rollup(records, (v) => v.length, (r) => r.property, (r) => r.segment);
 * // => Map { 'City Hotel' => Map { 'Direct' => 1, 'Groups' => 1 }, 'Resort Hotel' => Map { 'Direct' => 1 } }
 * group(records, (r) => r.segment).get('Groups')!.length; // => 1
 */
import { fail } from '../internal/validate.js';

type Key = string | number | boolean;

/** Nested Map type for `rollup` with N key accessors. */
export type NestedMap<K extends readonly unknown[], V> = K extends readonly [unknown, ...infer Rest]
  ? Map<K[0], NestedMap<Rest, V>>
  : V;

function checkInputs(values: unknown, keys: readonly unknown[], reduce?: unknown): void {
  if (values === null || typeof values !== 'object' || typeof (values as Iterable<unknown>)[Symbol.iterator] !== 'function')
    fail('values', 'must be an iterable (an array of records)', 'invalid-type');
  if (reduce !== undefined && typeof reduce !== 'function') fail('reduce', 'must be a function', 'invalid-type');
  if (keys.length === 0) fail('keys', 'give at least one key accessor', 'empty');
  keys.forEach((k, i) => {
    if (typeof k !== 'function') fail(`keys[${i}]`, 'must be a function of a value', 'invalid-type');
  });
}

function nest<T, R>(
  values: Iterable<T>,
  reduce: (group: T[]) => R,
  keys: readonly ((value: T, index: number) => Key)[],
  depth: number,
): unknown {
  const key = keys[depth] as (value: T, index: number) => Key;
  const groups = new Map<Key, T[]>();
  let i = 0;
  for (const v of values) {
    const k = key(v, i++);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [v]);
    else g.push(v);
  }
  const out = new Map<Key, unknown>();
  for (const [k, g] of groups) out.set(k, depth + 1 < keys.length ? nest(g, reduce, keys, depth + 1) : reduce(g));
  return out;
}

/**
 * Groups `values` by each key accessor in turn and reduces every innermost group:
 * `rollup(bookings, v => sum(v, b => b.rooms), b => b.segment)` → Map segment → rooms.
 */
export function rollup<T, R, K extends readonly ((value: T, index: number) => Key)[]>(
  values: Iterable<T>,
  reduce: (group: T[]) => R,
  ...keys: K
): NestedMap<{ [I in keyof K]: ReturnType<K[I]> }, R> {
  checkInputs(values, keys, reduce);
  return nest(values, reduce, keys, 0) as NestedMap<{ [I in keyof K]: ReturnType<K[I]> }, R>;
}

/** Groups `values` by each key accessor in turn: nested Maps whose leaves are arrays of values. */
export function group<T, K extends readonly ((value: T, index: number) => Key)[]>(
  values: Iterable<T>,
  ...keys: K
): NestedMap<{ [I in keyof K]: ReturnType<K[I]> }, T[]> {
  checkInputs(values, keys);
  return nest(values, (g) => g, keys, 0) as NestedMap<{ [I in keyof K]: ReturnType<K[I]> }, T[]>;
}

/**
 * The sum of `accessor(value)` (or of the values themselves) — 0 for none. `undefined` and `null` are
 * skipped as missing; any other non-finite or non-number value throws, naming its index.
 */
export function sum<T>(values: Iterable<T>, accessor?: (value: T, index: number) => number | null | undefined): number {
  if (values === null || typeof values !== 'object' || typeof (values as Iterable<T>)[Symbol.iterator] !== 'function')
    fail('values', 'must be an iterable', 'invalid-type');
  let s = 0;
  let i = 0;
  for (const v of values) {
    const x = accessor ? accessor(v, i) : (v as unknown as number | null | undefined);
    if (x !== undefined && x !== null) {
      if (typeof x !== 'number' || !Number.isFinite(x))
        fail(`values[${i}]`, `must be a finite number (or undefined/null for missing), got ${String(x)}`);
      s += x;
    }
    i++;
  }
  return s;
}
