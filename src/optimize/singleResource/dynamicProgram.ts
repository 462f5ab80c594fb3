import { fail, join, nonEmptyArray, nonIncreasing, nonNegative, nonNegativeInteger, object, positiveInteger, probability } from '../../internal/validate.js';
import { PROBABILITY_SUM_TOLERANCE } from '../../model/demand.js';

export interface DynamicProgramInput {
  readonly capacity: number;
  readonly fares: readonly number[];
  readonly arrivalProbabilities: readonly number[] | readonly (readonly number[])[];
  readonly periods: number;
}

export interface DynamicProgramOptions {
  /** Rows of V between stored checkpoints: `'auto'` = ⌈√(periods + 1)⌉; 1 = the full table. */
  readonly checkpointEvery?: number | 'auto';
}

export const DYNAMIC_PROGRAM_DEFAULTS = { checkpointEvery: 'auto' } as const satisfies Required<DynamicProgramOptions>;

export interface DynamicProgramResult {
  /** V_T(C): the optimal expected revenue from the start of the horizon with all capacity. */
  readonly expectedRevenue: number;
  /** V_t(x), t = 0..periods (periods to go), x = 0..capacity (units left). */
  value(t: number, x: number): number;
  /** ΔV_{t−1}(x) = V_{t−1}(x) − V_{t−1}(x − 1), t = 1..periods, x = 0..capacity (+Infinity at x = 0). */
  bidPrice(t: number, x: number): number;
  /** Accept a class-`classIndex` request with t periods to go and x units left? ⇔ fares[i] ≥ bidPrice(t, x). */
  accept(t: number, x: number, classIndex: number): boolean;
  /** Nested protection levels y_1(t)..y_{n−1}(t) for the period with t periods to go, t = 1..periods. */
  protectionLevels(t: number): number[];
  /** What is kept in memory: K and the bytes of the stored rows (checkpoints + the cached block). */
  readonly storage: { readonly checkpointEvery: number; readonly bytes: number };
}

/**
 * One period of the recurrence: cur = V_t from prev = V_{t−1}. `lam[off + i]` = λ_i(t). Fares are sorted
 * high → low, so the sum stops at the first fare not above the bid price. No allocation.
 */
function step(
  prev: Float64Array,
  prevOff: number,
  cur: Float64Array,
  curOff: number,
  C: number,
  fares: Float64Array,
  n: number,
  lam: Float64Array,
  off: number,
): void {
  cur[curOff] = 0;
  let before = prev[prevOff]!;
  for (let x = 1; x <= C; x++) {
    const v = prev[prevOff + x]!;
    const d = v - before;
    before = v;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const f = fares[i]!;
      if (f <= d) break;
      s += lam[off + i]! * (f - d);
    }
    cur[curOff + x] = v + s;
  }
}

/** Relative tolerance of the accept/protect decisions: a bid price within it of a fare is a tie. */
export const DECISION_TIE = 1e-9;

/** d > p beyond the tie tolerance. @internal */
export function above(d: number, p: number): boolean {
  return d - p > DECISION_TIE * Math.max(Math.abs(d), Math.abs(p));
}

/**
 * The dynamic single-resource capacity-control problem of Lee & Hersh (1993): time is cut into periods
 * short enough that at most one request arrives in each; a request is for class i with probability λ_i(t)
 * (Σ_i λ_i(t) ≤ 1, the rest "no request"), and the seller accepts or rejects it knowing the units left.
 * The value function, with t periods to go and x units left, is
 *
 *   V_t(x) = V_{t−1}(x) + Σ_i λ_i(t) · max(0, p_i − ΔV_{t−1}(x)),     ΔV_{t−1}(x) = V_{t−1}(x) − V_{t−1}(x − 1),
 *   V_0(x) = 0,  V_t(0) = 0                                         (T&vR 2004, §2.5.1, eq. 2.22–2.23)
 *
 * and the optimal policy accepts class i at (t, x) iff p_i ≥ ΔV_{t−1}(x), the bid price: the expected
 * revenue given up by selling one unit now. V_t is non-decreasing and concave in x (T&vR Prop. 2.21), so
 * each period has nested protection levels y_j(t) = #{x ≥ 1 : ΔV_{t−1}(x) > p_{j+1}}: class j+1 is open
 * exactly while more than y_j(t) units remain.
 *
 * Reference: Lee, T. C. & Hersh, M. (1993), "A model for dynamic airline seat inventory control with
 * multiple seat bookings", Transportation Science 27(3), 252–265; Talluri & van Ryzin (2004), §2.5.
 *
 * Notation and conventions:
 * - t = periods to go: t = `periods` at the start of the horizon, 0 at its end (departure / the night).
 * - `arrivalProbabilities` is either one vector λ (the same every period) or one vector per period in
 *   **chronological order**: `arrivalProbabilities[k]` is for the k-th period from the start, k = 0 ..
 *   periods − 1, i.e. the period with t = periods − k periods to go (so `[0]` is the first period, when
 *   t = periods, and the last entry is the period just before departure, t = 1).
 * - fares high → low: classIndex 0 is the highest fare.
 * - Ties: a request whose fare equals the bid price is accepted (p_i ≥ ΔV), and so is one whose bid price
 *   exceeds the fare by less than a relative 1e-9 (`DECISION_TIE`: float noise in V never flips a
 *   decision, so scaling all fares by k leaves the controls unchanged); `bidPrice(t, 0)` is +Infinity
 *   (no unit left, nothing can be sold).
 *
 * Memory: a full table of V is (periods + 1)(capacity + 1) doubles: 80 MB at 10,000 periods × 1,000
 * units. By default only every K-th row is kept (checkpoints, K = ⌈√(periods + 1)⌉) plus one block of K
 * rows recomputed on demand, so memory is O(√periods · capacity) (1.6 MB at that size) and a query costs
 * nothing while it stays in the cached block; moving to another block recomputes K periods
 * (K · capacity · classes operations, about 1 ms at that size). Queries made while walking t down (a
 * simulation of the booking horizon) recompute each block once: about one more pass of the DP in all.
 * `checkpointEvery: 1` keeps the full table instead (no recomputation, the full memory).
 *
 * @param input.capacity - units to sell (rooms, seats); a whole number ≥ 0
 * @param input.fares - p_1..p_n, money per unit, finite, ≥ 0, ordered high → low
 * @param input.arrivalProbabilities - λ_i per period: one vector of length n, or `periods` vectors
 *   (chronological, see above); each λ in [0, 1], each period's sum ≤ 1
 * @param input.periods - T, the number of periods; a whole number ≥ 1
 * @param options.checkpointEvery - K, rows between stored checkpoints: `'auto'` (default) or a whole number ≥ 1
 * @returns expectedRevenue = V_T(C) (money); value(t, x) = V_t(x); bidPrice(t, x); accept(t, x, i);
 *   protectionLevels(t) = [y_1(t), …, y_{n−1}(t)]
 * @example
 * import { dynamicProgram } from 'yieldcraft/optimize';
 * const dp = dynamicProgram({ capacity: 1, fares: [100, 60], arrivalProbabilities: [0.3, 0.5], periods: 2 });
 * dp.value(1, 1); // => 60     (0.3·100 + 0.5·60)
 * dp.bidPrice(2, 1); // => 60  (= V_1(1) − V_1(0): sell class 2 now only if p_2 ≥ 60)
 * dp.accept(2, 1, 1); // => true
 * dp.expectedRevenue; // => 72  (V_2(1) = 60 + 0.3·(100 − 60) + 0.5·max(0, 60 − 60))
 */
export function dynamicProgram(input: DynamicProgramInput, options: DynamicProgramOptions = {}): DynamicProgramResult {
  if (typeof input !== 'object' || input === null) fail('input', 'must be an object', 'invalid-type');
  const C = nonNegativeInteger(input.capacity, 'capacity');
  const T = positiveInteger(input.periods, 'periods');
  const fareList = nonEmptyArray<number>(input.fares, 'fares');
  fareList.forEach((f, i) => nonNegative(f, join('fares', i)));
  nonIncreasing(fareList, (i) => join('fares', i));
  const n = fareList.length;
  const fares = Float64Array.from(fareList);

  const probs = nonEmptyArray<unknown>(input.arrivalProbabilities, 'arrivalProbabilities');
  const perPeriod = Array.isArray(probs[0]);
  const rows = perPeriod ? probs.length : 1;
  if (perPeriod && rows !== T)
    fail('arrivalProbabilities', `must hold one vector per period (${T}), got ${rows}`, 'inconsistent');
  const lam = new Float64Array(rows * n);
  for (let k = 0; k < rows; k++) {
    const path = perPeriod ? join('arrivalProbabilities', k) : 'arrivalProbabilities';
    const row = perPeriod ? probs[k] : probs;
    if (!Array.isArray(row)) fail(path, 'must be an array of probabilities (one per fare)', 'invalid-type');
    if (row.length !== n) fail(path, `must have one probability per fare (${n}), got ${row.length}`, 'inconsistent');
    let s = 0;
    for (let i = 0; i < n; i++) {
      const p = probability(row[i], join(path, i));
      lam[k * n + i] = p;
      s += p;
    }
    if (s > 1 + PROBABILITY_SUM_TOLERANCE)
      fail(path, `arrival probabilities of one period must sum to ≤ 1 (at most one request per period), got ${s}`, 'inconsistent');
  }

  const ck = object(options, 'options').checkpointEvery ?? DYNAMIC_PROGRAM_DEFAULTS.checkpointEvery;
  const K = ck === 'auto' ? Math.max(1, Math.ceil(Math.sqrt(T + 1))) : positiveInteger(ck, 'options.checkpointEvery');
  const W = C + 1;
  /** λ offset for the period with t periods to go (chronological row k = T − t). */
  const lamOff = (t: number): number => (perPeriod ? (T - t) * n : 0);

  // Forward pass over t = 1..T with two rolling rows, keeping every K-th row (t = 0, K, 2K, …).
  const nCheck = Math.floor(T / K) + 1;
  const checkpoints = new Float64Array(nCheck * W);
  let a = new Float64Array(W);
  let b = new Float64Array(W);
  for (let t = 1; t <= T; t++) {
    step(a, 0, b, 0, C, fares, n, lam, lamOff(t));
    const tmp = a;
    a = b;
    b = tmp;
    if (t % K === 0) checkpoints.set(a, (t / K) * W);
  }
  const expectedRevenue = a[C]!;
  const last = a; // V_T
  b = new Float64Array(0);

  // One cached block of K rows: rows t = blk·K .. blk·K + K − 1 (those ≤ T).
  const block = new Float64Array(Math.min(K, T + 1) * W);
  let cached = -1;
  const row = (t: number): number => {
    const blk = Math.floor(t / K);
    if (blk !== cached) {
      block.set(checkpoints.subarray(blk * W, blk * W + W), 0);
      const end = Math.min(blk * K + K - 1, T);
      for (let s = blk * K + 1; s <= end; s++) {
        const r = s - blk * K;
        step(block, (r - 1) * W, block, r * W, C, fares, n, lam, lamOff(s));
      }
      cached = blk;
    }
    return (t - blk * K) * W;
  };

  const checkT = (t: unknown, min: number): number => {
    const v = nonNegativeInteger(t, 't');
    if (v < min || v > T) fail('t', `must be a whole number in ${min}..${T} (periods to go), got ${v}`);
    return v;
  };
  const checkX = (x: unknown): number => {
    const v = nonNegativeInteger(x, 'x');
    if (v > C) fail('x', `must be a whole number in 0..${C} (units left), got ${v}`);
    return v;
  };

  const value = (t: number, x: number): number => {
    const tt = checkT(t, 0);
    const xx = checkX(x);
    if (tt === T) return last[xx]!;
    return block[row(tt) + xx]!;
  };
  const bid = (t: number, x: number): number => {
    if (x === 0) return Infinity;
    const o = row(t - 1);
    return block[o + x]! - block[o + x - 1]!;
  };
  const bidPrice = (t: number, x: number): number => bid(checkT(t, 1), checkX(x));
  const accept = (t: number, x: number, classIndex: number): boolean => {
    const tt = checkT(t, 1);
    const xx = checkX(x);
    const i = nonNegativeInteger(classIndex, 'classIndex');
    if (i >= n) fail('classIndex', `must be a class index in 0..${n - 1}, got ${i}`);
    if (xx === 0) return false;
    return !above(bid(tt, xx), fares[i]!);
  };
  const protectionLevels = (t: number): number[] => {
    const tt = checkT(t, 1);
    const o = row(tt - 1);
    const out = new Array<number>(n - 1).fill(0);
    // ΔV_{t−1}(x) is non-increasing in x: y_j = #{x : ΔV(x) > p_{j+1}}.
    for (let j = 1; j < n; j++) {
      const p = fares[j]!;
      let y = 0;
      while (y < C && above(block[o + y + 1]! - block[o + y]!, p)) y++;
      out[j - 1] = y;
    }
    return out;
  };

  return {
    expectedRevenue,
    value,
    bidPrice,
    accept,
    protectionLevels,
    storage: { checkpointEvery: K, bytes: (checkpoints.length + block.length + last.length + lam.length) * 8 },
  };
}
