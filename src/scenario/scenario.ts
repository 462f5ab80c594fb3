/**
 * A what-if scenario as plain JSON, and its variations — validated with zod; every problem is reported
 * with its path (`hotel.ratePlans[1].price: …`), all of them at once (the shape first; once the shape is
 * right, every broken reference: unknown rate plans and segments, duplicate ids, nights out of order).
 *
 * A scenario says: the hotel (rooms, rate plans, segments and how they book, the cost of walking a
 * guest, overbooking), where demand comes from (booking history as of a date, forecast with
 * `forecastProductDemand`; or demand given per stay), the horizon, the policy, and the simulation
 * settings. A variation is a list of declarative changes applied to the scenario; changes combine
 * (applied in order). See `applyVariation.ts` for what each change does.
 */
import { z } from 'zod';
import { makeParser } from '../model/schemas.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'is not a calendar date');
const money = z.number().finite().min(0);
const share = z.number().finite().min(0).max(1);
const factor = z.number().finite().min(0);
const rooms = z.number().int().min(0);

const DemandValue = z.union([
  money,
  z.object({ kind: z.literal('normal'), mean: money, sd: money }),
  z.object({ kind: z.literal('poisson'), mean: money }),
  z.object({ kind: z.literal('negative-binomial'), mean: money, variance: money }),
]);

export const PolicySchema = z.union([
  z.object({ kind: z.enum(['fcfs', 'dlp', 'rlp', 'davn', 'emsrb-per-night', 'dp-decomposition', 'lagrangian', 'dynamic-pricing']), options: z.record(z.string(), z.unknown()).optional() }),
  z.object({ kind: z.literal('module'), module: z.string().min(1), export: z.string().optional(), options: z.unknown().optional() }),
]);

const RatePlan = z.object({
  id: z.string().min(1),
  price: money,
  commission: share.optional(),
  variableCost: money.optional(),
  ancillarySpend: money.optional(),
});

const Segment = z.object({
  ratePlan: z.string().min(1),
  cancellation: share.optional(),
  noShow: share.optional(),
  roomsPerRequest: z.array(share).min(1).optional(),
  bookingCurve: z.array(factor).min(1).optional(),
  buyUpTo: z.array(z.string().min(1)).optional(),
  buyUpProbability: share.optional(),
  /** Future value per room a refusal would lose (value-aware policies: `{ kind: 'dlp', options: { valueAware: true } }`). */
  futureValue: money.optional(),
  /** Cancellation and no-show by lead time (see `HotelSegment.byLead`). */
  byLead: z.array(z.object({ fromLead: z.number().int().min(0), cancellation: share, noShow: share.optional() })).min(1).optional(),
});

export const GroupSchema = z.object({
  id: z.string().optional(),
  arrivalDate: isoDate,
  nights: z.number().int().min(1),
  rooms: z.number().int().min(1),
  rate: money,
  commission: share.optional(),
  variableCost: money.optional(),
  ancillarySpend: money.optional(),
  wash: share.optional(),
  requestDate: isoDate.optional(),
  segment: z.string().optional(),
});

const HistoryDemand = z.object({
  source: z.literal('history'),
  /** The booking CSV (read by the caller: `whatIf` takes the records in `options.history`). */
  file: z.string().min(1).optional(),
  asOf: isoDate,
  horizonDays: z.number().int().min(1).max(365),
  property: z.string().min(1).optional(),
  maxNights: z.number().int().min(1).max(30).optional(),
  window: z.number().int().min(1).optional(),
});

const GivenDemand = z.object({
  source: z.literal('given'),
  asOf: isoDate,
  /** The nights simulated (dates ascending), with rooms already held. */
  nights: z.array(z.object({ date: isoDate, onTheBooks: rooms.optional() })).min(1),
  products: z.array(z.object({ arrivalDate: isoDate, nights: z.number().int().min(1), segment: z.string().min(1), demand: DemandValue })),
});

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    /** Free text: where the numbers come from. */
    description: z.string().optional(),
    hotel: z.object({
      property: z.string().optional(),
      /** Physical rooms. */
      rooms: z.number().int().min(1),
      ratePlans: z.array(RatePlan).min(1),
      segments: z.record(z.string().min(1), Segment),
      walkCost: money.optional(),
      /** Rooms sold above the physical rooms on every night (default 0). */
      overbooking: rooms.optional(),
    }),
    demand: z.discriminatedUnion('source', [HistoryDemand, GivenDemand]),
    policy: PolicySchema,
    groups: z.array(GroupSchema).optional(),
    simulation: z
      .object({
        trajectories: z.number().int().min(1).max(1_000_000).optional(),
        seed: z.number().int().optional(),
        reoptimizations: z.number().int().min(1).optional(),
        level: z.number().gt(0).lt(1).optional(),
        hindsight: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    const plans = new Set<string>();
    s.hotel.ratePlans.forEach((r, i) => {
      if (plans.has(r.id)) ctx.addIssue({ code: 'custom', path: ['hotel', 'ratePlans', i, 'id'], message: `duplicate rate plan ${JSON.stringify(r.id)}` });
      plans.add(r.id);
    });
    for (const [name, seg] of Object.entries(s.hotel.segments)) {
      if (!plans.has(seg.ratePlan))
        ctx.addIssue({ code: 'custom', path: ['hotel', 'segments', name, 'ratePlan'], message: `unknown rate plan ${JSON.stringify(seg.ratePlan)}` });
      seg.buyUpTo?.forEach((id, k) => {
        if (!plans.has(id)) ctx.addIssue({ code: 'custom', path: ['hotel', 'segments', name, 'buyUpTo', k], message: `unknown rate plan ${JSON.stringify(id)}` });
      });
    }
    if (s.demand.source === 'given') {
      const d = s.demand;
      d.products.forEach((p, k) => {
        if (!(p.segment in s.hotel.segments))
          ctx.addIssue({ code: 'custom', path: ['demand', 'products', k, 'segment'], message: `unknown segment ${JSON.stringify(p.segment)} (not in hotel.segments)` });
      });
      d.nights.forEach((n, k) => {
        if (k > 0 && n.date <= d.nights[k - 1]!.date) ctx.addIssue({ code: 'custom', path: ['demand', 'nights', k, 'date'], message: 'nights must be in increasing date order, each once' });
        if (n.date < d.asOf) ctx.addIssue({ code: 'custom', path: ['demand', 'nights', k, 'date'], message: `is before the as-of date ${d.asOf}` });
      });
    }
  });

/** A what-if scenario (the output of `parseScenario`). */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioPolicy = z.infer<typeof PolicySchema>;
export type ScenarioGroup = z.infer<typeof GroupSchema>;

/** One change of a variation. Changes combine: a variation applies its changes in order. */
export const ChangeSchema = z.discriminatedUnion('kind', [
  /** Demand × factor, for one segment or all (0.85 = −15 %). */
  z.object({ kind: z.literal('demand'), factor, segment: z.string().min(1).optional() }),
  /** A rate plan's price × factor, or set to a price. */
  z.object({ kind: z.literal('rate'), ratePlan: z.string().min(1), factor: factor.optional(), price: money.optional() }),
  /** Rooms out of order (negative) or added, on the nights from … to (default all). */
  z.object({ kind: z.literal('capacity'), rooms: z.number().int(), from: isoDate.optional(), to: isoDate.optional() }),
  /** A group block: 'accept' holds it from the start (its contribution counted); 'offer' lets the policy decide. */
  z.object({ kind: z.literal('group'), decision: z.enum(['accept', 'offer']), group: GroupSchema }),
  /** Another policy. */
  z.object({ kind: z.literal('policy'), policy: PolicySchema }),
  /** Overbooking: rooms sold above the physical rooms on every night (0 = off). */
  z.object({ kind: z.literal('overbooking'), rooms }),
  /** Cancellation probability of a segment (or all) set, or × factor. */
  z.object({ kind: z.literal('cancellations'), segment: z.string().min(1).optional(), probability: share.optional(), factor: factor.optional() }),
  /** The policy plans with a wrong forecast (demand × bias × log-normal noise) while true demand is simulated. */
  z.object({ kind: z.literal('forecast-error'), bias: factor.optional(), noise: z.number().finite().min(0).max(3).optional(), seed: z.number().int().optional() }),
  /** A rate plan's commission (a channel's cost), e.g. moving a segment to an OTA. */
  z.object({ kind: z.literal('commission'), ratePlan: z.string().min(1), commission: share }),
]);
export type ScenarioChange = z.infer<typeof ChangeSchema>;

export const VariationSchema = z.object({ name: z.string().min(1), changes: z.array(ChangeSchema) });
export type Variation = z.infer<typeof VariationSchema>;

const [parseScenarioJson, safeParseScenarioJson] = makeParser(ScenarioSchema, '');
const [parseVariationsJson] = makeParser(z.array(VariationSchema), '');

/**
 * Validates a scenario (plain JSON, e.g. `JSON.parse` of a file). Throws a YieldInputError listing every
 * problem with its path; returns the scenario typed.
 * @example
 * import { parseScenario } from 'yieldcraft/scenario';
 * try { parseScenario({ name: 'x' }); } catch (e) { e.issues.map((i) => i.path.join('.')); } // => ['hotel', 'demand', 'policy']
 */
export function parseScenario(json: unknown): Scenario {
  return parseScenarioJson(json) as Scenario;
}

/** The non-throwing form of {@link parseScenario}: `{ success, data }` or `{ success: false, error }`. */
export const safeParseScenario = safeParseScenarioJson;

/** Validates a list of variations (names unique, changes of known kinds). */
export function parseVariations(json: unknown): Variation[] {
  const list = parseVariationsJson(json) as Variation[];
  return list;
}

const [parseChangesJson] = makeParser(z.array(ChangeSchema), 'changes');

/** Validates a list of changes (YieldInputError with each problem's path under `changes`). */
export function parseChanges(json: unknown): ScenarioChange[] {
  return parseChangesJson(json) as ScenarioChange[];
}

/** Demand and nights as `resolveDemand` gives them (validated by `applyVariation`). */
export const ResolvedDemandSchema = z.object({
  asOf: isoDate,
  nights: z.array(z.object({ date: isoDate, onTheBooks: rooms })).min(1),
  products: z.array(z.object({ arrivalDate: isoDate, nights: z.number().int().min(1), segment: z.string().min(1), demand: DemandValue })),
});
