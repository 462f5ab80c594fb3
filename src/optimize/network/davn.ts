import type { Demand } from '../../model/demand.js';
import type { Network } from '../../model/schemas.js';
import { YieldInputError } from '../../model/errors.js';
import { fail, positiveInteger } from '../../internal/validate.js';
import { emsrB } from '../singleResource/emsrB.js';
import { bookingLimits } from '../singleResource/bookingLimits.js';
import type { EmsrRounding } from '../singleResource/emsrOptions.js';
import type { LpSolverName } from '../lp/types.js';
import { compileNetwork } from '../../model/compileNetwork.js';
import { bidPriceVector } from '../../model/compileBookingProcess.js';
import { dlp } from './dlp.js';

export const DAVN_DEFAULTS = { virtualClasses: 10, rounding: 'none' } as const;

export interface DavnOptions {
  /** π per resource (object by id, or array in network order); default: the DLP duals. */
  readonly bidPrices?: Readonly<Record<string, number>> | ArrayLike<number>;
  /** Maximum number of virtual classes per leg (≥ 1). */
  readonly virtualClasses?: number;
  /** Rounding of EMSR-b protection levels. */
  readonly rounding?: EmsrRounding;
  readonly solver?: LpSolverName;
}

export interface DavnVirtualClass {
  /** Demand-weighted mean adjusted fare of the class (money per unit). */
  readonly fare: number;
  readonly demand: Demand;
  /** Product ids in the class, highest adjusted fare first. */
  readonly products: readonly string[];
}

export interface DavnLeg {
  /** Resource id (`legs` is in `network.resources` order). */
  readonly resource: string;
  readonly capacity: number;
  /** Virtual classes, high → low. */
  readonly classes: readonly DavnVirtualClass[];
  /** EMSR-b protection levels y_1..y_{n−1} (cumulative, units). */
  readonly protectionLevels: readonly number[];
  /** Nested booking limits b_1 = capacity, b_c = capacity − y_{c−1}. */
  readonly bookingLimits: readonly number[];
  /** Products closed on this leg (adjusted fare ≤ 0). */
  readonly closed: readonly string[];
}

export type DavnResult =
  | {
      readonly status: 'ok';
      /** The bid prices π used for the displacement adjustment, by resource id. */
      readonly bidPrices: Readonly<Record<string, number>>;
      readonly legs: readonly DavnLeg[];
      /** Displacement-adjusted fare r_{i,j}: adjustedFare[productId][resourceId]. */
      readonly adjustedFare: Readonly<Record<string, Readonly<Record<string, number>>>>;
      /** Virtual class index of each product on each of its legs (−1 = closed): classOf[productId][resourceId]. */
      readonly classOf: Readonly<Record<string, Readonly<Record<string, number>>>>;
      /**
       * The same as plain arrays, for compiling nested-limit controls per resource: productClasses[j][k]
       * is the virtual class (0 = the leg's highest, an index into `legs[i].classes`,
       * `legs[i].bookingLimits` and, from 1, `legs[i].protectionLevels[c − 1]`) of product j
       * (`network.products[j]`) on its k-th resource (`network.products[j].resources[k]`, i its index
       * in `network.resources` and in `legs`); −1 = closed on that leg. A unit of j is sold iff on every
       * leg k its class is open: units left x_i ≥ 1 and, for c ≥ 1, x_i > y_{i,c−1} (equivalently
       * sold_i < b_{i,c}, sold_i = capacity_i − x_i).
       */
      readonly productClasses: readonly (readonly number[])[];
      /** Accept a request for one unit of `product` with `remaining` units per resource (network order)?
       * (The rule of `productClasses`; `legs` is in network order.) */
      accept(product: string | number, remaining: ArrayLike<number>): boolean;
    }
  | { readonly status: 'solver-failed'; readonly message: string };

/**
 * Displacement-adjusted virtual nesting (DAVN): network-aware booking limits that run on leg-based,
 * nested inventory. Each leg sees every product that uses it at its displacement-adjusted fare (the
 * fare less the bid prices of the product's other legs: what the product is worth to this leg once the
 * seats it displaces elsewhere are paid for), the products are grouped into a few virtual classes by
 * that value, and EMSR-b sets nested protection levels per leg on the virtual classes.
 *
 *   r_{i,j} = f_j − Σ_{k ∈ L_j, k ≠ i} π_k                  (displacement-adjusted fare of j on leg i)
 *   virtual class c of leg i: fare p̄_c = Σ_{j∈c} E[D_j] r_{i,j} / Σ_{j∈c} E[D_j], demand Σ_{j∈c} D_j
 *   y_{i,1} ≤ … ≤ y_{i,n−1} = emsrB(virtual classes of leg i);  booking limits b_{i,c} = c_i − y_{i,c−1}
 *
 * A request for product j is accepted iff, on every leg i it uses, its virtual class c is open:
 * remaining capacity x_i > y_{i,c−1} (equivalently, units sold on the leg < b_{i,c}; the top class is
 * open while x_i ≥ 1). A product whose adjusted fare on some leg is ≤ 0 is closed on that leg (selling
 * it would lose money at the bid prices). Tie rule: none is needed at the bid price itself — a product
 * whose fare equals the sum of its legs' bid prices keeps a positive adjusted fare (π_i on leg i) and is
 * nested below the products worth more; only a non-positive adjusted fare closes a product.
 *
 * Grouping into virtual classes: products sorted by adjusted fare, equal fares merged; when more
 * distinct values than `virtualClasses` remain, the optimal one-dimensional clustering (Fisher 1958:
 * contiguous groups minimising the demand-weighted squared deviation of adjusted fares) picks the
 * groups. The pooled demand of a class is Poisson when all its products' demands are Poisson (exact),
 * else normal with the summed means and variances (a number as demand counts as a deterministic mean,
 * variance 0).
 *
 * The bid prices π default to the optimal DLP duals (`dlp(network)`); pass `bidPrices` to use others.
 *
 * Reference: Williamson (1992), "Airline network seat inventory control: methodologies and revenue
 * impacts", MIT PhD thesis (DAVN); Talluri & van Ryzin (2004), §3.4 (displacement-adjusted virtual nesting);
 * Barnhart, Belobaba & Odoni (2003), "Applications of operations research in the air transport
 * industry", Transportation Science 37(4) (network revenue value:
 * "an $800 total fare … must be reduced by $300" of displacement on the other leg).
 *
 * @param network - resources and products with their demand; never modified
 * @param options - `bidPrices`, `virtualClasses` (default 10), `rounding` of protection levels
 *   (EMSR-b's, default 'none'), `solver` for the default DLP; see {@link DAVN_DEFAULTS}
 * @example
 * import { davn } from 'yieldcraft/optimize';
 * const r = await davn({
 *   resources: [{ id: 'AB', capacity: 10 }, { id: 'BC', capacity: 10 }],
 *   products: [
 *     { id: 'AB', fare: 500, resources: ['AB'], demand: { kind: 'poisson', mean: 4 } },
 *     { id: 'AC', fare: 800, resources: ['AB', 'BC'], demand: { kind: 'poisson', mean: 6 } },
 *   ],
 * }, { bidPrices: { AB: 0, BC: 300 } });
 * r.status === 'ok' && r.legs[0].classes.map((c) => c.fare); // => [500]  (AC is worth 800 − 300 = 500 on AB)
 */
export async function davn(network: Network, options: DavnOptions = {}): Promise<DavnResult> {
  const net = compileNetwork(network);
  const K = positiveInteger(options.virtualClasses ?? DAVN_DEFAULTS.virtualClasses, 'options.virtualClasses');
  const rounding = options.rounding ?? DAVN_DEFAULTS.rounding;
  let pi: Float64Array;
  if (options.bidPrices === undefined) {
    const lp = await dlp(network, options.solver === undefined ? {} : { solver: options.solver });
    if (lp.status !== 'optimal') return { status: 'solver-failed', message: lp.message };
    pi = lp.bidPriceArray;
  } else pi = bidPriceVector(net, options.bidPrices, 'options.bidPrices');
  for (let i = 0; i < net.capacity.length; i++)
    if (!Number.isInteger(net.capacity[i]!)) fail(`network.resources[${i}].capacity`, `must be a whole number for nested booking limits, got ${net.capacity[i]}`);

  const nR = net.resourceIds.length;
  const legs: DavnLeg[] = [];
  const adjustedFare: Record<string, Record<string, number>> = {};
  const classOf: Record<string, Record<string, number>> = {};
  for (const id of net.productIds) (adjustedFare[id] = {}), (classOf[id] = {});
  // class index per (product, position in its leg list), for the fast accept path
  const cls = new Int32Array(net.productResources.length).fill(-1);
  const levels: Float64Array[] = [];

  for (let i = 0; i < nR; i++) {
    const rid = net.resourceIds[i]!;
    const items: { j: number; r: number; pos: number }[] = [];
    const closed: string[] = [];
    for (let k = net.resourceStart[i]!; k < net.resourceStart[i + 1]!; k++) {
      const j = net.resourceProducts[k]!;
      let other = 0;
      let pos = -1;
      for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) {
        if (net.productResources[q] === i) pos = q;
        else other += pi[net.productResources[q]!]!;
      }
      const r = net.fare[j]! - other;
      adjustedFare[net.productIds[j]!]![rid] = r;
      const tol = 1e-9 * Math.max(1, net.fare[j]!);
      if (r <= tol) {
        closed.push(net.productIds[j]!);
        classOf[net.productIds[j]!]![rid] = -1;
      } else items.push({ j, r, pos });
    }
    items.sort((a, b) => b.r - a.r || a.j - b.j);
    const groups = groupByValue(items, (it) => net.meanDemand[it.j]!, K);
    const classes: DavnVirtualClass[] = groups.map((g) => {
      // demand-weighted mean, written around the first value so a class of equal fares keeps it exactly
      const r0 = g[0]!.r;
      let w = 0;
      let s = 0;
      for (const it of g) (w += net.meanDemand[it.j]!), (s += net.meanDemand[it.j]! * (it.r - r0));
      const fare = r0 + (w > 0 ? s / w : g.reduce((a, it) => a + (it.r - r0), 0) / g.length);
      return { fare, demand: pooledDemand(g.map((it) => net.demand[it.j]!)), products: g.map((it) => net.productIds[it.j]!) };
    });
    groups.forEach((g, c) =>
      g.forEach((it) => {
        cls[it.pos] = c;
        classOf[net.productIds[it.j]!]![rid] = c;
      }),
    );
    const cap = net.capacity[i]!;
    // fares of merged groups are strictly decreasing by construction; EMSR-b wants high → low
    const y = classes.length > 1 ? emsrB(classes.map((c) => ({ fare: c.fare, demand: c.demand })), { rounding, capacity: cap }).protectionLevels : [];
    levels.push(Float64Array.from(y));
    legs.push({ resource: rid, capacity: cap, classes, protectionLevels: y, bookingLimits: bookingLimits(y, cap), closed });
  }

  const bidPrices: Record<string, number> = {};
  net.resourceIds.forEach((id, i) => (bidPrices[id] = pi[i]!));
  const productClasses = net.productIds.map((_, j) => Array.from(cls.subarray(net.productStart[j]!, net.productStart[j + 1]!)));
  return {
    status: 'ok',
    bidPrices,
    legs,
    adjustedFare,
    classOf,
    productClasses,
    accept(product, remaining) {
      const j = typeof product === 'number' ? product : net.productIndex.get(product);
      if (j === undefined || !Number.isInteger(j) || j < 0 || j >= net.productIds.length)
        throw new YieldInputError('unknown-reference', 'product', `unknown product ${JSON.stringify(product)}`);
      for (let q = net.productStart[j]!; q < net.productStart[j + 1]!; q++) {
        const c = cls[q]!;
        if (c < 0) return false;
        const x = remaining[net.productResources[q]!]!;
        if (!(x >= 1)) return false;
        if (c > 0 && !(x > levels[net.productResources[q]!]![c - 1]!)) return false;
      }
      return true;
    },
  };
}

/**
 * Contiguous groups of items sorted by value (high → low): equal values merged, then at most K groups
 * minimising Σ_groups Σ_items w·(r − r̄_group)² (Fisher 1958, dynamic programming over split points).
 */
function groupByValue<T extends { r: number }>(items: readonly T[], weight: (t: T) => number, K: number): T[][] {
  const merged: T[][] = [];
  for (const it of items) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(last[0]!.r - it.r) <= 1e-9 * Math.max(1, Math.abs(it.r))) last.push(it);
    else merged.push([it]);
  }
  const n = merged.length;
  if (n <= K) return merged;
  // weights (at least a tiny one so zero-demand groups still have a place) and values per merged group
  const w = merged.map((g) => Math.max(1e-12, g.reduce((a, t) => a + weight(t), 0)));
  const v = merged.map((g) => g[0]!.r);
  const W = new Float64Array(n + 1);
  const S = new Float64Array(n + 1);
  const Q = new Float64Array(n + 1);
  for (let a = 0; a < n; a++) {
    W[a + 1] = W[a]! + w[a]!;
    S[a + 1] = S[a]! + w[a]! * v[a]!;
    Q[a + 1] = Q[a]! + w[a]! * v[a]! * v[a]!;
  }
  const cost = (a: number, b: number): number => {
    // items a..b−1
    const ww = W[b]! - W[a]!;
    const ss = S[b]! - S[a]!;
    return Q[b]! - Q[a]! - (ss * ss) / ww;
  };
  // D[k][b]: best cost of the first b items in k groups
  const D: Float64Array[] = [];
  const arg: Int32Array[] = [];
  for (let k = 0; k <= K; k++) (D.push(new Float64Array(n + 1).fill(Infinity)), arg.push(new Int32Array(n + 1)));
  D[0]![0] = 0;
  for (let k = 1; k <= K; k++)
    for (let b = k; b <= n; b++)
      for (let a = k - 1; a < b; a++) {
        const c = D[k - 1]![a]! + cost(a, b);
        if (c < D[k]![b]!) (D[k]![b] = c), (arg[k]![b] = a);
      }
  const cuts: number[] = [];
  for (let k = K, b = n; k > 0; k--) {
    const a = arg[k]![b]!;
    cuts.push(a);
    b = a;
  }
  cuts.reverse();
  const out: T[][] = [];
  for (let g = 0; g < K; g++) {
    const a = cuts[g]!;
    const b = g + 1 < K ? cuts[g + 1]! : n;
    out.push(merged.slice(a, b).flat());
  }
  return out;
}

function pooledDemand(ds: readonly (Demand | number)[]): Demand {
  if (ds.every((d) => typeof d === 'object' && d.kind === 'poisson'))
    return { kind: 'poisson', mean: ds.reduce<number>((a, d) => a + (d as { mean: number }).mean, 0) };
  let mean = 0;
  let variance = 0;
  for (const d of ds) {
    const m = momentsOf(d);
    mean += m.mean;
    variance += m.variance;
  }
  return { kind: 'normal', mean, sd: Math.sqrt(variance) };
}

function momentsOf(d: Demand | number): { mean: number; variance: number } {
  if (typeof d === 'number') return { mean: d, variance: 0 };
  switch (d.kind) {
    case 'normal':
      return { mean: d.mean, variance: d.sd * d.sd };
    case 'poisson':
      return { mean: d.mean, variance: d.mean };
    case 'negative-binomial':
      return { mean: d.mean, variance: d.variance };
    case 'empirical': {
      let m = 0;
      let s = 0;
      d.probabilities.forEach((p, k) => ((m += p * k), (s += p * k * k)));
      return { mean: m, variance: Math.max(0, s - m * m) };
    }
  }
}
