/**
 * `yieldcraft/distributions`: demand distributions (normal, Poisson, negative binomial, empirical)
 * behind one interface: pdf/pmf, cdf, sf, quantile, E[min(D, x)], sampling with an injected RNG.
 */
export * from './types.js';
