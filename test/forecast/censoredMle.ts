/**
 * An independent censored-normal maximum-likelihood fit, written differently from EM (shared by the
 * unconstraining tests): the survival function is integrated numerically (composite Simpson on the
 * density, 1,200 panels over [z, z + 12]) instead of using any series or continued fraction, and the
 * likelihood is maximised by a coarse grid followed by alternating golden-section searches — no EM, no
 * moment formulas.
 */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
function survivalBySimpson(z: number): number {
  const a = z;
  const b = z + 12;
  const m = 1200;
  const h = (b - a) / m;
  let s = phi(a) + phi(b);
  for (let i = 1; i < m; i++) s += (i % 2 ? 4 : 2) * phi(a + i * h);
  return (s * h) / 3;
}
export function logLik(obs: { value: number; censored: boolean }[], mu: number, sigma: number): number {
  let ll = 0;
  for (const o of obs) {
    const z = (o.value - mu) / sigma;
    ll += o.censored ? Math.log(survivalBySimpson(z)) : -0.5 * z * z - Math.log(sigma * Math.sqrt(2 * Math.PI));
  }
  return ll;
}
function golden(f: (x: number) => number, lo: number, hi: number, iters = 50): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < iters; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}
export function independentMle(obs: { value: number; censored: boolean }[], grid = { mu: [0, 40], sigma: [1, 15] }): { mu: number; sigma: number } {
  let best = { mu: 0, sigma: 1, ll: -Infinity };
  const muStep = (grid.mu[1]! - grid.mu[0]!) / 40;
  const sdStep = (grid.sigma[1]! - grid.sigma[0]!) / 14;
  for (let mu = grid.mu[0]!; mu <= grid.mu[1]!; mu += muStep)
    for (let sigma = grid.sigma[0]!; sigma <= grid.sigma[1]!; sigma += sdStep) {
      const ll = logLik(obs, mu, sigma);
      if (ll > best.ll) best = { mu, sigma, ll };
    }
  let { mu, sigma } = best;
  for (let round = 0; round < 25; round++) {
    mu = golden((m) => logLik(obs, m, sigma), mu - 2 * muStep, mu + 2 * muStep);
    sigma = golden((s) => logLik(obs, mu, s), Math.max(0.05 * sdStep, sigma - 2 * sdStep), sigma + 2 * sdStep);
  }
  return { mu, sigma };
}

