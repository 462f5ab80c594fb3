/**
 * Censored demand observations, the input of the unconstraining methods (`emUnconstrain`,
 * `projectionDetruncation`).
 *
 * A night (or a flight, or a fare class on a departure) whose bookings hit a limit — sold out, or the
 * rate class closed — records only a lower bound of its demand: `{ value: bookings, censored: true }`
 * means "demand was at least `value`". Open nights record demand itself: `censored: false`.
 */
import { array, fail, finite, join, object } from '../internal/validate.js';

export interface CensoredObservation {
  /** Observed bookings (units: rooms, seats). For a censored observation, a lower bound of demand. */
  readonly value: number;
  /** true when demand was turned away (sold out, class closed), so demand ≥ value. */
  readonly censored: boolean;
}

/** Validates a list of censored observations; returns typed copies of values and flags. @internal */
export function readCensored(
  observations: unknown,
  path = 'observations',
): { values: Float64Array; censored: Uint8Array } {
  const list = array<unknown>(observations, path);
  if (list.length === 0) fail(path, 'must contain at least one observation', 'empty');
  const values = new Float64Array(list.length);
  const censored = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const p = join(path, i);
    const o = object(list[i], p);
    values[i] = finite(o.value, join(p, 'value'));
    if (typeof o.censored !== 'boolean') fail(join(p, 'censored'), `must be true or false, got ${String(o.censored)}`, 'invalid-type');
    censored[i] = o.censored ? 1 : 0;
  }
  return { values, censored };
}
