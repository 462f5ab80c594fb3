import type { Network } from '../model/index.js';
import { prefixError } from '../model/errors.js';
import { array, fail, finite, join, nonNegativeInteger, object } from '../internal/validate.js';
import { brandControls, networkPart, specNetwork, type NetworkTables } from './networkPart.js';
import type { COMPILED } from './controls.js';

/** Nested limits per resource as plain data (the JSON of {@link ResourceNestedLimitControls}). */
export interface ResourceNestedLimitsSpec {
  readonly kind: 'resource-nested-limits';
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  /** Each product with its class index on each resource it uses (aligned with `resources`; 0 = dearest). */
  readonly products: readonly {
    readonly id: string;
    readonly fare: number;
    readonly resources: readonly string[];
    readonly classes: readonly number[];
  }[];
  /** Per resource (network order): nested limits b_1 ≥ b_2 ≥ … of its classes: the most units the resource may hold when a request of that class is accepted. */
  readonly limits: readonly (readonly number[])[];
}

/** Compiled nested limits per resource (frozen; typed tables non-enumerable). */
export interface ResourceNestedLimitControls extends ResourceNestedLimitsSpec, NetworkTables {
  /** @internal */
  readonly [COMPILED]: ReadonlyMap<string, number>;
  /** Class of product j on its k-th resource, aligned with `productResources`. */
  readonly productClass: Int32Array;
  /** Limits of resource i: `limitArray[classStart[i] … classStart[i + 1] − 1]`. */
  readonly classStart: Int32Array;
  readonly limitArray: Float64Array;
}

/** A network with each product's class on each resource it uses. */
export interface NestedNetwork {
  readonly resources: Network['resources'];
  readonly products: readonly (Network['products'][number] & { readonly classes: readonly number[] })[];
}

/**
 * Nested booking limits on every resource of a network (virtual nesting: Smith, Leimkuhler & Darrow
 * 1992; Williamson 1992; Talluri & van Ryzin 2004, §3.4.2 DAVN; per night for hotels, §10.2): each
 * product sits in a class on every resource it uses (by its fare, or its displacement-adjusted fare for
 * DAVN), each resource i has nested limits b_{i,1} ≥ … ≥ b_{i,n} over its classes, and a request for q
 * units of j is accepted iff on every resource i it uses, with class c,
 *
 *   held_i + q ≤ capacity_i   and   held_i + q ≤ b_{i,c},
 *
 * with held_i every unit of i held, whichever class sold it. This is the protection-level form of
 * nesting (T&vR 2004, §2.1.2: class c may sell while the units left x_i = capacity_i − held_i stay at or
 * above the protection y_{i,c−1} of the dearer classes, so b_{i,c} = capacity_i − y_{i,c−1}); limits
 * planned on the capacity left stay valid as sales, cancellations and no-shows move `held`, so no
 * per-class counters are kept. Reasons: 'sold-out' when capacity or b_1 binds, 'class-limit' when a
 * limit b_c, c ≥ 2, binds. A limit of 0 closes the class. Fractional limits sell ⌊b⌋.
 *
 * @param network - resources (capacity = units on sale in total) and products with `classes` (one class
 *   index per resource the product uses, aligned with its `resources`; 0 = the dearest)
 * @param limits - per resource id, its nested limits (b_1 … b_n, non-increasing, ≥ 0); a resource with
 *   one class and b_1 = capacity is unrestricted
 * @example
 * import { resourceNestedLimitControls, networkBookingState, decide } from 'yieldcraft/control';
 * const c = resourceNestedLimitControls(
 *   { resources: [{ id: 'Fri', capacity: 10 }, { id: 'Sat', capacity: 10 }],
 *     products: [{ id: 'weekend-BAR', fare: 300, resources: ['Fri', 'Sat'], demand: 5, classes: [0, 0] },
 *                { id: 'sat-promo', fare: 90, resources: ['Sat'], demand: 9, classes: [1] }] },
 *   { Fri: [10], Sat: [10, 4] },
 * );
 * const s = networkBookingState(c, { sold: { Sat: 2 } });
 * decide({ product: 'sat-promo', quantity: 3 }, s, c).reason; // => 'class-limit'  (2 + 3 > 4 promo rooms)
 */
export function resourceNestedLimitControls(
  network: NestedNetwork,
  limits: Readonly<Record<string, readonly number[]>>,
): ResourceNestedLimitControls {
  const { tables: net, resources } = networkPart(network as unknown as Network);
  object(limits, 'limits');
  const m = net.resourceIds.length;
  for (const key of Object.keys(limits))
    if (!net.resourceIndex.has(key)) fail(join('limits', key), `unknown resource id ${JSON.stringify(key)}`, 'unknown-reference');
  const classStart = new Int32Array(m + 1);
  const lists: number[][] = [];
  for (let i = 0; i < m; i++) {
    const id = net.resourceIds[i]!;
    const p = join('limits', id);
    if (!(id in limits)) fail(p, 'missing: every resource needs its nested limits (one class [capacity] for no restriction)', 'invalid');
    const b = array<unknown>(limits[id], p);
    if (b.length === 0) fail(p, 'must list at least one limit', 'empty');
    const out: number[] = [];
    for (let l = 0; l < b.length; l++) {
      const v = finite(b[l], join(p, l));
      if (v < 0) fail(join(p, l), `must be ≥ 0, got ${v}`);
      if (l > 0 && v > out[l - 1]!) fail(join(p, l), `nested limits must be non-increasing (dearest class first): ${v} follows ${out[l - 1]}`, 'unsorted');
      out.push(v);
    }
    lists.push(out);
    classStart[i + 1] = classStart[i]! + out.length;
  }
  const limitArray = Float64Array.from(lists.flat());
  const productClass = new Int32Array(net.productResources.length);
  const products = network.products.map((prod, j) => {
    const p = join(join('network.products', j), 'classes');
    const cls = array<unknown>(prod.classes, p);
    const k0 = net.productStart[j]!;
    const used = net.productStart[j + 1]! - k0;
    if (cls.length !== used) fail(p, `must give one class per resource the product uses (${used}), got ${cls.length}`, 'inconsistent');
    for (let k = 0; k < used; k++) {
      const c = nonNegativeInteger(cls[k], join(p, k));
      const i = net.productResources[k0 + k]!;
      const n = classStart[i + 1]! - classStart[i]!;
      if (c >= n) fail(join(p, k), `class ${c} does not exist on ${net.resourceIds[i]} (${n} class(es) in its limits)`, 'inconsistent');
      productClass[k0 + k] = c;
    }
    return Object.freeze({
      id: net.productIds[j]!,
      fare: net.fare[j]!,
      resources: Object.freeze(Array.from(net.productResources.subarray(k0, k0 + used), (i) => net.resourceIds[i]!)),
      classes: Object.freeze(Array.from(productClass.subarray(k0, k0 + used))),
    });
  });
  return brandControls<ResourceNestedLimitControls>(
    { kind: 'resource-nested-limits', resources, products: Object.freeze(products), limits: Object.freeze(lists.map((l) => Object.freeze(l))) },
    { ...net, productClass, classStart, limitArray },
    net.productIndex,
  );
}

/** Compiles a {@link ResourceNestedLimitsSpec} back into controls. @internal */
export function compileResourceNestedLimitsSpec(spec: unknown, path = 'controls'): ResourceNestedLimitControls {
  const s = object(spec, path);
  const resources = array<{ id: string }>(s.resources, join(path, 'resources'));
  const limits = array<number[]>(s.limits, join(path, 'limits'));
  if (limits.length !== resources.length)
    fail(join(path, 'limits'), `must hold one list per resource (${resources.length}), got ${limits.length}`, 'inconsistent');
  try {
    const record: Record<string, number[]> = {};
    resources.forEach((r, i) => (record[object(r, join(join(path, 'resources'), i)).id as string] = limits[i]!));
    return resourceNestedLimitControls(specNetwork(s.resources, s.products) as unknown as NestedNetwork, record);
  } catch (e) {
    throw prefixError(e, path, { network: '' });
  }
}
