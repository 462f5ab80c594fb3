/**
 * From a scenario, its resolved demand and a variation's changes to the inputs of one simulation: the
 * hotel booking process input (`hotelBookingProcess`), the policy, and what an accepted group brings.
 *
 * What each change does (changes apply in order, so they combine):
 * - `demand` — every forecast row of the segment (or of all) × factor;
 * - `rate` — the rate plan's price × factor, or set; stays of that plan are worth accordingly;
 * - `capacity` — physical rooms ± n on the nights from … to (rooms out of order: negative);
 * - `group` 'accept' — the block's expected pick-up, round(rooms × (1 − wash)), is held from the start
 *   on its nights, and its revenue and contribution are added to every trajectory (wash is taken at its
 *   expectation); 'offer' — the block is asked on its request date and the policy decides;
 * - `policy` — another policy; `overbooking` — rooms on sale = physical + n (0 = off);
 * - `cancellations` — a segment's (or every segment's) cancellation probability set or × factor
 *   (capped at 1 is refused: a factor that takes it above 1 is an error);
 * - `commission` — a rate plan's commission;
 * - `forecast-error` — the policy plans with demand × bias × log-normal noise while the simulated
 *   requests follow the true demand (`forecastErrorPolicy`); biases multiply, the last noise holds.
 * A night whose rooms held already exceed the rooms on sale (oversold in the data, or by an accepted
 * block) sells nothing more and walks the excess at the hotel's walk cost.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { HotelBookingProcessInput, HotelGroupOffer, HotelRatePlan, HotelSegment, HotelStayDemand } from '../simulate/hotelBookingProcess.js';
import type { PolicySpec } from '../simulate/policy.js';
import { fail } from '../internal/validate.js';
import { parseChanges, parseScenario, ResolvedDemandSchema, type Scenario, type ScenarioChange, type ScenarioGroup } from './scenario.js';
import { makeParser } from '../model/schemas.js';

const [parseResolvedDemand] = makeParser(ResolvedDemandSchema, 'demand');
import type { ForecastError } from './forecastErrorPolicy.js';

/** Demand and nights resolved from the scenario's source (history forecast or given). */
export interface ResolvedDemand {
  readonly asOf: string;
  readonly nights: readonly { readonly date: string; readonly onTheBooks: number }[];
  readonly products: readonly HotelStayDemand[];
}

/** One simulation's inputs. */
export interface VariationInputs {
  readonly input: HotelBookingProcessInput;
  readonly policy: PolicySpec;
  /** Revenue and contribution of accepted groups, added to every trajectory (money). */
  readonly fixedRevenue: number;
  readonly fixedContribution: number;
  /** The forecast error the policy plans with (none: undefined). */
  readonly forecastError?: ForecastError;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

function groupNights(g: ScenarioGroup): string[] {
  const a = parseISO(g.arrivalDate);
  return Array.from({ length: g.nights }, (_, k) => iso(addDays(a, k)));
}

/** The inputs of the baseline with `changes` applied (the scenario is not modified). */
export function applyVariation(scenarioInput: Scenario, demandInput: ResolvedDemand, changesInput: readonly ScenarioChange[], path = 'variation'): VariationInputs {
  if (typeof path !== 'string') fail('path', 'must be a string', 'invalid-type');
  const scenario = parseScenario(scenarioInput);
  const demand = parseResolvedDemand(demandInput) as ResolvedDemand;
  const changes = parseChanges(changesInput);
  const ratePlans: HotelRatePlan[] = scenario.hotel.ratePlans.map((r) => ({ ...r }));
  const segments: Record<string, HotelSegment> = Object.fromEntries(Object.entries(scenario.hotel.segments).map(([k, v]) => [k, { ...v }]));
  const nights = demand.nights.map((n) => ({ date: n.date, physical: scenario.hotel.rooms, onTheBooks: n.onTheBooks }));
  let overbooking = scenario.hotel.overbooking ?? 0;
  const factors = new Map<string, number>(); // segment → demand factor ('*' for all)
  let policy = scenario.policy as PolicySpec;
  const offers: HotelGroupOffer[] = (scenario.groups ?? []).map((g) => ({ ...g }));
  let fixedRevenue = 0;
  let fixedContribution = 0;
  const accepted: ScenarioGroup[] = [];
  let forecastError: { bias: number; noise?: number; seed?: number } | undefined;

  changes.forEach((c, k) => {
    const cp = `${path}.changes[${k}]`;
    switch (c.kind) {
      case 'demand':
        if (c.segment !== undefined && !(c.segment in segments)) fail(`${cp}.segment`, `unknown segment ${JSON.stringify(c.segment)}`, 'unknown-reference');
        factors.set(c.segment ?? '*', (factors.get(c.segment ?? '*') ?? 1) * c.factor);
        break;
      case 'rate': {
        const r = ratePlans.find((x) => x.id === c.ratePlan);
        if (!r) fail(`${cp}.ratePlan`, `unknown rate plan ${JSON.stringify(c.ratePlan)}`, 'unknown-reference');
        if ((c.factor === undefined) === (c.price === undefined)) fail(cp, 'give factor or price (one of them)', 'inconsistent');
        (r as { price: number }).price = c.price ?? r.price * c.factor!;
        break;
      }
      case 'commission': {
        const r = ratePlans.find((x) => x.id === c.ratePlan);
        if (!r) fail(`${cp}.ratePlan`, `unknown rate plan ${JSON.stringify(c.ratePlan)}`, 'unknown-reference');
        (r as { commission?: number }).commission = c.commission;
        break;
      }
      case 'capacity':
        for (const n of nights)
          if ((c.from === undefined || n.date >= c.from) && (c.to === undefined || n.date <= c.to)) {
            n.physical += c.rooms;
            if (n.physical < 0) fail(`${cp}.rooms`, `leaves ${n.physical} rooms on ${n.date}`, 'invalid');
          }
        break;
      case 'overbooking':
        overbooking = c.rooms;
        break;
      case 'policy':
        policy = c.policy as PolicySpec;
        break;
      case 'cancellations': {
        if ((c.factor === undefined) === (c.probability === undefined)) fail(cp, 'give probability or factor (one of them)', 'inconsistent');
        const names = c.segment === undefined ? Object.keys(segments) : [c.segment];
        for (const s of names) {
          const seg = segments[s];
          if (!seg) fail(`${cp}.segment`, `unknown segment ${JSON.stringify(s)}`, 'unknown-reference');
          const p = c.probability ?? (seg.cancellation ?? 0) * c.factor!;
          if (p > 1) fail(`${cp}.factor`, `takes the cancellation probability of ${s} to ${p}, above 1`, 'invalid');
          // buckets by lead time (which override the single probability) move the same way
          const byLead = seg.byLead?.map((b) => {
            const q = c.probability ?? b.cancellation * c.factor!;
            if (q > 1 || q + (b.noShow ?? 0) > 1) fail(`${cp}.factor`, `takes the cancellation probability of ${s} at lead ${b.fromLead} to ${q}, which with its no-shows exceeds 1`, 'invalid');
            return { ...b, cancellation: q };
          });
          segments[s] = { ...seg, cancellation: p, ...(byLead ? { byLead } : {}) };
        }
        break;
      }
      case 'forecast-error':
        forecastError = {
          bias: (forecastError?.bias ?? 1) * (c.bias ?? 1),
          noise: c.noise ?? forecastError?.noise,
          seed: c.seed ?? forecastError?.seed,
        };
        break;
      case 'group':
        if (c.decision === 'offer') offers.push({ ...c.group });
        else accepted.push(c.group);
        break;
    }
  });

  for (const g of accepted) {
    const pick = Math.round(g.rooms * (1 - (g.wash ?? 0)));
    const dates = new Set(groupNights(g));
    let used = 0;
    for (const n of nights)
      if (dates.has(n.date)) {
        n.onTheBooks += pick;
        used++;
      }
    const perNight = g.rate * (1 - (g.commission ?? 0)) - (g.variableCost ?? 0) + (g.ancillarySpend ?? 0);
    fixedRevenue += pick * used * g.rate;
    fixedContribution += pick * used * perNight;
  }

  const products = demand.products
    .filter((p) => p.segment in segments)
    .map((p) => {
      const f = (factors.get('*') ?? 1) * (factors.get(p.segment) ?? 1);
      return f === 1 ? p : { ...p, demand: scaleMean(p.demand, f) };
    });
  return {
    input: {
      hotel: {
        nights: nights.map((n) => {
          const authorized = Math.max(n.physical + overbooking, n.onTheBooks);
          return { date: n.date, capacity: n.physical, onTheBooks: n.onTheBooks, authorized };
        }),
        ratePlans,
        segments,
        walkCost: scenario.hotel.walkCost,
      },
      demand: { asOf: demand.asOf, products },
      groups: offers.length ? offers : undefined,
    },
    policy,
    fixedRevenue,
    fixedContribution,
    forecastError,
  };
}

function scaleMean(d: HotelStayDemand['demand'], f: number): HotelStayDemand['demand'] {
  if (typeof d === 'number') return d * f;
  if (d.kind === 'empirical') return d.probabilities.reduce((s, p, k) => s + p * k, 0) * f;
  return d.mean * f;
}
