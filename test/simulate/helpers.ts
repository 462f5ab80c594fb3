/** Shared fixtures of the simulator tests (not a test file). */
import type { NetworkBookingProcess } from '../../src/model/bookingProcess.js';
import { bidPriceControls } from '../../src/control/index.js';
import { YieldInputError } from '../../src/model/errors.js';
import { hotelBookingProcess, type Policy, type SimulationResult } from '../../src/simulate/index.js';

/** A hub network: legs 1→0, 0→2, 0→3; locals and connections; 60 periods; the dear fare arrives late. */
export function hubProcess(): NetworkBookingProcess {
  const products = [
    { id: '1-0', fare: 100, resources: ['1-0'] },
    { id: '0-2', fare: 120, resources: ['0-2'] },
    { id: '0-3', fare: 90, resources: ['0-3'] },
    { id: '1-2', fare: 180, resources: ['1-0', '0-2'] },
    { id: '1-3', fare: 150, resources: ['1-0', '0-3'] },
    { id: '1-2-hi', fare: 400, resources: ['1-0', '0-2'] },
  ];
  const T = 60;
  const p: number[] = [];
  for (let t = 0; t < T; t++) {
    const late = t >= T / 2 ? 1 : 0;
    p.push(0.15, 0.12, 0.1, 0.15, 0.12, 0.08 * late);
  }
  const nP = products.length;
  const demand = products.map((_, j) => p.filter((_, k) => k % nP === j).reduce((a, b) => a + b, 0));
  return {
    network: {
      resources: [
        { id: '1-0', capacity: 8 },
        { id: '0-2', capacity: 6 },
        { id: '0-3', capacity: 5 },
      ],
      products: products.map((q, j) => ({ ...q, demand: demand[j]! })),
    },
    periods: T,
    arrivalProbabilities: p,
  };
}

/** A policy with fixed bid prices (per resource index) and a log of the periods it planned at. */
export function fixedBidPrices(prices: (i: number) => number, log?: { period: number; held: number[] }[]): Policy {
  return {
    name: 'fixed bid prices',
    tieRule: 'value = Σ π: accepted',
    plan(ctx) {
      log?.push({ period: ctx.period, held: Array.from(ctx.held) });
      const n = ctx.controlsNetwork();
      return bidPriceControls(n, Object.fromEntries(n.resources.map((r, i) => [r.id, prices(i)])), { ties: 'accept' });
    },
  };
}

/** Every numeric leaf of a result, for "no NaN anywhere". */
export function numbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) x.forEach((v) => numbers(v, out));
  else if (x !== null && typeof x === 'object') Object.values(x).forEach((v) => numbers(v, out));
  return out;
}

/** The result without wall-clock times. */
export function withoutTimes(r: SimulationResult): unknown {
  return { ...r, policies: r.policies.map(({ ms: _ms, ...rest }) => rest) };
}

/** The path of the YieldInputError an async call rejects with (undefined when it resolves); other errors propagate. */
export async function rejectionPath(f: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await f();
  } catch (e) {
    if (e instanceof YieldInputError) return e.path;
    throw e;
  }
  return undefined;
}

/** A small hotel with every feature: three nights, three segments, cancellations, no-shows, buy-up, a group, overbooking. */
export const smallHotel = () =>
  hotelBookingProcess({
    hotel: {
      nights: [
        { date: '2026-06-05', capacity: 12, authorized: 13 },
        { date: '2026-06-06', capacity: 12, authorized: 13, onTheBooks: 2 },
        { date: '2026-06-07', capacity: 12 },
      ],
      ratePlans: [
        { id: 'BAR', price: 150 },
        { id: 'ADV', price: 110 },
        { id: 'OTA', price: 130, commission: 0.18 },
      ],
      segments: {
        Direct: { ratePlan: 'BAR', cancellation: 0.1, noShow: 0.05 },
        Leisure: { ratePlan: 'ADV', cancellation: 0.05, buyUpTo: ['BAR'], buyUpProbability: 0.4, roomsPerRequest: [0.8, 0.2] },
        Online: { ratePlan: 'OTA', cancellation: 0.3, noShow: 0.08, bookingCurve: [3, 2, 2, 1, 1, 1, 1, 1, 1, 1] },
      },
      walkCost: 220,
    },
    demand: {
      asOf: '2026-05-28',
      products: [
        { arrivalDate: '2026-06-05', nights: 2, segment: 'Direct', demand: 5 },
        { arrivalDate: '2026-06-05', nights: 1, segment: 'Leisure', demand: 7 },
        { arrivalDate: '2026-06-06', nights: 2, segment: 'Online', demand: 8 },
        { arrivalDate: '2026-06-06', nights: 1, segment: 'Leisure', demand: 6 },
        { arrivalDate: '2026-06-07', nights: 1, segment: 'Direct', demand: 6 },
        { arrivalDate: '2026-06-07', nights: 3, segment: 'Online', demand: 4 },
      ],
    },
    groups: [{ arrivalDate: '2026-06-06', nights: 2, rooms: 5, rate: 95, wash: 0.3, requestDate: '2026-05-30' }],
  });

