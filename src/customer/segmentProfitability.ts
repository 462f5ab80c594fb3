import { fail, join, object, array } from '../internal/validate.js';
import { dayOfWeek, fromEpochDay } from '../history/epochDay.js';
import { STATUS_ACTIVE, STATUS_CANCELLED, STATUS_NO_SHOW, STATUS_STAYED } from '../history/bookingTable.js';
import { customerTable, type CustomerRecord } from './customerRecord.js';
import {
  BOOKING_ECONOMICS_DEFAULTS,
  contributionPerRoomNight,
  economics,
  type BookingEconomicsOptions,
} from './bookingEconomics.js';

/** What a profitability row is grouped by. */
export type ProfitabilityDimension = 'total' | 'segment' | 'channel' | 'customerType' | 'company' | 'agent';

export interface SegmentProfitabilityOptions extends BookingEconomicsOptions {
  readonly by?: readonly Exclude<ProfitabilityDimension, 'total'>[];
}

/** Defaults of {@link segmentProfitability}. */
export const SEGMENT_PROFITABILITY_DEFAULTS = {
  ...BOOKING_ECONOMICS_DEFAULTS,
  by: ['segment', 'channel', 'customerType', 'company', 'agent'] as const,
} as const;

/** One row: a segment, channel, customer type or account, and what it earned and cost. */
export interface SegmentProfitability {
  readonly dimension: ProfitabilityDimension;
  /** The segment, channel, customer type or account id (`all` for the total). */
  readonly key: string;
  readonly bookings: number;
  readonly stays: number;
  readonly cancellations: number;
  readonly noShows: number;
  /** Bookings whose outcome is not known yet. */
  readonly active: number;
  /** Room-nights stayed. */
  readonly roomNights: number;
  /** Room-nights booked, every status (demand). */
  readonly bookedRoomNights: number;
  /** Room revenue of the stays (money). */
  readonly revenue: number;
  readonly commission: number;
  readonly variableCost: number;
  /** Known ancillary spend of the stays (money), and how many stays had it recorded. */
  readonly ancillary: number;
  readonly ancillaryKnown: number;
  /** Contribution of the stays: revenue − commission − variable cost + ancillary. */
  readonly contribution: number;
  /** Cancellations ÷ bookings with a known outcome (0 when none is known). */
  readonly cancellationRate: number;
  readonly noShowRate: number;
  readonly cancellationCost: number;
  readonly noShowCost: number;
  /** contribution − cancellation cost − no-show cost. */
  readonly netContribution: number;
  /** Net contribution per stayed room-night (0 without stays). */
  readonly netContributionPerRoomNight: number;
  /** Average daily rate of the stays: revenue ÷ room-nights (0 without stays). */
  readonly averageRate: number;
  /** Mean nights per booking, and mean lead time (arrival − booking, days), over every booking. */
  readonly averageLengthOfStay: number;
  readonly averageLeadTime: number;
  /** Share of this row's booked room-nights by month of the night (12 entries, January first). */
  readonly demandByMonth: readonly number[];
  /** Share of this row's booked room-nights by day of week of the night (7 entries, Sunday first). */
  readonly demandByDayOfWeek: readonly number[];
  /** This row's share of all stayed room-nights, and of all net contribution. */
  readonly shareOfRoomNights: number;
  readonly shareOfNetContribution: number;
}

const DIMENSIONS = ['segment', 'channel', 'customerType', 'company', 'agent'] as const;

class Acc {
  bookings = 0;
  stays = 0;
  cancellations = 0;
  noShows = 0;
  active = 0;
  roomNights = 0;
  booked = 0;
  revenue = 0;
  commission = 0;
  variableCost = 0;
  ancillary = 0;
  ancillaryKnown = 0;
  contribution = 0;
  cancellationCost = 0;
  noShowCost = 0;
  nights = 0;
  lead = 0;
  month = new Float64Array(12);
  dow = new Float64Array(7);
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Segment, channel, customer-type and account profitability from booking history: for each market
 * segment, distribution channel, customer type and account (company, travel agent), what it brought —
 * room-nights, revenue, contribution after commission and variable cost, known ancillary spend — what
 * its cancellations and no-shows cost, how long it stays and how early it books, and when its demand
 * falls (month of the year, day of the week).
 *
 * Reference: Phillips (2005), §6.1 (contribution, not revenue, as the measure of a sale); Talluri &
 * van Ryzin (2004), §10.1 and §10.2.4 (channel costs and segment mix in hotels); Kaplan & Narayanan
 * (2001), "Measuring and managing customer profitability", J. Cost Management 15(5) (profitability by
 * customer after the cost to serve).
 *
 * Cost model (options, with {@link SEGMENT_PROFITABILITY_DEFAULTS}), per booking of R rooms × N nights at
 * rate p through a channel with commission c, variable cost v per room-night, ancillary spend A:
 *   revenue (stays only)  = R·N·p;   commission = R·N·p·c;   variable cost = R·N·v
 *   contribution          = R·N·(p·(1 − c) − v) + A          (`contribution` of `yieldcraft/model`)
 *   cancellation cost     = R·N·(p·(1 − c) − v) if cancelled < `lateCancellationDays` before arrival, else 0
 *   no-show cost          = R·N·(p·(1 − c) − v) · `noShowLossShare`
 *   net contribution      = contribution − cancellation cost − no-show cost
 * Rates: cancellation and no-show rates are shares of the bookings whose outcome is known (active
 * bookings left out). Averages (length of stay in nights, lead time in days) and demand shares run over
 * every booking, cancelled ones included (demand, not sales): share by month of the stay night (index
 * 0 = January) and by day of the week of the night (0 = Sunday), in booked room-nights.
 *
 * @param records - booking records (a {@link CustomerRecord} adds the accounts); never modified
 * @param options.by - the dimensions, in output order (default all: segment, channel, customerType,
 *   company, agent); every result also starts with one `total` row
 * @param options - also the cost model: `commission`, `defaultCommission`, `variableCostPerRoomNight`,
 *   `lateCancellationDays`, `noShowLossShare` (see `BOOKING_ECONOMICS_DEFAULTS`)
 * @returns one row per (dimension, key), keys in natural order ('2' before '10'); money in the records'
 *   currency
 * @example
 * import { segmentProfitability } from 'yieldcraft/customer';
 * const rows = segmentProfitability([
 *   { bookingDate: '2016-05-01', arrivalDate: '2016-06-01', nights: 2, rooms: 1, segment: 'Corporate',
 *     channel: 'Corporate', rate: 100, status: 'stayed', company: '40' },
 *   { bookingDate: '2016-05-01', arrivalDate: '2016-06-01', nights: 2, rooms: 1, segment: 'Online TA',
 *     channel: 'TA/TO', rate: 100, status: 'cancelled', statusDate: '2016-05-30' },
 * ], { by: ['segment'], variableCostPerRoomNight: 20 });
 * rows.map((r) => [r.key, r.contribution, r.cancellationCost]);
 * // => [['all', 160, 124], ['Corporate', 160, 0], ['Online TA', 0, 124]]   (2·(100·0.82 − 20) = 124)
 */
export function segmentProfitability(
  records: readonly CustomerRecord[],
  options: SegmentProfitabilityOptions = {},
): SegmentProfitability[] {
  const opts = object(options, 'options');
  const e = economics(options, 'options');
  let by: readonly Exclude<ProfitabilityDimension, 'total'>[] = SEGMENT_PROFITABILITY_DEFAULTS.by;
  if (opts.by !== undefined) {
    by = array<Exclude<ProfitabilityDimension, 'total'>>(opts.by, 'options.by');
    by.forEach((d, i) => {
      if (!(DIMENSIONS as readonly string[]).includes(d))
        fail(join('options.by', i), `must be one of ${DIMENSIONS.join(', ')}, got ${JSON.stringify(d)}`);
      if (by.indexOf(d) !== i) fail(join('options.by', i), `repeats ${JSON.stringify(d)}`, 'inconsistent');
    });
  }
  const table = customerTable(records);
  const groups = new Map<string, Acc>(); // `${dimension}\u0000${key}`
  const total = new Acc();
  const monthCache = new Map<number, number>();
  const monthOf = (day: number): number => {
    let m = monthCache.get(day);
    if (m === undefined) {
      m = Number(fromEpochDay(day).slice(5, 7)) - 1;
      monthCache.set(day, m);
    }
    return m;
  };
  const targets: Acc[] = [];
  for (let i = 0; i < table.length; i++) {
    const r = records[i] as CustomerRecord;
    targets.length = 0;
    targets.push(total);
    for (const d of by) {
      const key = r[d];
      if (key === undefined) continue;
      const id = `${d}\u0000${key}`;
      let acc = groups.get(id);
      if (acc === undefined) groups.set(id, (acc = new Acc()));
      targets.push(acc);
    }
    const rooms = table.rooms[i] as number;
    const nights = table.nights[i] as number;
    const arrival = table.arrivalDay[i] as number;
    const units = rooms * nights;
    const perNight = contributionPerRoomNight(e, r.rate, r.channel);
    const status = table.status[i] as number;
    const c = e.commissionOf(r.channel);
    let cancelCost = 0;
    if (status === STATUS_CANCELLED) {
      const notice = r.statusDate === undefined ? 0 : arrival - (table.knownDay[i] as number);
      if (notice < e.lateCancellationDays) cancelCost = units * perNight;
    }
    const noShowCost = status === STATUS_NO_SHOW ? units * perNight * e.noShowLossShare : 0;
    for (const a of targets) {
      a.bookings++;
      a.nights += nights;
      a.lead += arrival - (table.bookingDay[i] as number);
      a.booked += units;
      for (let k = 0; k < nights; k++) {
        a.month[monthOf(arrival + k)]! += rooms;
        a.dow[dayOfWeek(arrival + k)]! += rooms;
      }
      if (status === STATUS_ACTIVE) a.active++;
      else if (status === STATUS_CANCELLED) {
        a.cancellations++;
        a.cancellationCost += cancelCost;
      } else if (status === STATUS_NO_SHOW) {
        a.noShows++;
        a.noShowCost += noShowCost;
      } else if (status === STATUS_STAYED) {
        a.stays++;
        a.roomNights += units;
        a.revenue += units * r.rate;
        a.commission += units * r.rate * c;
        a.variableCost += units * e.variableCost;
        a.contribution += units * perNight;
        if (r.ancillarySpend !== undefined) {
          a.ancillary += r.ancillarySpend;
          a.ancillaryKnown++;
          a.contribution += r.ancillarySpend;
        }
      }
    }
  }
  const totalNet = total.contribution - total.cancellationCost - total.noShowCost;
  const row = (dimension: ProfitabilityDimension, key: string, a: Acc): SegmentProfitability => {
    const known = a.stays + a.cancellations + a.noShows;
    const net = a.contribution - a.cancellationCost - a.noShowCost;
    const share = (v: Float64Array) => Array.from(v, (x) => (a.booked > 0 ? x / a.booked : 0));
    return {
      dimension,
      key,
      bookings: a.bookings,
      stays: a.stays,
      cancellations: a.cancellations,
      noShows: a.noShows,
      active: a.active,
      roomNights: a.roomNights,
      bookedRoomNights: a.booked,
      revenue: a.revenue,
      commission: a.commission,
      variableCost: a.variableCost,
      ancillary: a.ancillary,
      ancillaryKnown: a.ancillaryKnown,
      contribution: a.contribution,
      cancellationRate: known > 0 ? a.cancellations / known : 0,
      noShowRate: known > 0 ? a.noShows / known : 0,
      cancellationCost: a.cancellationCost,
      noShowCost: a.noShowCost,
      netContribution: net,
      netContributionPerRoomNight: a.roomNights > 0 ? net / a.roomNights : 0,
      averageRate: a.roomNights > 0 ? a.revenue / a.roomNights : 0,
      averageLengthOfStay: a.bookings > 0 ? a.nights / a.bookings : 0,
      averageLeadTime: a.bookings > 0 ? a.lead / a.bookings : 0,
      demandByMonth: share(a.month),
      demandByDayOfWeek: share(a.dow),
      shareOfRoomNights: total.roomNights > 0 ? a.roomNights / total.roomNights : 0,
      shareOfNetContribution: totalNet !== 0 ? net / totalNet : 0,
    };
  };
  const out: SegmentProfitability[] = [row('total', 'all', total)];
  for (const d of by) {
    const keys: string[] = [];
    for (const id of groups.keys()) if (id.startsWith(`${d}\u0000`)) keys.push(id.slice(d.length + 1));
    keys.sort(collator.compare);
    for (const k of keys) out.push(row(d, k, groups.get(`${d}\u0000${k}`) as Acc));
  }
  return out;
}
