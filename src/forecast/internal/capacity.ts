/**
 * Capacity as a forecasting input: what the user gave (rooms, optionally rooms out of order by night),
 * or the estimate from history (`estimateCapacity`), and the censored-normal pieces that turn a demand
 * forecast into an occupancy forecast (E[min(D, C)] and its sd).
 * @internal
 */
import { fail, join, nonNegative, object } from '../../internal/validate.js';
import type { BookingTable } from '../../history/bookingTable.js';
import { estimateCapacity } from '../../history/estimateCapacity.js';
import { fromEpochDay, parseEpochDay } from '../../history/epochDay.js';
import { normalCdf, normalPdf } from '../../distributions/normalCdf.js';

/**
 * Capacity input: a number of rooms; `{ rooms, outOfOrder }` with rooms out of order by night (ISO date
 * → rooms); 'estimate' (the most rooms occupied on any night before the as-of date); 'none' (no
 * capacity: occupancy = demand, nothing is censored).
 */
export type CapacityInput =
  | number
  | 'estimate'
  | 'none'
  | { readonly rooms: number; readonly outOfOrder?: Readonly<Record<string, number>> };

/** The capacity a forecast used, and how it was found. */
export interface CapacityUsed {
  readonly source: 'given' | 'estimated' | 'none';
  /** Rooms a night (before rooms out of order); null with source 'none'. */
  readonly rooms: number | null;
  /** With source 'estimated': how (`estimateCapacity`), and the night that showed it. */
  readonly estimate?: { readonly method: 'max-occupied-before-as-of'; readonly night: string | null };
  /** Nights with rooms out of order (given). */
  readonly outOfOrderNights: number;
  /** A past night counts as sold out (its demand censored) when occupied ≥ soldOutShare × capacity. */
  readonly soldOutShare: number;
  /**
   * Mean of occupied / capacity over the sold-out nights of the year before the as-of date (1 when
   * there were none): occupancy forecasts are capped at soldOutFill × capacity (rooms held back,
   * no-shows and late cancellations keep a full hotel below its room count).
   */
  readonly soldOutFill: number;
  /** Sold-out nights found in the history before the as-of date. */
  readonly soldOutNights: number;
}

export interface ResolvedCapacity {
  readonly source: CapacityUsed['source'];
  readonly rooms: number | null;
  readonly estimate?: CapacityUsed['estimate'];
  readonly outOfOrder: ReadonlyMap<number, number>;
  /** Capacity of night n (epoch day); Infinity with source 'none'. */
  at(n: number): number;
}

/** Validates a capacity input; estimates it from the booking table (one property) as of D when asked. */
export function resolveCapacity(input: unknown, records: BookingTable, D: number, path = 'options.capacity'): ResolvedCapacity {
  const none: ResolvedCapacity = { source: 'none', rooms: null, outOfOrder: new Map(), at: () => Infinity };
  if (input === 'none') return none;
  if (input === undefined || input === 'estimate') {
    const e = estimateCapacity(records, { asOf: fromEpochDay(D) });
    if (e.status !== 'ok') return none;
    const rooms = e.rooms;
    return { source: 'estimated', rooms, estimate: { method: e.method, night: e.night }, outOfOrder: new Map(), at: () => rooms };
  }
  let rooms: number;
  const outOfOrder = new Map<number, number>();
  if (typeof input === 'number') rooms = nonNegative(input, path);
  else if (typeof input === 'object' && input !== null) {
    const o = object(input, path);
    rooms = nonNegative(o.rooms, join(path, 'rooms'));
    if (o.outOfOrder !== undefined) {
      const ooo = object(o.outOfOrder, join(path, 'outOfOrder'));
      for (const [date, v] of Object.entries(ooo)) {
        const p = join(join(path, 'outOfOrder'), date);
        const n = parseEpochDay(date);
        if (Number.isNaN(n)) fail(p, `keys must be ISO dates YYYY-MM-DD, got ${JSON.stringify(date)}`);
        const x = nonNegative(v, p);
        if (x > rooms) fail(p, `must not exceed the rooms (${rooms}), got ${x}`, 'inconsistent');
        outOfOrder.set(n, x);
      }
    }
  } else fail(path, `must be a number of rooms, { rooms, outOfOrder }, 'estimate' or 'none', got ${JSON.stringify(input)}`, 'invalid-type');
  if (!Number.isInteger(rooms)) fail(typeof input === 'number' ? path : join(path, 'rooms'), `must be a whole number of rooms, got ${rooms}`);
  const r = rooms;
  return { source: 'given', rooms: r, outOfOrder, at: (n) => r - (outOfOrder.get(n) ?? 0) };
}

/**
 * E[min(D, C)] and sd(min(D, C)) for D ~ Normal(μ, σ) (σ ≥ 0): with z = (C − μ)/σ,
 *   E[min]   = μ·Φ(z) − σ·φ(z) + C·(1 − Φ(z))
 *   E[min²]  = (μ² + σ²)·Φ(z) − σ·(μ + C)·φ(z) + C²·(1 − Φ(z))
 * (moments of the normal truncated above; Johnson, Kotz & Balakrishnan 1994, §10.1). Capacity
 * Infinity returns (μ, σ).
 */
export function cappedNormal(mu: number, sigma: number, cap: number): { mean: number; sd: number } {
  if (cap === Infinity) return { mean: mu, sd: sigma };
  if (!(sigma > 0)) return { mean: Math.min(mu, cap), sd: 0 };
  const z = (cap - mu) / sigma;
  const P = normalCdf(z);
  const f = normalPdf(z);
  const m = mu * P - sigma * f + cap * (1 - P);
  const m2 = (mu * mu + sigma * sigma) * P - sigma * (mu + cap) * f + cap * cap * (1 - P);
  const mean = Math.min(m, mu, cap);
  return { mean, sd: Math.sqrt(Math.max(0, m2 - m * m)) };
}
