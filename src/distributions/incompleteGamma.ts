/**
 * Kernel of `regularizedGammaP`/`regularizedGammaQ` (Numerical Recipes §6.2 series and continued
 * fraction); no argument checks. See `regularizedGamma.ts` for the method.
 * @internal
 */
import { poissonTerm } from './saddlePoint.js';

const EPS = 1e-16;
const TINY = 1e-300;

/**
 * P(a, x) (upper = false) or Q(a, x) (upper = true), no argument checks; a > 0, x ≥ 0.
 * @internal
 */
export function regularizedGammaUnchecked(a: number, x: number, upper: boolean): number {
  if (x === 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const maxIter = 1000 + Math.ceil(30 * Math.sqrt(Math.max(a, x)));
  if (x < a + 1) {
    const front = poissonTerm(a, x);
    if (front === 0) return upper ? 1 : 0;
    let ap = a;
    let term = 1;
    let sum = 1;
    for (let n = 0; n < maxIter; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (term < sum * EPS) break;
    }
    const p = front * sum;
    return upper ? 1 - p : p;
  }
  const front = a * poissonTerm(a, x);
  if (front === 0) return upper ? 0 : 1;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < maxIter; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  const q = front * h;
  return upper ? q : 1 - q;
}
