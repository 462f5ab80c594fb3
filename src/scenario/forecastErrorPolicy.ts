import type { Network } from '../model/schemas.js';
import type { Policy, PlanningContext } from '../simulate/policy.js';
import { deriveSeed, mulberry32 } from '../internal/rng.js';
import { finite, nonNegative, object } from '../internal/validate.js';

/** How wrong the forecast the policy plans with is. */
export interface ForecastError {
  /** Planned demand = true demand × bias (1.2: a forecast 20 % too high). Default 1. */
  readonly bias?: number;
  /** Standard deviation of a log-normal multiplicative error per product, drawn once (default 0). */
  readonly noise?: number;
  /** Seed of the noise (default 1). */
  readonly seed?: number;
}

/**
 * A policy that plans with a wrong forecast: the network it optimises has each product's demand × bias
 * × a log-normal error exp(σ·z_j − σ²/2) (mean 1; z_j standard normal, drawn once per product from
 * `seed`), while the simulated requests keep coming from the true demand. The what-if "forecast error":
 * how much revenue does a biased or noisy forecast cost this policy?
 *
 * Reference: Talluri & van Ryzin (2004), §9.5 (the effect of forecast errors on revenue); Weatherford &
 * Belobaba (2002), "Revenue impacts of fare input and demand forecast accuracy in airline yield
 * management", JORS 53 (bias and noise applied to the optimiser's inputs only).
 *
 * @param inner - the policy (its plans are built on the distorted network)
 * @param error - `{ bias?, noise?, seed? }`
 * @returns a policy without `spec` (it runs in the simulator's thread: workers = 1)
 * @example
 * import { dlpBidPricePolicy } from 'yieldcraft/simulate';
 * import { forecastErrorPolicy } from 'yieldcraft/scenario';
 * const optimistic = forecastErrorPolicy(dlpBidPricePolicy(), { bias: 1.2 });
 * optimistic.name; // => 'DLP bid prices (ties: allocation), forecast ×1.2'
 */
export function forecastErrorPolicy(inner: Policy, error: ForecastError): Policy {
  object(error, 'error');
  const bias = error.bias === undefined ? 1 : nonNegative(error.bias, 'error.bias');
  const sigma = error.noise === undefined ? 0 : nonNegative(error.noise, 'error.noise');
  const seed = error.seed === undefined ? 1 : finite(error.seed, 'error.seed');
  const factors = new Map<string, number>();
  const factorOf = (id: string, j: number) => {
    let f = factors.get(id);
    if (f === undefined) {
      f = bias;
      if (sigma > 0) {
        const rng = mulberry32(deriveSeed(seed, j));
        // Box–Muller: one standard normal from two uniforms
        const u1 = Math.max(rng(), Number.MIN_VALUE);
        const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rng());
        f *= Math.exp(sigma * z - (sigma * sigma) / 2);
      }
      factors.set(id, f);
    }
    return f;
  };
  const distort = (n: Network): Network => ({
    resources: n.resources,
    products: n.products.map((p, j) => {
      const f = factorOf(p.id, j);
      const d = p.demand;
      const demand = typeof d === 'number' ? d * f : d.kind === 'poisson' ? { kind: 'poisson' as const, mean: d.mean * f } : d.kind === 'normal' ? { kind: 'normal' as const, mean: d.mean * f, sd: d.sd * f } : d;
      return { ...p, demand };
    }),
  });
  const label = [bias !== 1 ? `×${bias}` : '', sigma > 0 ? `noise ${sigma}` : ''].filter(Boolean).join(', ');
  return {
    name: `${inner.name}, forecast ${label || 'exact'}`,
    tieRule: inner.tieRule,
    valueAware: inner.valueAware,
    plan(ctx: PlanningContext) {
      const view: PlanningContext = Object.create(ctx, {
        remainingNetwork: { value: (demand?: 'mean' | 'poisson') => distort(ctx.remainingNetwork(demand)) },
      });
      return inner.plan(view);
    },
    dispose: inner.dispose && (() => inner.dispose!()),
  };
}
