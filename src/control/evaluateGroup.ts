/**
 * Group and tour-operator blocks: accept the block at a discount now, or hold the rooms for transient
 * guests who may pay more later? `evaluateGroup` answers with the numbers and the reasoning a revenue
 * manager would read.
 *
 * The group's value is its contribution: the expected room-nights it will use (the block less the
 * wash, i.e. the share the group is expected not to pick up) times the contribution per room-night
 * (the rate net of commission, less the variable cost, plus the ancillary spend), plus any other
 * contribution (meeting rooms, banquets, net of their costs).
 *
 * Its cost is the **displacement cost**: the transient contribution lost by taking the rooms out of
 * inventory. yieldcraft measures it by re-optimisation, as Talluri & van Ryzin (2004, §3.4.3,
 * "displacement cost" / opportunity cost of a request consuming several resources) prescribe: solve
 * the deterministic LP of the transient forecast (the hotel network: nights × stays × rate plans) with
 * full capacity and again with the block's rooms removed, and take the difference
 *
 *   displacement = DLP(C) − DLP(C − b) ,
 *
 * where b_n is the number of rooms the block takes on night n. Because stays are multi-night products,
 * the re-optimised plan also turns away stays that merely overlap the block, so displacement reaches
 * the shoulder nights around it — which a night-by-night comparison (forecast + block − capacity,
 * priced at the average rate: the spreadsheet method of hotel practice) misses. Beside it comes the
 * **linear bid-price estimate** Σ_n b_n · π_n with the DLP bid prices π; bid prices value the next room
 * only, and since DLP(C) is concave in C the linear estimate never exceeds the re-optimised cost
 * (Talluri & van Ryzin 2004, §3.3.1; Phillips 2005, §7.4 on large requests and displacement).
 * See also Kimes (1989), "The basics of yield management", Cornell HRAQ 30(3), on group displacement.
 *
 * The **minimum acceptable rate** r* is the rate at which the group's contribution equals the
 * displacement cost (the displacement does not depend on the rate):
 *
 *   r* = ((D − other) / E + variableCost − ancillarySpend) / (1 − commission) ,
 *
 * with E the expected room-nights used. The decision: **accept** when contribution ≥ displacement
 * (ties accept: the hotel is indifferent and the group is the bird in the hand); otherwise
 * **counter-offer** at r* rounded up to `rateIncrement` when r* does not exceed the hotel's highest
 * transient price per room-night (a group will not pay more than the best available rate), and/or with
 * fewer rooms a night at the requested rate (the largest cap on rooms per night that pays its way);
 * **reject** when neither counter works.
 *
 * Conventions: rooms taken out of inventory are the expected pick-up (block × (1 − wash): washed rooms
 * return to inventory in time to be resold) unless `capacityTaken: 'block'`. The DLP treats demand as
 * its mean and rooms as divisible, so displaced room-nights may be fractional. The split of the
 * displaced room-nights by night, segment and rate plan is one optimal re-allocation (LP optima need not
 * be unique); the displacement cost itself is unique. Money values below 1e-9 × the scale are treated
 * as 0 (solver round-off).
 *
 * @param input.hotel - the transient forecast as a network whose resources are the nights (e.g. from
 *   `hotelNetwork`); capacity = rooms still to sell; products carry `segment` / `ratePlan` /
 *   `pricePerNight` when built by `hotelNetwork`
 * @param input.group - the request: `nights` (night ids), `roomsPerNight` (whole rooms, one number or
 *   one per night), `rate` (price per room-night, money), `wash` (share not picked up, [0, 1], default
 *   0) or `pickUp` (share picked up), `commission` (share of rate), `variableCost` and `ancillarySpend`
 *   (money per room-night used), `otherContribution` (money, lump sum), optional `id`, `segment`
 * @param options - {@link EVALUATE_GROUP_DEFAULTS}; `rateCeiling` (default: the hotel's highest price
 *   per room-night), `solver` ('highs' or 'javascript-lp-solver'), or `solve` (your own DLP)
 * @returns a Promise of {@link GroupEvaluation}: `status` 'ok' with the decision, the numbers,
 *   the per-night table and the reasons; 'exceeds-capacity' when the block does not fit (with a
 *   smaller counter-offer if one pays); 'solver-failed' if the LP solver failed
 * @example
 * import { hotelNetwork } from 'yieldcraft/model';
 * import { evaluateGroup } from 'yieldcraft/control';
 * // 100 rooms, one-night transient demand 70 / 95 / 85 at a contribution of 70 a room-night.
 * const nights = ['2026-05-04', '2026-05-05', '2026-05-06'];
 * const hotel = hotelNetwork({
 *   nights: nights.map((date) => ({ date, capacity: 100 })),
 *   rates: [{ id: 'BAR', price: 120, variableCost: 50 }],
 *   maxLengthOfStay: 1,
 *   demand: (a) => ({ '2026-05-04': 70, '2026-05-05': 95, '2026-05-06': 85 })[a] ?? 0,
 * });
 * const r = await evaluateGroup({ hotel, group: { nights, roomsPerNight: 30, rate: 90, variableCost: 50 } });
 * r.status === 'ok' && r.displacement.cost; // => 2800   (0 + 25 + 15 room-nights × 70)
 * r.status === 'ok' && r.minimumAcceptableRate; // => 81.11… (50 + 2800 / 90)
 * r.status === 'ok' && r.decision; // => 'accept'   (90 · 90 − 50 · 90 = 3600 ≥ 2800)
 */
import type { Network } from '../model/schemas.js';
import { contribution } from '../model/contribution.js';
import { dlp } from '../optimize/network/dlp.js';
import type { LpSolverName } from '../optimize/lp/types.js';
import {
  array,
  fail,
  finite,
  join,
  nonEmptyArray,
  nonNegative,
  nonNegativeInteger,
  object,
  positive,
  probability,
} from '../internal/validate.js';

/** What a DLP solve must return for displacement work (the shape of `dlp`'s result). */
export interface DisplacementLp {
  readonly status: string;
  readonly objective: number | null;
  readonly allocation: Readonly<Record<string, number>> | null;
  readonly bidPrices: Readonly<Record<string, number>> | null;
  readonly message?: string;
}

/** A DLP solver: network in, optimum out (default: `dlp` with the chosen LP solver). */
export type DisplacementSolver = (network: Network) => Promise<DisplacementLp>;

/** A group or tour-operator block request. Money per room-night unless said otherwise. */
export interface GroupBlockRequest {
  readonly id?: string;
  /** Night ids (the hotel's resource ids, e.g. ISO dates), each once. */
  readonly nights: readonly string[];
  /** Rooms blocked: one number for every night, or one per night (whole rooms ≥ 0). */
  readonly roomsPerNight: number | readonly number[];
  /** Price per room-night. */
  readonly rate: number;
  /** Share of the block expected not to be picked up, [0, 1] (default 0). Give wash or pickUp. */
  readonly wash?: number;
  /** Share of the block expected to be picked up, [0, 1] (= 1 − wash). */
  readonly pickUp?: number;
  /** Share of the rate paid to an intermediary, [0, 1] (default 0). */
  readonly commission?: number;
  /** Cost of serving one occupied room-night (default 0). */
  readonly variableCost?: number;
  /** Extra spend per occupied room-night: F&B, parking, … (default 0). */
  readonly ancillarySpend?: number;
  /** Lump-sum contribution of the rest of the deal (meeting rooms, banquets), net of its costs, money. */
  readonly otherContribution?: number;
  readonly segment?: string;
}

export interface EvaluateGroupInput {
  readonly hotel: Network;
  readonly group: GroupBlockRequest;
}

export interface EvaluateGroupOptions {
  /** Rooms taken out of transient inventory: 'pickup' = block × (1 − wash) (default) or the whole 'block'. */
  readonly capacityTaken?: 'pickup' | 'block';
  /** Propose counter-offers when the request does not pay (default true); false: accept or reject only. */
  readonly counterOffer?: boolean;
  /** The counter rate is r* rounded up to a multiple of this, money (default 1). */
  readonly rateIncrement?: number;
  /** Highest rate worth proposing to a group, money; default the hotel's highest price per room-night. */
  readonly rateCeiling?: number;
  /** LP solver behind `dlp` (default 'highs'). */
  readonly solver?: LpSolverName;
  /** Your own DLP (overrides `solver`); it must return the optimum of the network it is given. */
  readonly solve?: DisplacementSolver;
}

export const EVALUATE_GROUP_DEFAULTS = {
  capacityTaken: 'pickup',
  counterOffer: true,
  rateIncrement: 1,
  solver: 'highs',
} as const satisfies Omit<Required<EvaluateGroupOptions>, 'rateCeiling' | 'solve'>;

/** One night of the evaluation table. Rooms may be fractional (expected values from the DLP). */
export interface GroupNightRow {
  readonly night: string;
  readonly capacity: number;
  /** Rooms in the block this night (0 on shoulder nights). */
  readonly blockRooms: number;
  /** Rooms taken out of transient inventory this night. */
  readonly roomsTaken: number;
  /** Transient rooms sold in the optimal plan without / with the group. */
  readonly transientBefore: number;
  readonly transientAfter: number;
  /** transientBefore − transientAfter (> 0: displaced). */
  readonly displaced: number;
  /** The night's DLP bid price without the group, money per room-night. */
  readonly bidPrice: number;
  readonly inBlock: boolean;
}

/** Displaced business grouped by segment or by rate plan (net of any business the re-plan adds). */
export interface DisplacedBusiness {
  readonly key: string;
  /** Room-nights displaced (stays × nights). */
  readonly roomNights: number;
  /** Contribution displaced, money. */
  readonly contribution: number;
}

/** A counter-proposal that pays its way. */
export interface GroupCounterOffer {
  /** 'rate': the whole block at a higher rate; 'rooms': fewer rooms a night. */
  readonly kind: 'rate' | 'rooms';
  readonly rate: number;
  readonly roomsPerNight: readonly number[];
  readonly contribution: number;
  readonly displacementCost: number;
  /** contribution − displacementCost, ≥ 0. */
  readonly netBenefit: number;
}

export interface GroupValue {
  readonly nights: readonly string[];
  readonly roomsPerNight: readonly number[];
  readonly blockRoomNights: number;
  /** Room-nights the group is expected to use: block × (1 − wash). */
  readonly expectedRoomNights: number;
  readonly contributionPerRoomNight: number;
  readonly otherContribution: number;
  /** expectedRoomNights × contributionPerRoomNight + otherContribution, money. */
  readonly contribution: number;
}

export interface GroupDisplacement {
  /** DLP(C) − DLP(C − b), money. */
  readonly cost: number;
  /** Σ_n b_n · π_n with the DLP bid prices without the group, money (≤ cost). */
  readonly linearEstimate: number;
  /** DLP(C), DLP(C − b): the best transient plan's contribution without / with the group. */
  readonly transientBefore: number;
  readonly transientAfter: number;
  /** Transient room-nights displaced, all nights. */
  readonly roomNights: number;
  /** Of which on nights outside the block (stays overlapping the block). */
  readonly shoulderRoomNights: number;
  /** Block nights and every night whose transient plan changes, in resource order. */
  readonly byNight: readonly GroupNightRow[];
  readonly bySegment: readonly DisplacedBusiness[];
  readonly byRatePlan: readonly DisplacedBusiness[];
  readonly bidPrices: Readonly<Record<string, number>>;
}

export interface GroupEvaluated {
  readonly status: 'ok';
  readonly decision: 'accept' | 'reject' | 'counter-offer';
  readonly group: GroupValue;
  readonly displacement: GroupDisplacement;
  /** group.contribution − displacement.cost, money. */
  readonly netBenefit: number;
  /** Rate at which contribution = displacement (null when the group uses no room-night or commission is 100 %). */
  readonly minimumAcceptableRate: number | null;
  /** Best first; empty unless the decision is 'counter-offer'. */
  readonly counterOffers: readonly GroupCounterOffer[];
  /** Plain sentences, in reading order. */
  readonly reasons: readonly string[];
}

export interface GroupExceedsCapacity {
  readonly status: 'exceeds-capacity';
  readonly decision: 'reject' | 'counter-offer';
  readonly group: GroupValue;
  /** The nights where the rooms taken exceed the rooms left. */
  readonly overNights: readonly { readonly night: string; readonly capacity: number; readonly roomsTaken: number }[];
  readonly counterOffers: readonly GroupCounterOffer[];
  readonly reasons: readonly string[];
}

export interface GroupSolverFailed {
  readonly status: 'solver-failed';
  readonly message: string;
  readonly reasons: readonly string[];
}

export type GroupEvaluation = GroupEvaluated | GroupExceedsCapacity | GroupSolverFailed;

// ---------------------------------------------------------------------------------------------------

interface Prepared {
  readonly network: Network;
  readonly capacity: Float64Array;
  readonly resourceIds: readonly string[];
  /** product j → resource indexes */
  readonly uses: readonly Int32Array[];
  readonly blockIdx: Int32Array;
  readonly rooms: readonly number[];
  readonly rate: number;
  readonly useShare: number; // 1 − wash
  readonly takeShare: number; // share of block rooms taken out of inventory
  readonly commission: number;
  readonly variableCost: number;
  readonly ancillarySpend: number;
  readonly other: number;
  readonly ceiling: number;
  readonly increment: number;
  readonly counter: boolean;
  readonly solve: DisplacementSolver;
  readonly group: GroupBlockRequest;
}

function prepare(input: EvaluateGroupInput, options: EvaluateGroupOptions): Prepared {
  const inp = object(input, 'input');
  const hotel = object(inp.hotel, 'hotel');
  const resources = nonEmptyArray<Record<string, unknown>>(hotel.resources, 'hotel.resources');
  const products = array<Record<string, unknown>>(hotel.products, 'hotel.products');
  const index = new Map<string, number>();
  const capacity = new Float64Array(resources.length);
  const resourceIds: string[] = [];
  for (let i = 0; i < resources.length; i++) {
    const p = join('hotel.resources', i);
    const r = object(resources[i], p);
    if (typeof r.id !== 'string' || r.id === '') fail(join(p, 'id'), 'must be a non-empty string', 'invalid-type');
    if (index.has(r.id)) fail(join(p, 'id'), `duplicate night id ${JSON.stringify(r.id)}`, 'inconsistent');
    index.set(r.id, i);
    resourceIds.push(r.id);
    capacity[i] = nonNegative(r.capacity, join(p, 'capacity'));
  }
  let ceiling = 0;
  const uses: Int32Array[] = [];
  for (let j = 0; j < products.length; j++) {
    const p = join('hotel.products', j);
    const prod = object(products[j], p);
    const fare = nonNegative(prod.fare, join(p, 'fare'));
    const rs = nonEmptyArray<unknown>(prod.resources, join(p, 'resources'));
    const u = new Int32Array(rs.length);
    for (let k = 0; k < rs.length; k++) {
      const i = typeof rs[k] === 'string' ? index.get(rs[k] as string) : undefined;
      if (i === undefined) fail(join(join(p, 'resources'), k), `unknown night ${JSON.stringify(rs[k])}`, 'unknown-reference');
      u[k] = i;
    }
    uses.push(u);
    const perNight = typeof prod.pricePerNight === 'number' && Number.isFinite(prod.pricePerNight) ? prod.pricePerNight : fare / rs.length;
    if (perNight > ceiling) ceiling = perNight;
  }

  const g = object(inp.group, 'group');
  const nights = nonEmptyArray<unknown>(g.nights, 'group.nights');
  const blockIdx = new Int32Array(nights.length);
  const seen = new Set<string>();
  for (let k = 0; k < nights.length; k++) {
    const p = join('group.nights', k);
    const id = nights[k];
    const i = typeof id === 'string' ? index.get(id) : undefined;
    if (i === undefined) fail(p, `unknown night ${JSON.stringify(id)} (not a night of the hotel)`, 'unknown-reference');
    if (seen.has(id as string)) fail(p, `night ${id as string} is listed twice`, 'inconsistent');
    seen.add(id as string);
    blockIdx[k] = i;
  }
  let rooms: number[];
  if (Array.isArray(g.roomsPerNight)) {
    if (g.roomsPerNight.length !== nights.length)
      fail('group.roomsPerNight', `must have one entry per night (${nights.length}), got ${g.roomsPerNight.length}`, 'inconsistent');
    rooms = g.roomsPerNight.map((x: unknown, k: number) => nonNegativeInteger(x, join('group.roomsPerNight', k)));
  } else {
    const r = nonNegativeInteger(g.roomsPerNight, 'group.roomsPerNight');
    rooms = nights.map(() => r);
  }
  const rate = nonNegative(g.rate, 'group.rate');
  if (g.wash !== undefined && g.pickUp !== undefined) fail('group.pickUp', 'give wash or pickUp, not both', 'inconsistent');
  const useShare = g.pickUp !== undefined ? probability(g.pickUp, 'group.pickUp') : 1 - (g.wash === undefined ? 0 : probability(g.wash, 'group.wash'));
  const commission = g.commission === undefined ? 0 : probability(g.commission, 'group.commission');
  const variableCost = g.variableCost === undefined ? 0 : nonNegative(g.variableCost, 'group.variableCost');
  const ancillarySpend = g.ancillarySpend === undefined ? 0 : nonNegative(g.ancillarySpend, 'group.ancillarySpend');
  const other = g.otherContribution === undefined ? 0 : finite(g.otherContribution, 'group.otherContribution');
  for (const k of ['id', 'segment'] as const)
    if (g[k] !== undefined && typeof g[k] !== 'string') fail(join('group', k), 'must be a string', 'invalid-type');

  const o = object(options, 'options');
  const taken = o.capacityTaken ?? EVALUATE_GROUP_DEFAULTS.capacityTaken;
  if (taken !== 'pickup' && taken !== 'block')
    fail('options.capacityTaken', `must be 'pickup' or 'block', got ${JSON.stringify(taken)}`);
  const increment = o.rateIncrement === undefined ? EVALUATE_GROUP_DEFAULTS.rateIncrement : positive(o.rateIncrement, 'options.rateIncrement');
  if (o.rateCeiling !== undefined) ceiling = nonNegative(o.rateCeiling, 'options.rateCeiling');
  const counter = o.counterOffer === undefined ? EVALUATE_GROUP_DEFAULTS.counterOffer : o.counterOffer === true;
  let solve: DisplacementSolver;
  if (o.solve !== undefined) {
    if (typeof o.solve !== 'function') fail('options.solve', 'must be a function (network) => Promise<DLP result>', 'invalid-type');
    solve = o.solve as DisplacementSolver;
  } else {
    const solver = (o.solver ?? EVALUATE_GROUP_DEFAULTS.solver) as LpSolverName;
    solve = (n) => dlp(n, { solver });
  }

  return {
    network: input.hotel,
    capacity,
    resourceIds,
    uses,
    blockIdx,
    rooms,
    rate,
    useShare,
    takeShare: taken === 'pickup' ? useShare : 1,
    commission,
    variableCost,
    ancillarySpend,
    other,
    ceiling,
    increment,
    counter,
    solve,
    group: input.group,
  };
}

/** Contribution per used room-night at a rate. */
function perRoomNight(p: Prepared, rate: number): number {
  return contribution({ price: rate, commission: p.commission, variableCost: p.variableCost, ancillarySpend: p.ancillarySpend });
}

function groupValue(p: Prepared, rooms: readonly number[], rate: number): GroupValue {
  let block = 0;
  for (const r of rooms) block += r;
  const expected = block * p.useShare;
  const c = perRoomNight(p, rate);
  return {
    nights: Array.from(p.blockIdx, (i) => p.resourceIds[i]!),
    roomsPerNight: [...rooms],
    blockRoomNights: block,
    expectedRoomNights: expected,
    contributionPerRoomNight: c,
    otherContribution: p.other,
    contribution: expected * c + p.other,
  };
}

/** Rooms taken out of inventory per resource. */
function takenBy(p: Prepared, rooms: readonly number[]): Float64Array {
  const t = new Float64Array(p.capacity.length);
  for (let k = 0; k < rooms.length; k++) t[p.blockIdx[k]!]! += rooms[k]! * p.takeShare;
  return t;
}

function reduced(p: Prepared, taken: Float64Array): Network {
  return {
    resources: p.network.resources.map((r, i) => {
      const left = p.capacity[i]! - taken[i]!;
      return { id: r.id, capacity: left < 0 && left > -1e-9 ? 0 : left };
    }),
    products: p.network.products,
  };
}

class SolverFailed extends Error {}

async function optimum(p: Prepared, network: Network): Promise<{ objective: number; allocation: Readonly<Record<string, number>>; bidPrices: Readonly<Record<string, number>> }> {
  const r = await p.solve(network);
  if (r.status !== 'optimal' || r.objective === null || r.allocation === null || r.bidPrices === null)
    throw new SolverFailed(r.message ?? `the DLP solver returned status '${r.status}'`);
  return { objective: r.objective, allocation: r.allocation, bidPrices: r.bidPrices };
}

/** The minimum acceptable rate for a block using `expected` room-nights against displacement `cost`. */
function minimumRate(p: Prepared, expected: number, cost: number): number | null {
  if (!(expected > 0) || p.commission === 1) return null;
  return ((cost - p.other) / expected + p.variableCost - p.ancillarySpend) / (1 - p.commission);
}

function fits(p: Prepared, taken: Float64Array): boolean {
  for (let i = 0; i < taken.length; i++) if (taken[i]! > p.capacity[i]! + 1e-9) return false;
  return true;
}

function capRooms(rooms: readonly number[], k: number): number[] {
  return rooms.map((r) => Math.min(r, k));
}

const fmt = (x: number) => {
  const s = Math.abs(x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return x < 0 && Math.abs(x) >= 5e-3 ? `−${s}` : s;
};
const fmtN = (x: number) => {
  const r = Math.round(x * 10) / 10;
  return (Object.is(r, -0) ? 0 : r).toLocaleString('en-US', { maximumFractionDigits: 1 });
};
const pct = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })} %`;

function roomsText(rooms: readonly number[]): string {
  const lo = Math.min(...rooms);
  const hi = Math.max(...rooms);
  return lo === hi ? `${hi} room${hi === 1 ? '' : 's'} a night` : `${lo}–${hi} rooms a night`;
}

/** Evaluates a group block against the transient forecast; see the module documentation above. */
export async function evaluateGroup(input: EvaluateGroupInput, options: EvaluateGroupOptions = {}): Promise<GroupEvaluation> {
  const p = prepare(input, options);
  try {
    return await evaluate(p);
  } catch (e) {
    if (e instanceof SolverFailed)
      return {
        status: 'solver-failed',
        message: e.message,
        reasons: [`The group could not be evaluated: the DLP solver failed (${e.message}).`],
      };
    throw e;
  }
}

async function evaluate(p: Prepared): Promise<GroupEvaluation> {
  const base = await optimum(p, p.network);
  const scale = Math.max(1, Math.abs(base.objective));
  const zero = (x: number) => (Math.abs(x) <= 1e-9 * scale ? 0 : x);

  /** Displacement of a block of `rooms` (must fit). */
  const displacementOf = async (rooms: readonly number[]) => {
    const taken = takenBy(p, rooms);
    let any = false;
    for (const t of taken) if (t > 0) any = true;
    if (!any) return { cost: 0, taken, after: base };
    const after = await optimum(p, reduced(p, taken));
    return { cost: zero(base.objective - after.objective), taken, after };
  };
  const netOf = (value: GroupValue, cost: number) => value.contribution - cost;
  const tolerance = (value: GroupValue, cost: number) => 1e-9 * Math.max(scale, Math.abs(value.contribution), cost);
  const pays = (value: GroupValue, cost: number) => netOf(value, cost) >= -tolerance(value, cost);

  /** Largest cap k in [1, kMax] on rooms per night whose block pays at `rate` (binary search). */
  const largestPaying = async (kMax: number, rate: number): Promise<GroupCounterOffer | null> => {
    const at = async (k: number) => {
      const rooms = capRooms(p.rooms, k);
      const value = groupValue(p, rooms, rate);
      const d = await displacementOf(rooms);
      return { k, rooms, value, cost: d.cost, ok: pays(value, d.cost) };
    };
    if (kMax < 1) return null;
    let best = await at(kMax);
    if (!best.ok) {
      const first = await at(1);
      if (!first.ok) return null;
      let lo = first;
      let hi = kMax;
      while (hi - lo.k > 1) {
        const mid = await at(Math.floor((lo.k + hi) / 2));
        if (mid.ok) lo = mid;
        else hi = mid.k;
      }
      best = lo;
    }
    return {
      kind: 'rooms',
      rate,
      roomsPerNight: best.rooms,
      contribution: best.value.contribution,
      displacementCost: best.cost,
      netBenefit: Math.max(0, netOf(best.value, best.cost)),
    };
  };

  const rateOffer = async (rooms: readonly number[], cost: number, expected: number): Promise<GroupCounterOffer | null> => {
    const r = minimumRate(p, expected, cost);
    if (r === null || r > p.ceiling + 1e-9 * Math.max(1, p.ceiling)) return null;
    let rate = Math.ceil(r / p.increment - 1e-9) * p.increment;
    if (rate < r) rate = r; // guard against rounding below r*
    if (rate < 0) rate = 0;
    const value = groupValue(p, rooms, rate);
    return {
      kind: 'rate',
      rate,
      roomsPerNight: [...rooms],
      contribution: value.contribution,
      displacementCost: cost,
      netBenefit: Math.max(0, netOf(value, cost)),
    };
  };

  const value = groupValue(p, p.rooms, p.rate);
  const taken = takenBy(p, p.rooms);
  const head = requestSentence(p, value);

  if (!fits(p, taken)) {
    const overNights: { night: string; capacity: number; roomsTaken: number }[] = [];
    for (let i = 0; i < taken.length; i++)
      if (taken[i]! > p.capacity[i]! + 1e-9) overNights.push({ night: p.resourceIds[i]!, capacity: p.capacity[i]!, roomsTaken: taken[i]! });
    // The largest cap on rooms per night that fits every night.
    let kFit = Math.max(...p.rooms);
    for (let k = 0; k < p.rooms.length; k++) {
      const i = p.blockIdx[k]!;
      if (p.rooms[k]! * p.takeShare > p.capacity[i]! + 1e-9) kFit = Math.min(kFit, Math.floor(p.capacity[i]! / p.takeShare + 1e-9));
    }
    const offers: GroupCounterOffer[] = [];
    if (p.counter) {
      const rooms = await largestPaying(kFit, p.rate);
      if (rooms) offers.push(rooms);
      else if (kFit >= 1) {
        const capped = capRooms(p.rooms, kFit);
        const d = await displacementOf(capped);
        const r = await rateOffer(capped, d.cost, groupValue(p, capped, p.rate).expectedRoomNights);
        if (r) offers.push(r);
      }
    }
    const reasons = [
      head,
      `The block does not fit: ${overNights.map((o) => `${o.night} needs ${fmtN(o.roomsTaken)} rooms but only ${fmtN(o.capacity)} are left`).join('; ')}.`,
    ];
    reasons.push(decisionSentence(offers.length ? 'counter-offer' : 'reject', offers, p, null));
    return { status: 'exceeds-capacity', decision: offers.length ? 'counter-offer' : 'reject', group: value, overNights, counterOffers: offers, reasons };
  }

  const d = await displacementOf(p.rooms);
  const after = d.after;
  const m = p.capacity.length;
  const before = new Float64Array(m);
  const afterRooms = new Float64Array(m);
  const products = p.network.products;
  const bySegment = new Map<string, { roomNights: number; contribution: number }>();
  const byRate = new Map<string, { roomNights: number; contribution: number }>();
  for (let j = 0; j < products.length; j++) {
    const prod = products[j]! as Network['products'][number] & { segment?: string; ratePlan?: string };
    const x0 = base.allocation[prod.id] ?? 0;
    const x1 = after.allocation[prod.id] ?? 0;
    for (const i of p.uses[j]!) {
      before[i]! += x0;
      afterRooms[i]! += x1;
    }
    const delta = x0 - x1;
    if (delta === 0) continue;
    const rn = delta * p.uses[j]!.length;
    const c = delta * prod.fare;
    for (const [map, key] of [
      [bySegment, prod.segment ?? '(no segment)'],
      [byRate, prod.ratePlan ?? prod.id],
    ] as const) {
      const e = map.get(key) ?? { roomNights: 0, contribution: 0 };
      e.roomNights += rn;
      e.contribution += c;
      map.set(key, e);
    }
  }
  const inBlock = new Uint8Array(m);
  const blockRooms = new Float64Array(m);
  for (let k = 0; k < p.blockIdx.length; k++) {
    inBlock[p.blockIdx[k]!] = 1;
    blockRooms[p.blockIdx[k]!] = p.rooms[k]!;
  }
  const eps = 1e-7;
  const byNight: GroupNightRow[] = [];
  let displacedRN = 0;
  let shoulderRN = 0;
  let linear = 0;
  for (let i = 0; i < m; i++) {
    const id = p.resourceIds[i]!;
    const pi = base.bidPrices[id] ?? 0;
    linear += d.taken[i]! * pi;
    const disp = before[i]! - afterRooms[i]!;
    if (!inBlock[i] && Math.abs(disp) <= eps) continue;
    const dispClean = Math.abs(disp) <= eps ? 0 : disp;
    displacedRN += dispClean;
    if (!inBlock[i]) shoulderRN += dispClean;
    byNight.push({
      night: id,
      capacity: p.capacity[i]!,
      blockRooms: blockRooms[i]!,
      roomsTaken: d.taken[i]!,
      transientBefore: before[i]!,
      transientAfter: afterRooms[i]!,
      displaced: dispClean,
      bidPrice: pi,
      inBlock: inBlock[i] === 1,
    });
  }
  const grouped = (map: Map<string, { roomNights: number; contribution: number }>) =>
    [...map]
      .map(([key, v]) => ({ key, roomNights: v.roomNights, contribution: v.contribution }))
      .filter((x) => Math.abs(x.roomNights) > eps || Math.abs(x.contribution) > 1e-9 * scale)
      .sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key));

  const displacement: GroupDisplacement = {
    cost: d.cost,
    linearEstimate: zero(linear),
    transientBefore: base.objective,
    transientAfter: after.objective,
    roomNights: displacedRN,
    shoulderRoomNights: shoulderRN,
    byNight,
    bySegment: grouped(bySegment),
    byRatePlan: grouped(byRate),
    bidPrices: base.bidPrices,
  };
  const net = netOf(value, d.cost);
  const minRate = minimumRate(p, value.expectedRoomNights, d.cost);
  let decision: GroupEvaluated['decision'];
  const offers: GroupCounterOffer[] = [];
  if (pays(value, d.cost)) decision = 'accept';
  else if (!p.counter) decision = 'reject';
  else {
    const r = await rateOffer(p.rooms, d.cost, value.expectedRoomNights);
    if (r) offers.push(r);
    const rooms = await largestPaying(Math.max(...p.rooms) - 1, p.rate);
    if (rooms) offers.push(rooms);
    decision = offers.length ? 'counter-offer' : 'reject';
  }

  const reasons = [head, valueSentence(p, value), ...displacementSentences(displacement)];
  reasons.push(`Net effect of accepting: ${net >= 0 ? '+' : '−'}${fmt(Math.abs(net))}.`);
  if (minRate !== null)
    reasons.push(
      minRate <= 0
        ? `Minimum acceptable rate: any rate covers the displacement (the break-even rate is ${fmt(minRate)}).`
        : `Minimum acceptable rate: ${fmt(minRate)} a room-night (group contribution = displacement cost); the offer of ${fmt(p.rate)} is ${fmt(Math.abs(p.rate - minRate))} ${p.rate >= minRate ? 'above' : 'below'} it.`,
    );
  reasons.push(decisionSentence(decision, offers, p, net));
  return {
    status: 'ok',
    decision,
    group: value,
    displacement,
    netBenefit: net,
    minimumAcceptableRate: minRate,
    counterOffers: offers,
    reasons,
  };
}

function requestSentence(p: Prepared, v: GroupValue): string {
  const name = p.group.id ? ` "${p.group.id}"` : '';
  const n = v.nights.length;
  const span = n === 1 ? v.nights[0]! : `${v.nights[0]!} to ${v.nights[n - 1]!}`;
  const wash = 1 - p.useShare;
  return (
    `Request${name}: ${roomsText(v.roomsPerNight)} for ${n} night${n === 1 ? '' : 's'} (${span}) at ${fmt(p.rate)} a room-night; ` +
    `${fmtN(v.blockRoomNights)} room-nights blocked, ${fmtN(v.expectedRoomNights)} expected to be used${wash > 0 ? ` (${pct(wash)} wash)` : ''}.`
  );
}

function valueSentence(p: Prepared, v: GroupValue): string {
  const parts = [`rate ${fmt(p.rate)}`];
  if (p.commission > 0) parts.push(`less ${pct(p.commission)} commission`);
  if (p.variableCost > 0) parts.push(`less ${fmt(p.variableCost)} variable cost`);
  if (p.ancillarySpend > 0) parts.push(`plus ${fmt(p.ancillarySpend)} ancillary spend`);
  const other = p.other !== 0 ? ` + ${fmt(p.other)} other contribution` : '';
  return `Group contribution: ${fmtN(v.expectedRoomNights)} room-nights × ${fmt(v.contributionPerRoomNight)} (${parts.join(', ')})${other} = ${fmt(v.contribution)}.`;
}

function displacementSentences(d: GroupDisplacement): string[] {
  const out: string[] = [];
  if (d.cost === 0) {
    out.push('Displacement: none. The best transient plan still fits beside the block, so the group fills rooms that would otherwise stay empty.');
    return out;
  }
  out.push(
    `Displacement: holding the rooms turns away ${fmtN(d.roomNights)} transient room-nights worth ${fmt(d.cost)} in contribution ` +
      `(the transient plan re-optimised without those rooms earns ${fmt(d.transientAfter)} instead of ${fmt(d.transientBefore)}).`,
  );
  if (d.shoulderRoomNights > 1e-7) {
    const shoulders = d.byNight.filter((r) => !r.inBlock && r.displaced > 0).map((r) => r.night);
    out.push(
      `${fmtN(d.shoulderRoomNights)} of those room-nights fall on shoulder nights outside the block (${shoulders.join(', ')}): ` +
        'multi-night stays that overlap the block are turned away whole.',
    );
  }
  const top = d.bySegment.filter((s) => s.contribution > 0).slice(0, 3);
  if (top.length && !(d.bySegment.length === 1 && top[0]!.key === '(no segment)'))
    out.push(`Displaced business by segment: ${top.map((s) => `${s.key} ${fmtN(s.roomNights)} room-nights (${fmt(s.contribution)})`).join(', ')}.`);
  const gap = d.cost - d.linearEstimate;
  out.push(
    gap > 1e-6 * Math.max(1, d.cost)
      ? `The linear bid-price estimate (rooms × bid price, night by night) is ${fmt(d.linearEstimate)}: ${fmt(gap)} less, because a bid price values only the next room and each further room displaces more valuable business.`
      : `The linear bid-price estimate (rooms × bid price, night by night) agrees: ${fmt(d.linearEstimate)}.`,
  );
  return out;
}

function decisionSentence(decision: GroupEvaluated['decision'], offers: readonly GroupCounterOffer[], p: Prepared, net: number | null): string {
  if (decision === 'accept')
    return `Decision: accept. The group adds ${fmt(net ?? 0)} over the best transient plan.`;
  if (decision === 'reject') {
    return p.counter
      ? `Decision: reject. The group cannot cover the transient business it displaces at any rate up to ${fmt(p.ceiling)} (the highest transient rate), and no smaller block pays its way at ${fmt(p.rate)}.`
      : 'Decision: reject. The group does not cover the transient business it displaces.';
  }
  const parts = offers.map((o) =>
    o.kind === 'rate'
      ? `${fmt(o.rate)} a room-night for ${roomsText(o.roomsPerNight)} (net +${fmt(o.netBenefit)})`
      : `${roomsText(o.roomsPerNight)} at ${fmt(o.rate)} (net +${fmt(o.netBenefit)})`,
  );
  return `Decision: counter-offer: ${parts.join(', or ')}.`;
}
