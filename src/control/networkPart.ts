/**
 * The network part shared by the network control families (static and dynamic bid prices, nested
 * limits per resource): resources and products as plain frozen data (the enumerable fields that
 * `JSON.stringify` keeps), and the typed tables `decide` reads (non-enumerable, rebuilt on compile).
 * @internal
 */
import type { Network } from '../model/index.js';
import { compileNetwork, type CompiledNetwork } from '../model/compileNetwork.js';
import { COMPILED } from './controls.js';

/**
 * The typed tables of a network family, read by `decide` and the state operations: the compiled
 * network's ids, indexes, capacity (the authorised level when overbooking), fares and product → resource
 * incidence (`CompiledNetwork`'s own fields, not a copy of its shape).
 */
export type NetworkTables = Pick<
  CompiledNetwork,
  'resourceIds' | 'productIds' | 'resourceIndex' | 'productIndex' | 'capacity' | 'fare' | 'productStart' | 'productResources'
>;

export interface NetworkPart {
  readonly tables: NetworkTables;
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly products: readonly { readonly id: string; readonly fare: number; readonly resources: readonly string[] }[];
}

/** Validates (through `compileNetwork`) and splits a network into plain data and typed tables. */
export function networkPart(network: Network, path = 'network'): NetworkPart {
  const net = compileNetwork(network, path);
  const resources = Object.freeze(net.resourceIds.map((id, i) => Object.freeze({ id, capacity: net.capacity[i]! })));
  const products = Object.freeze(
    net.productIds.map((id, j) =>
      Object.freeze({
        id,
        fare: net.fare[j]!,
        resources: Object.freeze(Array.from(net.productResources.subarray(net.productStart[j]!, net.productStart[j + 1]!), (i) => net.resourceIds[i]!)),
      }),
    ),
  );
  const tables: NetworkTables = {
    resourceIds: net.resourceIds,
    productIds: net.productIds,
    resourceIndex: net.resourceIndex,
    productIndex: net.productIndex,
    capacity: net.capacity,
    fare: net.fare,
    productStart: net.productStart,
    productResources: net.productResources,
  };
  return { tables, resources, products };
}

/** A spec's network as a `Network` (products without demand). */
export function specNetwork(resources: unknown, products: unknown): Network {
  const ps = Array.isArray(products) ? products : products;
  return {
    resources: resources as Network['resources'],
    products: (Array.isArray(ps) ? ps.map((p) => (p !== null && typeof p === 'object' ? { ...(p as object), demand: 0 } : p)) : ps) as Network['products'],
  };
}

/** Freezes `fields` (enumerable) plus `hidden` (non-enumerable) and brands the result. */
export function brandControls<T>(fields: Record<string, unknown>, hidden: Record<string, unknown>, brand: unknown): T {
  for (const [k, v] of Object.entries(hidden)) Object.defineProperty(fields, k, { value: v, enumerable: false });
  Object.defineProperty(fields, COMPILED, { value: brand, enumerable: false });
  return Object.freeze(fields) as T;
}
