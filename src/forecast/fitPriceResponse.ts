import { linearRegression, rSquared } from 'simple-statistics';
import { array, fail, finite, join, nonNegative, object } from '../internal/validate.js';

export type ConstantElasticityResponse = { readonly kind: 'constant-elasticity'; readonly a: number; readonly elasticity: number };
export type LinearResponse = { readonly kind: 'linear'; readonly a: number; readonly b: number };
export type ExponentialResponse = { readonly kind: 'exponential'; readonly a: number; readonly alpha: number };
/** The subset of `pricing`'s PriceResponse shapes that forecasting estimates. */
export type FittedPriceResponse = ConstantElasticityResponse | LinearResponse | ExponentialResponse;

export interface RegressionDiagnostics {
  readonly n: number;
  readonly rSquared: number;
  /** Standard error of the slope (0 with n = 2 or a perfect fit). */
  readonly slopeStandardError: number;
  /** slope / its standard error (Infinity for a perfect fit). */
  readonly tStatistic: number;
}

export interface PriceResponseFit {
  readonly status: 'ok' | 'wrong-sign' | 'insufficient-history';
  readonly response: ConstantElasticityResponse;
  readonly linear: LinearResponse;
  readonly exponential: ExponentialResponse;
  readonly diagnostics: {
    readonly constantElasticity: RegressionDiagnostics;
    readonly linear: RegressionDiagnostics;
    readonly exponential: RegressionDiagnostics;
  };
}

/** OLS of y on x with diagnostics; null when fewer than 2 points or no spread in x. @internal */
export function ols(x: readonly number[], y: readonly number[]): { m: number; b: number; d: RegressionDiagnostics } | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  if (!(sxx > 1e-12 * Math.max(1, mx * mx))) return null;
  const pairs = x.map((v, i) => [v, y[i]!] as [number, number]);
  const { m, b } = linearRegression(pairs);
  const line = (v: number) => m * v + b;
  const r2 = n > 2 ? rSquared(pairs, line) : 1;
  const sse = pairs.reduce((s, [u, v]) => s + (v - line(u)) ** 2, 0);
  const se = n > 2 ? Math.sqrt(sse / (n - 2) / sxx) : 0;
  return { m, b, d: { n, rSquared: Number.isFinite(r2) ? r2 : 1, slopeStandardError: se, tStatistic: se > 0 ? m / se : m === 0 ? 0 : Infinity * Math.sign(m) } };
}

const EMPTY: RegressionDiagnostics = { n: 0, rSquared: 0, slopeStandardError: 0, tStatistic: 0 };

/**
 * Fits price-response curves to (price, quantity) observations: the constant-elasticity curve by
 * log-log least squares, and the linear and exponential curves, returning them in the `PriceResponse`
 * shapes that `pricing/` optimises, with fit diagnostics.
 *
 * Reference: Phillips (2005), *Pricing and Revenue Optimization*, ch. 3 (price-response functions:
 * linear d(p) = a − b·p, exponential a·e^(−αp), constant elasticity a·p^(−ε)) and §3.3 (elasticity
 * ε = −(dd/dp)·p/d); Talluri & van Ryzin (2004), §7.3.1 (estimation by regression). Regressions use
 * `simple-statistics` (`linearRegression`, `rSquared`).
 *
 *   constant elasticity:  ln q = ln a − ε·ln p      (needs q > 0, p > 0; points with q = 0 are dropped)
 *   exponential:          ln q = ln a − α·p         (q > 0)
 *   linear:               q = a − b·p               (all points)
 *
 * Caveat (endogeneity): prices in booking history are set by the hotel in response to demand — high
 * rates on busy nights — so a naive regression confounds the demand curve with the pricing policy and
 * often shows demand *rising* with price. Such a fit is returned with status 'wrong-sign' rather than as
 * a usable curve. Use price variation that is not a response to demand (tests, fences, the spread
 * within a night: see `estimatePriceResponseWithinNight` and `fitWithinNightResponse`), and treat the
 * result as descriptive.
 *
 * @param points - `{ price, quantity }`, price > 0, quantity ≥ 0, at least 3 with distinct prices
 * @returns `status` ('ok' | 'wrong-sign' | 'insufficient-history'), `response` (constant elasticity,
 *   the primary), `linear`, `exponential`, and `diagnostics` per form: n used, R², slope standard
 *   error and t statistic
 * @example
 * import { fitPriceResponse } from 'yieldcraft/forecast';
 * const pts = [80, 100, 125].map((p) => ({ price: p, quantity: 1e5 * p ** -1.5 }));
 * fitPriceResponse(pts).response; // => { kind: 'constant-elasticity', a: 100000, elasticity: 1.5 } (to rounding)
 */
export function fitPriceResponse(points: readonly { readonly price: number; readonly quantity: number }[]): PriceResponseFit {
  const list = array<unknown>(points, 'points');
  const p: number[] = [];
  const q: number[] = [];
  list.forEach((raw, i) => {
    const o = object(raw, join('points', i));
    const price = finite(o.price, join(join('points', i), 'price'));
    if (!(price > 0)) fail(join(join('points', i), 'price'), `must be > 0, got ${price}`);
    p.push(price);
    q.push(nonNegative(o.quantity, join(join('points', i), 'quantity')));
  });
  const pos = q.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
  const lp = pos.map((i) => Math.log(p[i]!));
  const lq = pos.map((i) => Math.log(q[i]!));
  const ce = lp.length >= 3 ? ols(lp, lq) : null;
  const ex = pos.length >= 3 ? ols(pos.map((i) => p[i]!), lq) : null;
  const li = p.length >= 3 ? ols(p, q) : null;
  const response: ConstantElasticityResponse = ce
    ? { kind: 'constant-elasticity', a: Math.exp(ce.b), elasticity: -ce.m }
    : { kind: 'constant-elasticity', a: 0, elasticity: 0 };
  const exponential: ExponentialResponse = ex ? { kind: 'exponential', a: Math.exp(ex.b), alpha: -ex.m } : { kind: 'exponential', a: 0, alpha: 0 };
  const linear: LinearResponse = li ? { kind: 'linear', a: li.b, b: -li.m } : { kind: 'linear', a: 0, b: 0 };
  const status: PriceResponseFit['status'] = !ce ? 'insufficient-history' : response.elasticity > 0 ? 'ok' : 'wrong-sign';
  return {
    status,
    response,
    linear,
    exponential,
    diagnostics: { constantElasticity: ce?.d ?? EMPTY, linear: li?.d ?? EMPTY, exponential: ex?.d ?? EMPTY },
  };
}

/**
 * The willingness-to-pay curve revealed by rates paid: w(p) = share of bookings that paid at least p
 * (each booking weighted by its room-nights), at the distinct rates, high share to low. Rates paid are
 * lower bounds of willingness to pay (a guest who paid 90 might have paid 120), so this curve lies
 * below the true one; it is the empirical counterpart of Phillips (2005), §3.4 (w(x) and d(p) = D·∫_p w).
 *
 * @param rates - rates paid, ≥ 0 (money per room-night)
 * @param weights - optional weights (room-nights), ≥ 0, same length
 * @returns `{ price: number[], share: number[] }`, prices ascending, share non-increasing from 1
 * @example
 * import { willingnessToPay } from 'yieldcraft/forecast';
 * willingnessToPay([80, 100, 100, 120]); // => { price: [80, 100, 120], share: [1, 0.75, 0.25] }
 */
export function willingnessToPay(rates: readonly number[], weights?: readonly number[]): { price: number[]; share: number[] } {
  const r = array<unknown>(rates, 'rates');
  if (r.length === 0) fail('rates', 'must not be empty', 'empty');
  const w = weights === undefined ? null : array<unknown>(weights, 'weights');
  if (w && w.length !== r.length) fail('weights', `must have as many values as rates (${r.length}), got ${w.length}`, 'inconsistent');
  const items = r.map((v, i) => [nonNegative(v, join('rates', i)), w ? nonNegative(w[i], join('weights', i)) : 1] as const);
  items.sort((a, b) => a[0] - b[0]);
  const total = items.reduce((s, it) => s + it[1], 0);
  if (!(total > 0)) fail('weights', 'must not all be 0');
  const price: number[] = [];
  const share: number[] = [];
  let above = total;
  for (let i = 0; i < items.length; ) {
    const x = items[i]![0];
    price.push(x);
    share.push(above / total);
    while (i < items.length && items[i]![0] === x) above -= items[i++]![1];
  }
  return { price, share };
}
