import { validateDemand, type Demand } from '../model/demand.js';
import { empiricalDistribution } from './empiricalDistribution.js';
import { negativeBinomialDistribution } from './negativeBinomialDistribution.js';
import { normalDistribution } from './normalDistribution.js';
import { poissonDistribution } from './poissonDistribution.js';
import type { DemandDistribution } from './types.js';

/**
 * Turns a plain `Demand` description (see `yieldcraft/model`) into a `DemandDistribution`.
 *
 * The demand is validated first with `validateDemand`, so bad input throws a `YieldInputError` whose
 * path is the caller's (`classes[2].demand.sd` when called as `toDistribution(d, 'classes[2].demand')`).
 * The input is never modified and not retained (empirical probabilities are copied).
 *
 * @example
 * toDistribution({ kind: 'poisson', mean: 4 }).cdf(2); // => 0.23810330555354428
 * toDistribution({ kind: 'normal', mean: 40, sd: -1 }, 'classes[0].demand');
 * // => throws YieldInputError, path 'classes[0].demand.sd'
 */
export function toDistribution(demand: Demand, path = 'demand'): DemandDistribution {
  const d = validateDemand(demand, path);
  switch (d.kind) {
    case 'normal':
      return normalDistribution(d.mean, d.sd);
    case 'poisson':
      return poissonDistribution(d.mean);
    case 'negative-binomial':
      return negativeBinomialDistribution(d.mean, d.variance);
    case 'empirical':
      return empiricalDistribution(d.probabilities, `${path}.probabilities`);
  }
}
