import { fail, finite, positiveInteger, probability } from '../internal/validate.js';

/** Two-sided P(|T| ≤ t) for Student's t with whole ν ≥ 1 degrees of freedom (A&S 26.7.3–4). */
export function studentTTwoSided(t: number, df: number): number {
  finite(t === Infinity ? 0 : t, 't');
  positiveInteger(df, 'df');
  if (df > 1e7) fail('df', `at most 10,000,000 degrees of freedom (use the normal law beyond), got ${df}`);
  if (!(t > 0)) return 0;
  if (t === Infinity) return 1;
  const theta = Math.atan(t / Math.sqrt(df));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 1) {
    if (df === 1) return (2 * theta) / Math.PI;
    // 1 + (2/3)c² + (2·4)/(3·5)c⁴ + … + (2·4···(ν−3))/(3·5···(ν−2)) c^{ν−3}
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 3; k += 2) {
      term *= (k / (k + 1)) * c2;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
  }
  // even: 1 + (1/2)c² + (1·3)/(2·4)c⁴ + … + (1·3···(ν−3))/(2·4···(ν−2)) c^{ν−2}
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= df - 3; k += 2) {
    term *= (k / (k + 1)) * c2;
    sum += term;
  }
  return s * sum;
}

/** The p-quantile of Student's t with whole ν ≥ 1 degrees of freedom, for p in (0, 1). */
export function studentTQuantile(p: number, df: number): number {
  probability(p, 'p');
  positiveInteger(df, 'df');
  if (p === 0 || p === 1) fail('p', `must be strictly between 0 and 1, got ${p}`);
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const target = upper ? 2 * p - 1 : 1 - 2 * p; // two-sided mass inside ±t
  let lo = 0;
  let hi = 1;
  while (studentTTwoSided(hi, df) < target) hi *= 2;
  for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
    const mid = (lo + hi) / 2;
    if (studentTTwoSided(mid, df) < target) lo = mid;
    else hi = mid;
  }
  const t = (lo + hi) / 2;
  return upper ? t : -t;
}

export interface ConfidenceInterval {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator; 0 when n = 1). */
  readonly sd: number;
  readonly level: number;
  /** t_{(1+level)/2, n−1} · sd / √n (Infinity when n = 1: one observation says nothing about spread). */
  readonly halfWidth: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Mean of a sample with a Student-t confidence interval: mean ± t_{(1+level)/2, n−1} · s/√n, where s is
 * the sample standard deviation (n − 1 in the denominator). The Monte Carlo runner reports every
 * policy's mean revenue this way (n = number of simulated demand trajectories).
 *
 * The t quantile is computed exactly for whole degrees of freedom ν: the two-sided probability
 * A(t | ν) = P(|T| ≤ t) has a closed form as a finite trigonometric series (Abramowitz & Stegun 1964,
 * eq. 26.7.3 for odd ν, 26.7.4 for even ν, with θ = arctan(t/√ν)), inverted by bisection to full
 * double precision.
 *
 * Reference: Abramowitz & Stegun (1964), Handbook of Mathematical Functions, §26.7; the test checks
 * the NIST/SEMATECH e-Handbook table of critical values (§1.3.6.7.2).
 *
 * @param values - the sample (not modified); finite numbers, at least one
 * @param level - confidence level in (0, 1), default 0.95
 * @example
 * import { meanConfidenceInterval, studentTQuantile } from 'yieldcraft/simulate';
 * studentTQuantile(0.975, 10); // => 2.228138851986274
 * meanConfidenceInterval([1, 2, 3, 4]);
 * // => { n: 4, mean: 2.5, sd: 1.2909944487358056, level: 0.95, halfWidth: 2.0542602567605193,
 * //      low: 0.44573974323948073, high: 4.55426025676052 }
 */
export function meanConfidenceInterval(values: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<number>).length !== 'number')
    fail('values', 'must be an array of numbers', 'invalid-type');
  probability(level, 'level');
  if (level === 0 || level === 1) fail('level', `must be strictly between 0 and 1, got ${level}`);
  const n = values.length;
  if (n === 0) fail('values', 'must not be empty', 'empty');
  let mean = 0;
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    finite(v, `values[${k}]`);
    mean += (v - mean) / (k + 1);
  }
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (values[k]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const halfWidth = n > 1 ? studentTQuantile((1 + level) / 2, n - 1) * (sd / Math.sqrt(n)) : Infinity;
  return { n, mean, sd, level, halfWidth, low: mean - halfWidth, high: mean + halfWidth };
}
