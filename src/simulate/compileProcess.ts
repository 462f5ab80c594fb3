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
  /** Probability that a refused request of each stream tries its first buy-up product (0 when it has none): read before `buyUp`, which is an object per stream. */
  readonly buyUpProbability: Float64Array;
  /** Samples one trajectory. */
  sample(rng: Rng): Trajectory;
  /** Expected units requested per product from period `t` on (first choices; gross of cancellations). */
  remainingDemand(t: number): Float64Array;
  /**
   * Expected units requested per period (booking day) and product from period ⌊t⌋ on:
   * out[d · products + j], periods × products, rows before ⌊t⌋ zero (a network process: its arrival
   * probabilities). Σ_d out[d, j] = remainingDemand(t)[j].
   */
  unitsPerDay(t: number): Float64Array;
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
    buyUpProbability: new Float64Array(0),
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
    unitsPerDay(t) {
      const d0 = Math.min(Math.max(0, Math.floor(t)), T);
      const out = new Float64Array(T * nP);
      for (let i = d0 * nP; i < T * nP; i++) out[i] = p[i]!;
      return out;
    },
  };
}

/**
 * A hotel's requests. Stream k asks for Poisson(λ_k) requests, each on a booking day drawn from its
 * intensities w_{k,d} and at a uniform time within that day; cancellation, no-show, size and buy-up
 * draws follow. The sampler writes each request straight to its place in time order, with no sort:
 *   1. per stream (in stream order, where its tables are in cache) the count and each request's day;
 *   2. per day, the times of its requests as order statistics of uniforms (normalised sums of
 *      exponential spacings), and a random permutation that says which of the day's requests takes
 *      which time (given the days, the order of a day's requests is a uniform random permutation);
 *   3. per stream again, each request's fields, written to its slot.
 * A group asks at midday of its day, after the requests of the same instant.
 */
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
  // per stream, the booking days [lo, hi] from its first to its last positive intensity, and the
  // cumulative share of its requests up to each of them
  const streamLo = new Int32Array(S);
  const streamHi = new Int32Array(S).fill(-1);
  const cumStart = new Int32Array(S); // where stream k's shape starts in `cum` (set below)
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
    let lo = -1;
    let hi = -1;
    const w = s.byDay;
    if (w === undefined) (lo = 0), (hi = Math.min(H - 1, productArrival[j]!));
    else
      for (let d = 0; d < H; d++)
        if (w[d]! > 0) {
          if (lo < 0) lo = d;
          hi = d;
        }
    if (s.requests > 0 && lo >= 0) {
      streamLo[k] = lo;
      streamHi[k] = hi;
    }
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
  // The cumulative shares, stored once per distinct shape: streams whose shares over their days are
  // the same numbers (a segment's booking curve at every arrival date it fits whole, the forecast
  // builder's case) share one table, so the sampler's tables stay in cache (a year of 10,220 streams:
  // about a megabyte instead of tens). cumStart[k] is where stream k's shape starts; its length is
  // hi − lo + 1.
  const maxLen = streamHi.reduce((m, hi, k) => (hi >= 0 ? Math.max(m, hi - streamLo[k]! + 1) : m), 0);
  const shape = new Float64Array(maxLen);
  const bits = new Uint32Array(shape.buffer);
  let cum = new Float64Array(Math.max(1024, 4 * maxLen));
  let used = 0;
  const seen = new Map<number, number[]>(); // hash → [start, length, start, length, …] of the shapes with it
  for (let k = 0; k < S; k++) {
    if (streamHi[k]! < 0) continue;
    const lo = streamLo[k]!;
    const len = streamHi[k]! - lo + 1;
    let sum = 0;
    const w = process.streams[k]!.byDay;
    if (w === undefined) for (let d = lo; d <= streamHi[k]!; d++) shape[d - lo] = sum += 1;
    else for (let d = lo; d <= streamHi[k]!; d++) shape[d - lo] = sum += w[d]!;
    for (let i = 0; i < len; i++) shape[i]! /= sum;
    shape[len - 1] = 1;
    let h = 0x811c9dc5 ^ len;
    for (let i = 0; i < 2 * len; i++) h = Math.imul(h ^ bits[i]!, 0x01000193);
    const candidates = seen.get(h);
    let at = -1;
    if (candidates)
      for (let q = 0; q < candidates.length && at < 0; q += 2) {
        if (candidates[q + 1] !== len) continue;
        const c = candidates[q]!;
        let same = true;
        for (let i = 0; i < len && same; i++) same = cum[c + i] === shape[i];
        if (same) at = c;
      }
    if (at < 0) {
      if (used + len > cum.length) {
        const grown = new Float64Array(Math.max(used + len, 2 * cum.length));
        grown.set(cum.subarray(0, used));
        cum = grown;
      }
      cum.set(shape.subarray(0, len), used);
      at = used;
      used += len;
      if (candidates) candidates.push(at, len);
      else seen.set(h, [at, len]);
    }
    cumStart[k] = at;
  }
  cum = cum.slice(0, used);
  // a guide table per shape (Chen & Asau 1974): guide[c + g] = the first day index whose cumulative
  // share exceeds g / len, so that a draw starts its search there and steps once or twice, instead of a
  // binary search over the stream's days (the same day for the same uniform)
  const guide = new Int32Array(cum.length);
  const guided = new Set<number>();
  for (let k = 0; k < S; k++) {
    if (streamHi[k]! < 0 || guided.has(cumStart[k]!)) continue;
    const c = cumStart[k]!;
    guided.add(c);
    const len = streamHi[k]! - streamLo[k]! + 1;
    let i = 0;
    for (let g = 0; g < len; g++) {
      while (cum[c + i]! <= g / len) i++;
      guide[c + g] = i;
    }
  }
  // groups: how many ask on each day, in index order within the day
  const groups = process.groups ?? [];
  const groupOrder = Array.from(groups, (_, g) => g).sort((x, y) => groups[x]!.day - groups[y]!.day || x - y);
  const groupsOn = new Int32Array(H);
  const groupSlot = new Int32Array(groups.length); // where each group (in groupOrder) lands in a trajectory
  for (const x of groups) groupsOn[x.day]!++;
  const physical = Float64Array.from(net.capacity);
  const authorized = process.authorized ? Float64Array.from(process.authorized) : Float64Array.from(net.capacity);
  const initialHeld = process.onTheBooks ? Float64Array.from(process.onTheBooks) : new Float64Array(m);
  // scratch reused across samples (the sampler is synchronous)
  const counts = new Int32Array(S);
  const dayN = new Int32Array(H);
  const dayStart = new Int32Array(H + 1);
  const dayFill = new Int32Array(H);
  let dayOf = new Int32Array(1024);
  let slot = new Int32Array(1024);
  const BELOW_ONE = 1 - 2 ** -53;
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
    buyUpProbability: Float64Array.from(buyUp, (b) => (b.products.length > 0 ? b.probability : 0)),
    sample(rng) {
      // 1. counts, and each request's booking day (stream order)
      let ns = 0;
      for (let k = 0; k < S; k++) ns += counts[k] = streamMean[k]! > 0 && streamHi[k]! >= 0 ? poissonDraw(streamMean[k]!, rng) : 0;
      if (dayOf.length < ns) dayOf = new Int32Array(Math.max(ns, 2 * dayOf.length));
      dayN.fill(0);
      for (let k = 0, r = 0; k < S; k++) {
        const lo = streamLo[k]!;
        const from = cumStart[k]!;
        const len = streamHi[k]! - lo + 1;
        for (let c = 0; c < counts[k]!; c++, r++) {
          const u = rng();
          let i = guide[from + Math.floor(u * len)]!;
          while (cum[from + i]! <= u) i++;
          const d = lo + i;
          dayOf[r] = d;
          dayN[d]!++;
        }
      }
      const n = ns + groups.length;
      for (let d = 0; d < H; d++) dayStart[d + 1] = dayStart[d]! + dayN[d]! + groupsOn[d]!;
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
      // 2. per day: the times in order, the groups at midday among them, and a random permutation of
      //    the slots left to the individual requests (slot[dayStart[d] + c]: the c-th request of day d)
      if (slot.length < n) slot = new Int32Array(Math.max(n, 2 * slot.length));
      for (let d = 0, g = 0; d < H; d++) {
        const N = dayN[d]!;
        const start = dayStart[d]!;
        let sum = 0;
        for (let i = 0; i < N; i++) time[start + i] = sum -= Math.log(rng() + 2 ** -33);
        if (N > 0) sum -= Math.log(rng() + 2 ** -33);
        let i = N;
        let w = start + N + groupsOn[d]!; // fill from the back: the latest first
        const noon = d + 0.5;
        let gl = groupsOn[d]!;
        while (i > 0 || gl > 0) {
          const u = i > 0 ? time[start + i - 1]! / sum : 0;
          const t = i > 0 ? d + (u < 1 ? u : BELOW_ONE) : -Infinity;
          if (gl > 0 && !(t > noon)) {
            // a group (the last of the day's groups first), after the requests at or before midday
            w--;
            time[w] = noon;
            slot[w] = -1;
            groupSlot[g + --gl] = w;
          } else {
            w--;
            time[w] = t;
            slot[w] = 0;
            i--;
          }
        }
        g += groupsOn[d]!;
        // the slots of the individual requests, shuffled (Fisher–Yates)
        let c = 0;
        for (let x = start; x < dayStart[d + 1]!; x++) if (slot[x]! >= 0) slot[start + c++] = x;
        for (let x = c - 1; x > 0; x--) {
          const y = Math.floor(rng() * (x + 1));
          const tmp = slot[start + x]!;
          slot[start + x] = slot[start + y]!;
          slot[start + y] = tmp;
        }
        dayFill[d] = 0;
      }
      // the groups' own fields
      for (let g = 0; g < groupOrder.length; g++) {
        const x = groupSlot[g]!;
        const gr = groups[groupOrder[g]!]!;
        const j = net.productIndex.get(gr.product)!;
        product[x] = j;
        quantity[x] = gr.rooms;
        value[x] = gr.value;
        revenue[x] = gr.revenue ?? gr.value;
        future[x] = gr.futureValue ?? 0;
        stream[x] = -1;
        let washed = 0;
        const wsh = gr.wash ?? HOTEL_PROCESS_DEFAULTS.wash;
        for (let u = 0; u < gr.rooms; u++) if (rng() < wsh) washed++;
        cancelTime[x] = washed > 0 ? productArrival[j]! : Infinity;
        cancelQuantity[x] = washed;
      }
      // 3. each request's fields, in stream order, written to its slot
      for (let k = 0, r = 0; k < S; k++) {
        const nk = counts[k]!;
        if (nk === 0) continue;
        const j = streamProduct[k]!;
        const a = productArrival[j]!;
        const sc = sizeCum[k]!;
        const v = streamValue[k]!;
        const rv = streamRevenue[k]!;
        const fv = streamFuture[k]!;
        const lb = leadBuckets[k];
        for (let c = 0; c < nk; c++, r++) {
          const d = dayOf[r]!;
          const x = slot[dayStart[d]! + dayFill[d]!++]!;
          product[x] = j;
          const q = sc.length === 1 ? 1 : search(sc, 0, sc.length, rng()) + 1;
          quantity[x] = q;
          value[x] = v;
          revenue[x] = rv;
          future[x] = fv;
          stream[x] = k;
          let pc = cancelP[k]!;
          let pn = noShowP[k]!;
          if (lb) {
            const lead = a - d;
            let b = 0;
            while (b + 1 < lb.from.length && lb.from[b + 1]! <= lead) b++;
            pc = lb.cancel[b]!;
            pn = lb.noShowIfKept[b]!;
          }
          if (rng() < pc) {
            const t = time[x]!;
            cancelTime[x] = t + rng() * (a + 1 - t); // uniformly between booking and the end of the arrival day
            cancelQuantity[x] = q;
          } else {
            cancelTime[x] = Infinity;
            noShow[x] = rng() < pn ? 1 : 0;
          }
          for (let b = 0; b < maxBuyUp; b++) draws[x * maxBuyUp + b] = rng();
        }
      }
      return {
        n,
        time,
        product,
        quantity,
        value,
        revenue,
        futureValue: future,
        stream,
        cancelTime,
        cancelQuantity,
        noShow,
        buyUpDraw: draws,
      };
    },
    remainingDemand(t) {
      const out = new Float64Array(nP);
      const d0 = Math.floor(t);
      for (let k = 0; k < S; k++) {
        if (streamHi[k]! < 0) continue;
        const lo = streamLo[k]!;
        const before = d0 <= lo ? 0 : d0 > streamHi[k]! ? 1 : cum[cumStart[k]! + d0 - 1 - lo]!;
        out[streamProduct[k]!]! += streamMean[k]! * (1 - before) * meanSize[k]!;
      }
      for (const x of groups) if (x.day >= d0) out[net.productIndex.get(x.product)!]! += x.rooms;
      return out;
    },
    unitsPerDay(t) {
      const out = new Float64Array(H * nP);
      const d0 = Math.max(0, Math.floor(t));
      for (let k = 0; k < S; k++) {
        if (streamHi[k]! < 0) continue;
        const lo = streamLo[k]!;
        const c = cumStart[k]!;
        const units = streamMean[k]! * meanSize[k]!;
        const j = streamProduct[k]!;
        for (let d = Math.max(lo, d0); d <= streamHi[k]!; d++) {
          const share = cum[c + d - lo]! - (d > lo ? cum[c + d - 1 - lo]! : 0);
          if (share > 0) out[d * nP + j]! += units * share;
        }
      }
      for (const x of groups) if (x.day >= d0) out[x.day * nP + net.productIndex.get(x.product)!]! += x.rooms;
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
