/**
 * The default job of the `yieldcraft` command: should a hotel accept a tour group's block for one night
 * at a discounted rate now, or hold the rooms for transient guests (business travellers, leisure) who may
 * pay more later?
 *
 * Everything is decided on contribution (price net of commission, minus the variable cost of the room,
 * plus ancillary spend), not on price. The group books first; transient demand arrives later, cheapest
 * class first, and is controlled with EMSR-b protection levels (Belobaba 1992). The value of holding g
 * rooms back from the transients is then computed exactly with the static model:
 *
 *   displacement(g) = R(C) − R(C − g),   R(c) = exact expected transient contribution with c rooms
 *                                          under the EMSR-b nested policy (Talluri & van Ryzin 2004, §2.2)
 *
 * The group is worth g·c_group. Accept the whole block when 40·c_group ≥ displacement(40); otherwise the
 * best counter-offer is the number of rooms g* that maximises g·c_group − displacement(g), or the whole
 * block at the minimum acceptable rate (the rate at which the group's contribution equals the
 * displacement). Reference: Phillips (2005), §6.5 (group evaluation by displacement cost); Talluri & van
 * Ryzin (2004), §10.2 (group bookings).
 */
import { contribution, type ContributionInput } from '../model/contribution.js';
import type { Demand, FareClass } from '../model/demand.js';
import { emsrB } from '../optimize/singleResource/emsrB.js';
import { expectedRevenue } from '../optimize/singleResource/expectedRevenue.js';
import { array, fail, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';
import { validateDemand } from '../model/demand.js';

export interface TransientSegment extends ContributionInput {
  readonly id: string;
  readonly channel: string;
  readonly demand: Demand;
}

export interface GroupRequest extends ContributionInput {
  readonly id: string;
  readonly channel: string;
  readonly rooms: number;
}

export interface OneNightGroupInput {
  readonly night: string;
  readonly capacity: number;
  readonly transients: readonly TransientSegment[];
  readonly group: GroupRequest;
}

export interface OneNightGroupResult {
  readonly transients: readonly { readonly id: string; readonly contribution: number }[];
  readonly groupContribution: number;
  /** EMSR-b protection levels y_1..y_n for the transient classes against the group (cumulative). */
  readonly protectionLevels: readonly number[];
  /** Rooms EMSR-b would sell to the group: C − y_n, rounded down. */
  readonly roomsAvailableToGroup: number;
  /** Expected transient contribution with the whole house, and with the block taken out. */
  readonly transientValueFull: number;
  readonly transientValueWithBlock: number;
  readonly displacementCost: number;
  readonly groupValue: number;
  /** Group contribution per room at which the block breaks even, and the rate that gives it. */
  readonly minimumContributionPerRoom: number;
  readonly minimumRate: number;
  /** Rate at which taking the whole block is at least as good as the best partial block. */
  readonly wholeBlockRate: number;
  /** Rooms that maximise group value − displacement (0..rooms). */
  readonly bestRooms: number;
  readonly bestNetGain: number;
  readonly decision: 'accept' | 'reject' | 'counter-offer';
  readonly reasons: readonly string[];
}

/** The bundled default: a 150-room city hotel, Saturday night, a 40-room tour group. */
export const DEFAULT_ONE_NIGHT: OneNightGroupInput = {
  night: '2026-03-14',
  capacity: 150,
  transients: [
    { id: 'Business', channel: 'direct', price: 240, variableCost: 32, ancillarySpend: 28, demand: { kind: 'normal', mean: 55, sd: 16 } },
    { id: 'Leisure', channel: 'OTA', price: 185, commission: 0.18, variableCost: 32, ancillarySpend: 12, demand: { kind: 'normal', mean: 62, sd: 20 } },
  ],
  group: { id: 'Tour group', channel: 'tour operator', rooms: 40, price: 119, commission: 0.1, variableCost: 32, ancillarySpend: 18 },
};

export function oneNightGroupDecision(input: OneNightGroupInput): OneNightGroupResult {
  object(input, 'input');
  const C = nonNegativeInteger(input.capacity, 'capacity');
  object(input.group, 'group');
  const g = positiveInteger(input.group.rooms, 'group.rooms');
  if (g > C) fail('group.rooms', `asks for ${g} rooms but the night has ${C}`);
  // Validate each transient here, so errors name `transients[i]…` (not the sorted class list below).
  const trans = array<TransientSegment>(input.transients, 'transients').map((s, i) => {
    const path = `transients[${i}]`;
    object(s, path);
    validateDemand(s.demand, `${path}.demand`);
    const c = contributionAt(s, path);
    if (c < 0) fail(`${path}.price`, `gives a negative contribution (${c}) per room: a segment that loses money on every sale cannot be a transient class`);
    return { id: s.id, contribution: c };
  });
  const groupC = contributionAt(input.group, 'group');
  // Transient classes ordered high → low by contribution (the optimizers' convention).
  const order = trans.map((_, i) => i).sort((a, b) => trans[b]!.contribution - trans[a]!.contribution);
  const classes: FareClass[] = order.map((i) => ({ id: trans[i]!.id, fare: trans[i]!.contribution, demand: input.transients[i]!.demand }));
  const withGroup: FareClass[] = [...classes, { id: input.group.id, fare: Math.max(0, groupC), demand: { kind: 'poisson', mean: g } }];
  const levels = emsrB(withGroup).protectionLevels;
  const yn = levels[levels.length - 1] ?? 0;
  // No transient segments: nothing to displace.
  const transientLevels = classes.length > 0 ? emsrB(classes).protectionLevels : [];
  const R = (c: number) => (classes.length > 0 ? expectedRevenue(transientLevels, classes, c) : 0);
  const full = R(C);
  // D[k] = displacement of k rooms, k = 0..g.
  const D = new Float64Array(g + 1);
  let best = 0;
  let bestGain = 0;
  for (let k = 1; k <= g; k++) {
    D[k] = full - R(C - k);
    const gain = k * groupC - D[k]!;
    if (gain > bestGain + 1e-9) {
      best = k;
      bestGain = gain;
    }
  }
  const displacementAll = D[g]!;
  const groupValue = g * groupC;
  const minContribution = displacementAll / g;
  // The whole block is the best choice at contribution c' iff g·c' − D(g) ≥ k·c' − D(k) for every k < g,
  // i.e. c' ≥ max_k (D(g) − D(k)) / (g − k): with D convex, the displacement of the block's last room.
  let wholeBlockContribution = 0;
  for (let k = 0; k < g; k++) wholeBlockContribution = Math.max(wholeBlockContribution, (displacementAll - D[k]!) / (g - k));
  const minimumRate = rateFor(minContribution, input.group, g);
  const wholeBlockRate = rateFor(wholeBlockContribution, input.group, g);
  const decision = best === g ? 'accept' : best === 0 ? 'reject' : 'counter-offer';
  const money = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const reasons: string[] = [
    `EMSR-b protects ${yn.toFixed(1)} of ${C} rooms for the transient segments against the group's ${groupC.toFixed(2)} contribution per room, leaving ${Math.max(0, Math.floor(C - yn + 1e-9))} for the group.`,
    `Taking ${g} rooms out lowers the expected transient contribution from ${money(full)} to ${money(full - displacementAll)}: a displacement cost of ${money(displacementAll)}.`,
    `The block brings ${g} × ${groupC.toFixed(2)} = ${money(groupValue)} of contribution${groupValue >= displacementAll ? `, ${money(groupValue - displacementAll)} more than it displaces` : `, ${money(displacementAll - groupValue)} less than it displaces`}.`,
  ];
  if (decision === 'accept') reasons.push(`Accept the block: every one of its rooms is worth more than the later demand it displaces.`);
  else if (decision === 'counter-offer')
    reasons.push(
      `The last rooms of the block displace more than they earn: ${best} rooms at the asked rate gain ${money(bestGain)} against ${money(groupValue - displacementAll)} for all ${g}.`,
      `Counter-offer ${best} rooms at the asked rate, or all ${g} rooms at ${wholeBlockRate.toFixed(2)} or more per room-night (below ${minimumRate.toFixed(2)} the whole block loses money).`,
    );
  else reasons.push(`Reject: every room given to the group displaces more than it earns; the block would need at least ${minimumRate.toFixed(2)} per room-night.`);
  return {
    transients: trans,
    groupContribution: groupC,
    protectionLevels: levels,
    roomsAvailableToGroup: Math.max(0, Math.floor(C - yn + 1e-9)),
    transientValueFull: full,
    transientValueWithBlock: full - displacementAll,
    displacementCost: displacementAll,
    groupValue,
    minimumContributionPerRoom: minContribution,
    minimumRate,
    wholeBlockRate,
    bestRooms: best,
    bestNetGain: bestGain,
    decision,
    reasons,
  };
}

/** Inverts contribution = rate·(1 − commission) − fee/rooms − cost + ancillary for the rate. */
function rateFor(c: number, s: ContributionInput, rooms: number): number {
  const k = 1 - (s.commission ?? 0);
  if (k <= 0) return Infinity;
  return (c + (s.feePerBooking ?? 0) / rooms + (s.variableCost ?? 0) - (s.ancillarySpend ?? 0)) / k;
}

function contributionAt(s: ContributionInput, path: string): number {
  try {
    return contribution(s);
  } catch (e) {
    if (e instanceof Error && 'path' in e) fail(`${path}.${(e as { path: string }).path}`, e.message.replace(/^[^:]*: /, ''));
    throw e;
  }
}
