/**
 * `yieldcraft/distributions`: demand distributions (normal, Poisson, negative binomial, empirical)
 * behind one interface: pdf/pmf, cdf, sf, quantile, E[min(D, x)], sampling with an injected RNG.
 */
export * from './types.js';
export * from './normalCdf.js';
export * from './normalQuantile.js';
export * from './normalLoss.js';
export * from './logGamma.js';
export * from './regularizedGamma.js';
export * from './regularizedBeta.js';
export * from './binomial.js';
export * from './normalDistribution.js';
export * from './poissonDistribution.js';
export * from './negativeBinomialDistribution.js';
export * from './empiricalDistribution.js';
export * from './toDistribution.js';
