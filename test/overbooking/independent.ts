/**
 * Independent reference computations for the overbooking tests: the distribution of shows is built
 * outright (log-factorials summed term by term, Poisson by its recurrence) and the expected profit is
 * summed over every outcome — no marginal analysis, nothing shared with src/overbooking.
 */

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1]! + Math.log(k);
  return logFactorials[n]!;
}

/** P(S = s) for s = 0..b, S ~ Binomial(b, q). */
export function binomialShows(b: number, q: number): number[] {
  const out: number[] = [];
  for (let s = 0; s <= b; s++) {
    if (q === 0) out.push(s === 0 ? 1 : 0);
    else if (q === 1) out.push(s === b ? 1 : 0);
    else
      out.push(
        Math.exp(logFactorial(b) - logFactorial(s) - logFactorial(b - s) + s * Math.log(q) + (b - s) * Math.log(1 - q)),
      );
  }
  return out;
}

/** P(S = s) for s = 0..b when the no-shows Z have pmf `noShow` (Z ≥ b means nobody shows). */
export function showsFromNoShows(b: number, noShow: (z: number) => number, maxZ: number): number[] {
  const out = new Array<number>(b + 1).fill(0);
  for (let z = 0; z <= maxZ; z++) out[Math.max(b - z, 0)]! += noShow(z);
  return out;
}

/** Poisson pmf by the recurrence P(k) = P(k − 1)·λ/k. */
export function poissonPmf(mean: number): (z: number) => number {
  const cache = [Math.exp(-mean)];
  return (z) => {
    for (let k = cache.length; k <= z; k++) cache[k] = (cache[k - 1]! * mean) / k;
    return cache[z]!;
  };
}

/** Expected profit of a shows distribution, summed over outcomes. */
export function expectedProfitByEnumeration(
  shows: readonly number[],
  capacity: number,
  fare: number,
  deniedCost: number,
  basis: 'per-show' | 'per-booking' = 'per-show',
): number {
  const b = shows.length - 1;
  let e = 0;
  for (let s = 0; s <= b; s++) {
    const revenue = basis === 'per-show' ? fare * Math.min(s, capacity) : fare * b;
    e += shows[s]! * (revenue - deniedCost * Math.max(s - capacity, 0));
  }
  return e;
}

/** P(S > capacity). */
export function overflowByEnumeration(shows: readonly number[], capacity: number): number {
  let p = 0;
  for (let s = capacity + 1; s < shows.length; s++) p += shows[s]!;
  return p;
}

/** The smallest b in [from, to] maximizing f(b). */
export function argmax(from: number, to: number, f: (b: number) => number): number {
  let best = from;
  let bestValue = f(from);
  for (let b = from + 1; b <= to; b++) {
    const v = f(b);
    if (v > bestValue + 1e-9 * Math.abs(bestValue)) {
      best = b;
      bestValue = v;
    }
  }
  return best;
}
