import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';
import { array, fail, finite, join, nonEmptyArray, nonNegative, object, probability } from '../internal/validate.js';
import { maxWeightClosure } from './maxWeightClosure.js';

/** One segment's share of the requests for a stay and its probability to buy at each rung of the ladder. */
export interface SegmentBuyProbability {
  readonly segment: string;
  /** Share of the requests for this stay that come from the segment, in [0, 1]; shares sum to 1. */
  readonly share: number;
  /** P(buy | rate) at each rung of the ladder (same order as `ladder`), in [0, 1]. */
  readonly probability: readonly number[];
}

/** P(buy | rate) per rung: one list for everyone, or a mix of segments. */
export type BuyProbabilityTable = readonly number[] | readonly SegmentBuyProbability[];

/** P(buy | rate) for one stay: by arrival date, length of stay (nights) and room type id. */
export type BuyProbabilityFunction = (arrival: string, lengthOfStay: number, roomType: string) => BuyProbabilityTable;

/** Guard rails the revenue manager sets. Every rail is off unless given. */
export interface RateLadderGuardRails {
  /** The lowest rate that may be published, money per room-night. */
  readonly floor?: number;
  /** The highest rate that may be published, money per room-night. */
  readonly ceiling?: number;
  /**
   * The largest change of the rate from one arrival date to the next (same length of stay and room
   * type), money per room-night, ≥ 0.
   */
  readonly maxDailyChange?: number;
  /**
   * How the rate per room-night may move as the stay gets longer (same arrival date and room type):
   * 'non-increasing' (a longer stay never pays more per night) or 'non-decreasing'.
   */
  readonly lengthOfStayOrder?: 'non-increasing' | 'non-decreasing';
  /** true: a room type listed later in `roomTypes` is never priced below an earlier one (same arrival, stay). */
  readonly roomTypeOrder?: boolean;
}

export interface RateLadderInput {
  /** The nights of the horizon: consecutive ISO dates `YYYY-MM-DD`; arrival dates and stay nights. */
  readonly nights: readonly string[];
  /** The rates that may be published, money per room-night, strictly increasing. */
  readonly ladder: readonly number[];
  /**
   * Bid prices (last-room values) per night, money per room-night, ≥ 0, aligned with `nights`: one list
   * (one room type, id 'room'), or one list per room type id when `roomTypes` is given.
   */
  readonly bidPrices: readonly number[] | Readonly<Record<string, readonly number[]>>;
  /** P(buy | rate) per rung: one table for every stay, or a function of (arrival, length of stay, room type). */
  readonly buyProbability: BuyProbabilityTable | BuyProbabilityFunction;
  /** The lengths of stay to price, nights (whole, ≥ 1, distinct). Default [1]. */
  readonly lengthsOfStay?: readonly number[];
  /** Room type ids, low → high (needed with per-room-type bid prices). Default ['room']. */
  readonly roomTypes?: readonly string[];
  readonly guardRails?: RateLadderGuardRails;
}

export interface RateLadderOptions {
  /** 'rungs' (default): every row lists the evaluation of every rung; 'summary': the chosen rate only. */
  readonly detail?: 'rungs' | 'summary';
}

export const RATE_LADDER_DEFAULTS = { detail: 'rungs', lengthsOfStay: [1], roomTypes: ['room'] } as const;

/** Why a row's rate differs from the best rung for that stay alone. */
export type RateLadderBinding = 'floor' | 'ceiling' | 'daily-change' | 'length-of-stay-order' | 'room-type-order';

/** One rung evaluated for one stay. */
export interface RateLadderRung {
  readonly rate: number;
  /** lengthOfStay × rate − Σ bid prices, money. */
  readonly margin: number;
  readonly buyProbability: number;
  /** margin × buyProbability, money per request. */
  readonly expectedContribution: number;
  /** Within the floor and ceiling. */
  readonly allowed: boolean;
}

/** The published rate for one arrival date, length of stay and room type, with the reasoning. */
export interface RateLadderRow {
  readonly arrival: string;
  readonly lengthOfStay: number;
  readonly roomType: string;
  /** The rate published, money per room-night (a rung of the ladder). */
  readonly rate: number;
  /** The bid prices of the nights of the stay, in order, and their sum. */
  readonly bidPrices: readonly number[];
  readonly bidPriceSum: number;
  /** lengthOfStay × rate − bidPriceSum, money. */
  readonly margin: number;
  readonly buyProbability: number;
  /** margin × buyProbability, money per request. */
  readonly expectedContribution: number;
  /** The bid-price verdict at this rate: true when the stay's revenue covers its bid prices (margin ≥ 0). */
  readonly open: boolean;
  /** The best rung for this stay alone (within floor and ceiling) and its expected contribution. */
  readonly best: { readonly rate: number; readonly expectedContribution: number };
  /** The best rung over the whole ladder (no guard rail). */
  readonly unconstrained: { readonly rate: number; readonly expectedContribution: number };
  /** The guard rails that moved the rate away from `unconstrained` (empty when none did). */
  readonly boundBy: readonly RateLadderBinding[];
  /** Every rung evaluated (absent with `detail: 'summary'`). */
  readonly rungs?: readonly RateLadderRung[];
}

export interface RateLadderResult {
  readonly status: 'ok';
  /** Rows by arrival date, then room type (as listed), then length of stay (ascending). */
  readonly rows: readonly RateLadderRow[];
  /** Σ over rows of max(0, expected contribution per request): the objective maximised, money. */
  readonly objective: number;
  /** The published rate for a stay, or undefined when that stay is not priced (it runs past the horizon). */
  rate(arrival: string, lengthOfStay: number, roomType?: string): number | undefined;
}

function isoDate(x: unknown, path: string): Date {
  if (typeof x !== 'string') fail(path, `must be an ISO date YYYY-MM-DD, got ${typeof x}`, 'invalid-type');
  const d = parseISO(x);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(x) || !isValid(d) || format(d, 'yyyy-MM-dd') !== x)
    fail(path, `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(x)}`);
  return d;
}

/**
 * The best-available-rate (BAR) ladder of a hotel: for each arrival date, length of stay and room
 * type, the rung of the rate ladder to publish, given what the remaining rooms are worth.
 *
 * A stay of L nights from arrival a at rate r per room-night earns L·r and uses one room on each of
 * the nights a..a+L−1, whose bid prices (last-room values, `lastRoomValues`/`dlp` on `hotelNetwork`)
 * π_n price the rooms it displaces. A request buys at r with probability P(r) = Σ_s share_s·P_s(r), the
 * segments' mix. The rung chosen maximises the expected contribution over the bid prices
 *
 *   E(r) = (L·r − Σ_{n=a}^{a+L−1} π_n) · P(r)
 *
 * — the bid-price acceptance rule (sell when the revenue covers the bid prices; Talluri & van Ryzin 2004,
 * §3.2.1) turned into a price choice over a finite menu (T&vR 2004, §5.2 with the bid price as the
 * marginal value of capacity; Phillips 2005, §6.4, "pricing with constrained supply": the opportunity
 * cost acts as a unit cost). A rung whose margin is negative is closed by the bid-price rule and earns
 * nothing, so each stay contributes f(r) = max(0, E(r)).
 *
 * Guard rails: floor ≤ r ≤ ceiling; |r(a + 1) − r(a)| ≤ maxDailyChange for consecutive arrival dates
 * (same length and room type); rates per night ordered across lengths of stay (non-increasing or
 * non-decreasing in L) and across room types (never below a room type listed earlier). Together they
 * couple every stay with its neighbours, and the ladder is chosen jointly: Σ f over all stays is
 * maximised exactly subject to every rail. Each rail is a monotone implication between "rate index ≥ k"
 * statements (e.g. x_{a+1} ≥ g(x_a) with g non-decreasing), so the problem is a maximum-weight closure,
 * solved as a minimum cut (Picard 1976; the construction of Ishikawa 2003 for labels with monotone
 * constraints). Ties go to the higher rate. Without the coupling rails each stay is priced alone.
 *
 * The reasoning comes back per row as data: the bid prices of each night and their sum, margin, buy
 * probability, expected contribution at the rate chosen, the best rung for the stay alone and over the
 * whole ladder, which rails moved it (`boundBy`), and every rung evaluated.
 *
 * Conventions: rates and bid prices are money per room-night **in the same terms** (the hotel's
 * contribution: pass rates net of commission when the bid prices are contribution duals). Stays that
 * run past the last night are not priced (as `hotelNetwork` does not model them). Room types share the
 * ladder and the buy probabilities are given per room type through the function form.
 *
 * Reference: Talluri, K. & van Ryzin, G. (2004), *The Theory and Practice of Revenue Management*, §3.2.1
 * (bid-price controls), §5.2 (pricing over a finite price set with an opportunity cost), §10.2.4 (hotel
 * length-of-stay controls and rate ladders); Phillips, R. (2005), *Pricing and Revenue Optimization*,
 * §6.4; Picard, J.-C. (1976), Management Science 22(11), 1268–1272; Ishikawa, H. (2003), "Exact
 * optimization for Markov random fields with convex priors", IEEE TPAMI 25(10), 1333–1336.
 *
 * @param input.nights - consecutive ISO dates (the horizon); arrivals are priced when the stay fits
 * @param input.ladder - rates per room-night, strictly increasing, finite, ≥ 0
 * @param input.bidPrices - per night (aligned with `nights`), ≥ 0: a list, or a record of lists by room type
 * @param input.buyProbability - P(buy | rate) per rung: a list, a segment mix (shares sum to 1), or a
 *   function (arrival, lengthOfStay, roomType) returning either
 * @param input.lengthsOfStay - lengths to price (default [1])
 * @param input.roomTypes - room type ids, low → high (default ['room'])
 * @param input.guardRails - {@link RateLadderGuardRails}
 * @param options - {@link RATE_LADDER_DEFAULTS}
 * @returns `{ status: 'ok', rows, objective, rate(arrival, lengthOfStay, roomType?) }`
 * @example
 * import { rateLadder } from 'yieldcraft/pricing';
 * // A two-night stay; bid prices 60 and 90; the ladder 100 / 130 / 160 per night; P(buy) 0.9 / 0.6 / 0.3
 * const r = rateLadder({
 *   nights: ['2026-03-14', '2026-03-15'], ladder: [100, 130, 160], bidPrices: [60, 90],
 *   buyProbability: [0.9, 0.6, 0.3], lengthsOfStay: [2],
 * });
 * r.rows[0].rate; // => 130   (E = (200 − 150)·0.9 = 45, (260 − 150)·0.6 = 66, (320 − 150)·0.3 = 51)
 * r.rows[0].expectedContribution; // => 66
 */
export function rateLadder(input: RateLadderInput, options: RateLadderOptions = {}): RateLadderResult {
  const o = object(input, 'input');
  const opt = object(options, 'options');
  const detail = opt.detail ?? RATE_LADDER_DEFAULTS.detail;
  if (detail !== 'rungs' && detail !== 'summary') fail('options.detail', `must be 'rungs' or 'summary', got ${JSON.stringify(detail)}`);

  // --- nights -----------------------------------------------------------------------------------------
  const nightList = nonEmptyArray<unknown>(o.nights, 'nights');
  const N = nightList.length;
  const nights: string[] = [];
  let prevDate: Date | null = null;
  for (let i = 0; i < N; i++) {
    const d = isoDate(nightList[i], join('nights', i));
    if (prevDate && differenceInCalendarDays(d, prevDate) !== 1)
      fail(join('nights', i), `must be the day after ${nights[i - 1]} (nights are consecutive), got ${nightList[i] as string}`, 'unsorted');
    prevDate = d;
    nights.push(nightList[i] as string);
  }

  // --- ladder -----------------------------------------------------------------------------------------
  const ladderList = nonEmptyArray<unknown>(o.ladder, 'ladder');
  const K = ladderList.length;
  const ladder = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    ladder[k] = nonNegative(ladderList[k], join('ladder', k));
    if (k > 0 && !(ladder[k]! > ladder[k - 1]!))
      fail(join('ladder', k), `rates must be strictly increasing: ${ladder[k]} follows ${ladder[k - 1]}`, 'unsorted');
  }

  // --- lengths of stay, room types ---------------------------------------------------------------------
  const losList = o.lengthsOfStay === undefined ? RATE_LADDER_DEFAULTS.lengthsOfStay : nonEmptyArray<unknown>(o.lengthsOfStay, 'lengthsOfStay');
  const lengths = losList.map((L, i) => {
    const v = finite(L, join('lengthsOfStay', i));
    if (!Number.isInteger(v) || v < 1) fail(join('lengthsOfStay', i), `must be a whole number of nights ≥ 1, got ${v}`);
    return v;
  });
  if (new Set(lengths).size !== lengths.length) fail('lengthsOfStay', 'must not repeat a length', 'inconsistent');
  const sortedLengths = [...lengths].sort((a, b) => a - b);
  const rtList = o.roomTypes === undefined ? RATE_LADDER_DEFAULTS.roomTypes : nonEmptyArray<unknown>(o.roomTypes, 'roomTypes');
  const roomTypes = rtList.map((id, i) => {
    if (typeof id !== 'string' || id === '') fail(join('roomTypes', i), 'must be a non-empty string', 'invalid-type');
    return id;
  });
  if (new Set(roomTypes).size !== roomTypes.length) fail('roomTypes', 'must not repeat a room type', 'inconsistent');
  const R = roomTypes.length;

  // --- bid prices --------------------------------------------------------------------------------------
  const bid = new Float64Array(R * N);
  const readBids = (list: unknown, path: string, r: number) => {
    const arr = array<unknown>(list, path);
    if (arr.length !== N) fail(path, `must have one bid price per night (${N}), got ${arr.length}`, 'inconsistent');
    for (let n = 0; n < N; n++) bid[r * N + n] = nonNegative(arr[n], join(path, n));
  };
  if (Array.isArray(o.bidPrices)) {
    if (o.roomTypes !== undefined && R > 1)
      fail('bidPrices', `must be a record of bid prices by room type (${roomTypes.join(', ')}) when several room types are given`, 'invalid-type');
    readBids(o.bidPrices, 'bidPrices', 0);
  } else {
    const rec = object(o.bidPrices, 'bidPrices');
    roomTypes.forEach((id, r) => {
      if (!(id in rec)) fail(join('bidPrices', id), `is missing: every room type needs its bid prices`, 'unknown-reference');
      readBids(rec[id], join('bidPrices', id), r);
    });
    for (const key of Object.keys(rec))
      if (!roomTypes.includes(key)) fail(join('bidPrices', key), 'names no room type of roomTypes', 'unknown-reference');
  }

  // --- guard rails --------------------------------------------------------------------------------------
  const g = o.guardRails === undefined ? {} : object(o.guardRails, 'guardRails');
  const floor = g.floor === undefined ? -Infinity : nonNegative(g.floor, 'guardRails.floor');
  const ceiling = g.ceiling === undefined ? Infinity : nonNegative(g.ceiling, 'guardRails.ceiling');
  if (ceiling < floor) fail('guardRails.ceiling', `must be ≥ the floor (${floor}), got ${ceiling}`, 'inconsistent');
  const maxChange = g.maxDailyChange === undefined ? Infinity : nonNegative(g.maxDailyChange, 'guardRails.maxDailyChange');
  const losOrder = g.lengthOfStayOrder;
  if (losOrder !== undefined && losOrder !== 'non-increasing' && losOrder !== 'non-decreasing')
    fail('guardRails.lengthOfStayOrder', `must be 'non-increasing' or 'non-decreasing', got ${JSON.stringify(losOrder)}`);
  if (g.roomTypeOrder !== undefined && typeof g.roomTypeOrder !== 'boolean')
    fail('guardRails.roomTypeOrder', 'must be true or false', 'invalid-type');
  const rtOrder = g.roomTypeOrder === true;
  let kLo = 0;
  while (kLo < K && ladder[kLo]! < floor) kLo++;
  let kHi = K - 1;
  while (kHi >= 0 && ladder[kHi]! > ceiling) kHi--;
  if (kLo === K) fail('guardRails.floor', `admits no rate of the ladder: the floor ${floor} is above the top rate ${ladder[K - 1]}`);
  if (kHi < 0) fail('guardRails.ceiling', `admits no rate of the ladder: the ceiling ${ceiling} is below the lowest rate ${ladder[0]}`);
  if (kLo > kHi) fail('guardRails.ceiling', `admits no rate of the ladder between the floor ${floor} and the ceiling ${ceiling}`);
  const KA = kHi - kLo + 1; // allowed labels 0..KA−1 ↔ rungs kLo..kHi

  // --- buy probabilities ----------------------------------------------------------------------------------
  const bp = o.buyProbability;
  const isFn = typeof bp === 'function';
  const readTable = (table: unknown, path: string, out: Float64Array, at: number) => {
    const list = nonEmptyArray<unknown>(table, path);
    if (typeof list[0] === 'object' && list[0] !== null) {
      let shares = 0;
      for (let k = 0; k < K; k++) out[at + k] = 0;
      list.forEach((raw, i) => {
        const sp = join(path, i);
        const seg = object(raw, sp);
        if (typeof seg.segment !== 'string') fail(join(sp, 'segment'), 'must be a string', 'invalid-type');
        const share = probability(seg.share, join(sp, 'share'));
        shares += share;
        const pr = nonEmptyArray<unknown>(seg.probability, join(sp, 'probability'));
        if (pr.length !== K) fail(join(sp, 'probability'), `must have one probability per rung (${K}), got ${pr.length}`, 'inconsistent');
        for (let k = 0; k < K; k++) out[at + k] = out[at + k]! + share * probability(pr[k], join(join(sp, 'probability'), k));
      });
      if (Math.abs(shares - 1) > 1e-9) fail(path, `segment shares must sum to 1, got ${shares}`, 'inconsistent');
      // shares may sum to 1 + 1e-9 by rounding: keep the mixture a probability (a rounding guard, not a clamp of input)
      for (let k = 0; k < K; k++) out[at + k] = Math.min(1, out[at + k]!);
    } else {
      if (list.length !== K) fail(path, `must have one probability per rung (${K}), got ${list.length}`, 'inconsistent');
      for (let k = 0; k < K; k++) out[at + k] = probability(list[k], join(path, k));
    }
  };
  const shared = new Float64Array(K);
  if (!isFn) readTable(bp, 'buyProbability', shared, 0);

  // --- cells: (room type, length, arrival) with the stay inside the horizon -------------------------------
  const nL = sortedLengths.length;
  const cellOf = new Int32Array(R * nL * N).fill(-1);
  const cR: number[] = [];
  const cL: number[] = [];
  const cA: number[] = [];
  for (let r = 0; r < R; r++)
    for (let li = 0; li < nL; li++)
      for (let a = 0; a + sortedLengths[li]! <= N; a++) {
        cellOf[(r * nL + li) * N + a] = cR.length;
        cR.push(r);
        cL.push(li);
        cA.push(a);
      }
  const cells = cR.length;
  const prob = new Float64Array(cells * K);
  const value = new Float64Array(cells * K); // E(r) per rung
  const bidSum = new Float64Array(cells);
  // prefix sums of bid prices per room type
  const prefix = new Float64Array(R * (N + 1));
  for (let r = 0; r < R; r++) for (let n = 0; n < N; n++) prefix[r * (N + 1) + n + 1] = prefix[r * (N + 1) + n]! + bid[r * N + n]!;
  for (let c = 0; c < cells; c++) {
    const r = cR[c]!;
    const L = sortedLengths[cL[c]!]!;
    const a = cA[c]!;
    if (isFn) {
      const path = `buyProbability(${JSON.stringify(nights[a])}, ${L}, ${JSON.stringify(roomTypes[r])})`;
      readTable((bp as BuyProbabilityFunction)(nights[a]!, L, roomTypes[r]!), path, prob, c * K);
    } else prob.set(shared, c * K);
    const B = prefix[r * (N + 1) + a + L]! - prefix[r * (N + 1) + a]!;
    bidSum[c] = B;
    for (let k = 0; k < K; k++) value[c * K + k] = (L * ladder[k]! - B) * prob[c * K + k]!;
  }

  // --- the joint choice: a maximum-weight closure over "label ≥ j" nodes --------------------------------
  // node (c, j), j = 1..KA−1, is "cell c publishes a rung of label ≥ j"; weight f(j) − f(j − 1).
  const J = KA - 1;
  const label = new Int32Array(cells); // chosen label per cell (0 if KA = 1)
  const coupled = maxChange < Infinity || losOrder !== undefined || (rtOrder && R > 1);
  if (J > 0 && !coupled) {
    // Each stay alone: the best allowed rung, the higher one on ties (what the closure gives too).
    for (let c = 0; c < cells; c++) {
      let best = J;
      let bestF = Math.max(0, value[c * K + kLo + J]!);
      for (let j = J - 1; j >= 0; j--) {
        const v = Math.max(0, value[c * K + kLo + j]!);
        if (v > bestF) {
          bestF = v;
          best = j;
        }
      }
      label[c] = best;
    }
  } else if (J > 0) {
    const n = cells * J;
    const w = new Float64Array(n);
    for (let c = 0; c < cells; c++)
      for (let j = 1; j <= J; j++) w[c * J + j - 1] = Math.max(0, value[c * K + kLo + j]!) - Math.max(0, value[c * K + kLo + j - 1]!);
    const from: number[] = [];
    const to: number[] = [];
    const implies = (c: number, j: number, d: number, i: number) => {
      // (c, label ≥ j) ⇒ (d, label ≥ i); i ≤ 0 is always true
      if (i <= 0) return;
      from.push(c * J + j - 1);
      to.push(d * J + i - 1);
    };
    for (let c = 0; c < cells; c++) for (let j = 2; j <= J; j++) implies(c, j, c, j - 1);
    // daily change: |ladder[x] − ladder[y]| ≤ Δ ⇔ y ≥ low(x) and x ≥ low(y), low(j) = first label within Δ below j
    if (maxChange < Infinity) {
      const low = new Int32Array(KA);
      for (let j = 0, i = 0; j < KA; j++) {
        while (ladder[kLo + i]! < ladder[kLo + j]! - maxChange * (1 + 1e-12)) i++;
        low[j] = i;
      }
      for (let c = 0; c < cells; c++) {
        const next = cA[c]! + 1 < N ? cellOf[(cR[c]! * nL + cL[c]!) * N + cA[c]! + 1]! : -1;
        if (next < 0) continue;
        for (let j = 1; j <= J; j++) {
          if (low[j]! > low[j - 1]!) {
            implies(c, j, next, low[j]!);
            implies(next, j, c, low[j]!);
          }
        }
      }
    }
    if (losOrder !== undefined)
      for (let c = 0; c < cells; c++) {
        if (cL[c]! + 1 >= nL) continue;
        const longer = cellOf[(cR[c]! * nL + cL[c]! + 1) * N + cA[c]!]!;
        if (longer < 0) continue;
        // non-increasing: label(longer) ≤ label(c); non-decreasing: label(c) ≤ label(longer)
        for (let j = 1; j <= J; j++) {
          if (losOrder === 'non-increasing') implies(longer, j, c, j);
          else implies(c, j, longer, j);
        }
      }
    if (rtOrder)
      for (let c = 0; c < cells; c++) {
        if (cR[c]! + 1 >= R) continue;
        const upper = cellOf[((cR[c]! + 1) * nL + cL[c]!) * N + cA[c]!]!;
        for (let j = 1; j <= J; j++) implies(c, j, upper, j);
      }
    const { inClosure } = maxWeightClosure(n, w, Int32Array.from(from), Int32Array.from(to));
    for (let c = 0; c < cells; c++) {
      let x = 0;
      while (x < J && inClosure[c * J + x]) x++;
      label[c] = x;
    }
  }

  // --- rows with their reasoning ---------------------------------------------------------------------------
  const f = (c: number, k: number) => Math.max(0, value[c * K + k]!);
  const argmax = (c: number, lo: number, hi: number) => {
    let best = hi;
    for (let k = hi - 1; k >= lo; k--) if (f(c, k) > f(c, best)) best = k; // ties: the higher rate
    return best;
  };
  const tol = (c: number) => 1e-12 * Math.max(1, Math.abs(f(c, argmax(c, 0, K - 1))));
  const rungOf = (c: number) => kLo + label[c]!;
  const order: number[] = [];
  for (let a = 0; a < N; a++) for (let r = 0; r < R; r++) for (let li = 0; li < nL; li++) {
    const c = cellOf[(r * nL + li) * N + a]!;
    if (c >= 0) order.push(c);
  }
  const rows: RateLadderRow[] = [];
  let objective = 0;
  for (const c of order) {
    const r = cR[c]!;
    const L = sortedLengths[cL[c]!]!;
    const a = cA[c]!;
    const k = rungOf(c);
    const bestAll = argmax(c, 0, K - 1);
    const bestIn = argmax(c, kLo, kHi);
    const boundBy: RateLadderBinding[] = [];
    if (f(c, bestAll) > f(c, k) + tol(c)) {
      if (bestAll < kLo && f(c, bestAll) > f(c, bestIn) + tol(c)) boundBy.push('floor');
      if (bestAll > kHi && f(c, bestAll) > f(c, bestIn) + tol(c)) boundBy.push('ceiling');
      if (f(c, bestIn) > f(c, k) + tol(c)) {
        // which coupling rails forbid moving this cell alone to its own best rung
        const want = ladder[bestIn]!;
        const neighbour = (d: number) => (d >= 0 ? ladder[rungOf(d)]! : NaN);
        if (maxChange < Infinity) {
          const prev = a > 0 ? cellOf[(r * nL + cL[c]!) * N + a - 1]! : -1;
          const next = a + 1 < N ? cellOf[(r * nL + cL[c]!) * N + a + 1]! : -1;
          if ([prev, next].some((d) => d >= 0 && Math.abs(want - neighbour(d)) > maxChange * (1 + 1e-12))) boundBy.push('daily-change');
        }
        if (losOrder !== undefined) {
          const shorter = cL[c]! > 0 ? cellOf[(r * nL + cL[c]! - 1) * N + a]! : -1;
          const longer = cL[c]! + 1 < nL ? cellOf[(r * nL + cL[c]! + 1) * N + a]! : -1;
          const inc = losOrder === 'non-increasing';
          if ((shorter >= 0 && (inc ? want > neighbour(shorter) : want < neighbour(shorter))) || (longer >= 0 && (inc ? want < neighbour(longer) : want > neighbour(longer))))
            boundBy.push('length-of-stay-order');
        }
        if (rtOrder) {
          const lower = r > 0 ? cellOf[((r - 1) * nL + cL[c]!) * N + a]! : -1;
          const upper = r + 1 < R ? cellOf[((r + 1) * nL + cL[c]!) * N + a]! : -1;
          if ((lower >= 0 && want < neighbour(lower)) || (upper >= 0 && want > neighbour(upper))) boundBy.push('room-type-order');
        }
      }
    }
    const margin = L * ladder[k]! - bidSum[c]!;
    const row: RateLadderRow = {
      arrival: nights[a]!,
      lengthOfStay: L,
      roomType: roomTypes[r]!,
      rate: ladder[k]!,
      bidPrices: Array.from(bid.subarray(r * N + a, r * N + a + L)),
      bidPriceSum: bidSum[c]!,
      margin,
      buyProbability: prob[c * K + k]!,
      expectedContribution: value[c * K + k]!,
      open: margin >= 0,
      best: { rate: ladder[bestIn]!, expectedContribution: value[c * K + bestIn]! },
      unconstrained: { rate: ladder[bestAll]!, expectedContribution: value[c * K + bestAll]! },
      boundBy,
      ...(detail === 'rungs'
        ? {
            rungs: Array.from({ length: K }, (_, q) => ({
              rate: ladder[q]!,
              margin: L * ladder[q]! - bidSum[c]!,
              buyProbability: prob[c * K + q]!,
              expectedContribution: value[c * K + q]!,
              allowed: q >= kLo && q <= kHi,
            })),
          }
        : {}),
    };
    rows.push(row);
    objective += f(c, k);
  }
  const index = new Map<string, number>();
  rows.forEach((row, i) => index.set(`${row.arrival}|${row.lengthOfStay}|${row.roomType}`, i));
  return {
    status: 'ok',
    rows,
    objective,
    rate(arrival: string, lengthOfStay: number, roomType?: string): number | undefined {
      const rt = roomType ?? roomTypes[0]!;
      const i = index.get(`${arrival}|${lengthOfStay}|${rt}`);
      return i === undefined ? undefined : rows[i]!.rate;
    },
  };
}
