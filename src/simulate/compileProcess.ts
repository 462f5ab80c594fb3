/**
 * A booking process — the discrete-time network process of Topaloglu (2009) or a hotel's booking
 * horizon — compiled for the simulator: the network (the same `CompiledNetwork` as the DLP), the
 * decision epochs, the rooms on sale, and a sampler of request trajectories. @internal
 */
import type { Network } from '../model/index.js';
import type { NetworkBookingProcess } from '../model/bookingProcess.js';
import { validateBookingProcess, expectedArrivals } from '../model/bookingProcess.js';
import type { Rng } from '../distributions/types.js';
import { compileNetwork, type CompiledNetwork } from '../model/compileNetwork.js';
import { fail } from '../internal/validate.js';
import { HOTEL_PROCESS_DEFAULTS, validateHotelProcess, type HotelBookingProcess } from './hotelProcess.js';

/** Any booking process the simulator plays. */
export type BookingProcess = NetworkBookingProcess | HotelBookingProcess;

/** The requests of one trajectory, in time order (struct of arrays). */
export interface Trajectory {
  readonly n: number;
  /** Arrival time of each request: period t (network) or booking day + fraction of the day (hotel). */
  readonly time: Float64Array;
  readonly product: Int32Array;
  readonly quantity: Int32Array;
  /** Contribution per unit the request brings (money). */
  readonly value: Float64Array;
  /** Revenue per unit (money). */
  readonly revenue: Float64Array;
  /** Future value per unit a refusal would lose (value-aware policies add it to the request's value). */
  readonly futureValue: Float64Array;
  /** Stream index (hotel) or −1 for a group / network request. */
  readonly stream: Int32Array;
  /** Time at which the booking, if made, loses `cancelQuantity` units (cancellation or wash); Infinity when never. */
  readonly cancelTime: Float64Array;
  readonly cancelQuantity: Int32Array;
  /** 1 if the booking, if made and not cancelled, does not show. */
  readonly noShow: Uint8Array;
  /** Buy-up draws: request r's k-th draw is buyUpDraw[r · maxBuyUp + k]. */
  readonly buyUpDraw: Float64Array;
}

/** A compiled process. */
export interface SimProcess {
  readonly kind: 'network' | 'hotel';
  readonly source: BookingProcess;
  readonly net: CompiledNetwork;
  /** Decision epochs: periods (network) or booking days (hotel). */
  readonly periods: number;
  /** Physical units per resource. */
  readonly physical: Float64Array;
  /** Units on sale per resource (overbooking level). */
  readonly authorized: Float64Array;
  /** Units held at the start. */
  readonly initialHeld: Float64Array;
  readonly walkCost: number;
  /** Period on which each resource is consumed (Infinity for network legs: at the end). */
  readonly consumedAt: Float64Array;
  /** Arrival period of each product (first resource consumed). */
  readonly productArrival: Float64Array;
  /** Length of each product in resources (room-nights per room). */
  readonly productLength: Int32Array;
  /** Segment name per stream (hotel), for reporting. */
  readonly streamSegment: readonly string[];
  /** Buy-up products per stream (product indexes) and their values / revenues. */
  readonly buyUp: readonly { readonly products: Int32Array; readonly values: Float64Array; readonly revenues: Float64Array; readonly probability: number }[];
  readonly maxBuyUp: number;
  /** Samples one trajectory. */
  sample(rng: Rng): Trajectory;
  /** Expected units requested per product from period `t` on (first choices; gross of cancellations). */
  remainingDemand(t: number): Float64Array;
}

/** Poisson draw by inversion, split into pieces of mean ≤ 30 so the sequential search stays short and exact. */
export function poissonDraw(mean: number, rng: Rng): number {
  let n = 0;
  let left = mean;
  while (left > 0) {
    const m = left > 30 ? 30 : left;
    left -= m;
    const u = rng();
    let k = 0;
    let p = Math.exp(-m);
    let f = p;
    while (u >= f && k < 1000) {
      k++;
      p *= m / k;
      f += p;
    }
    n += k;
  }
  return n;
}

/** First index k with cum[from + k] > u (cum non-decreasing); len if none. */
function search(cum: Float64Array, from: number, len: number, u: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[from + mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Reusable index buffers of {@link timeOrder} (grown on demand; the sampler is synchronous). */
interface OrderScratch {
  a: Int32Array;
  b: Int32Array;
  count: Int32Array;
}

/**
 * The permutation that puts `time[0 … n)` in increasing order, equal times in index order (a stable
 * sort): a counting sort by the whole booking day (times lie in [0, days)), then each day's requests by
 * their time — insertion sort for a few, a bottom-up merge sort for many. Gives exactly the order of
 * `indices.sort((x, y) => time[x] − time[y] || x − y)`, in O(n + Σ b log b) on typed arrays. The result
 * is a view of `scratch`, valid until the next call.
 */
function timeOrder(time: Float64Array, n: number, days: number, scratch: OrderScratch): Int32Array {
  if (scratch.a.length < n) {
    scratch.a = new Int32Array(Math.max(n, 2 * scratch.a.length));
    scratch.b = new Int32Array(scratch.a.length);
  }
  if (scratch.count.length < days + 2) scratch.count = new Int32Array(days + 2);
  const a = scratch.a;
  const b = scratch.b;
  const count = scratch.count;
  count.fill(0, 0, days + 2);
  const day = (t: number) => {
    const d = Math.floor(t);
    return d < 0 ? 0 : d >= days ? days : d;
  };
  for (let i = 0; i < n; i++) count[day(time[i]!) + 1]!++;
  for (let d = 0; d <= days; d++) count[d + 1]! += count[d]!;
  for (let i = 0; i < n; i++) a[count[day(time[i]!)]!++] = i; // stable: index order within a day
  let start = 0;
  for (let d = 0; d <= days; d++) {
    const end = count[d]!; // count[d] is now the end of day d's run
    const len = end - start;
    if (len > 1 && len <= 32) {
      for (let i = start + 1; i < end; i++) {
        const x = a[i]!;
        const tx = time[x]!;
        let j = i - 1;
        while (j >= start && time[a[j]!]! > tx) {
          a[j + 1] = a[j]!;
          j--;
        }
        a[j + 1] = x;
      }
    } else if (len > 32) {
      let src = a;
      let dst = b;
      for (let w = 1; w < len; w *= 2) {
        for (let lo = start; lo < end; lo += 2 * w) {
          const mid = Math.min(lo + w, end);
          const hi = Math.min(lo + 2 * w, end);
          let i = lo;
          let j = mid;
          let k = lo;
          while (i < mid && j < hi) {
            const x = src[i]!;
            const y = src[j]!;
            if (time[y]! < time[x]!) {
              dst[k++] = y;
              j++;
            } else {
              dst[k++] = x;
              i++;
            }
          }
          while (i < mid) dst[k++] = src[i++]!;
          while (j < hi) dst[k++] = src[j++]!;
        }
        const t = src;
        src = dst;
        dst = t;
      }
      if (src !== a) a.set(src.subarray(start, end), start);
    }
    start = end;
  }
  return a.subarray(0, n);
}

function isHotel(p: BookingProcess): p is HotelBookingProcess {
  return (p as { kind?: unknown }).kind === 'hotel';
}

/** Validates and compiles a booking process (either kind). The input is not modified. */
export function compileProcess(process: BookingProcess): SimProcess {
  if (process === null || typeof process !== 'object') fail('process', 'must be a booking process (network or hotel)', 'invalid-type');
  return isHotel(process) ? compileHotel(process) : compileNetworkProcess(process);
}

function compileNetworkProcess(process: NetworkBookingProcess): SimProcess {
  validateBookingProcess(process);
  const net = compileNetwork(process.network);
  const nP = net.productIds.length;
  const T = process.periods;
  const p = process.arrivalProbabilities;
  const cum = new Float64Array(T * nP);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = 0; j < nP; j++) cum[t * nP + j] = s += p[t * nP + j]!;
  }
  for (let i = 0; i < net.capacity.length; i++)
    if (!Number.isInteger(net.capacity[i]!) || net.capacity[i]! > 2 ** 31 - 1)
      fail(`process.network.resources[${i}].capacity`, `must be a whole number below 2^31 to simulate, got ${net.capacity[i]}`);
  const productLength = new Int32Array(nP);
  for (let j = 0; j < nP; j++) productLength[j] = net.productStart[j + 1]! - net.productStart[j]!;
  return {
    kind: 'network',
    source: process,
    net,
    periods: T,
    physical: Float64Array.from(net.capacity),
    authorized: Float64Array.from(net.capacity),
    initialHeld: new Float64Array(net.capacity.length),
    walkCost: 0,
    consumedAt: new Float64Array(net.capacity.length).fill(Infinity),
    productArrival: new Float64Array(nP).fill(T),
    productLength,
    streamSegment: [],
    buyUp: [],
    maxBuyUp: 0,
    sample(rng) {
      // one uniform per period; the request is the first j with u < p_{t,0} + … + p_{t,j} (none beyond the sum)
      const time = new Float64Array(T);
      const product = new Int32Array(T);
      let n = 0;
      for (let t = 0; t < T; t++) {
        const u = rng();
        const j = search(cum, t * nP, nP, u);
        if (j < nP) {
          time[n] = t;
          product[n] = j;
          n++;
        }
      }
      const value = new Float64Array(n);
      for (let r = 0; r < n; r++) value[r] = net.fare[product[r]!]!;
      return {
        n,
        time: time.subarray(0, n),
        product: product.subarray(0, n),
        quantity: new Int32Array(n).fill(1),
        value,
        revenue: value,
        futureValue: new Float64Array(n),
        stream: new Int32Array(n).fill(-1),
        cancelTime: new Float64Array(n).fill(Infinity),
        cancelQuantity: new Int32Array(n),
        noShow: new Uint8Array(n),
        buyUpDraw: new Float64Array(0),
      };
    },
    remainingDemand(t) {
      return expectedArrivals(process, Math.min(Math.max(0, Math.floor(t)), T));
    },
  };
}

function compileHotel(process: HotelBookingProcess): SimProcess {
  validateHotelProcess(process);
  const net = compileNetwork(process.network, 'process.network');
  const m = net.resourceIds.length;
  const nP = net.productIds.length;
  const H = process.horizonDays;
  const consumedAt = Float64Array.from(process.nightDay);
  const productArrival = new Float64Array(nP);
  const productLength = new Int32Array(nP);
  for (let j = 0; j < nP; j++) {
    let a = Infinity;
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) a = Math.min(a, consumedAt[net.productResources[k]!]!);
    productArrival[j] = a;
    productLength[j] = net.productStart[j + 1]! - net.productStart[j]!;
  }
  const S = process.streams.length;
  const streamProduct = new Int32Array(S);
  const streamMean = new Float64Array(S);
  const dayCum = new Float64Array(S * H); // cumulative share of requests by day
  const sizeCum: Float64Array[] = [];
  const streamValue = new Float64Array(S);
  const streamRevenue = new Float64Array(S);
  const streamFuture = new Float64Array(S);
  const cancelP = new Float64Array(S);
  const noShowP = new Float64Array(S);
  const meanSize = new Float64Array(S);
  // cancellation / no-show by lead: per stream, bucket starts and probabilities (null: one value)
  const leadBuckets: ({ from: Int32Array; cancel: Float64Array; noShowIfKept: Float64Array } | null)[] = [];
  const buyUp: SimProcess['buyUp'][number][] = [];
  let maxBuyUp = 0;
  process.streams.forEach((s, k) => {
    const j = net.productIndex.get(s.product)!;
    streamProduct[k] = j;
    streamMean[k] = s.requests;
    const a = productArrival[j]!;
    let sum = 0;
    for (let d = 0; d < H; d++) {
      const w = s.byDay === undefined ? (d <= a ? 1 : 0) : s.byDay[d]!;
      sum += w;
      dayCum[k * H + d] = sum;
    }
    if (sum > 0) for (let d = 0; d < H; d++) dayCum[k * H + d]! /= sum;
    const sizes = s.roomsPerRequest ?? [1];
    const c = new Float64Array(sizes.length);
    let acc = 0;
    let mean = 0;
    sizes.forEach((q, i) => {
      acc += q;
      c[i] = acc;
      mean += q * (i + 1);
    });
    c[sizes.length - 1] = 1;
    sizeCum.push(c);
    meanSize[k] = mean;
    streamValue[k] = s.value ?? net.fare[j]!;
    streamRevenue[k] = s.revenue ?? streamValue[k]!;
    streamFuture[k] = s.futureValue ?? 0;
    cancelP[k] = s.cancellation ?? HOTEL_PROCESS_DEFAULTS.cancellation;
    noShowP[k] = s.noShow ?? HOTEL_PROCESS_DEFAULTS.noShow;
    leadBuckets.push(
      s.byLead === undefined
        ? null
        : {
            from: Int32Array.from(s.byLead, (b) => b.fromLead),
            cancel: Float64Array.from(s.byLead, (b) => b.cancellation),
            noShowIfKept: Float64Array.from(s.byLead, (b) => (b.cancellation < 1 ? Math.min(1, (b.noShow ?? 0) / (1 - b.cancellation)) : 0)),
          },
    );
    const b = s.buyUp;
    const products = Int32Array.from(b?.products ?? [], (id) => net.productIndex.get(id)!);
    const values = Float64Array.from(b?.values ?? Array.from(products, (q) => net.fare[q]!));
    buyUp.push({ products, values, revenues: Float64Array.from(b?.revenues ?? values), probability: b?.probability ?? 0 });
    maxBuyUp = Math.max(maxBuyUp, products.length);
  });
  const groups = process.groups ?? [];
  const physical = Float64Array.from(net.capacity);
  const authorized = process.authorized ? Float64Array.from(process.authorized) : Float64Array.from(net.capacity);
  const initialHeld = process.onTheBooks ? Float64Array.from(process.onTheBooks) : new Float64Array(m);
  const scratch: OrderScratch = { a: new Int32Array(0), b: new Int32Array(0), count: new Int32Array(0) };
  return {
    kind: 'hotel',
    source: process,
    net,
    periods: H,
    physical,
    authorized,
    initialHeld,
    walkCost: process.walkCost ?? HOTEL_PROCESS_DEFAULTS.walkCost,
    consumedAt,
    productArrival,
    productLength,
    streamSegment: process.streams.map((s) => s.segment),
    buyUp,
    maxBuyUp,
    sample(rng) {
      // counts first (one Poisson draw per stream), then each request's day, size and fate
      const counts = new Int32Array(S);
      let n = groups.length;
      for (let k = 0; k < S; k++) n += counts[k] = streamMean[k]! > 0 ? poissonDraw(streamMean[k]!, rng) : 0;
      const time = new Float64Array(n);
      const product = new Int32Array(n);
      const quantity = new Int32Array(n);
      const value = new Float64Array(n);
      const revenue = new Float64Array(n);
      const future = new Float64Array(n);
      const stream = new Int32Array(n);
      const cancelTime = new Float64Array(n);
      const cancelQuantity = new Int32Array(n);
      const noShow = new Uint8Array(n);
      const draws = new Float64Array(n * maxBuyUp);
      let r = 0;
      for (let k = 0; k < S; k++) {
        const j = streamProduct[k]!;
        const a = productArrival[j]!;
        const sc = sizeCum[k]!;
        for (let c = 0; c < counts[k]!; c++, r++) {
          const d = Math.min(search(dayCum, k * H, H, rng()), a);
          const t = d + rng();
          time[r] = t;
          product[r] = j;
          quantity[r] = sc.length === 1 ? 1 : search(sc, 0, sc.length, rng()) + 1;
          value[r] = streamValue[k]!;
          revenue[r] = streamRevenue[k]!;
          future[r] = streamFuture[k]!;
          stream[r] = k;
          let pc = cancelP[k]!;
          let pn = noShowP[k]!;
          const lb = leadBuckets[k];
          if (lb) {
            const lead = a - d;
            let q = 0;
            while (q + 1 < lb.from.length && lb.from[q + 1]! <= lead) q++;
            pc = lb.cancel[q]!;
            pn = lb.noShowIfKept[q]!;
          }
          if (rng() < pc) {
            cancelTime[r] = t + rng() * (a + 1 - t); // uniformly between booking and the end of the arrival day
            cancelQuantity[r] = quantity[r]!;
          } else {
            cancelTime[r] = Infinity;
            noShow[r] = rng() < pn ? 1 : 0;
          }
          for (let q = 0; q < maxBuyUp; q++) draws[r * maxBuyUp + q] = rng();
        }
      }
      for (const g of groups) {
        const j = net.productIndex.get(g.product)!;
        time[r] = g.day + 0.5;
        product[r] = j;
        quantity[r] = g.rooms;
        value[r] = g.value;
        revenue[r] = g.revenue ?? g.value;
        future[r] = g.futureValue ?? 0;
        stream[r] = -1;
        let washed = 0;
        const w = g.wash ?? HOTEL_PROCESS_DEFAULTS.wash;
        for (let q = 0; q < g.rooms; q++) if (rng() < w) washed++;
        cancelTime[r] = washed > 0 ? productArrival[j]! : Infinity;
        cancelQuantity[r] = washed;
        r++;
      }
      // time order (stable for equal times)
      const order = timeOrder(time, n, H, scratch);
      const perm = <A extends Float64Array | Int32Array | Uint8Array>(a: A): A => {
        const out = new (a.constructor as new (n: number) => A)(n);
        for (let i = 0; i < n; i++) out[i] = a[order[i]!]!;
        return out;
      };
      const d2 = new Float64Array(n * maxBuyUp);
      for (let i = 0; i < n; i++) for (let q = 0; q < maxBuyUp; q++) d2[i * maxBuyUp + q] = draws[order[i]! * maxBuyUp + q]!;
      return {
        n,
        time: perm(time),
        product: perm(product),
        quantity: perm(quantity),
        value: perm(value),
        revenue: perm(revenue),
        futureValue: perm(future),
        stream: perm(stream),
        cancelTime: perm(cancelTime),
        cancelQuantity: perm(cancelQuantity),
        noShow: perm(noShow),
        buyUpDraw: d2,
      };
    },
    remainingDemand(t) {
      const out = new Float64Array(nP);
      const d0 = Math.floor(t);
      for (let k = 0; k < S; k++) {
        const before = d0 <= 0 ? 0 : d0 > H ? 1 : dayCum[k * H + d0 - 1]!;
        out[streamProduct[k]!]! += streamMean[k]! * (1 - before) * meanSize[k]!;
      }
      for (const g of groups) if (g.day >= d0) out[net.productIndex.get(g.product)!]! += g.rooms;
      return out;
    },
  };
}

/**
 * The network a re-optimising policy plans on at period `t` with `held` units per resource: capacity
 * = units on sale left (authorised − held, 0 for resources already consumed), demand = the expected
 * requests still to come (as a Poisson `Demand` when `poisson`). @internal
 */
export function planningNetwork(sp: SimProcess, t: number, held: ArrayLike<number>, demand: 'mean' | 'poisson' = 'mean'): Network {
  const d = sp.remainingDemand(t);
  const { net } = sp;
  return {
    resources: net.resourceIds.map((id, i) => ({
      id,
      capacity: sp.consumedAt[i]! < t ? 0 : Math.max(0, sp.authorized[i]! - held[i]!),
    })),
    products: net.productIds.map((id, j) => ({
      id,
      fare: net.fare[j]!,
      resources: Array.from(net.productResources.subarray(net.productStart[j]!, net.productStart[j + 1]!), (i) => net.resourceIds[i]!),
      demand: demand === 'poisson' ? { kind: 'poisson' as const, mean: d[j]! } : d[j]!,
    })),
  };
}

/** The network the controls are built on: capacity = units on sale (authorised). @internal */
export function controlsNetwork(sp: SimProcess): Network {
  const { net } = sp;
  return {
    resources: net.resourceIds.map((id, i) => ({ id, capacity: sp.authorized[i]! })),
    products: net.productIds.map((id, j) => ({
      id,
      fare: net.fare[j]!,
      resources: Array.from(net.productResources.subarray(net.productStart[j]!, net.productStart[j + 1]!), (i) => net.resourceIds[i]!),
      demand: 0,
    })),
  };
}
