import type { Network } from '../../model/index.js';
import { fail, positiveInteger } from '../../internal/validate.js';
import { deriveSeed, mulberry32 } from '../../internal/rng.js';
import { toDistribution } from '../../distributions/toDistribution.js';
import type { DemandDistribution, Rng } from '../../distributions/types.js';
import type { LpSolverName, LpTimings } from '../lp/types.js';
import { compileNetwork } from '../../model/compileNetwork.js';
import { openDlpSession } from './dlp.js';

export interface RlpOptions {
  /** Number of demand samples K (≥ 1). */
  readonly samples: number;
  /** Random seed. */
  readonly seed: number;
  readonly solver?: LpSolverName;
}

export type RlpResult =
  | {
      readonly status: 'optimal';
      /** Mean sampled bid price per resource id (money per unit of capacity). */
      readonly bidPrices: Record<string, number>;
      /** The same by resource index. */
      readonly bidPriceArray: Float64Array;
      /** Standard error of each mean bid price (sample sd / √K; 0 when K = 1). */
      readonly bidPriceStdErr: Float64Array;
      /** Mean of the sampled DLP optima: an estimate of E[z*(D)], the RLP upper bound (money). */
      readonly objective: number;
      /** Half-width of a normal-approximation 95 % confidence interval on `objective` (1.96 · se). */
      readonly objectiveHalfWidth95: number;
      readonly samples: number;
      /** Summed over the K solves. */
      readonly timings: LpTimings;
    }
  | { readonly status: 'solver-failed'; readonly message: string };

/** FNV-1a 32-bit hash of a string: a stable stream index per product id. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) {
    h ^= id.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Randomized linear programming (RLP) bid prices: solve the DLP once per sampled demand vector and average
 * the resources' duals (Talluri & van Ryzin 1999, "A randomized linear programming method for computing
 * network bid prices", Transportation Science 33(2):207–216, §3; Talluri & van Ryzin 2004, §3.3.2).
 *
 *   π_RLP = (1/K) Σ_{k=1..K} π*(D^k),   π*(d) = the DLP duals with the demand bounds x_j ≤ d_j,
 *
 * where D^k are independent draws of the demand vector. Averaging over demand scenarios prices in the
 * variability that the DLP's means ignore: a resource that binds only when demand is high gets a bid
 * price between 0 and its DLP value. The mean of the sampled optima, (1/K) Σ z*(D^k), estimates
 * E[z*(D)], an upper bound on the optimal expected revenue that is tighter than the DLP's (Jensen);
 * Topaloglu (2009) reports it as the RLP bound.
 *
 * Sampling: each product's demand is drawn from its `Demand` through `toDistribution` (distributions/),
 * a normal draw below 0 counting as 0 (no negative demand); a product whose demand is a plain number is
 * deterministic (a number carries no variance). Each product has its own random stream, seeded by
 * `deriveSeed(seed, hash(product id))` over `mulberry32`, so the same seed gives the same bid prices,
 * and reordering the products or resources changes nothing. The duals of each sampled DLP are the
 * solver's vertex (see `dlp` on non-unique duals).
 *
 * @param network - as for `dlp`; never modified
 * @param options.samples - K, the number of demand samples (whole number ≥ 1)
 * @param options.seed - the random seed (finite number)
 * @param options.solver - 'highs' (default) or 'javascript-lp-solver'
 * @returns `{ status, bidPrices, objective (mean sampled optimum), objectiveHalfWidth95, bidPriceStdErr, … }`
 * @example
 * import { rlp } from 'yieldcraft/optimize';
 * // One night of 100 rooms; a 200 rate with Poisson(60) demand and a 100 rate with ample demand.
 * // The DLP bid price is 100 (the low rate is marginal); RLP's is also 100 here, since the
 * // low rate fills the night in every sample.
 * const r = await rlp({
 *   resources: [{ id: 'night', capacity: 100 }],
 *   products: [
 *     { id: 'rack', fare: 200, resources: ['night'], demand: { kind: 'poisson', mean: 60 } },
 *     { id: 'promo', fare: 100, resources: ['night'], demand: 500 },
 *   ],
 * }, { samples: 50, seed: 7 });
 * r.bidPrices; // => { night: 100 }
 */
export async function rlp(network: Network, options: RlpOptions): Promise<RlpResult> {
  const net = compileNetwork(network);
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object with samples and seed', 'invalid-type');
  const K = positiveInteger(options.samples, 'options.samples');
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed))
    fail('options.seed', `must be a finite number, got ${String(options.seed)}`);
  const n = net.fare.length;
  const m = net.capacity.length;
  const dists: (DemandDistribution | null)[] = new Array(n);
  const rngs: Rng[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const d = net.demand[j]!;
    dists[j] = typeof d === 'number' ? null : toDistribution(d, `network.products[${j}].demand`);
    rngs[j] = mulberry32(deriveSeed(options.seed, hashId(net.productIds[j]!)));
  }
  const demand = new Float64Array(n);
  const sum = new Float64Array(m);
  const sumSq = new Float64Array(m);
  let zSum = 0;
  let zSq = 0;
  const timings = { buildMs: 0, solveMs: 0, extractMs: 0, loadMs: 0 };
  const session = await openDlpSession(net, { solver: options.solver ?? 'highs' });
  try {
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < n; j++) {
      const dist = dists[j];
      demand[j] = dist === null ? net.meanDemand[j]! : Math.max(0, dist!.sample(rngs[j]!));
    }
    const r = await session.solve({ demand });
    if (r.status !== 'optimal') return { status: 'solver-failed', message: `sample ${k}: ${r.message}` };
    for (let i = 0; i < m; i++) {
      const p = r.bidPriceArray[i]!;
      sum[i]! += p;
      sumSq[i]! += p * p;
    }
    zSum += r.objective;
    zSq += r.objective * r.objective;
    timings.buildMs += r.timings.buildMs;
    timings.solveMs += r.timings.solveMs;
    timings.extractMs += r.timings.extractMs;
    timings.loadMs += r.timings.loadMs;
  }
  } finally {
    session.close();
  }
  const bidPriceArray = new Float64Array(m);
  const bidPriceStdErr = new Float64Array(m);
  const bidPrices: Record<string, number> = {};
  for (let i = 0; i < m; i++) {
    const mean = sum[i]! / K;
    bidPriceArray[i] = mean;
    bidPrices[net.resourceIds[i]!] = mean;
    const variance = K > 1 ? Math.max(0, (sumSq[i]! - K * mean * mean) / (K - 1)) : 0;
    bidPriceStdErr[i] = Math.sqrt(variance / K);
  }
  const zMean = zSum / K;
  const zVar = K > 1 ? Math.max(0, (zSq - K * zMean * zMean) / (K - 1)) : 0;
  return {
    status: 'optimal',
    bidPrices,
    bidPriceArray,
    bidPriceStdErr,
    objective: zMean,
    objectiveHalfWidth95: 1.96 * Math.sqrt(zVar / K),
    samples: K,
    timings,
  };
}
