import { array, fail, join, nonNegative, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';
import { historyAsOf } from '../history/historyAsOf.js';
import { parseEpochDay } from '../history/epochDay.js';
import { fromEpochDay } from '../history/epochDay.js';
import { bookingTable, STATUS_ACTIVE, STATUS_CANCELLED, STATUS_NO_SHOW, type BookingTable } from '../history/bookingTable.js';
import { accountOf, checkCustomerFields, type CustomerRecord } from './customerRecord.js';
import {
  BOOKING_ECONOMICS_DEFAULTS,
  contributionPerRoomNight,
  economics,
  type BookingEconomicsOptions,
  type Economics,
} from './bookingEconomics.js';

/** Whose value: accounts (Markov recency model) or guests of a group (geometric repeat model). */
export type CustomerValueBy = 'account' | 'company' | 'agent' | 'segment' | 'channel' | 'customerType';

export interface CustomerValueOptions extends BookingEconomicsOptions {
  readonly asOf: string;
  readonly discountRate?: number;
  readonly by?: CustomerValueBy;
  readonly keys?: readonly string[];
  readonly since?: string;
  /** How far ahead value is counted, days (whole ≥ 1). */
  readonly horizonDays?: number;
  /** Accounts: the period length, days (whole ≥ 1). */
  readonly periodDays?: number;
  /** Accounts: the last recency state K ("K or more periods since last active"), whole ≥ 1. */
  readonly maxRecency?: number;
  /** Accounts: the weight n₀ (in account-periods) of the pooled p_0 in each account's own repeat probability. */
  readonly priorStrength?: number;
  /** Guests: the assumed time between two stays of a returning guest, days (whole ≥ 1). */
  readonly repeatIntervalDays?: number;
  /** Guests: tiers of earlier stays 0..M; guests with more share the repeat probability of tier M. */
  readonly maxPreviousStays?: number;
}

/** Defaults of {@link customerValue} (and the cost model of {@link BOOKING_ECONOMICS_DEFAULTS}). */
export const CUSTOMER_VALUE_DEFAULTS = {
  ...BOOKING_ECONOMICS_DEFAULTS,
  discountRate: 0.1,
  by: 'account',
  horizonDays: 1095,
  periodDays: 30,
  maxRecency: 4,
  priorStrength: 2,
  repeatIntervalDays: 365,
  maxPreviousStays: 5,
} as const;

/** One recency state of the account model and its estimated repeat probability. */
export interface RecencyTransition {
  /** Periods since last active (the last state means "this many or more"). */
  readonly recency: number;
  /** Account-periods observed in this state, and how many were followed by an active period. */
  readonly observed: number;
  readonly repeated: number;
  /** repeated ÷ observed; a state never observed takes the probability of the state before it. */
  readonly probability: number;
}

/** The fitted account model: its inputs and estimates. */
export interface AccountValueModel {
  readonly kind: 'recency-markov-chain';
  readonly asOf: string;
  readonly since: string;
  readonly periodDays: number;
  readonly periods: number;
  readonly horizonPeriods: number;
  readonly discountRate: number;
  /** δ = (1 + d)^(−periodDays/365). */
  readonly periodDiscountFactor: number;
  readonly transitions: readonly RecencyTransition[];
  /** Mean net contribution per booking over all accounts' bookings with a known outcome. */
  readonly meanNetContributionPerBooking: number;
}

/** One tier of the guest model: guests on a stay with `previousStays` earlier ones. */
export interface GuestTier {
  readonly previousStays: number;
  /** Stays in the tier (exactly this many earlier stays; the last tier: this many or more). */
  readonly stays: number;
  readonly repeatProbability: number;
  readonly expectedFutureStays: number;
  readonly expectedContribution: number;
  readonly value: number;
}

/** The fitted guest model: its inputs. */
export interface GuestValueModel {
  readonly kind: 'geometric-repeat';
  readonly asOf: string;
  readonly since: string;
  readonly by: 'segment' | 'channel' | 'customerType';
  readonly discountRate: number;
  readonly repeatIntervalDays: number;
  readonly maxFutureStays: number;
  /** δ = (1 + d)^(−repeatIntervalDays/365). */
  readonly repeatDiscountFactor: number;
  readonly maxPreviousStays: number;
}

/** The value of one account or group, with the inputs it was computed from. */
export interface CustomerValue {
  readonly key: string;
  /** P(the customer books again in the next period) (accounts), or q_0 (a new guest of the group). */
  readonly repeatProbability: number;
  /** Expected future stays over the horizon (accounts: bookings), undiscounted. */
  readonly expectedFutureStays: number;
  /** Expected future net contribution over the horizon, undiscounted (money). */
  readonly expectedContribution: number;
  /** The same, discounted to `asOf` (money): the customer value. */
  readonly value: number;
  /** Net contribution per booking (stays earn, late cancellations and no-shows cost). */
  readonly netContributionPerBooking: number;
  /** Bookings with a known outcome behind it. */
  readonly bookings: number;
  /** Accounts: periods since last active at `asOf`, active periods, periods observed, bookings per active period. */
  readonly recency?: number;
  readonly activePeriods?: number;
  readonly periodsObserved?: number;
  readonly bookingsPerActivePeriod?: number;
  /** Accounts: the account's own probability of being active again after an active period,
   *  (repeats + n₀·p_0) ÷ (chances + n₀) — the beta-binomial posterior mean (empirical Bayes). */
  readonly ownRepeatProbability?: number;
  /** Accounts: P(active in period h), h = 1..H. */
  readonly activeProbabilities?: readonly number[];
  /** Guests: every tier of earlier stays. */
  readonly tiers?: readonly GuestTier[];
}

export type CustomerValueResult =
  | { readonly status: 'ok'; readonly model: AccountValueModel | GuestValueModel; readonly values: readonly CustomerValue[] }
  | {
      readonly status: 'insufficient-history';
      readonly model: AccountValueModel | GuestValueModel;
      readonly values: readonly CustomerValue[];
      readonly reason: string;
    };

const BY = ['account', 'company', 'agent', 'segment', 'channel', 'customerType'] as const;
const collator = new Intl.Collator('en', { numeric: true });

/** Validated options. @internal */
export interface ValueSettings {
  readonly asOf: string;
  readonly asOfDay: number;
  readonly sinceDay: number | undefined;
  readonly discountRate: number;
  readonly by: CustomerValueBy;
  readonly keys: readonly string[] | undefined;
  readonly horizonDays: number;
  readonly periodDays: number;
  readonly maxRecency: number;
  readonly repeatIntervalDays: number;
  readonly maxPreviousStays: number;
  readonly priorStrength: number;
  readonly economics: Economics;
}

/** Validates the options of customerValue (paths `options.discountRate`, …). @internal */
export function valueSettings(options: CustomerValueOptions): ValueSettings {
  const o = object(options, 'options');
  if (typeof o.asOf !== 'string') fail('options.asOf', `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`, 'invalid-type');
  const asOfDay = parseEpochDay(o.asOf);
  if (Number.isNaN(asOfDay)) fail('options.asOf', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  let sinceDay: number | undefined;
  if (o.since !== undefined) {
    sinceDay = parseEpochDay(o.since);
    if (Number.isNaN(sinceDay)) fail('options.since', `must be an ISO calendar date YYYY-MM-DD, got ${JSON.stringify(o.since)}`);
    if (sinceDay >= asOfDay) fail('options.since', `must be before asOf ${o.asOf as string}, got ${o.since as string}`, 'inconsistent');
  }
  let discountRate: number = CUSTOMER_VALUE_DEFAULTS.discountRate;
  if (o.discountRate !== undefined) {
    if (typeof o.discountRate !== 'number') fail('options.discountRate', `must be a number, got ${typeof o.discountRate}`, 'invalid-type');
    if (!(o.discountRate >= 0 && o.discountRate < 1))
      fail('options.discountRate', `must be an annual rate in [0, 1), got ${String(o.discountRate)}`);
    discountRate = o.discountRate;
  }
  const by = (o.by ?? CUSTOMER_VALUE_DEFAULTS.by) as CustomerValueBy;
  if (!(BY as readonly unknown[]).includes(by)) fail('options.by', `must be one of ${BY.join(', ')}, got ${JSON.stringify(by)}`);
  let keys: readonly string[] | undefined;
  if (o.keys !== undefined) {
    keys = array<string>(o.keys, 'options.keys');
    keys.forEach((k, i) => {
      if (typeof k !== 'string' || k === '') fail(join('options.keys', i), 'must be a non-empty string', 'invalid-type');
    });
  }
  const int = (k: keyof typeof CUSTOMER_VALUE_DEFAULTS & string, min: 0 | 1): number => {
    const v = o[k];
    if (v === undefined) return CUSTOMER_VALUE_DEFAULTS[k] as number;
    return min === 1 ? positiveInteger(v, join('options', k)) : nonNegativeInteger(v, join('options', k));
  };
  return {
    asOf: o.asOf as string,
    asOfDay,
    sinceDay,
    discountRate,
    by,
    keys,
    horizonDays: int('horizonDays', 1),
    periodDays: int('periodDays', 1),
    maxRecency: int('maxRecency', 1),
    repeatIntervalDays: int('repeatIntervalDays', 1),
    maxPreviousStays: int('maxPreviousStays', 0),
    priorStrength: o.priorStrength === undefined ? CUSTOMER_VALUE_DEFAULTS.priorStrength : nonNegative(o.priorStrength, 'options.priorStrength'),
    economics: economics(options, 'options'),
  };
}

/** Net contribution of row i of a table (0 for an active booking): stays earn, late cancellations and no-shows cost. */
export function netContributionOf(e: Economics, table: BookingTable, i: number): number {
  const r = table.records[i] as CustomerRecord;
  const status = table.status[i] as number;
  if (status === STATUS_ACTIVE) return 0;
  const units = (table.rooms[i] as number) * (table.nights[i] as number);
  const perNight = contributionPerRoomNight(e, r.rate, r.channel);
  if (status === STATUS_CANCELLED) {
    const notice = (table.arrivalDay[i] as number) - (table.knownDay[i] as number);
    return notice < e.lateCancellationDays ? -units * perNight : 0;
  }
  if (status === STATUS_NO_SHOW) return -units * perNight * e.noShowLossShare;
  return units * perNight + (r.ancillarySpend ?? 0);
}

function keyOf(r: CustomerRecord, by: CustomerValueBy): string | undefined {
  switch (by) {
    case 'account':
      return accountOf(r);
    case 'company':
      return r.company === undefined ? undefined : `company:${r.company}`;
    case 'agent':
      return r.agent === undefined ? undefined : `agent:${r.agent}`;
    default:
      return r[by];
  }
}

/**
 * Customer value: the expected future contribution of an account (a company, a travel agent), or of a
 * guest of a segment, channel or customer type, from repeat behaviour — how likely the customer is to
 * come back, how many stays to expect, what they earn after commission, variable cost and expected
 * cancellation cost, discounted to `asOf`. Fitted only on what was known at the start of `asOf`
 * (`historyAsOf`), so that it can be checked on what happened next ({@link customerValueBacktest}).
 *
 * **Accounts** (`by: 'account' | 'company' | 'agent'`): a Markov chain on recency (Pfeifer & Carraway
 * 2000, "Modeling customer relationships as Markov chains", J. Interactive Marketing 14(2), 43–55; the
 * migration model of Berger & Nasr 1998, "Customer lifetime value: marketing models and
 * applications", J. Interactive Marketing 12(1), 17–30, case 5). Time runs in periods of `periodDays`
 * ending at `asOf`; an account is *active* in a period when a booking of it arrives in the period. Its
 * state is its recency k = periods since it was last active (0 = active in the latest period), capped
 * at K = `maxRecency` ("K or more"). The chance of being active in the next period depends on k only:
 *
 *   p_k = (account-periods in state k followed by an active period) ÷ (account-periods in state k)
 *
 * pooled over every account of the kind and every period since the account's first activity (from
 * `since`). Accounts differ (a tour operator that fills the hotel every month is not a company that
 * booked once), so in state 0 each account u uses its own estimate, shrunk towards the pooled one
 * (empirical Bayes with a beta prior of mean p_0 and weight n₀ = `priorStrength`; the beta-binomial
 * heterogeneity of Fader, Hardie & Shang 2010, Marketing Science 29(6), 1086–1108):
 *
 *   p_0(u) = (repeats_u + n₀·p_0) ÷ (chances_u + n₀)
 *
 * From state k an account moves to 0 with probability p_k (p_0(u) for k = 0), else to min(k + 1, K). Starting
 * from the account's state at `asOf`, P_h = P(active in period h), h = 1..H, H = ⌊horizonDays ÷
 * periodDays⌋, and
 *
 *   value = Σ_h P_h · m · δ^h,   δ = (1 + d)^(−periodDays/365),   m = b · c
 *
 * with d the annual `discountRate` ∈ [0, 1), b the account's bookings per active period and c its net
 * contribution per booking (stays earn their contribution, late cancellations and no-shows cost theirs:
 * the model of `segmentProfitability`) over its bookings whose outcome is known; an account with no
 * known outcome yet takes the mean c of all accounts. A period's contribution is discounted from the
 * end of the period. `repeatProbability` = P_1.
 *
 * **Guests** (`by: 'segment' | 'channel' | 'customerType'`): the data set has no guest id, only each
 * booking's count of the guest's earlier stays j (`previousStays`). A geometric repeat model with
 * discounting (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing 17(1), 9–24,
 * eq. 2: CLV = Σ_t m·r^t/(1 + d)^t) with the retention r read off the tiers: among the stays of a group,
 * let N_j = stays whose guest had j or more earlier stays; then
 *
 *   q_j = N_{j+1} ÷ N_j   (the chance that a guest on stay j + 1 comes back for another)
 *
 * which equals the constant repeat probability r of the geometric model when the guest flow is steady
 * (each stay begets another with probability r, so the stays with ≥ j earlier ones fall off as r^j).
 * Tiers above `maxPreviousStays` share q of the last tier. A guest on a stay with j earlier stays is
 * then expected to make S = Σ_{n≥1} Π_{i<n} q_{j+i} more stays (n up to ⌊horizonDays ÷
 * repeatIntervalDays⌋), one every `repeatIntervalDays` (the data cannot tell the interval: an
 * assumption, default a year), worth m = the group's net contribution per booking, discounted by
 * (1 + d)^(−n·repeatIntervalDays/365). The group's row is a new guest (j = 0); `tiers` has every j.
 *
 * @param records - booking records with accounts and guest history ({@link CustomerRecord}); never modified
 * @param options.asOf - ISO date: fit on what was known at the start of this day; value from here on
 * @param options.discountRate - annual discount rate d in [0, 1) (default 0.1)
 * @param options.by - 'account' (default: companies and agents, keys `company:40`, `agent:9`),
 *   'company', 'agent', 'segment', 'channel' or 'customerType'
 * @param options.keys - only these accounts or groups (an unknown key is an error)
 * @param options.since - ISO date: the first day of history to use (default: the earliest arrival);
 *   set it where the data starts being complete (the hotel data: 2015-07-01)
 * @returns `{ status, model, values }`; `status: 'insufficient-history'` (with no values) when no
 *   account-period or no stay with a known guest history lies in the window
 * @example
 * import { customerValue } from 'yieldcraft/customer';
 * // Account 40 books every quarter, account 7 once: p_0 is 3 repeats out of 4 chances.
 * const stay = (arrivalDate: string, company: string) => ({ bookingDate: '2015-12-01', arrivalDate,
 *   nights: 1, rooms: 1, segment: 'Corporate', channel: 'Corporate', rate: 125, status: 'stayed' as const,
 *   company });
 * const r = customerValue(
 *   [stay('2016-01-10', '40'), stay('2016-04-10', '40'), stay('2016-07-10', '40'), stay('2016-10-10', '40'),
 *    stay('2016-01-12', '7')],
 *   { asOf: '2016-12-31', since: '2016-01-01', periodDays: 91, maxRecency: 1, discountRate: 0,
 *     horizonDays: 91, priorStrength: 0 });
 * r.model.transitions.map((t) => t.probability); // => [0.75, 0]   (pooled: state 0, state 1)
 * r.values.map((v) => [v.key, v.repeatProbability, v.value]);
 * // => [['company:7', 0, 0], ['company:40', 1, 100]]   (40 repeated 3 times out of 3; 125 − 25 = 100)
 */
export function customerValue(records: readonly CustomerRecord[], options: CustomerValueOptions): CustomerValueResult {
  const s = valueSettings(options);
  // historyAsOf validates the booking fields of every record (naming records[i]); the customer fields here.
  const known = historyAsOf(records, s.asOf) as CustomerRecord[];
  checkCustomerFields(records);
  const table = bookingTable(known);
  return s.by === 'account' || s.by === 'company' || s.by === 'agent' ? accountValues(table, s) : guestValues(table, s);
}

/** The account model's fit, exposed for the backtest. @internal */
export interface AccountFit {
  readonly model: AccountValueModel;
  readonly values: CustomerValue[];
}

function checkKeys(keys: readonly string[] | undefined, present: ReadonlySet<string>, what: string): void {
  if (keys === undefined) return;
  keys.forEach((k, i) => {
    if (!present.has(k))
      fail(join('options.keys', i), `unknown ${what} ${JSON.stringify(k)}: no booking of it arrives in the history before asOf`, 'unknown-reference');
  });
}

function accountValues(table: BookingTable, s: ValueSettings): CustomerValueResult {
  const P = s.periodDays;
  const K = s.maxRecency;
  const e = s.economics;
  // Only arrivals before asOf count as activity.
  let first = Infinity;
  for (let i = 0; i < table.length; i++) {
    const a = table.arrivalDay[i] as number;
    if (a < s.asOfDay && a < first) first = a;
  }
  const sinceDay = s.sinceDay ?? (Number.isFinite(first) ? first : s.asOfDay - P);
  const T = Math.floor((s.asOfDay - sinceDay) / P); // whole periods in the window
  const start = s.asOfDay - T * P; // the first period's first day
  const H = Math.floor(s.horizonDays / P);
  const delta = Math.pow(1 + s.discountRate, -P / 365);

  interface Acct {
    active: Uint8Array;
    firstPeriod: number;
    bookingsInWindow: number;
    knownBookings: number;
    net: number;
    observed0: number;
    repeated0: number;
  }
  const accounts = new Map<string, Acct>();
  let allNet = 0;
  let allKnown = 0;
  for (let i = 0; i < table.length; i++) {
    const r = table.records[i] as CustomerRecord;
    const key = keyOf(r, s.by);
    if (key === undefined) continue;
    const a = table.arrivalDay[i] as number;
    if (a < start || a >= s.asOfDay || T === 0) continue;
    const t = Math.floor((a - start) / P);
    let acct = accounts.get(key);
    if (acct === undefined) {
      acct = { active: new Uint8Array(T), firstPeriod: t, bookingsInWindow: 0, knownBookings: 0, net: 0, observed0: 0, repeated0: 0 };
      accounts.set(key, acct);
    }
    acct.active[t] = 1;
    if (t < acct.firstPeriod) acct.firstPeriod = t;
    acct.bookingsInWindow++;
    if ((table.status[i] as number) !== STATUS_ACTIVE) {
      const net = netContributionOf(e, table, i);
      acct.knownBookings++;
      acct.net += net;
      allNet += net;
      allKnown++;
    }
  }
  checkKeys(s.keys, new Set(accounts.keys()), 'account');

  // Pool the recency transitions.
  const observed = new Float64Array(K + 1);
  const repeated = new Float64Array(K + 1);
  const recencyAt = new Map<string, number>();
  for (const [key, acct] of accounts) {
    let k = 0;
    for (let t = acct.firstPeriod; t < T; t++) {
      k = acct.active[t] === 1 ? 0 : Math.min(k + 1, K);
      if (t + 1 < T) {
        observed[k]!++;
        if (acct.active[t + 1] === 1) repeated[k]!++;
        if (k === 0) {
          acct.observed0++;
          if (acct.active[t + 1] === 1) acct.repeated0++;
        }
      }
    }
    recencyAt.set(key, k);
  }
  const transitions: RecencyTransition[] = [];
  const p = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) {
    p[k] = observed[k]! > 0 ? repeated[k]! / observed[k]! : k > 0 ? p[k - 1]! : 0;
    transitions.push({ recency: k, observed: observed[k]!, repeated: repeated[k]!, probability: p[k]! });
  }
  const meanNet = allKnown > 0 ? allNet / allKnown : 0;
  const model: AccountValueModel = {
    kind: 'recency-markov-chain',
    asOf: s.asOf,
    since: fromEpochDay(start),
    periodDays: P,
    periods: T,
    horizonPeriods: H,
    discountRate: s.discountRate,
    periodDiscountFactor: delta,
    transitions,
    meanNetContributionPerBooking: meanNet,
  };
  if (observed[0] === 0)
    return {
      status: 'insufficient-history',
      model,
      values: [],
      reason: `no account was active in a period followed by another period before ${s.asOf} (${T} whole periods of ${P} days since ${fromEpochDay(start)})`,
    };

  const keys = s.keys ?? [...accounts.keys()].sort(collator.compare);
  const values: CustomerValue[] = [];
  const dist = new Float64Array(K + 1);
  const next = new Float64Array(K + 1);
  for (const key of keys) {
    const acct = accounts.get(key) as Acct;
    const k0 = recencyAt.get(key) as number;
    let activePeriods = 0;
    for (let t = acct.firstPeriod; t < T; t++) activePeriods += acct.active[t]!;
    const b = acct.bookingsInWindow / activePeriods;
    const c = acct.knownBookings > 0 ? acct.net / acct.knownBookings : meanNet;
    const m = b * c;
    // The account's own repeat probability from state 0, shrunk to the pooled one (beta prior, mean p_0, strength n₀).
    const n0 = s.priorStrength;
    const own0 = acct.observed0 + n0 > 0 ? (acct.repeated0 + n0 * p[0]!) / (acct.observed0 + n0) : p[0]!;
    const pu = Float64Array.from(p);
    pu[0] = own0;
    dist.fill(0);
    dist[k0] = 1;
    const probs: number[] = [];
    let expectedActive = 0;
    let discounted = 0;
    let df = 1;
    for (let h = 1; h <= H; h++) {
      next.fill(0);
      let pa = 0;
      for (let k = 0; k <= K; k++) {
        const w = dist[k]!;
        if (w === 0) continue;
        pa += w * pu[k]!;
        next[Math.min(k + 1, K)]! += w * (1 - pu[k]!);
      }
      next[0]! += pa;
      dist.set(next);
      df *= delta;
      probs.push(pa);
      expectedActive += pa;
      discounted += pa * df;
    }
    values.push({
      key,
      repeatProbability: pu[k0]!,
      ownRepeatProbability: own0,
      expectedFutureStays: expectedActive * b,
      expectedContribution: expectedActive * m,
      value: discounted * m,
      netContributionPerBooking: c,
      bookings: acct.knownBookings,
      recency: k0,
      activePeriods,
      periodsObserved: T - acct.firstPeriod,
      bookingsPerActivePeriod: b,
      activeProbabilities: probs,
    });
  }
  return { status: 'ok', model, values };
}

function guestValues(table: BookingTable, s: ValueSettings): CustomerValueResult {
  const by = s.by as 'segment' | 'channel' | 'customerType';
  const M = s.maxPreviousStays;
  const e = s.economics;
  const delta = Math.pow(1 + s.discountRate, -s.repeatIntervalDays / 365);
  const maxFuture = Math.floor(s.horizonDays / s.repeatIntervalDays);
  let first = Infinity;
  for (let i = 0; i < table.length; i++) first = Math.min(first, table.arrivalDay[i] as number);
  const sinceDay = s.sinceDay ?? (Number.isFinite(first) ? first : s.asOfDay - 1);
  interface Group {
    tier: Float64Array; // stays with exactly j earlier (last: ≥ M)
    known: number;
    net: number;
  }
  const groups = new Map<string, Group>();
  let anyTier = false;
  for (let i = 0; i < table.length; i++) {
    const r = table.records[i] as CustomerRecord;
    const key = r[by];
    if (key === undefined) continue;
    const a = table.arrivalDay[i] as number;
    if (a < sinceDay) continue;
    const status = table.status[i] as number;
    if (status === STATUS_ACTIVE) continue;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { tier: new Float64Array(M + 2), known: 0, net: 0 }));
    g.known++;
    g.net += netContributionOf(e, table, i);
    if (status !== STATUS_CANCELLED && status !== STATUS_NO_SHOW && r.previousStays !== undefined) {
      g.tier[Math.min(r.previousStays, M + 1)]!++;
      anyTier = true;
    }
  }
  checkKeys(s.keys, new Set(groups.keys()), by);
  const model: GuestValueModel = {
    kind: 'geometric-repeat',
    asOf: s.asOf,
    since: fromEpochDay(sinceDay),
    by,
    discountRate: s.discountRate,
    repeatIntervalDays: s.repeatIntervalDays,
    maxFutureStays: maxFuture,
    repeatDiscountFactor: delta,
    maxPreviousStays: M,
  };
  if (!anyTier)
    return {
      status: 'insufficient-history',
      model,
      values: [],
      reason: `no stay before ${s.asOf} records the guest's earlier stays (previousStays)`,
    };
  const keys = s.keys ?? [...groups.keys()].sort(collator.compare);
  const values: CustomerValue[] = [];
  for (const key of keys) {
    const g = groups.get(key) as Group;
    // N_j = stays with ≥ j earlier stays; q_j = N_{j+1} / N_j (q of tier M pools M, M+1, …).
    const atLeast = new Float64Array(M + 2);
    for (let j = M + 1; j >= 0; j--) atLeast[j] = g.tier[j]! + (j <= M ? atLeast[j + 1]! : 0);
    const q = new Float64Array(M + 1);
    for (let j = 0; j <= M; j++) q[j] = atLeast[j]! > 0 ? atLeast[j + 1]! / atLeast[j]! : j > 0 ? q[j - 1]! : 0;
    const c = g.known > 0 ? g.net / g.known : 0;
    const tiers: GuestTier[] = [];
    for (let j = 0; j <= M; j++) {
      let survive = 1;
      let stays = 0;
      let disc = 0;
      let df = 1;
      for (let n = 1; n <= maxFuture; n++) {
        survive *= q[Math.min(j + n - 1, M)]!;
        df *= delta;
        stays += survive;
        disc += survive * df;
      }
      tiers.push({
        previousStays: j,
        stays: j < M ? g.tier[j]! : g.tier[M]! + g.tier[M + 1]!,
        repeatProbability: q[j]!,
        expectedFutureStays: stays,
        expectedContribution: stays * c,
        value: disc * c,
      });
    }
    const t0 = tiers[0] as GuestTier;
    values.push({
      key,
      repeatProbability: t0.repeatProbability,
      expectedFutureStays: t0.expectedFutureStays,
      expectedContribution: t0.expectedContribution,
      value: t0.value,
      netContributionPerBooking: c,
      bookings: g.known,
      tiers,
    });
  }
  return { status: 'ok', model, values };
}
