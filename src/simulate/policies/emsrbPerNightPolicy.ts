import { object } from '../../internal/validate.js';
import { emsrB } from '../../optimize/singleResource/emsrB.js';
import type { Policy } from '../policy.js';
import { nestedControlsFromRemaining } from './nestedControls.js';

/** Defaults of {@link emsrbPerNightPolicy}. */
export const EMSRB_PER_NIGHT_DEFAULTS = { rounding: 'up' } as const;

/**
 * Nested booking limits per night (per leg) from EMSR-b, re-planned on the schedule: on each resource,
 * the products using it are nested by their value per night (the fare prorated over the nights of the
 * stay, the usual leg-based proration), one class per distinct value, each class's remaining demand
 * Poisson with the expected requests still to come; EMSR-b (Belobaba 1992) gives protection levels
 * y_1 ≤ … on the units left, and a class may sell while units left stay above the protection of the
 * dearer classes (`resourceNestedLimitControls`). No network effects: a stay is accepted iff its class
 * is open on every night — the leg-by-leg control most hotels ran before bid prices.
 *
 * Reference: Belobaba (1992); Talluri & van Ryzin (2004), §2.2.4 and §10.2 (hotel length-of-stay).
 * @param options.rounding - rounding of the protection levels: 'up' (default: protect whole rooms), 'nearest', 'none'
 * @example
 * import { emsrbPerNightPolicy } from 'yieldcraft/simulate';
 * emsrbPerNightPolicy().name; // => 'EMSR-b limits per night'
 */
export function emsrbPerNightPolicy(options: { readonly rounding?: 'up' | 'nearest' | 'none' } = {}): Policy {
  object(options, 'options');
  const rounding = options.rounding ?? EMSRB_PER_NIGHT_DEFAULTS.rounding;
  return {
    name: 'EMSR-b limits per night',
    tieRule: 'no bid-price tie: classes by value per night; a class sells while units left exceed the protection of dearer classes',
    spec: { kind: 'emsrb-per-night', options: { rounding } },
    plan(ctx) {
      const net = ctx.remainingNetwork('mean');
      const m = net.resources.length;
      const index = new Map(net.resources.map((r, i) => [r.id, i]));
      // per resource: distinct per-night values (high → low) with their demand
      const perNight = net.products.map((p) => p.fare / p.resources.length);
      const byRes: { value: number; demand: number }[][] = Array.from({ length: m }, () => []);
      const key = (v: number) => Math.round(v * 100) / 100;
      net.products.forEach((p, j) =>
        p.resources.forEach((id) => {
          const list = byRes[index.get(id)!]!;
          const v = key(perNight[j]!);
          const e = list.find((c) => c.value === v);
          if (e) e.demand += p.demand as number;
          else list.push({ value: v, demand: p.demand as number });
        }),
      );
      const limits: number[][] = [];
      const classOf: Map<number, number>[] = [];
      byRes.forEach((list, i) => {
        list.sort((a, b) => b.value - a.value);
        const left = net.resources[i]!.capacity;
        const map = new Map<number, number>();
        list.forEach((c, k) => map.set(c.value, k));
        classOf.push(map);
        if (list.length <= 1) {
          limits.push([left]);
          return;
        }
        const { protectionLevels } = emsrB(
          list.map((c) => ({ fare: c.value, demand: { kind: 'poisson' as const, mean: c.demand } })),
          { rounding, capacity: left },
        );
        limits.push([left, ...protectionLevels.map((y) => Math.max(0, left - y))]);
      });
      const productClasses = net.products.map((p, j) => p.resources.map((id) => classOf[index.get(id)!]!.get(key(perNight[j]!))!));
      return nestedControlsFromRemaining(ctx, limits, productClasses);
    },
  };
}
