import { array, join, nonNegative, object } from '../internal/validate.js';

export interface MnlProduct {
  readonly price: number;
  readonly weight: number;
}

export interface MnlAssortmentInput {
  readonly products: readonly MnlProduct[];
  readonly noPurchaseWeight: number;
}

export interface MnlAssortmentResult {
  /** Indexes into `products` of the offered set, ascending. */
  readonly offered: number[];
  /** Expected revenue per arriving customer, R(offered). */
  readonly revenue: number;
}

/** Relative margin a larger revenue-ordered set must win by to replace a smaller one. */
export const MNL_ASSORTMENT_TIE = 1e-12;

/**
 * The revenue-maximising assortment under the multinomial logit (MNL) choice model with no capacity
 * constraint: which products to offer so that the expected revenue per arriving customer is largest.
 *
 * Model. Product j has price p_j and preference weight v_j ≥ 0 (v_j = e^(u_j), u_j its mean utility);
 * not buying has weight v_0. Offered the set S, a customer buys j ∈ S with probability
 * v_j / (v_0 + Σ_{k∈S} v_k), so the expected revenue per customer is
 *
 *   R(S) = Σ_{j∈S} p_j·v_j / (v_0 + Σ_{j∈S} v_j),      R(∅) = 0.
 *
 * Talluri & van Ryzin (2004b) show that an optimal S is "revenue ordered": the k highest-priced products
 * for some k (under MNL the efficient sets are nested by price). So only the n + 1 sets
 * {top k} need checking: O(n log n) for the sort plus O(n) for the scan. Products with equal prices are
 * added together (a revenue-ordered set never splits a tie), and the optimum satisfies p_j ≥ R* for every
 * offered j (a product priced below R* only dilutes the choice probabilities).
 *
 * Ties: the smallest optimal set is returned (a larger set is taken only if it earns more than a relative
 * 1e-12); products with weight 0 are never offered (they change nothing); an empty result means that
 * offering nothing is optimal (all prices 0, all weights 0).
 *
 * Reference: Talluri, K. & van Ryzin, G. (2004b), "Revenue management under a general discrete choice
 * model of consumer behavior", Management Science 50(1), 15–33, §3–4 (efficient sets, MNL example);
 * Talluri & van Ryzin (2004), *The Theory and Practice of Revenue Management*, §7.2.4 (assortment under MNL).
 *
 * @param input.products - `{ price, weight }` per product: price money, finite ≥ 0; weight finite ≥ 0
 * @param input.noPurchaseWeight - v_0, finite ≥ 0
 * @returns offered: the indexes into `products` of the optimal set, ascending; revenue: R(offered),
 *   money per arriving customer
 * @example
 * import { mnlAssortment } from 'yieldcraft/pricing';
 * mnlAssortment({ products: [{ price: 60, weight: 1 }, { price: 100, weight: 1 }, { price: 20, weight: 2 }], noPurchaseWeight: 1 });
 * // => { offered: [0, 1], revenue: 53.333… }   (160/3; adding the 20 product gives 200/5 = 40)
 */
export function mnlAssortment(input: MnlAssortmentInput): MnlAssortmentResult {
  const o = object(input, 'input');
  const list = array<unknown>(o.products, 'products');
  const v0 = nonNegative(o.noPurchaseWeight, 'noPurchaseWeight');
  const n = list.length;
  const price = new Float64Array(n);
  const weight = new Float64Array(n);
  list.forEach((p, i) => {
    const path = join('products', i);
    const q = object(p, path);
    price[i] = nonNegative(q.price, join(path, 'price'));
    weight[i] = nonNegative(q.weight, join(path, 'weight'));
  });
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => weight[i]! > 0)
    .sort((i, j) => price[j]! - price[i]! || i - j);
  // Weights are scaled by the largest so that tiny weights do not underflow in p·v.
  let wmax = 0;
  for (const j of order) wmax = Math.max(wmax, weight[j]!);
  const scale = wmax > 0 ? 1 / wmax : 1;
  let num = 0;
  let den = v0 * scale;
  let bestK = 0;
  let best = 0;
  for (let k = 0; k < order.length; ) {
    // add the whole group of equal prices
    const pk = price[order[k]!]!;
    while (k < order.length && price[order[k]!]! === pk) {
      const j = order[k]!;
      num += price[j]! * (weight[j]! * scale);
      den += weight[j]! * scale;
      k++;
    }
    const r = den > 0 ? num / den : 0;
    if (r > best * (1 + MNL_ASSORTMENT_TIE) && r > 0) {
      best = r;
      bestK = k;
    }
  }
  const offered = order.slice(0, bestK).sort((a, b) => a - b);
  return { offered, revenue: best };
}
