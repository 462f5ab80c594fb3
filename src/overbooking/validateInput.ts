/** Argument checks shared by the overbooking functions. @internal */
import { fail, join, nonNegative, nonNegativeInteger, object } from '../internal/validate.js';
import type { RevenueBasis } from './profitWalk.js';
import { validateShowUp, type ShowUpModel } from './showUp.js';

export interface ValidCostInput {
  readonly capacity: number;
  readonly fare: number;
  readonly deniedServiceCost: number;
  readonly showUp: ShowUpModel;
}

export function validateCostInput(input: unknown, path = 'input'): ValidCostInput {
  const o = object(input, path);
  const at = (k: string): string => (path === 'input' ? k : join(path, k));
  return {
    capacity: nonNegativeInteger(o.capacity, at('capacity')),
    fare: nonNegative(o.fare, at('fare')),
    deniedServiceCost: nonNegative(o.deniedServiceCost, at('deniedServiceCost')),
    showUp: validateShowUp(o.showUp, at('showUp')),
  };
}

export function validateRevenueBasis(x: unknown, path: string): RevenueBasis {
  if (x === 'per-show' || x === 'per-booking') return x;
  return fail(path, `must be 'per-show' or 'per-booking', got ${JSON.stringify(x)}`);
}

/** +Infinity (no cap) or a whole number ≥ capacity. */
export function validateMaxAuthorized(x: unknown, capacity: number, path: string): number {
  if (x === Infinity) return x;
  const v = nonNegativeInteger(x, path);
  if (v < capacity) fail(path, `must be ≥ the capacity (${capacity}), got ${v}`, 'inconsistent');
  return v;
}
