import type { Network } from './schemas.js';
import { compileNetwork } from './compileNetwork.js';
import { fail, MAX_MAGNITUDE, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';

/**
 * A booking process given by its expected demand per booking day: for processes with many requests a
 * day (a hotel's booking horizon), where the one-request-per-period form of `NetworkBookingProcess`
 * would need hundreds of periods a day and a table of probabilities as large.
 *
 * Booking day d (0-based, forward: d = 0 opens the horizon, d = days − 1 is the last one) brings
 * product j a Poisson number of units with mean u_{d,j} = unitsPerDay[d · products + j], independently
 * across days and products; within a day, requests come one unit at a time at uniform times. Accepting
 * a unit of j earns its fare f_j and uses one unit of every resource j lists.
 *
 * The leg dynamic programs (`dpDecomposition`, `lagrangianRelaxation`) solve it by cutting each day into
 * K sub-periods small enough that at most one unit of a leg's products arrives in each (probability
 * u_{d,j} / K per sub-period; the Poisson process is the limit K → ∞, Talluri & van Ryzin 2004, §2.5),
 * with K chosen per leg from its busiest day. Their tables then have one row per day.
 *
 * Units, not requests: a request for q rooms counts as q units (as the DLP counts demand), so the leg
 * DPs price a multi-room request at the sum of its units' opportunity costs.
 *
 * Reference: Talluri & van Ryzin (2004), The Theory and Practice of Revenue Management, §3.4 (network
 * decomposition), §2.5 (the continuous-time single-resource model as the limit of short periods).
 *
 * @example
 * import { validateDailyBookingProcess } from 'yieldcraft/model';
 * const process = {
 *   network: {
 *     resources: [{ id: 'Fri', capacity: 10 }],
 *     products: [{ id: 'Fri-BAR', fare: 120, resources: ['Fri'], demand: 0 }],
 *   },
 *   days: 3,
 *   unitsPerDay: [2, 4, 6], // day-major: [d * products + j]
 * };
 * validateDailyBookingProcess(process).days; // => 3
 */
export interface DailyBookingProcess {
  /** Resources with capacities, products with fares and the resources they use (`demand` unused). */
  readonly network: Network;
  /** Number of booking days ≥ 1. */
  readonly days: number;
  /** u_{d,j} = unitsPerDay[d · products + j] ≥ 0: expected units requested of product j on day d. */
  readonly unitsPerDay: ArrayLike<number>;
}

/** Whether a process is the daily form (it has `unitsPerDay`). @internal */
export function isDailyBookingProcess(p: unknown): p is DailyBookingProcess {
  return typeof p === 'object' && p !== null && 'unitsPerDay' in p;
}

/**
 * Checks a daily booking process and throws a YieldInputError naming the field (`process.days`,
 * `process.unitsPerDay[12]`, `process.network.products[2].resources[0]`): a bad network (the check of
 * the DLP: `compileNetwork`), a product using a resource twice, a capacity that is not a whole number,
 * a negative, non-finite or absurd mean, or an array of the wrong length. Returns the same object.
 */
export function validateDailyBookingProcess(process: unknown, path = 'process'): DailyBookingProcess {
  const p = object(process, path);
  const net = compileNetwork(p.network as Network, `${path}.network`);
  const days = positiveInteger(p.days, `${path}.days`);
  if (days > 100_000) fail(`${path}.days`, `must be at most 100,000 booking days, got ${days}`);
  const nP = net.productIds.length;
  const u = p.unitsPerDay as ArrayLike<number> | null | undefined;
  if (u === null || typeof u !== 'object' || typeof u.length !== 'number')
    fail(`${path}.unitsPerDay`, 'must be an array or typed array of numbers', 'invalid-type');
  if (u.length !== days * nP)
    fail(`${path}.unitsPerDay`, `must hold days × products = ${days} × ${nP} = ${days * nP} numbers, got ${u.length}`, 'inconsistent');
  for (let k = 0; k < u.length; k++) {
    const v = u[k];
    if (!(typeof v === 'number' && v >= 0 && v <= 1e7))
      fail(
        `${path}.unitsPerDay[${k}]`,
        typeof v === 'number' && v > 1e7 && v <= MAX_MAGNITUDE
          ? `at most 10,000,000 expected units a day, got ${v}`
          : `must be a finite number ≥ 0 (day ${Math.floor(k / nP)}, product ${JSON.stringify(net.productIds[k % nP])}), got ${String(v)}`,
        typeof v === 'number' ? 'invalid' : 'invalid-type',
      );
  }
  (p.network as Network).products.forEach((prod, j) => {
    const seen = new Set<string>();
    prod.resources.forEach((rid, k) => {
      if (seen.has(rid))
        fail(`${path}.network.products[${j}].resources[${k}]`, `uses resource ${JSON.stringify(rid)} twice; a product uses at most one unit of each resource`, 'inconsistent');
      seen.add(rid);
    });
  });
  net.capacity.forEach((c, i) => nonNegativeInteger(c, `${path}.network.resources[${i}].capacity`));
  return process as DailyBookingProcess;
}
