import { fail } from '../internal/validate.js';
import type { BookingRecord } from './bookingRecord.js';

export const SELECT_PROPERTY_DEFAULTS = { mix: false } as const;

/** The distinct `property` values of the records, sorted ('(none)' stands for records without one). */
export function propertiesOf(records: readonly BookingRecord[]): string[] {
  if (!Array.isArray(records)) fail('records', `must be an array of booking records, got ${records === null ? 'null' : typeof records}`, 'invalid-type');
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (typeof r !== 'object' || r === null) fail(`records[${i}]`, `must be a booking record, got ${r === null ? 'null' : typeof r}`, 'invalid-type');
    seen.add(typeof r.property === 'string' ? r.property : '(none)');
  }
  return [...seen].sort();
}

/**
 * The records of one property (hotel), checked: a `property` that matches no record, or records of
 * several properties with no `property` named, are input errors rather than silent empty or mixed
 * results.
 *
 * Rules: with `property` given, the records whose `property` equals it (a `YieldInputError` on
 * `options.property`, code 'unknown-reference', listing the properties present when none does); without
 * it, every record, provided they hold at most one distinct `property` value (records without one count
 * as one unnamed property) — otherwise a `YieldInputError` on `options.property` listing them, unless
 * `mix` is true (the caller says the properties are to be pooled, e.g. a chain-wide forecast).
 *
 * Reference: none (input discipline); see docs/forecast.md, "Properties".
 *
 * @param records - booking records (not validated here beyond being objects in an array)
 * @param property - the property to keep, or undefined
 * @param options.mix - pool several properties without naming one (default false)
 * @param options.path - the path of the property option in error messages (default 'options.property')
 * @returns the selected records (the same objects, in input order; the input is not modified)
 * @example
 * import { selectProperty } from 'yieldcraft/history';
 * const r = [{ property: 'City Hotel' }, { property: 'Resort Hotel' }] as never[];
 * selectProperty(r, 'City Hotel').length; // => 1
 * selectProperty(r, undefined);           // => throws YieldInputError: options.property: the records hold 2 properties (City Hotel, Resort Hotel): name one, or pass mix: true to pool them
 */
export function selectProperty(
  records: readonly BookingRecord[],
  property: string | undefined,
  options?: { readonly mix?: boolean; readonly path?: string },
): readonly BookingRecord[] {
  const path = options?.path ?? 'options.property';
  if (!Array.isArray(records)) fail('records', `must be an array of booking records, got ${typeof records}`, 'invalid-type');
  if (property !== undefined && typeof property !== 'string') fail(path, 'must be a string', 'invalid-type');
  if (property === undefined) {
    if (options?.mix === true) return records;
    const present = propertiesOf(records);
    if (present.length > 1)
      fail(
        path,
        `the records hold ${present.length} properties (${present.join(', ')}): name one, or pass mix: true to pool them`,
        'inconsistent',
      );
    return records;
  }
  const out = records.filter((r) => typeof r === 'object' && r !== null && r.property === property);
  if (out.length === 0 && records.length > 0)
    fail(path, `matches no record: the properties present are ${propertiesOf(records).join(', ')}`, 'unknown-reference');
  return out;
}
