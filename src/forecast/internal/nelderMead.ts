/**
 * A small Nelder–Mead simplex minimiser (Nelder & Mead 1965; the standard coefficients reflection 1,
 * expansion 2, contraction ½, shrink ½, as in Lagarias et al. 1998), used to fit smoothing parameters.
 * Unconstrained: callers map bounded parameters through a logistic transform.
 * @internal
 */
export interface NelderMeadResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
}

export function nelderMead(
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  opts: { step?: number; maxIterations?: number; tolerance?: number } = {},
): NelderMeadResult {
  const n = start.length;
  const step = opts.step ?? 0.5;
  const maxIt = opts.maxIterations ?? 200 * n;
  const tol = opts.tolerance ?? 1e-8;
  const pts: Float64Array[] = [];
  const vals = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const p = Float64Array.from(start);
    if (i > 0) p[i - 1]! += step;
    pts.push(p);
    vals[i] = safe(f(p));
  }
  const centroid = new Float64Array(n);
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const xc = new Float64Array(n);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  let it = 0;
  for (; it < maxIt; it++) {
    order.sort((a, b) => vals[a]! - vals[b]!);
    const best = order[0]!;
    const worst = order[n]!;
    const second = order[n - 1]!;
    if (Math.abs(vals[worst]! - vals[best]!) <= tol * (Math.abs(vals[best]!) + tol)) break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = pts[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += p[j]! / n;
    }
    const pw = pts[worst]!;
    for (let j = 0; j < n; j++) xr[j] = centroid[j]! + (centroid[j]! - pw[j]!);
    const fr = safe(f(xr));
    if (fr < vals[best]!) {
      for (let j = 0; j < n; j++) xe[j] = centroid[j]! + 2 * (xr[j]! - centroid[j]!);
      const fe = safe(f(xe));
      if (fe < fr) {
        pw.set(xe);
        vals[worst] = fe;
      } else {
        pw.set(xr);
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < vals[second]!) {
      pw.set(xr);
      vals[worst] = fr;
      continue;
    }
    const outside = fr < vals[worst]!;
    for (let j = 0; j < n; j++) xc[j] = centroid[j]! + 0.5 * ((outside ? xr[j]! : pw[j]!) - centroid[j]!);
    const fc = safe(f(xc));
    if (fc < (outside ? fr : vals[worst]!)) {
      pw.set(xc);
      vals[worst] = fc;
      continue;
    }
    const pb = pts[best]!;
    for (let k = 1; k <= n; k++) {
      const p = pts[order[k]!]!;
      for (let j = 0; j < n; j++) p[j] = pb[j]! + 0.5 * (p[j]! - pb[j]!);
      vals[order[k]!] = safe(f(p));
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[bi]!) bi = i;
  return { x: pts[bi]!, value: vals[bi]!, iterations: it };
}

function safe(v: number): number {
  return Number.isFinite(v) ? v : Number.MAX_VALUE;
}

/** Logistic map from ℝ to (lo, hi), and its inverse. */
export function toInterval(u: number, lo: number, hi: number): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}
export function fromInterval(x: number, lo: number, hi: number): number {
  const p = (x - lo) / (hi - lo);
  const q = Math.min(1 - 1e-9, Math.max(1e-9, p));
  return Math.log(q / (1 - q));
}
