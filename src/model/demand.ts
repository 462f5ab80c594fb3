/**
 * Demand: how many requests for a product (or a fare class) arrive over the booking horizon.
 *
 * A plain, JSON-serialisable description; `distributions/` turns it into a distribution object with
 * pmf/cdf/quantile/partial expectations. Means and standard deviations are in units of capacity (rooms,
 * seats) over the whole booking horizon.
 *
 * - `normal`: continuous, mean μ and standard deviation σ ≥ 0 (Belobaba's EMSR assumes it).
 * - `poisson`: discrete, mean λ ≥ 0 (variance = mean).
 * - `negative-binomial`: discrete and overdispersed, given by mean and variance (variance > mean), the
 *   usual model for hotel and airline demand whose variance exceeds its mean.
 * - `empirical`: any discrete distribution, `probabilities[k]` = P(D = k) for k = 0..n, summing to 1.
 *
 * @example
 * import { validateDemand } from 'yieldcraft/model';
 * validateDemand({ kind: 'normal', mean: 40, sd: 12 }, 'demand'); // => no throw
 */
import { fail, finite, join, nonNegative, object, probability, array } from '../internal/validate.js';

export type NormalDemand = { readonly kind: 'normal'; readonly mean: number; readonly sd: number };
export type PoissonDemand = { readonly kind: 'poisson'; readonly mean: number };
export type NegativeBinomialDemand = {
  readonly kind: 'negative-binomial';
  readonly mean: number;
  readonly variance: number;
};
export type EmpiricalDemand = { readonly kind: 'empirical'; readonly probabilities: readonly number[] };

export type Demand = NormalDemand | PoissonDemand | NegativeBinomialDemand | EmpiricalDemand;

/** A fare (or rate) class on one resource. `fare` is the value of one sale (see `contribution`). */
export type FareClass = { readonly id?: string; readonly fare: number; readonly demand: Demand };

/** Tolerance for probabilities summing to 1. */
export const PROBABILITY_SUM_TOLERANCE = 1e-9;

/**
 * Checks a Demand and throws a YieldInputError naming the field (`path.sd`, …) when it is unusable.
 * Returns the same object (never a copy, never modified).
 */
export function validateDemand(demand: unknown, path: string): Demand {
  const d = object(demand, path);
  switch (d.kind) {
    case 'normal':
      nonNegative(d.mean, join(path, 'mean'));
      nonNegative(d.sd, join(path, 'sd'));
      break;
    case 'poisson':
      nonNegative(d.mean, join(path, 'mean'));
      break;
    case 'negative-binomial': {
      const m = nonNegative(d.mean, join(path, 'mean'));
      const v = finite(d.variance, join(path, 'variance'));
      if (m > 0 && !(v > m))
        fail(join(path, 'variance'), `must exceed the mean (${m}) for a negative binomial; use poisson when variance = mean`);
      if (m === 0 && v !== 0) fail(join(path, 'variance'), 'must be 0 when the mean is 0');
      break;
    }
    case 'empirical': {
      const ps = array<number>(d.probabilities, join(path, 'probabilities'));
      if (ps.length === 0) fail(join(path, 'probabilities'), 'must not be empty', 'empty');
      let s = 0;
      for (let k = 0; k < ps.length; k++) s += probability(ps[k], join(join(path, 'probabilities'), k));
      if (Math.abs(s - 1) > PROBABILITY_SUM_TOLERANCE)
        fail(join(path, 'probabilities'), `must sum to 1, got ${s}`, 'inconsistent');
      break;
    }
    default:
      fail(
        join(path, 'kind'),
        `must be 'normal', 'poisson', 'negative-binomial' or 'empirical', got ${JSON.stringify(d.kind)}`,
      );
  }
  return demand as Demand;
}

/** Checks a list of fare classes: non-empty, finite fares ≥ 0, ordered high → low, valid demand. */
export function validateFareClasses(classes: unknown, path = 'classes'): readonly FareClass[] {
  const list = array<unknown>(classes, path);
  if (list.length === 0) fail(path, 'must contain at least one fare class', 'empty');
  let prev = Infinity;
  for (let i = 0; i < list.length; i++) {
    const p = join(path, i);
    const c = object(list[i], p);
    const fare = nonNegative(c.fare, join(p, 'fare'));
    if (fare > prev)
      fail(join(p, 'fare'), `fares must be ordered high → low (class 1 the most expensive): ${fare} follows ${prev}`, 'unsorted');
    prev = fare;
    validateDemand(c.demand, join(p, 'demand'));
  }
  return list as readonly FareClass[];
}
