/**
 * Show-up models: how many of b bookings (reservations) actually show up on the day — the randomness that
 * overbooking hedges against.
 *
 * - `binomial` (the classical model, Talluri & van Ryzin 2004 §4.2.1; Phillips 2005 §9.2): every booking
 *   shows independently with probability q, so the shows S_b ~ Binomial(b, q). No-shows grow with b.
 * - `poisson-no-shows`: the number of no-shows Z ~ Poisson(mean) does not depend on how many were booked
 *   (the newsvendor view of a hotel that is always fully booked: Netessine & Shumsky 2002; Phillips 2005
 *   §9.2.2); shows S_b = max(b − Z, 0).
 * - `empirical-no-shows`: the same, with a no-show distribution read off history:
 *   `probabilities[z]` = P(Z = z), z = 0, 1, …, summing to 1.
 *
 * Both families add the (b+1)-th booking as S_{b+1} = S_b + I with I ∈ {0, 1} (I = 1: one more guest
 * turns up). The overbooking kernels only need, for capacity C:
 *
 *   turnsUp(b) = P(I = 1)             binomial: q;              no-shows: F(b)
 *   denied(b)  = P(I = 1, S_b ≥ C)    binomial: q·P(S_b ≥ C);   no-shows: F(b − C)
 *
 * with F the no-show cdf; the extra guest finds a free unit with probability fill(b) = turnsUp(b) −
 * denied(b). `denied(b)` is non-decreasing in b in both families, which is what bounds the search in
 * `overbookingLimit`.
 *
 * @example
 * import { validateShowUp } from 'yieldcraft/overbooking';
 * validateShowUp({ kind: 'binomial', probability: 0.9 }, 'showUp'); // => no throw
 */
import { array, fail, join, nonNegative, object, probability } from '../internal/validate.js';
import { PROBABILITY_SUM_TOLERANCE } from '../model/demand.js';
import { binomialSf } from '../distributions/binomial.js';
import { poissonDistribution } from '../distributions/poissonDistribution.js';

export type BinomialShowUp = {
  readonly kind: 'binomial';
  /** q: probability that a booking shows up, in [0, 1]. */
  readonly probability: number;
};
export type PoissonNoShows = {
  readonly kind: 'poisson-no-shows';
  /** Mean number of no-shows per night/leg (units), ≥ 0, independent of the number booked. */
  readonly mean: number;
};
export type EmpiricalNoShows = {
  readonly kind: 'empirical-no-shows';
  /** P(Z = z) for z = 0..n, each in [0, 1], summing to 1. */
  readonly probabilities: readonly number[];
};
export type ShowUpModel = BinomialShowUp | PoissonNoShows | EmpiricalNoShows;

/** Checks a ShowUpModel, throwing a YieldInputError naming the field. Returns the same object. */
export function validateShowUp(showUp: unknown, path: string): ShowUpModel {
  const s = object(showUp, path);
  switch (s.kind) {
    case 'binomial':
      probability(s.probability, join(path, 'probability'));
      break;
    case 'poisson-no-shows':
      nonNegative(s.mean, join(path, 'mean'));
      break;
    case 'empirical-no-shows': {
      const p = join(path, 'probabilities');
      const ps = array<unknown>(s.probabilities, p);
      if (ps.length === 0) fail(p, 'must not be empty', 'empty');
      let sum = 0;
      for (let z = 0; z < ps.length; z++) sum += probability(ps[z], join(p, z));
      if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) fail(p, `must sum to 1, got ${sum}`, 'inconsistent');
      break;
    }
    default:
      fail(
        join(path, 'kind'),
        `must be 'binomial', 'poisson-no-shows' or 'empirical-no-shows', got ${JSON.stringify(s.kind)}`,
      );
  }
  return showUp as ShowUpModel;
}

/**
 * The pieces of a show-up model the overbooking kernels use, for one capacity C. @internal
 */
export interface ShowUpLaw {
  /** Largest possible P(I = 1): q for binomial, 1 for the no-show families. */
  readonly maxShowProbability: number;
  /** true when P(I = 1, S_b < C) stays > 0 for every b (binomial with 0 < q < 1, Poisson with mean > 0):
   *  then with a zero denied-service cost the expected profit never stops growing. */
  readonly unboundedSupport: boolean;
  /** E[S_b]. */
  meanShows(b: number): number;
  /** P(I = 1): the (b+1)-th booking turns up (S_{b+1} = S_b + 1). */
  turnsUp(b: number): number;
  /** P(I = 1, S_b ≥ C). */
  denied(b: number): number;
  /** P(S_b > C): at least one booking denied service. */
  overflow(b: number): number;
}

/** Builds the law of a validated show-up model at capacity C (a whole number ≥ 0). @internal */
export function showUpLaw(model: ShowUpModel, capacity: number): ShowUpLaw {
  const C = capacity;
  if (model.kind === 'binomial') {
    const q = model.probability;
    const atLeastC = (b: number): number => (C === 0 ? 1 : binomialSf(C - 1, b, q));
    return {
      maxShowProbability: q,
      unboundedSupport: q > 0 && q < 1,
      meanShows: (b) => b * q,
      turnsUp: () => q,
      denied: (b) => q * atLeastC(b),
      overflow: (b) => binomialSf(C, b, q),
    };
  }
  const F = model.kind === 'poisson-no-shows' ? poissonDistribution(model.mean).cdf : empiricalCdf(model.probabilities);
  return {
    maxShowProbability: 1,
    unboundedSupport: model.kind === 'poisson-no-shows' && model.mean > 0,
    // E[(b − Z)⁺] = Σ_{x=0}^{b−1} P(Z ≤ x)
    meanShows: (b) => {
      let s = 0;
      for (let x = 0; x < b; x++) s += F(x);
      return s;
    },
    turnsUp: (b) => F(b),
    denied: (b) => F(b - C),
    overflow: (b) => F(b - C - 1),
  };
}

/** cdf of a finite pmf; exactly 1 beyond the support, 0 below it. */
function empiricalCdf(ps: readonly number[]): (x: number) => number {
  const cum = new Float64Array(ps.length);
  let s = 0;
  for (let z = 0; z < ps.length; z++) {
    s += ps[z]!;
    cum[z] = Math.min(1, s);
  }
  cum[ps.length - 1] = 1;
  return (x) => (x < 0 ? 0 : x >= ps.length - 1 ? 1 : cum[x]!);
}
