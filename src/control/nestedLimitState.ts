import { array, fail, join, nonNegativeInteger, object } from '../internal/validate.js';
import { COMPILED, assertCompiled, type Controls } from './controls.js';

export interface NestedLimitStateInput {
  readonly sold?: readonly number[] | Readonly<Record<string, number>>;
  readonly total?: number;
}

/** Units sold per class on one resource (the counters the booking system owns). */
export interface NestedLimitState {
  readonly kind: 'nested-limits';
  /** sold[i]: units sold in class i + 1 (index 0 = the most expensive class). */
  readonly sold: Float64Array;
}

/**
 * The booking state `decide` reads on one resource: units sold so far per class, as a typed array the
 * booking system owns and updates after each accepted request (`state.sold[d.classIndex] += d.quantity`).
 * Built and validated once; `decide` never modifies it.
 *
 * @param controls - the compiled controls the state belongs to (fixes the number of classes and ids)
 * @param input.sold - units sold per class: an array by class index (0 = class 1), or a record by class
 *   id; whole numbers ≥ 0; default all 0
 * @param input.total - optional total sold, checked against the sum of `sold`
 * @returns `{ kind, sold: Float64Array }`, one counter per class
 * @example
 * import { nestedLimitControls, nestedLimitState } from 'yieldcraft/control';
 * const controls = nestedLimitControls([100, 60], { classIds: ['full', 'discount'] });
 * nestedLimitState(controls, { sold: { full: 5, discount: 40 }, total: 45 }).sold; // => Float64Array [5, 40]
 */
export function nestedLimitState(controls: Controls, input: NestedLimitStateInput = {}): NestedLimitState {
  assertCompiled(controls);
  if (controls.kind !== 'nested-limits')
    fail('controls', 'bid-price controls keep a network state: use networkBookingState(controls, …)', 'inconsistent');
  const n = controls.limits.length;
  const o = object(input, 'state');
  const sold = new Float64Array(n);
  if (Array.isArray(o.sold)) {
    const list = array<unknown>(o.sold, 'state.sold');
    if (list.length !== n) fail('state.sold', `must have one count per class (${n}), got ${list.length}`, 'inconsistent');
    for (let i = 0; i < n; i++) sold[i] = nonNegativeInteger(list[i], join('state.sold', i));
  } else if (o.sold !== undefined) {
    const rec = object(o.sold, 'state.sold');
    const index = controls[COMPILED];
    for (const [id, v] of Object.entries(rec)) {
      const i = index.get(id);
      if (i === undefined)
        fail(join('state.sold', id), index.size ? `names no class (known: ${[...index.keys()].join(', ')})` : 'classes have no ids: pass an array', 'unknown-reference');
      sold[i] = nonNegativeInteger(v, join('state.sold', id));
    }
  }
  if (o.total !== undefined) {
    const total = nonNegativeInteger(o.total, 'state.total');
    let sum = 0;
    for (let i = 0; i < n; i++) sum += sold[i]!;
    if (sum !== total) fail('state.total', `is ${total} but the classes sold ${sum}`, 'inconsistent');
  }
  return { kind: 'nested-limits', sold };
}
