/**
 * Small random network booking processes (2–3 legs, capacities 1–3, 2–5 products, 3–8 periods) and
 * an exact network dynamic program written independently of the library: a memoised recursion over
 * the joint state (period, remaining capacity of every leg), the network DP of Talluri & van Ryzin
 * (2004), ch. 3:  V_t(x) = V_{t+1}(x) + Σ_j p_{t,j} · max(0, f_j + V_{t+1}(x − A_j) − V_{t+1}(x)), A_j ≤ x.
 */
import { mulberry32 } from '../../src/internal/rng.js';
import type { NetworkBookingProcess } from '../../src/model/bookingProcess.js';

export function tinyProcess(seed: number, opts: { localOnly?: boolean } = {}): NetworkBookingProcess {
  const rng = mulberry32(seed);
  const nR = 2 + Math.floor(rng() * 2);
  const caps = Array.from({ length: nR }, () => 1 + Math.floor(rng() * 3));
  const nP = 2 + Math.floor(rng() * 4);
  const products = Array.from({ length: nP }, (_, j) => {
    let legs = Array.from({ length: nR }, (_, i) => i).filter(() => rng() < 0.6);
    if (legs.length === 0 || opts.localOnly) legs = [Math.floor(rng() * nR)];
    return { id: `p${j}`, fare: Math.round(10 + rng() * 90), resources: legs.map((i) => `r${i}`), demand: 0 };
  });
  const T = 3 + Math.floor(rng() * 6);
  const probs: number[] = [];
  for (let t = 0; t < T; t++) {
    const row = products.map(() => rng());
    const total = row.reduce((a, b) => a + b, 0) / (0.3 + 0.7 * rng()); // period sum ≤ 1
    for (const v of row) probs.push(v / total);
  }
  const demand = products.map((_, j) => probs.filter((_, k) => k % nP === j).reduce((a, b) => a + b, 0));
  return {
    network: {
      resources: caps.map((c, i) => ({ id: `r${i}`, capacity: c })),
      products: products.map((p, j) => ({ ...p, demand: demand[j]! })),
    },
    periods: T,
    arrivalProbabilities: probs,
  };
}

/** Exact optimal expected revenue V_0(c) of the network DP, by brute force over joint states. */
export function exactNetworkValue(process: NetworkBookingProcess, from = 0, capacity?: number[]): number {
  const { network, periods: T } = process;
  const nP = network.products.length;
  const idx = new Map(network.resources.map((r, i) => [r.id, i]));
  const uses = network.products.map((p) => p.resources.map((r) => idx.get(r)!));
  const memo = new Map<string, number>();
  const V = (t: number, x: number[]): number => {
    if (t === T) return 0;
    const key = `${t}|${x.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const stay = V(t + 1, x);
    let v = stay;
    for (let j = 0; j < nP; j++) {
      const pr = process.arrivalProbabilities[t * nP + j]!;
      if (pr === 0 || !uses[j]!.every((i) => x[i]! >= 1)) continue;
      const y = x.slice();
      for (const i of uses[j]!) y[i]!--;
      v += pr * Math.max(0, network.products[j]!.fare + V(t + 1, y) - stay);
    }
    memo.set(key, v);
    return v;
  };
  return V(from, capacity ?? network.resources.map((r) => r.capacity));
}
