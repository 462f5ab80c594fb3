/**
 * The standard normal density, distribution, survival and quantile functions, accurate to ~1e-15,
 * for the forecasting code (EM unconstraining, projection detruncation, prediction intervals).
 *
 * - `normCdf` / `normSf`: Marsaglia (2004), "Evaluating the normal distribution", J. Stat. Softw.
 *   11(4): the Taylor series Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …) for |x| ≤ 3, and for the tail
 *   the Laplace continued fraction of Mills' ratio R(x) = sf(x)/φ(x) = 1/(x + 1/(x + 2/(x + 3/(x + …)))),
 *   evaluated by the modified Lentz method (relative accuracy in the far tail, where 1 − Φ underflows).
 * - `normQuantile` / `normIsf`: the Abramowitz & Stegun 26.2.23 starting value refined by Halley steps on
 *   the accurate cdf / sf.
 *
 * Private to `forecast/` (the `distributions/` domain owns the public distribution objects).
 * @internal
 */

const INV_SQRT_2PI = 0.3989422804014327;

/** φ(x), the standard normal density. */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Mills' ratio R(x) = (1 − Φ(x)) / φ(x) for x ≥ 3, by the Laplace continued fraction (Lentz). */
function millsTail(x: number): number {
  // R(x) = 1 / (x + 1/(x + 2/(x + 3/(x + …)))): b_0 = x, a_k = k, b_k = x.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** Marsaglia's series for Φ(x) − ½ = φ(x)·Σ x^(2k+1)/(1·3·…·(2k+1)), fine for |x| ≤ 3. */
function centralSeries(x: number): number {
  let term = x;
  let sum = x;
  const x2 = x * x;
  for (let k = 3; k < 400; k += 2) {
    term *= x2 / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return normPdf(x) * sum;
}

/** Φ(x) = P(Z ≤ x). */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if (x < -3) return normPdf(x) * millsTail(-x);
  if (x > 3) return 1 - normPdf(x) * millsTail(x);
  return 0.5 + centralSeries(x);
}

/** 1 − Φ(x) = P(Z > x), with relative accuracy in the upper tail. */
export function normSf(x: number): number {
  return normCdf(-x);
}

/**
 * The inverse Mills ratio λ(z) = φ(z) / (1 − Φ(z)) = E[Z | Z > z] (the hazard of the normal), stable for
 * large z (where it tends to z).
 */
export function inverseMills(z: number): number {
  if (z > 3) return 1 / millsTail(z);
  return normPdf(z) / normSf(z);
}

/** A&S 26.2.23 rational starting value for the upper-tail quantile t of p ≤ ½ (error < 4.5e-4). */
function asStart(p: number): number {
  const t = Math.sqrt(-2 * Math.log(p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/** z with P(Z > z) = q, for q in (0, 1); Halley iterations on the accurate survival function. */
export function normIsf(q: number): number {
  if (!(q > 0 && q < 1)) {
    if (q === 0) return Infinity;
    if (q === 1) return -Infinity;
    return Number.NaN;
  }
  if (q > 0.5) return -normIsf(1 - q);
  let z = asStart(q);
  for (let i = 0; i < 6; i++) {
    const s = normSf(z);
    const f = normPdf(z);
    if (f === 0) break;
    // g(z) = sf(z) − q; g' = −φ; g'' = zφ. Halley: z ← z − g/g' / (1 − g·g''/(2g'^2))
    const g = s - q;
    const u = -g / f; // −g/g'
    const step = u / (1 + (z * u) / 2);
    z -= step;
    if (Math.abs(step) < 1e-15 * Math.max(1, Math.abs(z))) break;
  }
  return z;
}

/** Φ⁻¹(p), p in (0, 1). */
export function normQuantile(p: number): number {
  return -normIsf(p);
}
