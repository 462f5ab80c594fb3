/**
 * Kernels of the standard normal functions after W. J. Cody, "Rational Chebyshev approximations for the
 * error function", Mathematics of Computation 23 (1969), 631–638, with the coefficients of his SPECFUN
 * routine CALERF (Argonne, 1990). No argument checks: the public wrappers (`normalCdf`, `normalSf`,
 * `normalPdf`, `normalLoss`, the distribution objects) check first. See `normalCdf.ts` for the method.
 * @internal
 */
/** 1/√(2π) */
export const INV_SQRT_2PI = 0.3989422804014327;
const INV_SQRT_PI = 0.5641895835477563;
const SQRT1_2 = Math.SQRT1_2;

// Cody (1969) / CALERF coefficients, interval 1 (erf, |x| ≤ 0.46875).
const A0 = 3.1611237438705656, A1 = 113.864154151050156, A2 = 377.485237685302021;
const A3 = 3209.37758913846947, A4 = 0.185777706184603153;
const B0 = 23.6012909523441209, B1 = 244.024637934444173, B2 = 1282.61652607737228;
const B3 = 2844.23683343917062;
// Interval 2 (erfc, 0.46875 < x ≤ 4).
const C0 = 0.564188496988670089, C1 = 8.88314979438837594, C2 = 66.1191906371416295;
const C3 = 298.635138197400131, C4 = 881.95222124176909, C5 = 1712.04761263407058;
const C6 = 2051.07837782607147, C7 = 1230.33935479799725, C8 = 2.15311535474403846e-8;
const D0 = 15.7449261107098347, D1 = 117.693950891312499, D2 = 537.181101862009858;
const D3 = 1621.38957456669019, D4 = 3290.79923573345963, D5 = 4362.61909014324716;
const D6 = 3439.36767414372164, D7 = 1230.33935480374942;
// Interval 3 (erfc, x > 4).
const P0 = 0.305326634961232344, P1 = 0.360344899949804439, P2 = 0.125781726111229246;
const P3 = 0.0160837851487422766, P4 = 6.58749161529837803e-4, P5 = 0.0163153871373020978;
const Q0 = 2.56852019228982242, Q1 = 1.87295284992346047, Q2 = 0.527905102951428412;
const Q3 = 0.0605183413124413191, Q4 = 0.00233520497626869185;

/** x·R₁(x²) ≈ erf(x) for |x| ≤ 0.46875. */
function erfSmall(x: number): number {
  const t = x * x;
  const num = (((A4 * t + A0) * t + A1) * t + A2) * t + A3;
  const den = (((t + B0) * t + B1) * t + B2) * t + B3;
  return (x * num) / den;
}

/** R₂(x) = e^(x²)·erfc(x) for 0.46875 < x ≤ 4. */
function erfcxMiddle(x: number): number {
  const num = (((((((C8 * x + C0) * x + C1) * x + C2) * x + C3) * x + C4) * x + C5) * x + C6) * x + C7;
  const den = (((((((x + D0) * x + D1) * x + D2) * x + D3) * x + D4) * x + D5) * x + D6) * x + D7;
  return num / den;
}

/** x⁻²·R₃(x⁻²), the correction term of the asymptotic form, for x > 4. */
function erfcTailCorrection(x: number): number {
  const t = 1 / (x * x);
  const num = ((((P5 * t + P0) * t + P1) * t + P2) * t + P3) * t + P4;
  const den = ((((t + Q0) * t + Q1) * t + Q2) * t + Q3) * t + Q4;
  return (t * num) / den;
}

/** e^(−z²/2) without amplifying the rounding error of z² (z ≥ 0). */
export function expHalfSquare(z: number): number {
  const zr = Math.trunc(z * 16) / 16;
  return Math.exp(-0.5 * zr * zr) * Math.exp(-0.5 * (z - zr) * (z + zr));
}

/**
 * Upper tail Q(z) = 1 − Φ(z) for z ≥ 0, the kernel of everything here (no argument checks).
 * @internal
 */
export function normalUpperTail(z: number): number {
  const x = z * SQRT1_2;
  if (x <= 0.46875) return 0.5 - 0.5 * erfSmall(x);
  if (z >= 40) return 0; // below the smallest subnormal (and keeps Infinity out of the arithmetic)
  if (x <= 4) return 0.5 * expHalfSquare(z) * erfcxMiddle(x);
  return (0.5 * expHalfSquare(z) * (INV_SQRT_PI - erfcTailCorrection(x))) / x;
}

/**
 * The loss-function kernel for z > 4√2: E[(Z − z)⁺] = e^(−z²/2)·x⁻²R₃(x⁻²)/√2 with x = z/√2, which
 * follows from the interval-3 form by subtracting z·Q(z) from φ(z) algebraically (no cancellation).
 * @internal
 */
export function lossFarTail(z: number): number {
  return (expHalfSquare(z) * erfcTailCorrection(z * SQRT1_2)) * SQRT1_2;
}

/** L(z) = E[(Z − z)⁺] without argument checks (see `normalLoss.ts` for the method). */
export function normalLossKernel(z: number): number {
  if (z === Infinity) return 0;
  if (z === -Infinity) return Infinity;
  if (z > FAR) return z >= 40 ? 0 : lossFarTail(z);
  const a = Math.abs(z);
  const phi = INV_SQRT_2PI * expHalfSquare(a);
  if (z >= 0) return phi - z * normalUpperTail(z);
  // z < 0: Q(z) = 1 − Q(|z|), so L(z) = φ + |z|·(1 − Q(|z|)), all terms nonnegative.
  return phi + a * (1 - normalUpperTail(a));
}

const FAR = 4 * Math.SQRT2;
