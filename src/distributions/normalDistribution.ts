/**
 * Normal demand N(μ, σ²), the continuous model behind Littlewood's rule and EMSR (Belobaba 1989).
 *
 * Reference: Talluri & van Ryzin (2004), ch. 2 (normal demand, protection levels from Φ⁻¹) and the
 * partial expectation E[min(D, x)] = μ − σ·L((x − μ)/σ) with the standard normal loss function L
 * (Phillips 2005; see `normalLoss`).
 *
 * Notation: μ = `mean`, σ = `sd`, both in units of capacity (rooms, seats) over the booking horizon.
 *
 * Conventions:
 * - σ = 0 is a point mass at μ: cdf is the step 1{x ≥ μ}, `pdf(μ)` = +Infinity (the Dirac atom) and
 *   0 elsewhere, `quantile(p)` = μ for every p, `expectedMin(x)` = min(μ, x), samples are μ.
 * - σ > 0: `quantile(0)` = −Infinity and `quantile(1)` = +Infinity (the support is the real line; the
 *   normal puts a little mass below 0, which is the usual accepted approximation for demand).
 * - `expectedMin(x)` needs x ≥ 0 (a capacity); x = +Infinity gives μ.
 * - `sample(rng)`: inversion, μ + σ·Φ⁻¹(u) with one uniform u per draw; u = 0 (which a 32-bit source
 *   returns with probability 2⁻³²) is replaced by 2⁻⁵³ so a draw is never −Infinity.
 * - Arguments that are NaN (or a p outside [0, 1]) throw `YieldInputError` naming `x` or `p`.
 *
 * @example
 * const d = normalDistribution(40, 12);
 * d.cdf(40);               // => 0.5
 * d.quantile(0.975);       // => 63.519567814480645
 * d.expectedMin(40);       // => 35.212692635182805  (40 − 12·φ(0))
 */
import { nonNegative } from '../internal/validate.js';
import { checkCapacity, checkLevel, checkPoint, drawUniform } from './checks.js';
import { normalUpperTail, normalLossKernel } from './erfcCody.js';

import { ppnd16 } from './ppnd16.js';
import type { DemandDistribution, Rng } from './types.js';

const INV_SQRT_2PI = 0.3989422804014327;
const U_MIN = 2 ** -53;

export interface NormalDistribution extends DemandDistribution {
  readonly kind: 'normal';
  readonly discrete: false;
}

/** A normal demand distribution with mean `mean` ≥ 0 and standard deviation `sd` ≥ 0. */
export function normalDistribution(mean: number, sd: number): NormalDistribution {
  const mu = nonNegative(mean, 'mean');
  const sigma = nonNegative(sd, 'sd');
  if (sigma === 0) return pointMass(mu);
  const cdf = (x: number): number => {
    checkPoint(x);
    const z = (x - mu) / sigma;
    return z >= 0 ? 1 - normalUpperTail(z) : normalUpperTail(-z);
  };
  const sf = (x: number): number => {
    checkPoint(x);
    const z = (x - mu) / sigma;
    return z >= 0 ? normalUpperTail(z) : 1 - normalUpperTail(-z);
  };
  const quantile = (p: number): number => {
    checkLevel(p);
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return mu + sigma * ppnd16(p);
  };
  return Object.freeze({
    kind: 'normal' as const,
    discrete: false as const,
    mean: mu,
    variance: sigma * sigma,
    sd: sigma,
    pdf(x: number): number {
      checkPoint(x);
      const z = Math.abs((x - mu) / sigma);
      if (z > 40) return 0;
      const zr = Math.trunc(z * 16) / 16;
      return (INV_SQRT_2PI * Math.exp(-0.5 * zr * zr) * Math.exp(-0.5 * (z - zr) * (z + zr))) / sigma;
    },
    cdf,
    sf,
    quantile,
    expectedMin(x: number): number {
      checkCapacity(x);
      if (x === Infinity) return mu;
      return mu - sigma * normalLossKernel((x - mu) / sigma);
    },
    sample(rng: Rng): number {
      const u = drawUniform(rng);
      return mu + sigma * ppnd16(u === 0 ? U_MIN : u);
    },
  });
}

function pointMass(mu: number): NormalDistribution {
  return Object.freeze({
    kind: 'normal' as const,
    discrete: false as const,
    mean: mu,
    variance: 0,
    sd: 0,
    pdf(x: number): number {
      checkPoint(x);
      return x === mu ? Infinity : 0;
    },
    cdf(x: number): number {
      checkPoint(x);
      return x >= mu ? 1 : 0;
    },
    sf(x: number): number {
      checkPoint(x);
      return x >= mu ? 0 : 1;
    },
    quantile(p: number): number {
      checkLevel(p);
      return mu;
    },
    expectedMin(x: number): number {
      checkCapacity(x);
      return Math.min(mu, x);
    },
    sample(rng: Rng): number {
      drawUniform(rng);
      return mu;
    },
  });
}
