/**
 * The forecasting engine behind `forecastOccupancy`, `backtest` and `forecastProductDemand`: booking
 * curves as of D, show-up rates, and the per-night forecast of each method.
 * @internal
 */
import { dayOfWeek } from '../../history/epochDay.js';
import { holtWinters, type HoltWintersFit, type HoltWintersOptions } from '../holtWinters.js';
import { tallyCancellations } from '../cancellationRates.js';
import { buildCurves, getterAt, type CurveMatrix } from './curves.js';
import { additiveKernel, advancedKernel, multiplicativeKernel, type PickupEstimate } from './pickupKernels.js';
import type { Prepared } from './records.js';

export const OCCUPANCY_METHODS = [
  'additive-pickup',
  'multiplicative-pickup',
  'advanced-pickup',
  'holt-winters',
  'pickup-holt-winters',
  'naive-on-the-books',
  'naive-last-year',
  'naive-seasonal',
] as const;
export type FixedOccupancyMethod = (typeof OCCUPANCY_METHODS)[number];

/**
 * Methods `auto` chooses among. The naive baselines are for comparison only, and Holt-Winters alone is
 * left out: it ignores the bookings on hand, and an inner backtest on the nights just before D rated it
 * well in calm months while it failed across season changes (City Hotel, autumn 2016: inner MAE ≈ 20,
 * actual ≈ 60–75 rooms at 60–90 days); it enters through 'pickup-holt-winters'.
 */
export const AUTO_CANDIDATES: readonly FixedOccupancyMethod[] = [
  'pickup-holt-winters',
  'additive-pickup',
  'multiplicative-pickup',
  'advanced-pickup',
];

export const AUTO_BUCKETS = [0, 1, 3, 7, 14, 30, 60, 90, 180] as const;
/** The method `auto` keeps unless another beats it by AUTO_MARGIN in the inner backtest. */
export const AUTO_DEFAULT: FixedOccupancyMethod = 'pickup-holt-winters';
export const AUTO_MARGIN = 0.1;
const SHOW_BUCKETS = [0, 1, 3, 7, 14, 30, 60, 90, 180];

export interface EngineOptions {
  readonly window: number;
  readonly warmupDays: number;
  readonly lookbackDays: number;
  readonly holtWinters?: HoltWintersOptions;
}

export interface NightForecast {
  mean: number;
  sd: number;
  onTheBooks: number;
  floor: number;
  method: FixedOccupancyMethod;
}

export class Engine {
  readonly keys: readonly string[];
  readonly matrix: CurveMatrix;
  private readonly show: Float64Array; // key × bucket show-up probability
  private readonly hwFits = new Map<string, HoltWintersFit | null>();
  private readonly seriesStart: number;
  private readonly getters = new Map<number, (r: number, s: number) => number>();

  constructor(
    readonly p: Prepared,
    readonly asOf: number,
    readonly horizon: number,
    readonly keyMode: 'total' | 'segment',
    readonly opts: EngineOptions,
  ) {
    const first = Number.isNaN(p.firstNight) ? asOf : Math.min(p.firstNight, asOf);
    this.matrix = buildCurves(p, asOf, first, asOf + horizon - 1, Math.max(horizon - 1, 0), keyMode);
    this.keys = this.matrix.keys;
    this.seriesStart = first + opts.warmupDays;
    const { tally } = tallyCancellations(p, asOf, opts.lookbackDays, SHOW_BUCKETS, keyMode);
    const nb = SHOW_BUCKETS.length;
    this.show = new Float64Array(this.keys.length * nb).fill(1);
    for (let k = 0; k < this.keys.length; k++) {
      let tb = 0;
      let tl = 0;
      for (let b = 0; b < nb; b++) {
        tb += tally[(k * nb + b) * 3]!;
        tl += tally[(k * nb + b) * 3 + 1]! + tally[(k * nb + b) * 3 + 2]!;
      }
      for (let b = 0; b < nb; b++) {
        const base = (k * nb + b) * 3;
        const books = tally[base]!;
        const lost = tally[base + 1]! + tally[base + 2]!;
        this.show[k * nb + b] = books > 0 ? 1 - lost / books : tb > 0 ? 1 - tl / tb : 1;
      }
    }
  }

  /** Complete nights of history (nights before D after the warm-up). */
  historyDays(origin = this.asOf): number {
    return Math.max(0, origin - this.seriesStart);
  }

  showUp(key: number, lead: number): number {
    let b = 0;
    while (b + 1 < SHOW_BUCKETS.length && lead >= SHOW_BUCKETS[b + 1]!) b++;
    return this.show[key * SHOW_BUCKETS.length + b]!;
  }

  /** Final counts of the nights seriesStart .. origin − 1 for a key. */
  finals(key: number, origin = this.asOf): number[] {
    const mat = this.matrix.data[key]!;
    const { first, width } = this.matrix;
    const out: number[] = [];
    for (let n = this.seriesStart; n < origin; n++) out.push(mat[(n - first) * width]!);
    return out;
  }

  /** Holt-Winters fitted on the finals before `fitOrigin`, then (if origin differs) refiltered to origin. */
  hw(key: number, origin = this.asOf, fitOrigin = origin): HoltWintersFit | null {
    const id = `${key}:${origin}:${fitOrigin}`;
    if (this.hwFits.has(id)) return this.hwFits.get(id)!;
    let fit: HoltWintersFit | null = null;
    const base = this.opts.holtWinters ?? {};
    if (this.historyDays(fitOrigin) >= 28) {
      const params = holtWinters(this.finals(key, fitOrigin), base);
      fit =
        fitOrigin === origin
          ? params
          : holtWinters(this.finals(key, origin), {
              ...base,
              alpha: params.alpha,
              beta: params.trend === 'none' ? undefined : params.beta,
              gamma: params.gamma,
              delta: params.yearly ? params.delta : undefined,
              phi: params.trend === 'damped' ? params.phi : undefined,
              trend: params.trend,
              yearly: params.yearly ? 'auto' : 'none',
            });
    }
    this.hwFits.set(id, fit);
    return fit;
  }

  /** Forecast of night n = origin + lead for a key with a fixed method, as seen from `origin`. */
  forecast(key: number, method: FixedOccupancyMethod, origin: number, lead: number, fitOrigin = origin): NightForecast | null {
    const { first, width } = this.matrix;
    const n = origin + lead;
    const r = n - first;
    const gid = key * 1e6 + origin;
    let get = this.getters.get(gid);
    if (!get) {
      get = getterAt(this.matrix, key, origin);
      this.getters.set(gid, get);
    }
    const slot = lead + 1;
    if (slot >= width) return null;
    const otb = get(r, slot);
    if (Number.isNaN(otb)) return null;
    const floor = otb * this.showUp(key, lead);
    const done = (mean: number, sd: number): NightForecast => ({ mean: Math.max(floor, mean), sd: Math.max(0, sd), onTheBooks: otb, floor, method });
    switch (method) {
      case 'naive-on-the-books':
        return { mean: otb, sd: 0, onTheBooks: otb, floor, method };
      case 'naive-last-year': {
        const v = r - 364 >= 0 ? get(r - 364, 0) : Number.NaN;
        return Number.isNaN(v) ? null : done(v, 0);
      }
      case 'naive-seasonal': {
        for (let k = 1; r - 7 * k >= 0 && k < 60; k++) {
          const v = get(r - 7 * k, 0);
          if (!Number.isNaN(v)) return done(v, 0);
        }
        return null;
      }
      case 'holt-winters': {
        const fit = this.hw(key, origin, fitOrigin);
        if (!fit) return null;
        const f = this.hwForecast(fit, key, origin, lead);
        return done(f.mean, f.sd);
      }
      case 'pickup-holt-winters': {
        const a = this.pickup(get, r, slot, otb, 'advanced-pickup');
        const fit = this.hw(key, origin, fitOrigin);
        const h = fit ? this.hwForecast(fit, key, origin, lead) : null;
        if (a.status !== 'ok') return h ? done(h.mean, h.sd) : null;
        if (!h) return done(a.forecast, a.sd);
        // Bates & Granger (1969): weights inversely proportional to each forecast's error variance
        const va = Math.max(a.sd * a.sd, 1e-6);
        const vh = Math.max(h.sd * h.sd, 1e-6);
        const w = vh / (va + vh);
        return done(w * a.forecast + (1 - w) * h.mean, Math.sqrt(w * va + (1 - w) * vh));
      }
      default: {
        const e = this.pickup(get, r, slot, otb, method);
        return e.status === 'ok' ? done(e.forecast, e.sd) : null;
      }
    }
  }

  private hwCache = new Map<HoltWintersFit, { mean: number[]; sd: number[] }>();
  private hwForecast(fit: HoltWintersFit, _key: number, _origin: number, lead: number): { mean: number; sd: number } {
    let f = this.hwCache.get(fit);
    if (!f || f.mean.length < lead + 1) {
      f = fit.forecast(Math.max(lead + 1, this.horizon));
      this.hwCache.set(fit, f);
    }
    return { mean: Math.max(0, f.mean[lead]!), sd: f.sd[lead]! };
  }

  private rowsBuf = new Int32Array(64);
  private pickup(
    get: (r: number, s: number) => number,
    r: number,
    slot: number,
    otb: number,
    method: 'additive-pickup' | 'multiplicative-pickup' | 'advanced-pickup',
  ): PickupEstimate {
    // same weekday, most recent first (up to 60 weeks back; the kernels stop at `window` usable rows)
    let count = 0;
    for (let k = 1; k <= 60 && r - 7 * k >= 0; k++) this.rowsBuf[count++] = r - 7 * k;
    const rows = this.rowsBuf.subarray(0, count);
    const w = this.opts.window;
    if (method === 'additive-pickup') return additiveKernel(get, rows, slot, otb, w);
    if (method === 'multiplicative-pickup') return multiplicativeKernel(get, rows, slot, otb, w);
    // row j (night − 7(j + 1)) shows increment k (slots k → k − 1) only if 7(j + 1) ≥ lead − k + 2
    const lead = slot - 1;
    return advancedKernel(get, rows, slot, otb, w, (k) => Math.max(0, Math.ceil((lead - k + 2) / 7) - 1));
  }

  /** Day of week of night origin + lead (0 = Sunday). */
  dow(origin: number, lead: number): number {
    return dayOfWeek(origin + lead);
  }
}

/**
 * `auto`: for each key and lead bucket, the candidate with the lowest mean absolute error in an inner
 * rolling-origin backtest on nights before D (origins D − bucketEnd − 7j, j = 0..origins−1; Holt-Winters
 * parameters fitted once at the earliest inner origin). Returns the chosen method per key × bucket.
 */
export function chooseMethods(engine: Engine, origins: number, candidates: readonly FixedOccupancyMethod[]): FixedOccupancyMethod[][] {
  const D = engine.asOf;
  const H = engine.horizon;
  const buckets = AUTO_BUCKETS.filter((b) => b < H);
  const ends = buckets.map((_, i) => Math.min(i + 1 < buckets.length ? buckets[i + 1]! : H, H));
  const earliest = D - Math.max(...ends) - 7 * (origins - 1);
  // Holt-Winters parameters are fitted once, at the earliest inner origin (or per origin when it has too little history)
  const fitOriginFor = (o: number) => (engine.historyDays(earliest) >= 28 ? earliest : o);
  const out: FixedOccupancyMethod[][] = [];
  for (let k = 0; k < engine.keys.length; k++) {
    const row: FixedOccupancyMethod[] = [];
    buckets.forEach((b0, bi) => {
      const b1 = ends[bi]!;
      const leads: number[] = [];
      const span = b1 - b0;
      const step = Math.max(1, Math.floor(span / 7));
      for (let L = b0; L < b1; L += step) leads.push(L);
      let best: FixedOccupancyMethod = candidates[0]!;
      let bestErr = Infinity;
      let defaultErr = Infinity;
      for (const m of candidates) {
        let err = 0;
        let cnt = 0;
        for (let j = 0; j < origins; j++) {
          const o = D - b1 - 7 * j;
          const fitOrigin = fitOriginFor(o);
          for (const L of leads) {
            const n = o + L;
            const actual = finalAt(engine, k, n);
            if (Number.isNaN(actual)) continue;
            const f = engine.forecast(k, m, o, L, fitOrigin);
            if (!f) {
              err = Infinity;
              break;
            }
            err += Math.abs(f.mean - actual);
            cnt++;
          }
          if (err === Infinity) break;
        }
        const mae = cnt > 0 ? err / cnt : Infinity;
        if (m === AUTO_DEFAULT) defaultErr = mae;
        if (mae < bestErr) {
          bestErr = mae;
          best = m;
        }
      }
      // shrink towards the robust default: switch only for a clear (AUTO_MARGIN) inner-backtest gain
      row.push(best !== AUTO_DEFAULT && defaultErr < Infinity && !(bestErr < (1 - AUTO_MARGIN) * defaultErr) ? AUTO_DEFAULT : best);
    });
    out.push(row);
  }
  return out;
}

function finalAt(engine: Engine, key: number, n: number): number {
  const { first, width, data } = engine.matrix;
  if (n < first || n >= engine.asOf) return Number.NaN;
  return data[key]![(n - first) * width]!;
}

export function bucketIndex(lead: number): number {
  let b = 0;
  while (b + 1 < AUTO_BUCKETS.length && lead >= AUTO_BUCKETS[b + 1]!) b++;
  return b;
}
