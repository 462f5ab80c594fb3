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
import { emUnconstrain } from '../emUnconstrain.js';
import { projectionDetruncation } from '../projectionDetruncation.js';
import { COMBINATION_WEIGHTS_DEFAULTS, inverseMseWeights } from '../combinationWeights.js';
import type { ResolvedCapacity } from './capacity.js';

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
 * Methods `auto` combines. Holt-Winters alone is left out: it ignores the bookings on hand, and an
 * inner backtest on the nights just before D rated it well in calm months while it failed across season
 * changes (City Hotel, autumn 2016: inner MAE ≈ 20, actual ≈ 60–75 rooms at 60–90 days); it enters
 * through 'pickup-holt-winters'. The same night last year is a candidate: it carries the yearly season
 * (which Holt-Winters cannot learn from under two years of nights) into the busy months.
 */
export const AUTO_CANDIDATES: readonly FixedOccupancyMethod[] = [
  'pickup-holt-winters',
  'additive-pickup',
  'multiplicative-pickup',
  'advanced-pickup',
  'naive-last-year',
];

export const AUTO_BUCKETS = [0, 1, 3, 7, 14, 30, 60, 90, 180] as const;
/** What `auto` uses for a key × lead bucket whose inner backtest had no point. */
export const AUTO_DEFAULT: FixedOccupancyMethod = 'pickup-holt-winters';
const SHOW_BUCKETS = [0, 1, 3, 7, 14, 30, 60, 90, 180];

export interface EngineOptions {
  readonly window: number;
  readonly warmupDays: number;
  readonly lookbackDays: number;
  readonly holtWinters?: HoltWintersOptions;
  /** Capacity (none when left out). */
  readonly capacity?: ResolvedCapacity;
  /** Past nights with occupied ≥ soldOutShare × capacity are censored (default 0.95). */
  readonly soldOutShare?: number;
  /** How censored finals are unconstrained (default 'em'). */
  readonly unconstrain?: 'em' | 'projection-detruncation' | 'none';
}

/** Same-weekday neighbours on each side used to unconstrain a sold-out night. */
export const UNCONSTRAIN_NEIGHBOURS = 8;

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
  /** Capacity per matrix row (Infinity: none). */
  readonly cap: Float64Array;
  /** Final counts as recorded (before unconstraining), per key and row; NaN from D on. */
  readonly rawFinal: readonly Float64Array[];
  /** 1 for rows (nights before D) that were sold out. */
  readonly soldOut: Uint8Array;
  readonly soldOutNights: number;
  /** Mean occupied / capacity over the sold-out nights of the year before D (1 when none). */
  readonly soldOutFill: number;
  /** Key × row finals replaced by their unconstrained value. */
  readonly unconstrainedCount: number;

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
    // capacity, sold-out nights, and the finals of sold-out nights unconstrained
    const { rows, width } = this.matrix;
    const mfirst = this.matrix.first;
    const capacity = opts.capacity;
    this.cap = new Float64Array(rows);
    for (let r = 0; r < rows; r++) this.cap[r] = capacity ? capacity.at(mfirst + r) : Infinity;
    this.rawFinal = this.matrix.data.map((mat) => {
      const f = new Float64Array(rows);
      for (let r = 0; r < rows; r++) f[r] = mat[r * width]!;
      return f;
    });
    const share = opts.soldOutShare ?? 0.95;
    this.soldOut = new Uint8Array(rows);
    let nSold = 0;
    let fillSum = 0;
    let fillN = 0;
    for (let r = 0; r < rows; r++) {
      const n = mfirst + r;
      if (n >= asOf || n < this.seriesStart || this.cap[r] === Infinity) continue;
      let tot = 0;
      for (const f of this.rawFinal) tot += f[r]!;
      if (tot >= share * this.cap[r]! && this.cap[r]! > 0) {
        this.soldOut[r] = 1;
        nSold++;
        if (n >= asOf - 365) {
          fillSum += Math.min(1, tot / this.cap[r]!);
          fillN++;
        }
      }
    }
    this.soldOutNights = nSold;
    this.soldOutFill = fillN > 0 ? fillSum / fillN : 1;
    let replaced = 0;
    const how = opts.unconstrain ?? 'em';
    if (nSold > 0 && how !== 'none') {
      const lo = Math.max(0, this.seriesStart - mfirst);
      const hi = Math.min(rows, asOf - mfirst); // exclusive
      this.matrix.data.forEach((mat, k) => {
        const raw = this.rawFinal[k]!;
        for (let r = lo; r < hi; r++) {
          if (!this.soldOut[r]) continue;
          const obs: { value: number; censored: boolean }[] = [];
          let self = -1;
          for (let i = -UNCONSTRAIN_NEIGHBOURS; i <= UNCONSTRAIN_NEIGHBOURS; i++) {
            const q = r + 7 * i;
            if (q < lo || q >= hi) continue;
            if (i === 0) self = obs.length;
            obs.push({ value: raw[q]!, censored: this.soldOut[q] === 1 });
          }
          if (obs.length < 3) continue;
          const u =
            how === 'em'
              ? emUnconstrain(obs, { tolerance: 1e-6, maxIterations: 200 })
              : projectionDetruncation(obs, { tolerance: 1e-6, maxIterations: 200 });
          if (u.status === 'not-identifiable') continue;
          const v = u.unconstrained[self]!;
          if (Number.isFinite(v) && v > raw[r]!) {
            mat[r * width] = v;
            replaced++;
          }
        }
      });
    }
    this.unconstrainedCount = replaced;
  }

  /** Effective capacity of night n: capacity × soldOutFill (Infinity: none). */
  effectiveCap(n: number): number {
    const r = n - this.matrix.first;
    const c = r >= 0 && r < this.matrix.rows ? this.cap[r]! : this.opts.capacity ? this.opts.capacity.at(n) : Infinity;
    return c * this.soldOutFill;
  }

  capAt(n: number): number {
    const r = n - this.matrix.first;
    return r >= 0 && r < this.matrix.rows ? this.cap[r]! : this.opts.capacity ? this.opts.capacity.at(n) : Infinity;
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
        const a = this.advanced(key, origin, get, r, slot, otb);
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
        const e = method === 'advanced-pickup' ? this.advanced(key, origin, get, r, slot, otb) : this.pickup(get, r, slot, otb, method);
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

  /** Advanced pickup, memoised per key × origin × night (shared by 'advanced-pickup' and 'pickup-holt-winters'). */
  private advMemo = new Map<number, PickupEstimate>();
  private advanced(key: number, origin: number, get: (r: number, s: number) => number, r: number, slot: number, otb: number): PickupEstimate {
    const id = ((key * 8192 + slot) * 8192 + r) * 65536 + (origin & 65535);
    let e = this.advMemo.get(id);
    if (!e) {
      e = this.pickup(get, r, slot, otb, 'advanced-pickup');
      this.advMemo.set(id, e);
    }
    return e;
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

/** `auto`'s combination for one key × lead bucket. */
export interface Combination {
  /** Weight per candidate (AUTO_CANDIDATES order); all 0 when the inner backtest had no point. */
  readonly weights: Float64Array;
  /** Root mean squared error of the combined occupancy forecast in the inner backtest (NaN: none). */
  readonly rmse: number;
  readonly points: number;
}

/**
 * `auto`: for each key and lead bucket, an inner rolling-origin backtest on nights before D (origins
 * D − bucketEnd − 7j, j = 0..origins−1; Holt-Winters parameters fitted once at the earliest inner
 * origin): every candidate's demand forecast is turned into occupancy (scaled so that the total does not
 * exceed the effective capacity) and compared with the nights' recorded occupancy; the candidates are
 * then weighted by inverse mean squared error (`combinationWeights`), and the combination's own error
 * gives the forecast's sd. Only data before D is read.
 */
export function combineMethods(engine: Engine, origins: number, candidates: readonly FixedOccupancyMethod[]): Combination[][] {
  const D = engine.asOf;
  const H = engine.horizon;
  const K = engine.keys.length;
  const M = candidates.length;
  const buckets = AUTO_BUCKETS.filter((b) => b < H);
  const ends = buckets.map((_, i) => Math.min(i + 1 < buckets.length ? buckets[i + 1]! : H, H));
  // Holt-Winters parameters: fitted once per key, at the earliest inner origin with 28 nights of history
  // (earlier origins have too little history for Holt-Winters at all), then refiltered to each origin
  let fitAt = Infinity;
  ends.forEach((b1) => {
    for (let j = 0; j < origins; j++) {
      const o = D - b1 - 7 * j;
      if (engine.historyDays(o) >= 28 && o < fitAt) fitAt = o;
    }
  });
  const fitOriginFor = (o: number) => (o >= fitAt ? fitAt : o);
  const out: Combination[][] = Array.from({ length: K }, () => []);
  const mu = new Float64Array(K * M);
  buckets.forEach((b0, bi) => {
    const b1 = ends[bi]!;
    const leads: number[] = [];
    const step = Math.max(1, Math.floor((b1 - b0) / 7));
    for (let L = b0; L < b1; L += step) leads.push(L);
    const P = origins * leads.length;
    // pred[k][m·P + p]: occupancy forecast of candidate m; act[k][p]: recorded occupancy
    const err = Array.from({ length: K }, () => new Float64Array(M * P).fill(Number.NaN));
    const pred = Array.from({ length: K }, () => new Float64Array(M * P).fill(Number.NaN));
    const act = Array.from({ length: K }, () => new Float64Array(P).fill(Number.NaN));
    let p = -1;
    for (let j = 0; j < origins; j++) {
      const o = D - b1 - 7 * j;
      const fitOrigin = fitOriginFor(o);
      for (const L of leads) {
        p++;
        const n = o + L;
        if (Number.isNaN(rawFinalAt(engine, 0, n))) continue;
        const ceff = engine.effectiveCap(n);
        for (let m = 0; m < M; m++) {
          let tot = 0;
          for (let k = 0; k < K; k++) {
            const f = engine.forecast(k, candidates[m]!, o, L, fitOrigin);
            mu[k * M + m] = f ? f.mean : Number.NaN;
            if (f) tot += f.mean;
          }
          const ratio = tot > ceff ? ceff / tot : 1;
          for (let k = 0; k < K; k++) {
            const v = mu[k * M + m]!;
            if (Number.isNaN(v)) continue;
            const a = rawFinalAt(engine, k, n);
            act[k]![p] = a;
            pred[k]![m * P + p] = v * ratio;
            err[k]![m * P + p] = v * ratio - a;
          }
        }
      }
    }
    for (let k = 0; k < K; k++) {
      const w = new Float64Array(M);
      const ok = inverseMseWeights(err[k]!, M, P, COMBINATION_WEIGHTS_DEFAULTS.minCoverage, COMBINATION_WEIGHTS_DEFAULTS.maxRatio, w);
      let se = 0;
      let cnt = 0;
      if (ok)
        for (let q = 0; q < P; q++) {
          let s = 0;
          let ws = 0;
          for (let m = 0; m < M; m++) {
            const v = pred[k]![m * P + q]!;
            if (Number.isNaN(v) || w[m] === 0) continue;
            s += w[m]! * v;
            ws += w[m]!;
          }
          if (ws === 0) continue;
          se += (s / ws - act[k]![q]!) ** 2;
          cnt++;
        }
      out[k]!.push({ weights: w, rmse: cnt > 0 ? Math.sqrt(se / cnt) : Number.NaN, points: cnt });
    }
  });
  return out;
}

function rawFinalAt(engine: Engine, key: number, n: number): number {
  const r = n - engine.matrix.first;
  if (r < 0 || n >= engine.asOf) return Number.NaN;
  return engine.rawFinal[key]![r]!;
}

export function bucketIndex(lead: number): number {
  let b = 0;
  while (b + 1 < AUTO_BUCKETS.length && lead >= AUTO_BUCKETS[b + 1]!) b++;
  return b;
}
