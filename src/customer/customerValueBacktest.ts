import { STATUS_ACTIVE } from '../history/bookingTable.js';
import { fromEpochDay } from '../history/epochDay.js';
import { customerTable, type CustomerRecord } from './customerRecord.js';
import {
  customerValue,
  netContributionOf,
  valueSettings,
  type CustomerValueOptions,
  type CustomerValueBy,
} from './customerValue.js';
import { accountOf } from './customerRecord.js';

/** One period after `asOf`: the account model's forecast and what happened. */
export interface AccountBacktestPeriod {
  readonly from: string;
  /** The last day of the period. */
  readonly to: string;
  readonly expectedActive: number;
  readonly actualActive: number;
  readonly expectedBookings: number;
  readonly actualBookings: number;
  readonly expectedContribution: number;
  readonly actualContribution: number;
  /** False when the period reaches past the last night of the records. */
  readonly complete: boolean;
}

/** One guest group: fitted repeat probabilities beside those of the holdout stays. */
export interface GuestBacktestGroup {
  readonly key: string;
  readonly fittedRepeatProbability: number;
  readonly actualRepeatProbability: number;
  readonly fittedSecondRepeatProbability: number;
  readonly actualSecondRepeatProbability: number;
  readonly fitStays: number;
  readonly holdoutStays: number;
  readonly complete: boolean;
}

export type CustomerValueBacktest =
  | { readonly status: 'ok'; readonly accounts: number; readonly periods: readonly AccountBacktestPeriod[]; readonly groups?: undefined }
  | { readonly status: 'ok'; readonly groups: readonly GuestBacktestGroup[]; readonly periods?: undefined }
  | { readonly status: 'insufficient-history'; readonly reason: string; readonly periods?: undefined; readonly groups?: undefined };

function keyOf(r: CustomerRecord, by: CustomerValueBy): string | undefined {
  if (by === 'account') return accountOf(r);
  if (by === 'company') return r.company === undefined ? undefined : `company:${r.company}`;
  if (by === 'agent') return r.agent === undefined ? undefined : `agent:${r.agent}`;
  return r[by];
}

/**
 * Checks {@link customerValue} on what happened next: fit on the history known at the start of
 * `asOf`, then compare the model's forecast with the bookings that actually arrived after it.
 *
 * Accounts: for each period h = 1..H after `asOf` (the periods of the model), the expected number of
 * the valued accounts that are active (Σ_u P_u(h)), their expected bookings (Σ_u P_u(h)·b_u) and
 * expected net contribution (Σ_u P_u(h)·m_u, undiscounted), beside the actual numbers from the full
 * history (every booking arriving in the period, its final status). Accounts first seen after `asOf`
 * are not counted on either side (the model values existing customers only).
 *
 * Guests: per group, the fitted repeat probability q_0 and q_1 beside the same ratios computed on the
 * stays arriving in [asOf, asOf + horizonDays) — the check of the steady-state reading of the tiers.
 *
 * A period (or window) reaching past the last night in the records is marked `complete: false`: its
 * actual numbers are cut short by the end of the data.
 *
 * Reference: the holdout validation of customer-base models, Schmittlein & Peterson (1994), "Customer
 * base analysis: an industrial purchase process application", Marketing Science 13(1), 41–67; Fader,
 * Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2), 275–284, §4
 * (calibration period, holdout period, aggregate repeat transactions).
 *
 * @param records - the full history (final statuses), never modified
 * @param options - as {@link customerValue}
 * @returns `{ status, periods }` for accounts or `{ status, groups }` for guests
 * @example
 * import { customerValueBacktest } from 'yieldcraft/customer';
 * const stay = (arrivalDate: string) => ({ bookingDate: '2015-12-01', arrivalDate, nights: 1, rooms: 1,
 *   segment: 'Corporate', rate: 100, status: 'stayed' as const, company: '40' });
 * const b = customerValueBacktest([stay('2016-01-10'), stay('2016-04-10'), stay('2016-07-10')],
 *   { asOf: '2016-07-01', since: '2016-01-01', periodDays: 91, horizonDays: 91 });
 * b.periods.map((p) => [p.expectedActive, p.actualActive]); // => [[1, 1]]
 */
export function customerValueBacktest(records: readonly CustomerRecord[], options: CustomerValueOptions): CustomerValueBacktest {
  const s = valueSettings(options);
  const fit = customerValue(records, options);
  if (fit.status !== 'ok') return { status: 'insufficient-history', reason: fit.reason };
  const table = customerTable(records);
  const lastNight = table.lastNight;
  const e = s.economics;
  if (fit.model.kind === 'recency-markov-chain') {
    const P = s.periodDays;
    const H = fit.model.horizonPeriods;
    const byKey = new Map(fit.values.map((v) => [v.key, v]));
    const active: Set<string>[] = Array.from({ length: H }, () => new Set<string>());
    const bookings = new Float64Array(H);
    const contrib = new Float64Array(H);
    for (let i = 0; i < table.length; i++) {
      const a = table.arrivalDay[i] as number;
      if (a < s.asOfDay) continue;
      const h = Math.floor((a - s.asOfDay) / P);
      if (h >= H) continue;
      const key = keyOf(records[i] as CustomerRecord, s.by);
      if (key === undefined || !byKey.has(key)) continue;
      active[h]!.add(key);
      bookings[h]!++;
      if ((table.status[i] as number) !== STATUS_ACTIVE) contrib[h]! += netContributionOf(e, table, i);
    }
    const periods: AccountBacktestPeriod[] = [];
    for (let h = 0; h < H; h++) {
      let ea = 0;
      let eb = 0;
      let ec = 0;
      for (const v of fit.values) {
        const p = (v.activeProbabilities as readonly number[])[h] as number;
        ea += p;
        eb += p * (v.bookingsPerActivePeriod as number);
        ec += p * (v.bookingsPerActivePeriod as number) * v.netContributionPerBooking;
      }
      const from = s.asOfDay + h * P;
      periods.push({
        from: fromEpochDay(from),
        to: fromEpochDay(from + P - 1),
        expectedActive: ea,
        actualActive: active[h]!.size,
        expectedBookings: eb,
        actualBookings: bookings[h]!,
        expectedContribution: ec,
        actualContribution: contrib[h]!,
        complete: from + P - 1 <= lastNight,
      });
    }
    return { status: 'ok', accounts: fit.values.length, periods };
  }
  // Guests: the tier ratios on the holdout stays.
  const by = s.by as 'segment' | 'channel' | 'customerType';
  const end = s.asOfDay + s.horizonDays;
  const tiers = new Map<string, [number, number, number]>(); // stays with ≥0, ≥1, ≥2 earlier
  for (let i = 0; i < table.length; i++) {
    const a = table.arrivalDay[i] as number;
    if (a < s.asOfDay || a >= end) continue;
    const r = records[i] as CustomerRecord;
    if (r.status !== 'stayed' || r.previousStays === undefined) continue;
    const key = r[by];
    if (key === undefined) continue;
    let t = tiers.get(key);
    if (t === undefined) tiers.set(key, (t = [0, 0, 0]));
    t[0]++;
    if (r.previousStays >= 1) t[1]++;
    if (r.previousStays >= 2) t[2]++;
  }
  const groups: GuestBacktestGroup[] = fit.values.map((v) => {
    const t = tiers.get(v.key) ?? [0, 0, 0];
    const tv = v.tiers ?? [];
    const fitStays = tv.reduce((sum, x) => sum + x.stays, 0);
    return {
      key: v.key,
      fittedRepeatProbability: v.repeatProbability,
      actualRepeatProbability: t[0] > 0 ? t[1] / t[0] : 0,
      fittedSecondRepeatProbability: tv[1]?.repeatProbability ?? v.repeatProbability,
      actualSecondRepeatProbability: t[1] > 0 ? t[2] / t[1] : 0,
      fitStays,
      holdoutStays: t[0],
      complete: end - 1 <= lastNight,
    };
  });
  return { status: 'ok', groups };
}
