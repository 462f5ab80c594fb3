import { array, fail, join, nonEmptyArray, nonNegative, object, positive } from '../internal/validate.js';
import { demandOf, unconstrainedOptimum, validatePriceResponse, type PriceResponse } from './priceResponse.js';

export interface PricedSegment {
  readonly id: string;
  readonly response: PriceResponse;
}

export interface SegmentPricesOptions {
  readonly capacity: number;
  readonly unitCost?: number;
  readonly noHigherThan?: readonly (readonly [string, string])[];
}

export const SEGMENT_PRICES_DEFAULTS = { unitCost: 0, noHigherThan: [] } as const;

export interface SegmentPricesResult {
  readonly prices: Readonly<Record<string, number>>;
  readonly demand: Readonly<Record<string, number>>;
  readonly revenue: number;
  readonly contribution: number;
  /** λ, the opportunity cost of one unit of capacity (0 when capacity does not bind). */
  readonly shadowPrice: number;
  /**
   * λ·(C − Σ demand): how much more contribution any prices could earn, at most (Lagrangian duality),
   * given that each pooled block is priced exactly. 0 when capacity is used up or does not bind; > 0
   * only when the demand curves make total demand jump as λ crosses a value (two local optima of a
   * pooled block), so no λ fills capacity exactly.
   */
  readonly gapBound: number;
}

const GRID = 256;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** argmax over [lo, hi] of (p − k)·Σ d_i(p), a scan then golden-section refinement. */
function pooledPrice(rs: readonly PriceResponse[], k: number, lo: number, hi: number): number {
  if (!(hi > lo)) return lo;
  const f = (p: number) => {
    let d = 0;
    for (const r of rs) d += demandOf(r, p);
    return (p - k) * d;
  };
  let best = lo;
  let bestF = f(lo);
  let bi = 0;
  const h = (hi - lo) / GRID;
  for (let i = 1; i <= GRID; i++) {
    const p = i === GRID ? hi : lo + i * h;
    const v = f(p);
    if (v > bestF) {
      bestF = v;
      best = p;
      bi = i;
    }
  }
  let a = Math.max(lo, lo + (bi - 1) * h);
  let b = Math.min(hi, lo + (bi + 1) * h);
  let x1 = b - GOLDEN * (b - a);
  let x2 = a + GOLDEN * (b - a);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let it = 0; it < 200 && b - a > 1e-13 * Math.max(1, Math.abs(b)); it++) {
    if (f1 < f2) {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + GOLDEN * (b - a);
      f2 = f(x2);
    } else {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - GOLDEN * (b - a);
      f1 = f(x1);
    }
  }
  const m = 0.5 * (a + b);
  return f(m) >= bestF ? m : best;
}

interface Problem {
  readonly rs: readonly PriceResponse[];
  readonly c: number;
  readonly pairs: readonly (readonly [number, number])[];
  readonly paths: readonly string[];
}

/** Prices for cost k = c + λ, pooled to meet the order constraints. */
function pricesAt(P: Problem, lambda: number): Float64Array {
  const n = P.rs.length;
  const k = P.c + lambda;
  const own = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = unconstrainedOptimum(P.rs[i]!, k);
    if (s === null)
      fail(`${P.paths[i]}.elasticity`, 'no finite optimal price: an elasticity ≤ 1 makes contribution grow without bound as the price rises');
    own[i] = s;
  }
  const p = Float64Array.from(own);
  if (P.pairs.length === 0) return p;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let guard = 0; guard <= n; guard++) {
    let merged = false;
    for (const [a, b] of P.pairs) {
      if (p[a]! <= p[b]! * (1 + 1e-12)) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      parent[ra] = rb;
      const members: number[] = [];
      for (let i = 0; i < n; i++) if (find(i) === rb) members.push(i);
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of members) {
        lo = Math.min(lo, own[i]!);
        hi = Math.max(hi, own[i]!);
      }
      const q = pooledPrice(members.map((i) => P.rs[i]!), k, lo, hi);
      for (const i of members) p[i] = q;
      merged = true;
    }
    if (!merged) break;
  }
  return p;
}

function totalDemand(P: Problem, p: Float64Array): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) d += p[i] === 0 && P.rs[i]!.kind === 'constant-elasticity' ? Infinity : demandOf(P.rs[i]!, p[i]!);
  return d;
}

/**
 * Prices for fenced customer segments that share one capacity: price differentiation with a supply
 * constraint (Phillips 2005, §6.2–6.3 and ch. 4 on fences; T&vR 2004, §7.3.3).
 *
 *   maximise   Σ_i (p_i − c) · d_i(p_i)
 *   subject to Σ_i d_i(p_i) ≤ C                       (shared capacity)
 *              p_a ≤ p_b  for every [a, b] in noHigherThan   (price order across fences)
 *
 * Method. Price capacity with a Lagrange multiplier λ ≥ 0, the opportunity cost of a unit of capacity
 * (Phillips 2005, §6.1.1): for a given λ each segment is priced as if its unit cost were c + λ, which
 * equalises marginal revenue across the segments (MR_i = c + λ for every segment that sells). Total
 * demand D(λ) falls as λ rises (each price rises with its cost, Topkis), so λ is found by bisection on
 * D(λ) = C (relative tolerance 1e-12), after doubling to bracket it; λ = 0 when the unconstrained prices
 * already fit. The reported prices are those of the upper end of the final bracket, so Σ d_i ≤ C holds.
 * Weak duality bounds the loss: no prices earn more than the result's contribution + λ·(C − Σ d_i),
 * reported as `gapBound` (0 whenever D(λ) is continuous, e.g. without order constraints; it can be
 * positive when pooling makes a block's best price jump between two local optima as λ moves).
 *
 * Price-order constraints are met by pooling, as pool-adjacent-violators does for isotonic regression:
 * while some [a, b] has p_a > p_b, the blocks holding a and b are merged and priced together at the
 * single price maximising Σ_{i ∈ block} (p − c − λ)·d_i(p) (a 256-point scan of the interval between
 * the members' own optima, where the maximum must lie, then golden-section refinement). For a chain of
 * constraints (leisure ≤ corporate ≤ business) and concave per-segment contribution (linear demand)
 * this is exact; for other curves and general partial orders it is a heuristic that never splits a
 * pool once formed: it is tested against brute-force grid search on chains and small trees.
 *
 * Reference: Phillips, R. (2005), *Pricing and Revenue Optimization*, ch. 4 (price differentiation and
 * fences), §6.1–6.3 (supply constraints, opportunity cost, variable pricing); Talluri & van Ryzin
 * (2004), §7.3; Barlow, Bartholomew, Bremner & Brunk (1972), *Statistical Inference under Order
 * Restrictions* (pool-adjacent-violators).
 *
 * Asynchronous so that a convex solver behind a port can replace the pooling later without changing
 * callers; today it computes synchronously.
 *
 * @param segments - `{ id, response }` per segment; ids unique, at least one segment
 * @param options.capacity - C, units shared by all segments; > 0, `Infinity` = unconstrained
 * @param options.unitCost - c, variable cost per unit sold, money; ≥ 0 (default 0)
 * @param options.noHigherThan - pairs [a, b] of segment ids meaning price(a) ≤ price(b) (default none)
 * @returns prices and demand by segment id, revenue = Σ price·demand, contribution = Σ (price − c)·demand,
 *   shadowPrice = λ (money per unit of capacity; 0 when capacity does not bind), gapBound (see above)
 * @example
 * import { segmentPrices } from 'yieldcraft/pricing';
 * const r = await segmentPrices(
 *   [ { id: 'leisure', response: { kind: 'linear', a: 100, b: 1 } },
 *     { id: 'business', response: { kind: 'linear', a: 100, b: 0.5 } } ],
 *   { capacity: 70 },
 * );
 * r.prices; // => { leisure: 70, business: 120 }   (to 1e-9; λ = 40: MR = 40 in both, 30 + 40 = 70 rooms)
 * r.shadowPrice; // => 40
 * r.revenue; // => 6900
 */
export async function segmentPrices(
  segments: readonly PricedSegment[],
  options: SegmentPricesOptions,
): Promise<SegmentPricesResult> {
  const list = nonEmptyArray<PricedSegment>(segments, 'segments');
  const o = object(options, 'options') as unknown as SegmentPricesOptions;
  const C = o.capacity === Infinity ? Infinity : positive(o.capacity, 'options.capacity');
  const c = o.unitCost === undefined ? SEGMENT_PRICES_DEFAULTS.unitCost : nonNegative(o.unitCost, 'options.unitCost');
  const index = new Map<string, number>();
  const rs: PriceResponse[] = [];
  const paths: string[] = [];
  list.forEach((s, i) => {
    const path = join('segments', i);
    const seg = object(s, path);
    if (typeof seg.id !== 'string' || seg.id === '') fail(join(path, 'id'), 'must be a non-empty string', 'invalid-type');
    if (index.has(seg.id)) fail(join(path, 'id'), `duplicates segment id ${JSON.stringify(seg.id)}`, 'inconsistent');
    index.set(seg.id, i);
    rs.push(validatePriceResponse(seg.response, join(path, 'response')));
    paths.push(join(path, 'response'));
  });
  const rawPairs = o.noHigherThan === undefined ? [] : array<unknown>(o.noHigherThan, 'options.noHigherThan');
  const pairs = rawPairs.map((pair, k) => {
    const path = join('options.noHigherThan', k);
    if (!Array.isArray(pair) || pair.length !== 2) fail(path, 'must be a pair [a, b] of segment ids', 'invalid-type');
    return pair.map((id, j) => {
      const at = index.get(id as string);
      if (typeof id !== 'string' || at === undefined)
        fail(join(path, j), `names no segment: ${JSON.stringify(id)}`, 'unknown-reference');
      return at;
    }) as unknown as readonly [number, number];
  });
  const P: Problem = { rs, c, pairs, paths };

  let lambda = 0;
  let p = pricesAt(P, 0);
  if (totalDemand(P, p) > C) {
    let lo = 0;
    let hi = Math.max(1, c);
    let ph = pricesAt(P, hi);
    for (let i = 0; totalDemand(P, ph) > C; i++) {
      if (i > 2000) fail('options.capacity', `cannot be met by any finite price (got ${C})`);
      lo = hi;
      hi *= 2;
      ph = pricesAt(P, hi);
    }
    for (let i = 0; i < 300 && hi - lo > 1e-12 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      const pm = pricesAt(P, mid);
      if (totalDemand(P, pm) > C) lo = mid;
      else {
        hi = mid;
        ph = pm;
      }
    }
    lambda = hi;
    p = ph;
  } else if (C === Infinity) {
    for (let i = 0; i < p.length; i++)
      if (p[i] === 0 && rs[i]!.kind === 'constant-elasticity')
        fail(`${paths[i]}.elasticity`, 'no finite optimal price: with no unit cost and no capacity, contribution grows without bound as the price falls to 0');
  }
  const prices: Record<string, number> = {};
  const demand: Record<string, number> = {};
  let revenue = 0;
  let contribution = 0;
  let sold = 0;
  list.forEach((s, i) => {
    const d = demandOf(rs[i]!, p[i]!);
    prices[s.id] = p[i]!;
    demand[s.id] = d;
    sold += d;
    revenue += p[i]! * d;
    contribution += (p[i]! - c) * d;
  });
  const gapBound = lambda === 0 ? 0 : Math.max(0, lambda * (C - sold));
  return { prices, demand, revenue, contribution, shadowPrice: lambda, gapBound };
}
