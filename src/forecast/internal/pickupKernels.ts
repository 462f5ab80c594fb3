/**
 * The pickup kernels shared by the public `additivePickup` / `multiplicativePickup` / `advancedPickup`
 * (plain arrays) and by `forecastOccupancy` (typed booking-curve matrices). A booking curve is read
 * through `get(row, d)`: rooms on the books d days before the row's night (d ≥ 1), d = 0 the final
 * count; NaN where not known (yet). `rows` lists candidate rows, most recent first.
 * @internal
 */
export type CurveGetter = (row: number, d: number) => number;

/** A pickup forecast: the estimate, or `insufficient-history` with null numbers (never NaN). */
export type PickupEstimate = PickupForecast | PickupInsufficient;

export interface PickupForecast {
  readonly status: 'ok';
  /** Forecast final rooms (never below 0). */
  readonly forecast: number;
  /** Expected rooms still to come (final − on the books; may be negative: net cancellations). */
  readonly pickup: number;
  /** Standard deviation of the final count around the forecast, from the history used. */
  readonly sd: number;
  /** How many history rows (or row-increments, for advanced pickup) were used. */
  readonly used: number;
  /** Multiplicative only: true when Σ on-the-books was 0 and the additive pickup was used instead. */
  readonly fallback?: boolean;
}

/** No past night (or, for advanced pickup, no increment) had the readings needed. */
export interface PickupInsufficient {
  readonly status: 'insufficient-history';
  readonly forecast: null;
  readonly pickup: null;
  readonly sd: null;
  readonly used: 0;
  readonly fallback?: boolean;
}

const NONE: PickupInsufficient = { status: 'insufficient-history', forecast: null, pickup: null, sd: null, used: 0 };

export function additiveKernel(get: CurveGetter, rows: ArrayLike<number>, d: number, otb: number, window: number): PickupEstimate {
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < rows.length && n < window; i++) {
    const r = rows[i]!;
    const fin = get(r, 0);
    const cur = get(r, d);
    if (Number.isNaN(fin) || Number.isNaN(cur)) continue;
    const p = fin - cur;
    sum += p;
    sum2 += p * p;
    n++;
  }
  if (n === 0) return NONE;
  const mean = sum / n;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sum2 - n * mean * mean) / (n - 1))) : 0;
  const forecast = Math.max(0, otb + mean);
  return { status: 'ok', forecast, pickup: forecast - otb, sd, used: n };
}

export function multiplicativeKernel(get: CurveGetter, rows: ArrayLike<number>, d: number, otb: number, window: number): PickupEstimate {
  let n = 0;
  let sumFin = 0;
  let sumCur = 0;
  for (let i = 0; i < rows.length && n < window; i++) {
    const r = rows[i]!;
    const fin = get(r, 0);
    const cur = get(r, d);
    if (Number.isNaN(fin) || Number.isNaN(cur)) continue;
    sumFin += fin;
    sumCur += cur;
    n++;
  }
  if (n === 0) return NONE;
  if (sumCur === 0) return { ...additiveKernel(get, rows, d, otb, window), fallback: true };
  const ratio = sumFin / sumCur;
  let ss = 0;
  let k = 0;
  for (let i = 0; i < rows.length && k < n; i++) {
    const r = rows[i]!;
    const fin = get(r, 0);
    const cur = get(r, d);
    if (Number.isNaN(fin) || Number.isNaN(cur)) continue;
    ss += (fin - ratio * cur) ** 2;
    k++;
  }
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const forecast = Math.max(0, otb * ratio);
  return { status: 'ok', forecast, pickup: forecast - otb, sd, used: n, fallback: false };
}

/**
 * `firstRow(k)`, when given, is a lower bound on the index (in `rows`) of the first row that can show
 * increment k — rows before it are known to lack a reading — so the scan can skip them (a speed hint;
 * the NaN checks still decide).
 */
export function advancedKernel(
  get: CurveGetter,
  rows: ArrayLike<number>,
  d: number,
  otb: number,
  window: number,
  firstRow?: (k: number) => number,
): PickupEstimate {
  let total = 0;
  let variance = 0;
  let used = 0;
  for (let k = d; k >= 1; k--) {
    // increment from k days before to k − 1 days before (k − 1 = 0: to the final count)
    let n = 0;
    let sum = 0;
    let sum2 = 0;
    for (let i = firstRow ? firstRow(k) : 0; i < rows.length && n < window; i++) {
      const r = rows[i]!;
      const a = get(r, k);
      const b = get(r, k - 1);
      if (Number.isNaN(a) || Number.isNaN(b)) continue;
      const p = b - a;
      sum += p;
      sum2 += p * p;
      n++;
    }
    if (n === 0) return NONE;
    const mean = sum / n;
    total += mean;
    if (n > 1) variance += Math.max(0, (sum2 - n * mean * mean) / (n - 1));
    used += n;
  }
  const forecast = Math.max(0, otb + total);
  return { status: 'ok', forecast, pickup: forecast - otb, sd: Math.sqrt(variance), used };
}
