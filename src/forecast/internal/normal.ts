/**
 * The standard normal pieces the forecasting code needs (EM unconstraining, projection detruncation),
 * taken from `distributions/` (Cody's erfc, Wichura's AS241), plus the inverse Mills ratio
 * λ(z) = φ(z)/(1 − Φ(z)) = E[Z | Z > z], which for z > 8 is computed from the Laplace continued fraction
 * of Mills' ratio (evaluated by the modified Lentz method) so that it stays exact where 1 − Φ(z)
 * underflows (z ≳ 38).
 * @internal
 */
import { normalCdf, normalPdf, normalSf } from '../../distributions/normalCdf.js';
import { normalQuantile } from '../../distributions/normalQuantile.js';

export const normPdf = normalPdf;
export const normCdf = normalCdf;
export const normSf = normalSf;

/** Mills' ratio R(x) = (1 − Φ(x)) / φ(x), x ≥ 3: R = 1/(x + 1/(x + 2/(x + 3/(x + …)))). */
function millsTail(x: number): number {
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

/** λ(z) = φ(z) / (1 − Φ(z)), the hazard of the standard normal. */
export function inverseMills(z: number): number {
  if (z > 8) return 1 / millsTail(z);
  return normalPdf(z) / normalSf(z);
}

/** z with P(Z > z) = q, q in [0, 1]. */
export function normIsf(q: number): number {
  return -normalQuantile(q);
}

/** Φ⁻¹(p). */
export function normQuantile(p: number): number {
  return normalQuantile(p);
}
