import { fail, finite, nonNegative, nonNegativeInteger, object, positive } from '../internal/validate.js';

export interface GallegoVanRyzinInput {
  readonly a: number;
  readonly alpha: number;
  readonly inventory: number;
  readonly horizon: number;
}

export interface GallegoVanRyzinResult {
  /** J*(inventory, horizon): the optimal expected revenue. */
  readonly expectedRevenue: number;
  /** J^D(inventory, horizon): the deterministic (fluid) upper bound. */
  readonly deterministicBound: number;
  /** p*(n, t): the optimal price with n units left (1..inventory) and t time to go (0..horizon). */
  price(n: number, t: number): number;
  /** J*(n, t): the optimal expected revenue from n units (0..inventory) with t time to go. */
  value(n: number, t: number): number;
}

/** ln Σ_{i=0}^{n} x^i/i! and ln Σ_{i=0}^{n−1} x^i/i! (the latter −Infinity for n = 0). */
function logPartialExp(n: number, x: number): [number, number] {
  if (x === 0) return [0, n === 0 ? -Infinity : 0];
  const lx = Math.log(x);
  let l = 0; // ln(x^i / i!) for i = 0
  let m = 0; // running max
  let s = 1; // Σ e^(l_i − m)
  let prev = -Infinity;
  for (let i = 1; i <= n; i++) {
    if (i === n) prev = m + Math.log(s);
    l += lx - Math.log(i);
    if (l > m) {
      s = s * Math.exp(m - l) + 1;
      m = l;
    } else s += Math.exp(l - m);
  }
  return [m + Math.log(s), n === 0 ? -Infinity : n === 1 ? 0 : prev];
}

/**
 * Optimal dynamic pricing of a fixed stock over a finite horizon when demand is Poisson with an
 * exponential price response: the closed-form solution of Gallego & van Ryzin (1994).
 *
 * Model. n units are left and t time units remain (t = time to go, `horizon` at the start, 0 at the
 * end; unsold units are worth nothing). Requests arrive as a Poisson process of intensity
 * λ(p) = a·e^(−alpha·p) at the posted price p. The revenue rate r(λ) = λ·p(λ) = (λ/alpha)·ln(a/λ) is
 * maximised at λ* = a/e, p* = 1/alpha (the static revenue-maximising price). The value function solves
 * the Hamilton–Jacobi–Bellman equation ∂J/∂t = sup_λ [ r(λ) − λ·(J(n, t) − J(n − 1, t)) ], J(n, 0) = 0,
 * J(0, t) = 0, whose solution is (GvR 1994, §3.2, the exponential family; T&vR 2004, §5.2):
 *
 *   J*(n, t) = (1/alpha) · ln( Σ_{i=0}^{n} (λ*·t)^i / i! )
 *
 * and the optimal price (the sup is attained at λ = a·e^(−1 − alpha·ΔJ), i.e. p = 1/alpha + ΔJ):
 *
 *   p*(n, t) = 1/alpha + J*(n, t) − J*(n − 1, t) = p* + (1/alpha) · ln( Σ_{i=0}^{n} (λ*t)^i/i! / Σ_{i=0}^{n−1} (λ*t)^i/i! )
 *
 * The price falls as stock rises and rises with time to go (GvR 1994, §3), and it is never
 * below p* = 1/alpha. The deterministic (fluid) problem — sell at a constant rate λ ≤ n/t — gives the
 * upper bound J^D(n, t) = t·r(λ^D), λ^D = min(λ*, n/t) (GvR 1994, §4): J* ≤ J^D.
 *
 * Sums are taken in log space (log-sum-exp of i·ln(λ*t) − ln i!), so large stocks and horizons neither
 * overflow nor lose precision; each query costs O(n).
 *
 * Reference: Gallego, G. & van Ryzin, G. (1994), "Optimal dynamic pricing of inventories with stochastic
 * demand over finite horizons", Management Science 40(8), 999–1020, §3.2 (exponential demand) and §4
 * (deterministic bound); Talluri & van Ryzin (2004), §5.2.
 *
 * @param input.a - demand intensity at a price of 0, requests per unit of time; > 0
 * @param input.alpha - price sensitivity, per unit of money; > 0 (1/alpha is money)
 * @param input.inventory - units to sell; a whole number ≥ 0
 * @param input.horizon - length of the selling season, in the time unit of `a`; ≥ 0
 * @returns expectedRevenue = J*(inventory, horizon); deterministicBound = J^D(inventory, horizon);
 *   price(n, t) = p*(n, t) for n = 1..inventory units left and 0 ≤ t ≤ horizon time to go;
 *   value(n, t) = J*(n, t) for n = 0..inventory
 * @example
 * import { gallegoVanRyzin } from 'yieldcraft/pricing';
 * // λ* = a/e = 1 sale per day at p* = 1/alpha = 100; one unit, one day to go
 * const g = gallegoVanRyzin({ a: Math.E, alpha: 0.01, inventory: 1, horizon: 1 });
 * g.expectedRevenue; // => 69.3147…  (100·ln 2)
 * g.price(1, 1); // => 169.3147…       (100 + 100·ln 2)
 * g.deterministicBound; // => 100     (λ^D = min(1, 1/1) = 1, at p = 100 for one day)
 */
export function gallegoVanRyzin(input: GallegoVanRyzinInput): GallegoVanRyzinResult {
  const o = object(input, 'input');
  const a = positive(o.a, 'a');
  const alpha = positive(o.alpha, 'alpha');
  const N = nonNegativeInteger(o.inventory, 'inventory');
  const T = nonNegative(o.horizon, 'horizon');
  const lambdaStar = a / Math.E;

  const checkT = (t: unknown): number => {
    const v = finite(t, 't');
    if (v < 0 || v > T) fail('t', `must be a time to go in [0, ${T}], got ${v}`);
    return v;
  };
  const checkN = (n: unknown, lo: number): number => {
    const v = finite(n, 'n');
    if (!Number.isInteger(v) || v < lo || v > N) fail('n', `must be a whole number in ${lo}..${N} (units left), got ${v}`);
    return v;
  };
  const J = (n: number, t: number) => logPartialExp(n, lambdaStar * t)[0] / alpha;

  const lambdaD = T === 0 ? 0 : Math.min(lambdaStar, N / T);
  const deterministicBound = lambdaD === 0 ? 0 : (T * lambdaD * Math.log(a / lambdaD)) / alpha;

  return {
    expectedRevenue: J(N, T),
    deterministicBound,
    price(n: number, t: number): number {
      const nn = checkN(n, 1);
      const tt = checkT(t);
      const [ln, lnm1] = logPartialExp(nn, lambdaStar * tt);
      return 1 / alpha + (ln - lnm1) / alpha;
    },
    value(n: number, t: number): number {
      return J(checkN(n, 0), checkT(t));
    },
  };
}
