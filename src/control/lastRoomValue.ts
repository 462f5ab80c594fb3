/**
 * The last room value (LRV) of each night: the hurdle a room-night must clear to be worth selling.
 *
 * Hotels call the opportunity cost of a room-night its "last room value": sell a stay only if its
 * contribution covers the LRVs of its nights. In network terms it is the bid price, the dual of the
 * night's capacity row in the deterministic LP (Talluri & van Ryzin 2004, §3.2.1 and §3.3.1). But LP
 * duals are not unique where the LP is degenerate — typically a night whose forecast exactly fills the
 * hotel — so this function also measures the two one-room differences that bracket every optimal dual:
 *
 *   lastRoomValue_n = DLP(C) − DLP(C − e_n)     (what losing one room that night costs),
 *   nextRoomValue_n = DLP(C + e_n) − DLP(C)     (what one more room that night would earn),
 *
 * and, because DLP(C) is concave in C, nextRoomValue_n ≤ π_n ≤ lastRoomValue_n for every optimal dual
 * π (Talluri & van Ryzin 2004, §3.3.1, on bid prices as marginal values). The one-room differences are
 * unique; use `lastRoomValue` as the hurdle for a conservative policy and `nextRoomValue` for a
 * permissive one. They cost 2 LP solves per night (a week of nights: 15 solves; pass `nights` to
 * restrict them on a long horizon).
 *
 * @param network - the hotel network (resources = nights), e.g. from `hotelNetwork`
 * @param options.nights - the night ids to measure (default: all)
 * @param options.solver - LP solver behind `dlp` ('highs' by default); `options.solve` your own DLP
 * @returns a Promise of `{ status: 'optimal', objective, nights: [{ night, capacity, bidPrice,
 *   lastRoomValue, nextRoomValue }], hurdles }` (`lastRoomValue` is null for a night with less than one
 *   room left; `hurdles` = the DLP bid prices by night, ready for `losControls`), or
 *   `{ status: 'solver-failed', message }`
 * @example
 * import { lastRoomValues } from 'yieldcraft/control';
 * // One night, 10 rooms; 8 requests at 200 and 5 at 120: the 10th room goes to a 120 guest.
 * const r = await lastRoomValues({
 *   resources: [{ id: '2026-03-14', capacity: 10 }],
 *   products: [
 *     { id: 'BAR', fare: 200, resources: ['2026-03-14'], demand: 8 },
 *     { id: 'DISC', fare: 120, resources: ['2026-03-14'], demand: 5 },
 *   ],
 * });
 * r.status === 'optimal' && r.nights[0];
 * // => { night: '2026-03-14', capacity: 10, bidPrice: 120, lastRoomValue: 120, nextRoomValue: 120 }
 */
import type { Network } from '../model/schemas.js';
import { dlp } from '../optimize/network/dlp.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import type { DisplacementSolver } from './evaluateGroup.js';
import { array, fail, join, nonEmptyArray, nonNegative, object } from '../internal/validate.js';

export interface LastRoomValueOptions {
  readonly nights?: readonly string[];
  readonly solver?: LpSolverName;
  readonly solve?: DisplacementSolver;
}

export interface NightRoomValue {
  readonly night: string;
  readonly capacity: number;
  /** The DLP dual of the night's capacity, money per room-night. */
  readonly bidPrice: number;
  /** DLP(C) − DLP(C − e_n), money; null with less than one room left. */
  readonly lastRoomValue: number | null;
  /** DLP(C + e_n) − DLP(C), money. */
  readonly nextRoomValue: number;
}

export type LastRoomValues =
  | {
      readonly status: 'optimal';
      /** DLP(C), money. */
      readonly objective: number;
      readonly nights: readonly NightRoomValue[];
      /** The bid prices by night id (every night), for `losControls`. */
      readonly hurdles: Readonly<Record<string, number>>;
    }
  | { readonly status: 'solver-failed'; readonly message: string };

/** Per-night bid prices and one-room value differences; see the module documentation above. */
export async function lastRoomValues(network: Network, options: LastRoomValueOptions = {}): Promise<LastRoomValues> {
  object(options, 'options');
  const net = object(network, 'network');
  const resources = nonEmptyArray<Record<string, unknown>>(net.resources, 'network.resources');
  const ids: string[] = [];
  const capacity: number[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < resources.length; i++) {
    const p = join('network.resources', i);
    const r = object(resources[i], p);
    if (typeof r.id !== 'string' || r.id === '') fail(join(p, 'id'), 'must be a non-empty string', 'invalid-type');
    index.set(r.id, i);
    ids.push(r.id);
    capacity.push(nonNegative(r.capacity, join(p, 'capacity')));
  }
  let which: number[];
  if (options.nights === undefined) which = ids.map((_, i) => i);
  else {
    const list = array<unknown>(options.nights, 'options.nights');
    which = list.map((id, k) => {
      const i = typeof id === 'string' ? index.get(id) : undefined;
      if (i === undefined) fail(join('options.nights', k), `unknown night ${JSON.stringify(id)}`, 'unknown-reference');
      return i;
    });
  }
  const solve: DisplacementSolver = options.solve ?? ((n) => dlp(n, { solver: options.solver ?? 'highs' }));
  const withCapacity = (i: number, delta: number): Network => ({
    resources: network.resources.map((r, k) => ({ id: r.id, capacity: k === i ? r.capacity + delta : r.capacity })),
    products: network.products,
  });

  const base = await solve(network);
  if (base.status !== 'optimal' || base.objective === null || base.bidPrices === null)
    return { status: 'solver-failed', message: base.message ?? `the DLP solver returned status '${base.status}'` };
  const v0 = base.objective;
  const scale = Math.max(1, Math.abs(v0));
  const clean = (x: number) => (Math.abs(x) <= 1e-9 * scale ? 0 : x);
  const out: NightRoomValue[] = [];
  for (const i of which) {
    const up = await solve(withCapacity(i, 1));
    if (up.status !== 'optimal' || up.objective === null)
      return { status: 'solver-failed', message: up.message ?? `the DLP solver returned status '${up.status}'` };
    let last: number | null = null;
    if (capacity[i]! >= 1) {
      const down = await solve(withCapacity(i, -1));
      if (down.status !== 'optimal' || down.objective === null)
        return { status: 'solver-failed', message: down.message ?? `the DLP solver returned status '${down.status}'` };
      last = clean(v0 - down.objective);
    }
    out.push({
      night: ids[i]!,
      capacity: capacity[i]!,
      bidPrice: base.bidPrices[ids[i]!] ?? 0,
      lastRoomValue: last,
      nextRoomValue: clean(up.objective - v0),
    });
  }
  return { status: 'optimal', objective: v0, nights: out, hurdles: { ...base.bidPrices } };
}
