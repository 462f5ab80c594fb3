/**
 * Plays one trajectory of requests through one policy, the way a booking system would: the policy
 * plans controls on the re-optimisation schedule; each request goes to `decide` (the booking path's
 * own function); an acceptance is recorded with `recordSale`; cancellations, group wash and no-shows
 * come back through `recordCancellation` and `recordNoShow`; a refused guest may buy up to another
 * rate plan of the same stay. Then the trajectory's outcome is measured. @internal
 */
import { createDecision, type ControlRequest, type Decision } from '../model/bookingPath.js';
import { assertCompiled, type Controls } from '../control/controls.js';
import { decide } from '../control/decide.js';
import {
  networkBookingState,
  recordCancellation,
  recordNoShow,
  recordSale,
  type NetworkBookingState,
} from '../control/bookingState.js';
import { YieldInputError } from '../model/errors.js';
import { controlsNetwork, planningNetwork, type SimProcess, type Trajectory } from './compileProcess.js';
import type { PlanningContext, Policy } from './policy.js';

/** Index of each per-trajectory metric in a metrics row. */
export const METRIC_NAMES = [
  'revenue',
  'contribution',
  'occupancy',
  'adr',
  'revpar',
  'deniedService',
  'spill',
  'spoilage',
  'cancellations',
  'noShows',
  'requests',
  'accepted',
  'roomNights',
  'futureValueKept',
  'futureValueLost',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export const M = Object.fromEntries(METRIC_NAMES.map((k, i) => [k, i])) as Record<MetricName, number>;

/** One decision as the simulator made it (for `onDecision`): the state is live; copy what you keep. */
export interface DecisionEvent {
  readonly trajectory: number;
  readonly policy: number;
  readonly time: number;
  readonly request: ControlRequest;
  readonly state: NetworkBookingState;
  readonly controls: Controls;
  readonly decision: Decision;
}

export interface ReplayHooks {
  readonly onDecision?: (e: DecisionEvent) => void;
}

/** A plan's context for `policy.plan`. */
export function planningContext(sp: SimProcess, period: number, held: Float64Array, productSold: Float64Array): PlanningContext {
  const h = Float64Array.from(held);
  const ps = Float64Array.from(productSold);
  return {
    process: sp.source,
    kind: sp.kind,
    period,
    held: h,
    authorized: sp.authorized,
    productSold: ps,
    remainingNetwork: (demand = 'mean') => planningNetwork(sp, period, h, demand),
    controlsNetwork: () => controlsNetwork(sp),
    dailyProcess: () => ({ network: planningNetwork(sp, period, h), days: sp.periods, unitsPerDay: sp.unitsPerDay(period) }),
  };
}

/** Plans and checks that the policy returned controls for this process. */
export async function planControls(policy: Policy, ctx: PlanningContext, sp: SimProcess): Promise<Controls> {
  const c = await policy.plan(ctx);
  if (c === null || c === undefined || typeof c !== 'object')
    throw new YieldInputError('invalid', 'policy.plan', `policy ${JSON.stringify(policy.name)} returned no controls at period ${ctx.period} (got ${String(c)})`);
  try {
    assertCompiled(c);
  } catch {
    throw new YieldInputError('invalid', 'policy.plan', `policy ${JSON.stringify(policy.name)} returned something that is not compiled controls at period ${ctx.period}`);
  }
  if (c.kind === 'nested-limits')
    throw new YieldInputError('invalid', 'policy.plan', `policy ${JSON.stringify(policy.name)} returned single-resource nested limits; a network or hotel needs network controls (e.g. resourceNestedLimitControls)`);
  if (c.resourceIds.length !== sp.net.resourceIds.length || c.productIds.length !== sp.net.productIds.length)
    throw new YieldInputError('inconsistent', 'policy.plan', `policy ${JSON.stringify(policy.name)} returned controls for another network (${c.resourceIds.length} resources, ${c.productIds.length} products; the process has ${sp.net.resourceIds.length} and ${sp.net.productIds.length})`);
  return c;
}

/** Min-heap of pending events (time, booking index, kind) for cancellations and no-shows. */
class EventHeap {
  time = new Float64Array(64);
  item = new Int32Array(64);
  size = 0;
  push(t: number, v: number): void {
    if (this.size === this.time.length) {
      const nt = new Float64Array(this.size * 2);
      nt.set(this.time);
      this.time = nt;
      const ni = new Int32Array(this.size * 2);
      ni.set(this.item);
      this.item = ni;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.time[p]! <= t) break;
      this.time[i] = this.time[p]!;
      this.item[i] = this.item[p]!;
      i = p;
    }
    this.time[i] = t;
    this.item[i] = v;
  }
  pop(): number {
    const top = this.item[0]!;
    const t = this.time[--this.size]!;
    const v = this.item[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.time[c + 1]! < this.time[c]!) c++;
      if (this.time[c]! >= t) break;
      this.time[i] = this.time[c]!;
      this.item[i] = this.item[c]!;
      i = c;
    }
    this.time[i] = t;
    this.item[i] = v;
    return top;
  }
}

/** The outcome of one trajectory under one policy. */
export interface ReplayOutcome {
  /** One value per METRIC_NAMES entry. */
  readonly metrics: Float64Array;
  /** Units held per resource at the end (after cancellations and no-shows): the guests who stay. */
  readonly held: Float64Array;
  /** Units sold per product (bookings made, whatever became of them). */
  readonly sold: Float64Array;
}

/**
 * Plays `traj` with `policy`, re-planning at each period of `times` (using `initial` for the first plan
 * when its period is 0 and given). Deterministic: everything random is in the trajectory.
 */
export async function replay(
  sp: SimProcess,
  policy: Policy,
  traj: Trajectory,
  times: readonly number[],
  initial: Controls | undefined,
  hooks: ReplayHooks = {},
  ids: { trajectory: number; policy: number } = { trajectory: 0, policy: 0 },
): Promise<ReplayOutcome> {
  const { net } = sp;
  const m = net.resourceIds.length;
  const nP = net.productIds.length;
  const held = Float64Array.from(sp.initialHeld);
  const productSold = new Float64Array(nP);
  // bookings: product, quantity, epoch, index of the request
  const n = traj.n;
  const bProduct = new Int32Array(n);
  const bQty = new Int32Array(n);
  const bEpoch = new Int32Array(n);
  const bReq = new Int32Array(n);
  const bValue = new Float64Array(n);
  const bRevenue = new Float64Array(n);
  const bCancelled = new Int32Array(n); // units cancelled or washed
  const bNoShow = new Uint8Array(n);
  let nb = 0;
  const heap = new EventHeap(); // item = booking index · 2 + (0 cancel, 1 no-show)
  let controls: Controls | undefined;
  let state: NetworkBookingState | undefined;
  let epoch = -1;
  let next = 0;
  const out = createDecision();
  const request: { product: number; quantity: number; value: number } = { product: 0, quantity: 1, value: 0 };
  let spill = 0;
  let futureKept = 0;
  let futureLost = 0;
  const valueAware = policy.valueAware === true;
  let accepted = 0;
  let cancellations = 0;
  let noShows = 0;
  const { onDecision } = hooks;

  const plan = async (t: number) => {
    controls =
      t === 0 && initial !== undefined && epoch === -1
        ? initial
        : await planControls(policy, planningContext(sp, t, held, productSold), sp);
    epoch++;
    state = networkBookingState(controls, { sold: held, period: clampPeriod(controls, t) });
  };
  const applyEvent = (item: number) => {
    const b = item >> 1;
    const j = bProduct[b]!;
    if ((item & 1) === 0) {
      const q = traj.cancelQuantity[bReq[b]!]!;
      recordCancellation(state!, controls!, j, q, { underTheseControls: bEpoch[b] === epoch });
      for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) held[net.productResources[k]!]! -= q;
      bCancelled[b] = q;
      cancellations += q;
    } else {
      const q = bQty[b]! - bCancelled[b]!;
      if (q > 0) {
        recordNoShow(state!, controls!, j, q);
        for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) held[net.productResources[k]!]! -= q;
        bNoShow[b] = 1;
        noShows += q;
      }
    }
  };
  const tryBook = (r: number, j: number, q: number, value: number): boolean => {
    request.product = j;
    request.quantity = q;
    request.value = value;
    const d = decide(request, state!, controls!, out);
    if (onDecision) onDecision({ ...ids, time: traj.time[r]!, request: { ...request }, state: state!, controls: controls!, decision: d });
    if (!d.accept) return false;
    recordSale(state!, controls!, j, q);
    for (let k = net.productStart[j]!; k < net.productStart[j + 1]!; k++) held[net.productResources[k]!]! += q;
    productSold[j]! += q;
    return true;
  };

  for (let r = 0; r < n; r++) {
    const time = traj.time[r]!;
    const period = Math.floor(time);
    // plan once, at the last scheduled period reached (earlier plans would be replaced unused), with
    // the state as it stood then
    if (next < times.length && times[next]! <= period) {
      while (next + 1 < times.length && times[next + 1]! <= period) next++;
      const at = times[next]!;
      while (heap.size > 0 && heap.time[0]! <= at) applyEvent(heap.pop());
      await plan(at);
      next++;
    }
    while (heap.size > 0 && heap.time[0]! <= time) applyEvent(heap.pop());
    if (controls === undefined) await plan(period);
    state!.period = clampPeriod(controls!, period);
    let j = traj.product[r]!;
    const q = traj.quantity[r]!;
    let value = traj.value[r]!;
    let revenue = traj.revenue[r]!;
    const future = traj.futureValue[r]!;
    let ok = tryBook(r, j, q, valueAware ? value + future : value);
    if (!ok) {
      const s = traj.stream[r]!;
      // (most streams have no buy-up: one typed-array read decides, before the stream's buy-up object is touched)
      if (s >= 0 && sp.buyUpProbability[s]! > 0 && traj.buyUpDraw[r * sp.maxBuyUp]! < sp.buyUpProbability[s]!) {
        const b = sp.buyUp[s]!;
        for (let k = 0; k < b.products.length && !ok; k++) {
          if (!(traj.buyUpDraw[r * sp.maxBuyUp + k]! < b.probability)) break;
          j = b.products[k]!;
          value = b.values[k]!;
          revenue = b.revenues[k]!;
          ok = tryBook(r, j, q, valueAware ? value + future : value);
        }
      }
    }
    if (!ok) {
      spill += q * sp.productLength[j]!;
      futureLost += q * future;
      continue;
    }
    futureKept += q * future;
    accepted += q;
    bProduct[nb] = j;
    bQty[nb] = q;
    bEpoch[nb] = epoch;
    bReq[nb] = r;
    bValue[nb] = value;
    bRevenue[nb] = revenue;
    if (traj.cancelTime[r]! < Infinity && traj.cancelQuantity[r]! > 0) heap.push(traj.cancelTime[r]!, nb * 2);
    if (traj.noShow[r] === 1) heap.push(sp.productArrival[j]! + 0.9999, nb * 2 + 1);
    nb++;
  }
  while (heap.size > 0) applyEvent(heap.pop());

  let revenue = 0;
  let contribution = 0;
  for (let b = 0; b < nb; b++) {
    if (bNoShow[b] === 1) continue;
    const stay = bQty[b]! - bCancelled[b]!;
    revenue += stay * bRevenue[b]!;
    contribution += stay * bValue[b]!;
  }
  let denied = 0;
  let occupied = 0;
  let available = 0;
  let empty = 0;
  // rooms held at the start (on the books) count for occupancy, but their revenue is not known: ADR and
  // RevPAR are over the room-nights the simulated bookings fill and the room-nights left to sell
  let occupiedNew = 0;
  let availableNew = 0;
  for (let i = 0; i < m; i++) {
    const cap = sp.physical[i]!;
    const h = held[i]!;
    const h0 = Math.min(sp.initialHeld[i]!, cap);
    denied += Math.max(0, h - cap);
    occupied += Math.min(h, cap);
    occupiedNew += Math.max(0, Math.min(h, cap) - h0);
    empty += Math.max(0, cap - h);
    available += cap;
    availableNew += cap - h0;
  }
  const walk = denied * sp.walkCost;
  revenue -= walk;
  contribution -= walk;
  const metrics = new Float64Array(METRIC_NAMES.length);
  metrics[M.revenue] = revenue;
  metrics[M.contribution] = contribution;
  metrics[M.occupancy] = available > 0 ? occupied / available : 0;
  metrics[M.adr] = occupiedNew > 0 ? (revenue + walk) / occupiedNew : 0;
  metrics[M.revpar] = availableNew > 0 ? revenue / availableNew : 0;
  metrics[M.deniedService] = denied;
  metrics[M.spill] = spill;
  metrics[M.spoilage] = empty;
  metrics[M.cancellations] = cancellations;
  metrics[M.noShows] = noShows;
  metrics[M.requests] = n;
  metrics[M.accepted] = accepted;
  metrics[M.roomNights] = occupied;
  metrics[M.futureValueKept] = futureKept;
  metrics[M.futureValueLost] = futureLost;
  const sold = new Float64Array(nP);
  for (let b = 0; b < nb; b++) sold[bProduct[b]!]! += bQty[b]!;
  return { metrics, held, sold };
}

/**
 * The state's period is the request's. Time-dependent controls cover [startPeriod, periods): a policy
 * whose controls do not cover the period being played is an input error (never a silent clamp).
 */
function clampPeriod(c: Controls, t: number): number {
  if (c.kind !== 'dynamic-bid-prices' || (t >= c.startPeriod && t < c.periods)) return t;
  throw new YieldInputError(
    'inconsistent',
    'policy.plan',
    `returned time-dependent controls for periods ${c.startPeriod} … ${c.periods - 1}, but the simulator is at period ${t}`,
  );
}
