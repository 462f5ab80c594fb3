/**
 * Kernel of `regularizedBeta` and of the binomial / negative binomial cdfs (Numerical Recipes §6.4
 * continued fraction); no argument checks. See `regularizedBeta.ts` for the method.
 * @internal
 */
import { binomialTerm } from './saddlePoint.js';

const EPS = 1e-16;
const TINY = 1e-300;

/**
 * The continued fraction of I_x(a, b) / (x^a·y^b / (a·B(a, b))), by the modified Lentz method.
 * Converges quickly for x < (a + 1)/(a + b + 2).
 */
function betaFraction(x: number, a: number, b: number): number {
  const maxIter = 1000 + Math.ceil(30 * Math.sqrt(a + b));
  const apb = a + b;
  let c = 1;
  let d = 1 - (apb * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < maxIter; m++) {
    const m2 = 2 * m;
    // even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m))
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1))
    aa = (-(a + m) * (apb + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * I_x(a, b) (upper = false) or 1 − I_x(a, b) = I_y(b, a) (upper = true), with y = 1 − x passed
 * separately so that it is exact when x is tiny or close to 1. a, b > 0; 0 ≤ x ≤ 1.
 */
export function regularizedBetaUnchecked(x: number, y: number, a: number, b: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  if (x < (a + 1) / (a + b + 2)) {
    // x^a·y^b / (a·B(a, b)) = b/(a + b) · C(a + b, a)·x^a·y^b, the generalised binomial term
    const front = (b / (a + b)) * binomialTerm(a, a + b, x, y);
    const v = front === 0 ? 0 : (front * betaFraction(x, a, b));
    return upper ? 1 - v : v;
  }
  const front = (a / (a + b)) * binomialTerm(b, a + b, y, x);
  const w = front === 0 ? 0 : front * betaFraction(y, b, a);
  return upper ? w : 1 - w;
}
