import { YieldInputError } from './errors.js';
import type { Network } from './schemas.js';
import { compileNetwork } from './compileNetwork.js';
import { fail, finite, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';

/**
 * The discrete-time network booking process: a network (resources, products) with a
 * one-request-per-period arrival process over the booking horizon. Model vocabulary shared by the optimizers that need an arrival process
 * (DP decomposition, Lagrangian relaxation) and by the simulator; the model behind the network
 * benchmark instances of Topaloglu (2009) and the network dynamic program of Talluri & van Ryzin
 * (2004), ch. 3.
 *
 * Time is cut into `periods` short booking periods, small enough that at most one request arrives in
 * each. In period t (0-based, forward: t = 0 opens the booking horizon, t = periods − 1 closes it) a
 * request for product j arrives with probability p_{t,j}, and no request with probability
 * 1 − Σ_j p_{t,j}. Accepting a request for j earns its fare f_j and uses one unit of every resource
 * (flight leg, hotel night) the product lists; a request is lost when it is rejected.
 *
 * Notation used throughout the network policies: legs (resources) i with capacity c_i, products
 * (itineraries) j with fare f_j and leg set L_j, J_i = the products that use leg i, p_{t,j} as above.
 * Expected demand of product j from period s on: D_j(s) = Σ_{t ≥ s} p_{t,j}.
 *
 * Reference: H. Topaloglu (2009), "Using Lagrangian relaxation to compute capacity-dependent bid prices
 * in network revenue management", Operations Research 57(3):637–649 (the model);
 * Talluri & van Ryzin (2004), The Theory and Practice of Revenue Management, §3.2 (the network DP).
 *
 * @example
 * import { validateBookingProcess, expectedArrivals } from 'yieldcraft/model';
 * const process = {
 *   network: {
 *     resources: [{ id: 'AB', capacity: 2 }],
 *     products: [{ id: 'AB-Y', fare: 100, resources: ['AB'], demand: 0 }],
 *   },
 *   periods: 4,
 *   arrivalProbabilities: [0.5, 0.5, 0.25, 0.25], // period-major: [t * products + j]
 * };
 * validateBookingProcess(process);
 * expectedArrivals(process); // => Float64Array [1.5]
 */
export interface NetworkBookingProcess {
  /** Resources (legs, nights) with capacities, and products with fares and the resources they use.
   * Products' `demand` is not used by the process (the probabilities are); loaders set it to the
   * expected total arrivals so that `dlp(network)` works on the same object. */
  readonly network: Network;
  /** Number of booking periods τ ≥ 1. */
  readonly periods: number;
  /** p_{t,j} = arrivalProbabilities[t · products + j]: period-major, forward time, products in
   * `network.products` order. Each in [0, 1], each period's sum ≤ 1. */
  readonly arrivalProbabilities: ArrayLike<number>;
}

/** Tolerance on a period's probabilities summing to more than 1 (rounding in published files). */
export const PERIOD_PROBABILITY_TOLERANCE = 1e-9;

/**
 * Checks a booking process and throws a YieldInputError naming the field (`process.periods`,
 * `process.arrivalProbabilities[7]`, `process.network.products[2].resources[0]`) when it is
 * unusable: a bad network (the check of `parseNetwork` and the DLP: `compileNetwork`), a product using a resource twice, probabilities outside
 * [0, 1] or summing over 1 in a period, or an array of the wrong length. Returns the same object.
 */
export function validateBookingProcess(process: unknown, path = 'process'): NetworkBookingProcess {
  const p = object(process, path);
  // the network check of parseNetwork and the DLP (no zod: the optimizers' import graph stays free of it)
  compileNetwork(p.network as Network, `${path}.network`);
  const network = p.network as Network;
  const periods = positiveInteger(p.periods, `${path}.periods`);
  const probs = p.arrivalProbabilities as ArrayLike<number> | undefined;
  const nP = network.products.length;
  if (probs === null || typeof probs !== 'object' || typeof probs.length !== 'number')
    fail(`${path}.arrivalProbabilities`, 'must be an array or typed array of numbers', 'invalid-type');
  if (probs.length !== periods * nP)
    fail(
      `${path}.arrivalProbabilities`,
      `must hold periods × products = ${periods} × ${nP} = ${periods * nP} numbers, got ${probs.length}`,
      'inconsistent',
    );
  network.products.forEach((prod, j) => {
    const seen = new Set<string>();
    prod.resources.forEach((rid, k) => {
      if (seen.has(rid))
        fail(`${path}.network.products[${j}].resources[${k}]`, `uses resource ${JSON.stringify(rid)} twice; a product uses at most one unit of each resource`, 'inconsistent');
      seen.add(rid);
    });
  });
  for (let t = 0; t < periods; t++) {
    let sum = 0;
    for (let j = 0; j < nP; j++) {
      const v = probs[t * nP + j];
      const where = `${path}.arrivalProbabilities[${t * nP + j}]`;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1)
        throw new YieldInputError(
          typeof v === 'number' ? 'invalid' : 'invalid-type',
          where,
          `must be a probability in [0, 1] (period ${t}, product ${JSON.stringify(network.products[j]!.id)}), got ${String(v)}`,
        );
      sum += v;
    }
    if (sum > 1 + PERIOD_PROBABILITY_TOLERANCE)
      fail(`${path}.arrivalProbabilities`, `period ${t}: probabilities sum to ${sum} > 1 (at most one request per period)`, 'inconsistent');
  }
  return process as NetworkBookingProcess;
}

/**
 * Expected number of requests per product from period `fromPeriod` on: D_j(s) = Σ_{t ≥ s} p_{t,j}.
 * @param fromPeriod - first period counted, 0 … periods (default 0: the whole horizon)
 */
export function expectedArrivals(process: NetworkBookingProcess, fromPeriod = 0): Float64Array {
  processShape(process);
  const nP = process.network.products.length;
  const T = process.periods;
  nonNegativeInteger(fromPeriod, 'fromPeriod');
  if (fromPeriod > T) fail('fromPeriod', `must be ≤ periods (${T}), got ${fromPeriod}`);
  const out = new Float64Array(nP);
  const p = process.arrivalProbabilities;
  for (let t = fromPeriod; t < T; t++) for (let j = 0; j < nP; j++) out[j]! += p[t * nP + j]!;
  return out;
}

/**
 * The network as it stands at the start of period `period` with `remaining` units per resource: the
 * same resources and products, capacities replaced by what is left, each product's `demand` replaced by
 * its expected remaining arrivals D_j(period). This is the network a re-optimising policy hands to
 * `dlp`. The input is not modified.
 *
 * @param remaining - units left per resource, in `network.resources` order (default: full capacity)
 * @param demand - `'mean'` (default): each product's demand is the number D_j(period), as DLP takes it;
 *   `'poisson'`: a Poisson `Demand` with that mean (the remaining arrivals of a Bernoulli process are
 *   approximately Poisson), for RLP sampling and DAVN's EMSR-b
 */
export function remainingNetwork(
  process: NetworkBookingProcess,
  period: number,
  remaining?: ArrayLike<number>,
  demand: 'mean' | 'poisson' = 'mean',
): Network {
  processShape(process);
  const d = expectedArrivals(process, period);
  const res = process.network.resources;
  if (remaining !== undefined && remaining.length !== res.length)
    fail('remaining', `must hold one number per resource (${res.length}), got ${remaining.length}`, 'inconsistent');
  return {
    resources: res.map((r, i) => ({
      id: r.id,
      capacity: remaining === undefined ? r.capacity : nonNegativeInteger(remaining[i], `remaining[${i}]`),
    })),
    products: process.network.products.map((p, j) => ({
      id: p.id,
      fare: finite(p.fare, `network.products[${j}].fare`),
      resources: p.resources,
      demand: demand === 'poisson' ? { kind: 'poisson' as const, mean: d[j]! } : d[j]!,
    })),
  };
}

/**
 * The periods at which a policy re-optimises: `count` equally spaced times over a booking horizon of
 * `periods` periods, starting with period 0 (0-based, forward):
 *
 *   t_k = ⌊k · periods / count⌋,  k = 0 … count − 1.
 *
 * Topaloglu (2009) re-solves at 5 equally spaced times (0, 40, 80, 120, 160 over 200 periods), the
 * convention of the standard benchmark; Talluri & van Ryzin (2004), §3.3.4, on re-solving.
 *
 * Edge, decided here (the one rule for `decide`'s re-optimisation and every simulated policy): asking
 * for more re-optimisations than there are periods is not an error: the schedule is every period once,
 * [0, 1, …, periods − 1] (one cannot re-optimise twice at the same moment, and "as often as you can" is
 * what such a request means). `count` must be a whole number ≥ 1 and `periods` a whole number ≥ 1;
 * anything else is a YieldInputError naming the field. The result is increasing, starts at 0, holds
 * min(count, periods) distinct periods, all < periods.
 *
 * @param periods - number of booking periods T ≥ 1
 * @param count - how many times to (re-)optimise over the horizon, ≥ 1 (1: only at the start)
 * @example
 * import { reoptimizationSchedule } from 'yieldcraft/model';
 * reoptimizationSchedule(200, 5); // => [0, 40, 80, 120, 160]
 * reoptimizationSchedule(10, 3); // => [0, 3, 6]
 * reoptimizationSchedule(3, 5); // => [0, 1, 2]  (every period once)
 */
export function reoptimizationSchedule(periods: number, count: number): number[] {
  const T = positiveInteger(periods, 'periods');
  const k = positiveInteger(count, 'count');
  if (k >= T) return Array.from({ length: T }, (_, t) => t);
  const out = new Array<number>(k);
  for (let q = 0; q < k; q++) out[q] = Math.floor((q * T) / k);
  return out;
}

/** A cheap shape check (not the full validation) for functions on the hot path of re-optimisation. */
function processShape(process: unknown): void {
  const p = object(process, 'process');
  const n = object(p.network, 'process.network');
  if (!Array.isArray(n.products) || !Array.isArray(n.resources))
    fail('process.network', 'must have resources and products arrays (validate it with validateBookingProcess)', 'invalid-type');
  positiveInteger(p.periods, 'process.periods');
  const a = p.arrivalProbabilities as { length?: unknown } | null;
  if (a === null || typeof a !== 'object' || a.length !== (p.periods as number) * n.products.length)
    fail('process.arrivalProbabilities', `must hold periods × products numbers (validate the process with validateBookingProcess)`, 'inconsistent');
}
