import { normalQuantile } from '../distributions/normalQuantile.js';
import { array, fail, finite, join, nonEmptyArray, nonNegative, object, positiveInteger } from '../internal/validate.js';
import type { ConstantElasticityResponse, ExponentialResponse } from './fitPriceResponse.js';

/** Bookings of one alternative (a lead-time band, a channel, …) for one night, at the price they paid. */
export interface WithinNightCell {
  readonly alternative: string;
  /** The price paid, money per unit, > 0 (a room-weighted mean when rates differ). */
  readonly price: number;
  /** Units booked, ≥ 0. */
  readonly quantity: number;
}

/** One night (or any group sharing one demand level): the alternatives observed on it. */
export interface WithinNightGroup {
  readonly night?: string;
  readonly cells: readonly WithinNightCell[];
}

export interface FitWithinNightOptions {
  /** 'constant-elasticity' (default): demand ∝ p^(−ε); 'exponential': demand ∝ e^(−alpha·p). */
  readonly form?: 'constant-elasticity' | 'exponential';
  /** Confidence level of the interval, in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /** Newton iterations at most (default 100). */
  readonly maxIterations?: number;
  /** Least groups with two or more alternatives for a fit (default 10). */
  readonly minGroups?: number;
}

export const FIT_WITHIN_NIGHT_DEFAULTS = { form: 'constant-elasticity', confidence: 0.95, maxIterations: 100, minGroups: 10 } as const;

/** A fit that could not be made: too few groups, or no price variation within them. */
export interface WithinNightInsufficient {
  readonly status: 'insufficient-history';
  readonly reason: 'too-few-groups' | 'no-price-variation';
  readonly form: 'constant-elasticity' | 'exponential';
  /** Groups and cells usable (groups with at least two alternatives and a booking), units booked in them. */
  readonly groups: number;
  readonly cells: number;
  readonly quantity: number;
}

/** A fitted within-night price response. */
export interface WithinNightEstimate {
  /**
   * 'ok'; 'wrong-sign' (demand estimated to rise with price: not a curve to price with);
   * 'iteration-limit' (Newton stopped at its cap before converging).
   */
  readonly status: 'ok' | 'wrong-sign' | 'iteration-limit';
  readonly form: 'constant-elasticity' | 'exponential';
  /** ε (constant elasticity) or alpha per unit of money (exponential); > 0 when demand falls with price. */
  readonly sensitivity: number;
  /** Standard error of `sensitivity`, robust to over-dispersion (clustered by group, sandwich). */
  readonly standardError: number;
  /** Standard error under the Poisson model itself (inverse information). */
  readonly modelStandardError: number;
  /** [low, high] at `confidence`, from the robust standard error (normal approximation). */
  readonly confidenceInterval: readonly [number, number];
  readonly confidence: number;
  /** log of each alternative's demand relative to the first (alphabetical) one, at the same price. */
  readonly alternativeEffects: Readonly<Record<string, number>>;
  /**
   * The demand curve of an average group with every alternative at the same price p (all alternatives
   * together): a·p^(−ε) or a·e^(−alpha·p). Null unless status is 'ok'.
   */
  readonly response: ConstantElasticityResponse | ExponentialResponse | null;
  /** Groups and cells used (groups with at least two alternatives and a booking), units booked in them. */
  readonly groups: number;
  readonly cells: number;
  readonly quantity: number;
  readonly iterations: number;
  readonly logLikelihood: number;
}

export type WithinNightFit = WithinNightEstimate | WithinNightInsufficient;

/** Solves A·x = b for a small dense matrix (Gaussian elimination with partial pivoting, on copies); null if singular. */
function solve(A: Float64Array, b: Float64Array, D: number): Float64Array | null {
  const M = Float64Array.from(A);
  const x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < D; i++) scale = Math.max(scale, Math.abs(M[i * D + i]!));
  for (let c = 0; c < D; c++) {
    let piv = c;
    for (let r = c + 1; r < D; r++) if (Math.abs(M[r * D + c]!) > Math.abs(M[piv * D + c]!)) piv = r;
    if (!(Math.abs(M[piv * D + c]!) > 1e-10 * scale)) return null;
    if (piv !== c) {
      for (let k = 0; k < D; k++) {
        const t = M[c * D + k]!;
        M[c * D + k] = M[piv * D + k]!;
        M[piv * D + k] = t;
      }
      const t = x[c]!;
      x[c] = x[piv]!;
      x[piv] = t;
    }
    for (let r = c + 1; r < D; r++) {
      const f = M[r * D + c]! / M[c * D + c]!;
      if (f === 0) continue;
      for (let k = c; k < D; k++) M[r * D + k] = M[r * D + k]! - f * M[c * D + k]!;
      x[r] = x[r]! - f * x[c]!;
    }
  }
  for (let c = D - 1; c >= 0; c--) {
    let s = x[c]!;
    for (let k = c + 1; k < D; k++) s -= M[c * D + k]! * x[k]!;
    x[c] = s / M[c * D + c]!;
  }
  return x;
}

/**
 * Price response from variation **within** a night: how bookings split between the alternatives on
 * sale for the same night (lead-time bands, channels) as their prices differ. Whatever the hotel knows
 * about a night's demand and prices into it cancels, because only the split within the night is used.
 *
 * Model (a Poisson model with a fixed effect per night; Talluri & van Ryzin 2004, §9.4 on endogeneity,
 * and the conditional-likelihood fixed-effects estimator of Hausman, Hall & Griliches 1984): bookings of
 * alternative k for night n are Poisson with mean
 *
 *   μ_nk = exp(α_n + γ_k) · h(p_nk),   h(p) = p^(−ε) (constant elasticity) or e^(−alpha·p) (exponential),
 *
 * α_n the night's demand level (anything the hotel knew and priced on: free to be correlated with every
 * price of the night), γ_k the alternative's own level (the shape of the booking curve, a channel's
 * reach). Given the night's total N_n, the split is multinomial with shares
 * π_nk = e^(γ_k)·h(p_nk) / Σ_j e^(γ_j)·h(p_nj): α_n drops out, and (γ, ε) are estimated by maximising
 * that conditional likelihood (a grouped conditional logit) with Newton's method. Standard errors: the
 * inverse information (`modelStandardError`) and the sandwich clustered by night (`standardError`,
 * robust to over-dispersion; the interval uses it, normal approximation, G/(G − 1) small-sample factor).
 *
 * Assumptions (the estimate means what it says only if they hold):
 * 1. Within a night, the deviation of an alternative's price from its usual relation to the other
 *    alternatives is not a response to that alternative's own demand shock (e.g. rate changes over the
 *    booking window for reasons common to many nights, promotions, parity moves): the hotel may set the
 *    night's overall price level knowing demand (absorbed by α_n), not the within-night spread knowing
 *    the spread of demand.
 * 2. Demand is multiplicative in night and alternative, with one sensitivity for all (ε or alpha).
 * 3. Alternatives do not substitute in response to price (a guest does not wait for a cheaper band);
 *    substitution inflates ε.
 * 4. Only alternatives with bookings carry a price: cells with none are missing from the split. This
 *    selects on the outcome and biases ε towards 0 when empty cells are common — use few, wide
 *    alternatives. Groups with fewer than two alternatives tell nothing and are left out.
 *
 * @param groups - `{ night?, cells: [{ alternative, price, quantity }] }` per night; price > 0, quantity ≥ 0;
 *   an alternative at most once per group
 * @param options - {@link FIT_WITHIN_NIGHT_DEFAULTS}
 * @returns a {@link WithinNightEstimate}, or {@link WithinNightInsufficient} with the reason
 * @example
 * import { fitWithinNightResponse } from 'yieldcraft/forecast';
 * // two nights, two lead-time bands; bookings exactly 10⁶·p^(−2) (× 1.5 for 'late')
 * const cells = (pe: number, pl: number) => [
 *   { alternative: 'early', price: pe, quantity: 1e6 * pe ** -2 },
 *   { alternative: 'late', price: pl, quantity: 1.5e6 * pl ** -2 },
 * ];
 * const fit = fitWithinNightResponse([{ cells: cells(80, 100) }, { cells: cells(120, 110) }], { minGroups: 2 });
 * fit.sensitivity; // => 2 (to 1e-9)
 * fit.alternativeEffects.late; // => 0.4054… (ln 1.5)
 */
export function fitWithinNightResponse(groups: readonly WithinNightGroup[], options: FitWithinNightOptions = {}): WithinNightFit {
  const list = array<unknown>(groups, 'groups');
  const o = object(options, 'options');
  const form = o.form ?? FIT_WITHIN_NIGHT_DEFAULTS.form;
  if (form !== 'constant-elasticity' && form !== 'exponential')
    fail('options.form', `must be 'constant-elasticity' or 'exponential', got ${JSON.stringify(form)}`);
  const confidence = o.confidence === undefined ? FIT_WITHIN_NIGHT_DEFAULTS.confidence : finite(o.confidence, 'options.confidence');
  if (!(confidence > 0 && confidence < 1)) fail('options.confidence', `must be in (0, 1), got ${confidence}`);
  const maxIt = o.maxIterations === undefined ? FIT_WITHIN_NIGHT_DEFAULTS.maxIterations : positiveInteger(o.maxIterations, 'options.maxIterations');
  const minGroups = o.minGroups === undefined ? FIT_WITHIN_NIGHT_DEFAULTS.minGroups : positiveInteger(o.minGroups, 'options.minGroups');

  // Validate and flatten; keep groups with ≥ 2 alternatives.
  const names = new Set<string>();
  const raw: { alt: string; p: number; q: number }[][] = [];
  list.forEach((g, i) => {
    const gp = join('groups', i);
    const grp = object(g, gp);
    const cells = nonEmptyArray<unknown>(grp.cells, join(gp, 'cells'));
    const seen = new Set<string>();
    const row = cells.map((c, k) => {
      const cp = join(join(gp, 'cells'), k);
      const cell = object(c, cp);
      if (typeof cell.alternative !== 'string' || cell.alternative === '') fail(join(cp, 'alternative'), 'must be a non-empty string', 'invalid-type');
      if (seen.has(cell.alternative)) fail(join(cp, 'alternative'), `repeats ${JSON.stringify(cell.alternative)} in this group`, 'inconsistent');
      seen.add(cell.alternative);
      const p = finite(cell.price, join(cp, 'price'));
      if (!(p > 0)) fail(join(cp, 'price'), `must be > 0, got ${p}`);
      return { alt: cell.alternative, p, q: nonNegative(cell.quantity, join(cp, 'quantity')) };
    });
    const total = row.reduce((s, c) => s + c.q, 0);
    if (row.length >= 2 && total > 0) {
      raw.push(row);
      for (const c of row) names.add(c.alt);
    }
  });
  const alts = [...names].sort();
  const A = alts.length;
  const altIndex = new Map(alts.map((a, i) => [a, i]));
  const G = raw.length;
  const D = A; // parameters: γ_1..γ_{A−1} (γ_0 = 0), then the slope on z
  const cellCount = raw.reduce((s, g) => s + g.length, 0);
  const start = new Int32Array(G + 1);
  const cAlt = new Int32Array(cellCount);
  const cZ = new Float64Array(cellCount);
  const cQ = new Float64Array(cellCount);
  const cP = new Float64Array(cellCount);
  let at = 0;
  let quantity = 0;
  raw.forEach((g, i) => {
    start[i] = at;
    for (const c of g) {
      cAlt[at] = altIndex.get(c.alt)!;
      cZ[at] = form === 'constant-elasticity' ? Math.log(c.p) : c.p;
      cQ[at] = c.q;
      cP[at] = c.p;
      quantity += c.q;
      at++;
    }
  });
  start[G] = at;
  const empty = (reason: WithinNightInsufficient['reason']): WithinNightInsufficient => ({
    status: 'insufficient-history',
    reason,
    form,
    groups: G,
    cells: cellCount,
    quantity,
  });
  if (G < minGroups || A < 2) return empty('too-few-groups');

  // Standardise z (a common shift cancels within a group; the scale is undone at the end).
  let zm = 0;
  for (let i = 0; i < cellCount; i++) zm += cZ[i]!;
  zm /= cellCount;
  let zs = 0;
  for (let i = 0; i < cellCount; i++) zs += (cZ[i]! - zm) ** 2;
  zs = Math.sqrt(zs / cellCount);
  if (!(zs > 0)) return empty('no-price-variation');
  for (let i = 0; i < cellCount; i++) cZ[i] = (cZ[i]! - zm) / zs;

  const theta = new Float64Array(D);
  const x = new Float64Array(D);
  const xbar = new Float64Array(D);
  const grad = new Float64Array(D);
  const H = new Float64Array(D * D); // the information: −Hessian
  const eta = new Float64Array(cellCount);
  const setX = (i: number) => {
    x.fill(0);
    if (cAlt[i]! > 0) x[cAlt[i]! - 1] = 1;
    x[D - 1] = cZ[i]!;
  };
  const loglik = (th: Float64Array): number => {
    let ll = 0;
    for (let g = 0; g < G; g++) {
      let mx = -Infinity;
      for (let i = start[g]!; i < start[g + 1]!; i++) {
        eta[i] = (cAlt[i]! > 0 ? th[cAlt[i]! - 1]! : 0) + th[D - 1]! * cZ[i]!;
        if (eta[i]! > mx) mx = eta[i]!;
      }
      let s = 0;
      for (let i = start[g]!; i < start[g + 1]!; i++) s += Math.exp(eta[i]! - mx);
      const lse = mx + Math.log(s);
      for (let i = start[g]!; i < start[g + 1]!; i++) ll += cQ[i]! * (eta[i]! - lse);
    }
    return ll;
  };
  /** Gradient and information at theta (eta must be current); optionally the per-group scores' outer product. */
  const derivatives = (meat?: Float64Array) => {
    grad.fill(0);
    H.fill(0);
    if (meat) meat.fill(0);
    const score = new Float64Array(D);
    for (let g = 0; g < G; g++) {
      let mx = -Infinity;
      for (let i = start[g]!; i < start[g + 1]!; i++) if (eta[i]! > mx) mx = eta[i]!;
      let s = 0;
      let N = 0;
      for (let i = start[g]!; i < start[g + 1]!; i++) {
        s += Math.exp(eta[i]! - mx);
        N += cQ[i]!;
      }
      xbar.fill(0);
      score.fill(0);
      for (let i = start[g]!; i < start[g + 1]!; i++) {
        const pi = Math.exp(eta[i]! - mx) / s;
        setX(i);
        for (let a = 0; a < D; a++) {
          xbar[a] = xbar[a]! + pi * x[a]!;
          score[a] = score[a]! + cQ[i]! * x[a]!;
          for (let b = 0; b < D; b++) H[a * D + b] = H[a * D + b]! + N * pi * x[a]! * x[b]!;
        }
      }
      for (let a = 0; a < D; a++) {
        score[a] = score[a]! - N * xbar[a]!;
        grad[a] = grad[a]! + score[a]!;
        for (let b = 0; b < D; b++) H[a * D + b] = H[a * D + b]! - N * xbar[a]! * xbar[b]!;
      }
      if (meat) for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) meat[a * D + b] = meat[a * D + b]! + score[a]! * score[b]!;
    }
  };

  let ll = loglik(theta);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIt; iterations++) {
    derivatives();
    const step = solve(H, grad, D);
    if (!step) return empty('no-price-variation');
    let t = 1;
    const trial = new Float64Array(D);
    let llNew = -Infinity;
    for (let h = 0; h < 60; h++) {
      for (let a = 0; a < D; a++) trial[a] = theta[a]! + t * step[a]!;
      llNew = loglik(trial);
      if (llNew >= ll - 1e-12 * Math.abs(ll)) break;
      t /= 2;
    }
    theta.set(trial);
    ll = loglik(theta);
    let size = 0;
    for (let a = 0; a < D; a++) size = Math.max(size, Math.abs(t * step[a]!));
    if (size < 1e-10) {
      converged = true;
      iterations++;
      break;
    }
  }
  const meat = new Float64Array(D * D);
  derivatives(meat);
  // Covariances: inverse information, and the sandwich H⁻¹ B H⁻¹ (clustered by group).
  const inv = new Float64Array(D * D);
  for (let c = 0; c < D; c++) {
    const e = new Float64Array(D);
    e[c] = 1;
    const col = solve(H, e, D);
    if (!col) return empty('no-price-variation');
    for (let r = 0; r < D; r++) inv[r * D + c] = col[r]!;
  }
  const last = D - 1;
  const modelVar = inv[last * D + last]!;
  let robustVar = 0;
  for (let a = 0; a < D; a++) for (let b = 0; b < D; b++) robustVar += inv[last * D + a]! * meat[a * D + b]! * inv[b * D + last]!;
  robustVar *= G / (G - 1);
  const slope = theta[last]! / zs; // coefficient on ln p (or p)
  const sensitivity = -slope;
  const se = Math.sqrt(robustVar) / zs;
  const modelSe = Math.sqrt(modelVar) / zs;
  const z = normalQuantile(0.5 + confidence / 2);
  const effects: Record<string, number> = {};
  alts.forEach((a, i) => {
    effects[a] = i === 0 ? 0 : theta[i - 1]!;
  });
  // Level: Poisson ML of each group's e^(α_n) given (γ, ε), then the average group's demand with every
  // alternative at one price p: a·h(p), a = mean_n e^(α_n)·Σ_k e^(γ_k).
  let sumAll = 0;
  for (let k = 0; k < A; k++) sumAll += Math.exp(effects[alts[k]!]!);
  const h = (p: number) => (form === 'constant-elasticity' ? Math.pow(p, -sensitivity) : Math.exp(-sensitivity * p));
  let level = 0;
  for (let g = 0; g < G; g++) {
    let N = 0;
    let den = 0;
    for (let i = start[g]!; i < start[g + 1]!; i++) {
      N += cQ[i]!;
      den += Math.exp(effects[alts[cAlt[i]!]!]!) * h(cP[i]!);
    }
    level += (N / den) * sumAll;
  }
  level /= G;
  const status: WithinNightEstimate['status'] = !converged ? 'iteration-limit' : sensitivity > 0 ? 'ok' : 'wrong-sign';
  const response =
    status !== 'ok'
      ? null
      : form === 'constant-elasticity'
        ? ({ kind: 'constant-elasticity', a: level, elasticity: sensitivity } as const)
        : ({ kind: 'exponential', a: level, alpha: sensitivity } as const);
  return {
    status,
    form,
    sensitivity,
    standardError: se,
    modelStandardError: modelSe,
    confidenceInterval: [sensitivity - z * se, sensitivity + z * se],
    confidence,
    alternativeEffects: effects,
    response,
    groups: G,
    cells: cellCount,
    quantity,
    iterations,
    logLikelihood: ll,
  };
}
