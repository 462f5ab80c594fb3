/**
 * Kernels of `logGamma` and the Stirling remainder δ(n) used by the saddle-point pmfs; no argument
 * checks. See `logGamma.ts` for the method and accuracy.
 * @internal
 */

const HALF_LN_2PI = 0.9189385332046728;

/** Σ B₂ₖ/(2k(2k−1)·x^{2k−1}), k = 1..7, for x ≥ 10. */
function stirlingSeries(x: number): number {
  const t = 1 / (x * x);
  return (
    (1 / 12 -
      t *
        (1 / 360 -
          t * (1 / 1260 - t * (1 / 1680 - t * (1 / 1188 - t * (691 / 360360 - t * (1 / 156))))))) /
    x
  );
}

/** ln((n − 1)!) for n = 1..170 from the exact-as-possible product (ln Γ(1) = ln Γ(2) = 0 exactly). */
let factorialLogs: Float64Array | undefined;
function logFactorialTable(): Float64Array {
  if (factorialLogs) return factorialLogs;
  const t = new Float64Array(171);
  let prod = 1;
  for (let n = 1; n <= 170; n++) {
    t[n] = Math.log(prod); // ln Γ(n) = ln((n − 1)!)
    prod *= n;
  }
  factorialLogs = t;
  return t;
}

/** ln Γ(x), x > 0, no argument checks. */
export function logGammaUnchecked(x: number): number {
  if (x <= 170 && Number.isInteger(x)) return logFactorialTable()[x]!;
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingSeries(x);
  let prod = 1;
  let y = x;
  while (y < 10) {
    prod *= y;
    y += 1;
  }
  return (y - 0.5) * Math.log(y) - y + HALF_LN_2PI + stirlingSeries(y) - Math.log(prod);
}

/**
 * δ(n) = ln Γ(n + 1) − (n + ½)·ln n + n − ½·ln(2π), n > 0 (Loader 2000). Tends to 1/(12n).
 * For n ≥ 10, ln Γ(n + 1) = ln n + ln Γ(n) turns the Stirling form of ln Γ(n) into δ(n) = S(n), the
 * series alone, so the large terms never meet.
 * @internal
 */
export function stirlingError(n: number): number {
  if (n >= 10) return stirlingSeries(n);
  return logGammaUnchecked(n + 1) - (n + 0.5) * Math.log(n) + n - HALF_LN_2PI;
}
