import { fail, finite, object, positiveInteger } from '../../internal/validate.js';
import { bidPriceControls } from '../../control/bidPriceControls.js';
import { dynamicPricing } from '../../pricing/dynamicPricing.js';
import type { HotelBookingProcess } from '../hotelProcess.js';
import type { Policy } from '../policy.js';

/** Options of {@link dynamicPricingPolicy}. */
export interface DynamicPricingPolicyOptions {
  /**
   * The largest probability of a sale in one DP period: each booking day is cut into as many periods as
   * needed for the busiest day's expected room requests to stay below it (default 0.25).
   */
  readonly maxSaleProbability?: number;
  /** At most this many DP periods per night (default 20,000); a night that needs more is an input error. */
  readonly maxPeriods?: number;
}

/** Defaults of {@link dynamicPricingPolicy}. */
export const DYNAMIC_PRICING_POLICY_DEFAULTS = { maxSaleProbability: 0.25, maxPeriods: 20_000 } as const;

/**
 * Dynamic rates for the hotel simulator: at each planning time, for each night, the rate threshold the
 * time-varying pricing DP (`dynamicPricing` with purchase probabilities per period) posts for the rooms
 * left and the booking days to go; the booking path then sells the rate plans at or above the posted
 * threshold and refuses the cheaper ones — whose guests buy up to an open plan with their buy-up
 * probability (the price response of the hotel process). Re-optimised on the simulator's schedule, it
 * answers the what-if "fixed rates + bid prices" (`dlpBidPricePolicy`) against "dynamic rates".
 *
 * Per night i with x_i rooms free and booking days period … nightDay[i] left:
 * - the menu: posting threshold θ (a per-night value among the stays that use the night, plus "closed")
 *   opens every stay whose value per night ≥ θ;
 * - for each stream s (segment × stay) using the night: expected room requests on day d =
 *   requests_s · byDay_s[d] / Σ byDay_s × mean rooms per request; at threshold θ the stream buys its own
 *   stay if its value per night ≥ θ, else the first buy-up stay k at or above θ with probability
 *   p_s^(k + 1) (it asks for buy-up k only after k + 1 refusals, each followed by a try with
 *   probability p_s), else nothing;
 * - q_i(d, θ) = Σ_s (expected room requests) · P_s(buy | θ), and the value a sale brings at θ averaged
 *   over the remaining horizon, p̄_i(θ) = Σ_d Σ_s (…)·value / Σ_d q_i(d, θ) (the guests above θ pay
 *   their own, higher rates: the DP's "price" of menu item θ is this mean value per sale);
 * - each day is cut into k periods (q/k ≤ `maxSaleProbability`), and
 *   `dynamicPricing({ inventory: x_i, periods, prices: p̄_i(θ), purchaseProbabilities: per period })`
 *   chooses θ*(T, x_i); the night's bid price (hurdle) is θ*, or above every rate when closing is best.
 * The controls are `bidPriceControls` with ties accepted: a stay sells iff its value ≥ Σ θ* over its
 * nights, i.e. at a rate at or above the posted ones on average over the nights of a multi-night stay.
 *
 * Approximations, stated: the DP is per night (a multi-night stay's value is spread evenly over its
 * nights, as prorating decompositions do; T&vR 2004, §3.4); a request for several rooms counts as its
 * expected rooms; the mean value per sale at θ is averaged over the horizon (the segment mix of a
 * threshold's buyers is taken as constant in time, the purchase probabilities are not); cancellations
 * are not given back in the plan (the re-optimisations see them). The continuous-price variant
 * (`continuousDynamicPricing`) cannot drive this simulator: a hotel process sells discrete rate plans,
 * and a price between plans names no product.
 *
 * Tie rule: value = Σ θ*: accepted. Needs a hotel booking process. Crosses to worker threads as the spec
 * `{ kind: 'dynamic-pricing', options }`.
 *
 * Reference: Talluri & van Ryzin (2004), §5.2 (dynamic pricing over a finite price set, time-varying
 * arrival rates), §10.2 (hotels: rate availability as the pricing lever); Bitran & Mondschein (1995)
 * (hotel rooms, multiple-day stays); Gallego & van Ryzin (1994).
 * @param options - {@link DYNAMIC_PRICING_POLICY_DEFAULTS}
 * @example
 * import { dynamicPricingPolicy } from 'yieldcraft/simulate';
 * dynamicPricingPolicy().name; // => 'dynamic rates (per-night pricing DP)'
 */
export function dynamicPricingPolicy(options: DynamicPricingPolicyOptions = {}): Policy {
  const o = object(options, 'options');
  const maxQ = o.maxSaleProbability === undefined ? DYNAMIC_PRICING_POLICY_DEFAULTS.maxSaleProbability : finite(o.maxSaleProbability, 'options.maxSaleProbability');
  if (!(maxQ > 0 && maxQ <= 1)) fail('options.maxSaleProbability', `must be in (0, 1], got ${maxQ}`);
  const maxPeriods = o.maxPeriods === undefined ? DYNAMIC_PRICING_POLICY_DEFAULTS.maxPeriods : positiveInteger(o.maxPeriods, 'options.maxPeriods');
  return {
    name: 'dynamic rates (per-night pricing DP)',
    tieRule: 'value = Σ posted per-night thresholds: accepted',
    spec: { kind: 'dynamic-pricing', options: { maxSaleProbability: maxQ, maxPeriods } },
    plan(ctx) {
      if (ctx.kind !== 'hotel') fail('policy', 'dynamicPricingPolicy needs a hotel booking process (rate plans with buy-up)', 'inconsistent');
      const proc = ctx.process as HotelBookingProcess;
      const net = ctx.controlsNetwork();
      const free = ctx.remainingNetwork('mean').resources.map((r) => r.capacity);
      const m = net.resources.length;
      const resIndex = new Map(net.resources.map((r, i) => [r.id, i]));
      const prodIndex = new Map(net.products.map((p, j) => [p.id, j]));
      const nightsOf = net.products.map((p) => p.resources.map((id) => resIndex.get(id)!));
      const perNight = (j: number, value?: number) => (value ?? net.products[j]!.fare) / nightsOf[j]!.length;
      const t0 = ctx.period;
      const H = proc.horizonDays;

      // Streams that touch each night, with their daily expected rooms from t0 on.
      interface Stream {
        readonly own: number; // value per night of its own stay
        readonly buyUp: readonly number[]; // values per night of its buy-up stays, in order
        readonly p: number;
        readonly rooms: Float64Array; // expected rooms asked per day d = t0 … H − 1 (index d − t0)
      }
      const byNight: Stream[][] = Array.from({ length: m }, () => []);
      for (const s of proc.streams) {
        const j = prodIndex.get(s.product)!;
        const nights = nightsOf[j]!;
        const arrivalDay = Math.min(...nights.map((i) => proc.nightDay[i]!));
        if (arrivalDay < t0 || !(s.requests > 0)) continue;
        const shape = s.byDay ?? Array.from({ length: H }, (_, d) => (d <= arrivalDay ? 1 : 0));
        const total = shape.reduce((a, b) => a + b, 0);
        if (!(total > 0)) continue;
        const rpr = s.roomsPerRequest ?? [1];
        const meanRooms = rpr.reduce((a, pk, k) => a + pk * (k + 1), 0);
        const rooms = new Float64Array(H - t0);
        for (let d = t0; d < H; d++) rooms[d - t0] = (s.requests * (shape[d] ?? 0) * meanRooms) / total;
        const bu = s.buyUp;
        const stream: Stream = {
          own: perNight(j, s.value),
          buyUp: bu ? bu.products.map((id, k) => perNight(prodIndex.get(id)!, bu.values?.[k])) : [],
          p: bu ? bu.probability : 0,
          rooms,
        };
        for (const i of nights) byNight[i]!.push(stream);
      }

      // The highest value per night of any stay using each night: a hurdle above it closes the night.
      const top = new Float64Array(m);
      nightsOf.forEach((nights, j) => {
        for (const i of nights) top[i] = Math.max(top[i]!, perNight(j));
      });
      for (let i = 0; i < m; i++) for (const s of byNight[i]!) top[i] = Math.max(top[i]!, s.own, ...s.buyUp);
      const bids: Record<string, number> = {};
      for (let i = 0; i < m; i++) {
        const id = net.resources[i]!.id;
        const closed = top[i]! * (1 + 1e-6) + 1;
        const x = Math.floor(free[i]! + 1e-9);
        const last = proc.nightDay[i]!;
        if (x < 1 || last < t0 || byNight[i]!.length === 0) {
          bids[id] = x < 1 ? closed : 0;
          continue;
        }
        const days = last - t0 + 1;
        const thresholds = [...new Set(byNight[i]!.flatMap((s) => [s.own, ...s.buyUp]))].sort((a, b) => b - a);
        const K = thresholds.length;
        const q = new Float64Array(days * K); // expected rooms sold on day d at threshold k
        const rev = new Float64Array(K); // Σ_d value of those sales
        const tot = new Float64Array(K);
        for (const s of byNight[i]!) {
          for (let k = 0; k < K; k++) {
            const th = thresholds[k]!;
            let P = 0;
            let v = 0;
            if (s.own >= th) {
              P = 1;
              v = s.own;
            } else
              for (let b = 0; b < s.buyUp.length; b++)
                if (s.buyUp[b]! >= th) {
                  P = Math.pow(s.p, b + 1);
                  v = s.buyUp[b]!;
                  break;
                }
            if (P === 0) continue;
            for (let d = 0; d < days; d++) {
              const r = s.rooms[d]! * P;
              q[d * K + k] = q[d * K + k]! + r;
              rev[k] = rev[k]! + r * v;
              tot[k] = tot[k]! + r;
            }
          }
        }
        // The menu: one item per threshold whose buyers differ (same mean value → keep the larger q), and "closed".
        const items: { th: number; price: number; k: number }[] = [];
        const seen = new Map<number, number>();
        for (let k = 0; k < K; k++) {
          if (!(tot[k]! > 0)) continue;
          const price = rev[k]! / tot[k]!;
          const at = seen.get(price);
          if (at === undefined) {
            seen.set(price, items.length);
            items.push({ th: thresholds[k]!, price, k });
          } else if (tot[k]! > tot[items[at]!.k]!) items[at] = { th: thresholds[k]!, price, k };
        }
        if (items.length === 0) {
          bids[id] = 0;
          continue;
        }
        let busiest = 0;
        for (let d = 0; d < days; d++) for (const it of items) busiest = Math.max(busiest, q[d * K + it.k]!);
        const sub = Math.max(1, Math.ceil(busiest / maxQ));
        const T = days * sub;
        if (T > maxPeriods)
          fail('options.maxPeriods', `night ${id} needs ${T} DP periods (${days} days × ${sub}) to keep a sale per period below ${maxQ}; raise maxPeriods or maxSaleProbability`);
        const prices = [...items.map((it) => it.price), closed];
        const rows: number[][] = [];
        for (let d = 0; d < days; d++) {
          const row = [...items.map((it) => q[d * K + it.k]! / sub), 0];
          for (let r = 0; r < sub; r++) rows.push(row);
        }
        const dp = dynamicPricing({ inventory: x, periods: T, prices, purchaseProbabilities: rows });
        const posted = dp.price(T, x);
        const item = items.find((it) => it.price === posted);
        bids[id] = item ? item.th : closed;
      }
      return bidPriceControls(net, bids, { ties: 'accept' });
    },
  };
}
