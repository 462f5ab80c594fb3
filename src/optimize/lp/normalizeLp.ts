/**
 * Checks an {@link LpModel} and brings it to one dense-bounds form every adapter reads: typed arrays,
 * defaults filled in. O(n + m + nnz); the caller's arrays are never modified (they are copied where a
 * typed array is needed, and read-only otherwise).
 *
 * Throws a YieldInputError naming the field (`model.constraints.indices[17]`) for: lengths that
 * disagree, NaN or infinite coefficients, ±Infinity bounds on the wrong side, lower > upper, column
 * indices out of range or repeated within a row, offsets that are not non-decreasing.
 * @internal shared by the LP adapters
 */
import { fail, join, object } from '../../internal/validate.js';
import type { LpModel, NumberArray, IndexArray } from './types.js';

/** The normalised model: every array present, typed, defaults filled. */
export interface NormalizedLp {
  readonly sense: 'max' | 'min';
  readonly n: number;
  readonly m: number;
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
}

function isArrayLike(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || x instanceof Float64Array || x instanceof Int32Array || x instanceof Float32Array;
}

function numbers(x: unknown, path: string, length: number | undefined): NumberArray {
  if (!isArrayLike(x)) fail(path, 'must be an array of numbers or a Float64Array', 'invalid-type');
  if (length !== undefined && x.length !== length) fail(path, `must have length ${length}, got ${x.length}`, 'inconsistent');
  return x as NumberArray;
}

function toFloat64(
  x: unknown,
  path: string,
  length: number,
  fill: number,
  allow: 'finite' | 'lower' | 'upper',
): Float64Array {
  const out = new Float64Array(length);
  if (x === undefined) {
    out.fill(fill);
    return out;
  }
  const a = numbers(x, path, length);
  for (let k = 0; k < length; k++) {
    const v = a[k]!;
    if (typeof v !== 'number' || Number.isNaN(v)) fail(join(path, k), `must be a number, got ${String(v)}`);
    if (v === Infinity && allow !== 'upper') fail(join(path, k), 'must not be +Infinity');
    if (v === -Infinity && allow !== 'lower') fail(join(path, k), 'must not be −Infinity');
    out[k] = v;
  }
  return out;
}

export function normalizeLp(model: LpModel, path = 'model'): NormalizedLp {
  const mo = object(model, path);
  const sense = mo.sense;
  if (sense !== 'max' && sense !== 'min') fail(join(path, 'sense'), `must be 'max' or 'min', got ${JSON.stringify(sense)}`);
  const vp = join(path, 'variables');
  const cp = join(path, 'constraints');
  const vars = object(mo.variables, vp);
  const cons = object(mo.constraints, cp);
  const objective = numbers(vars.objective, join(vp, 'objective'), undefined);
  const n = objective.length;
  const cost = toFloat64(objective, join(vp, 'objective'), n, 0, 'finite');
  const lower = toFloat64(vars.lower, join(vp, 'lower'), n, 0, 'lower');
  const upper = toFloat64(vars.upper, join(vp, 'upper'), n, Infinity, 'upper');
  for (let j = 0; j < n; j++)
    if (lower[j]! > upper[j]!) fail(join(join(vp, 'lower'), j), `exceeds the upper bound ${upper[j]}`, 'inconsistent');

  const startsIn = numbers(cons.starts, join(cp, 'starts'), undefined) as IndexArray;
  if (startsIn.length < 1) fail(join(cp, 'starts'), 'must have length m + 1 ≥ 1 (starts[0] = 0)', 'empty');
  const m = startsIn.length - 1;
  const indicesIn = numbers(cons.indices, join(cp, 'indices'), undefined) as IndexArray;
  const nnz = indicesIn.length;
  const valuesIn = numbers(cons.values, join(cp, 'values'), nnz);
  const starts = new Int32Array(m + 1);
  if (startsIn[0] !== 0) fail(join(join(cp, 'starts'), 0), `must be 0, got ${startsIn[0]}`);
  for (let i = 0; i <= m; i++) {
    const s = startsIn[i]!;
    if (!Number.isInteger(s) || s < 0 || s > nnz)
      fail(join(join(cp, 'starts'), i), `must be a whole number in [0, ${nnz}], got ${s}`);
    if (i > 0 && s < starts[i - 1]!) fail(join(join(cp, 'starts'), i), 'offsets must be non-decreasing', 'unsorted');
    starts[i] = s;
  }
  if (starts[m] !== nnz) fail(join(join(cp, 'starts'), m), `must equal the number of entries (${nnz})`, 'inconsistent');
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  const seen = new Int32Array(n).fill(-1);
  for (let i = 0; i < m; i++) {
    for (let k = starts[i]!; k < starts[i + 1]!; k++) {
      const j = indicesIn[k]!;
      if (!Number.isInteger(j) || j < 0 || j >= n)
        fail(join(join(cp, 'indices'), k), `must be a variable index in [0, ${n - 1}], got ${j}`, 'unknown-reference');
      if (seen[j] === i) fail(join(join(cp, 'indices'), k), `variable ${j} appears twice in row ${i}`, 'inconsistent');
      seen[j] = i;
      const a = valuesIn[k]!;
      if (typeof a !== 'number' || !Number.isFinite(a)) fail(join(join(cp, 'values'), k), `must be a finite number, got ${String(a)}`);
      indices[k] = j;
      values[k] = a;
    }
  }
  const rowLower = toFloat64(cons.lower, join(cp, 'lower'), m, -Infinity, 'lower');
  const rowUpper = toFloat64(cons.upper, join(cp, 'upper'), m, Infinity, 'upper');
  for (let i = 0; i < m; i++)
    if (rowLower[i]! > rowUpper[i]!) fail(join(join(cp, 'lower'), i), `exceeds the upper bound ${rowUpper[i]}`, 'inconsistent');
  return { sense, n, m, cost, lower, upper, starts, indices, values, rowLower, rowUpper };
}
