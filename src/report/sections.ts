/**
 * From results to report sections: the one file that knows the result shapes of the simulator
 * (`SimulationResult`) and of the scenario runner (`WhatIfResult`), and of booking history. Everything
 * else in `report/` works on the section model (`model.ts`). The result interfaces below are what the
 * report reads — structural types, so the simulator's and the scenario runner's own results fit them.
 */
import type { BookingRecord } from '../history/bookingRecord.js';
import { array, fail, finite, nonNegativeInteger, object, positiveInteger } from '../internal/validate.js';

/** An ISO calendar date, or a YieldInputError naming `path`. */
function isoDate(x: unknown, path: string): string {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x) || format(parseISO(x), 'yyyy-MM-dd') !== x)
    fail(path, `must be an ISO date YYYY-MM-DD, got ${JSON.stringify(x)}`, typeof x === 'string' ? 'invalid' : 'invalid-type');
  return x;
}
import { onTheBooks } from '../history/onTheBooks.js';
import { occupancyByNight } from '../history/occupancyByNight.js';
import { addDays, format, parseISO, subDays } from 'date-fns';
import { bidPriceChart, differenceChart, forecastActualChart, occupancyByNightChart, paceChart, revenueDistributionChart } from './charts.js';
import type { ReportBlock, ReportModel, ReportSection, ReportTable } from './model.js';

/** A metric's estimate over the trajectories, with its confidence interval. */
export interface ReportSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly level: number;
  /** null when the interval is not defined (a single trajectory). */
  readonly halfWidth: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** What the report reads of a simulation result (`yieldcraft/simulate`). */
export interface ReportSimulationResult {
  readonly kind: 'simulation';
  readonly trajectories: number;
  readonly seed: number;
  readonly level: number;
  readonly resources: readonly { readonly id: string; readonly capacity: number }[];
  readonly policies: readonly {
    readonly name: string;
    readonly tieRule?: string;
    readonly metrics: Readonly<Record<string, ReportSummary>>;
    readonly revenues: readonly number[];
    readonly byResource: readonly { readonly id: string; readonly occupancy: number; readonly bidPrice: number | null }[];
    /** Paired difference to the first policy: of revenue, or per metric ({ revenue, contribution }). */
    readonly differenceToFirst: ReportSummary | { readonly revenue: ReportSummary } | null;
  }[];
  /** The perfect-hindsight bound (on contribution), with its value per trajectory. */
  readonly hindsight: (ReportSummary & { readonly values?: readonly number[]; readonly revenues?: readonly number[] }) | null;
}

/** One variation of a what-if (the baseline included). */
export interface ReportVariationOutcome {
  readonly name: string;
  readonly metrics: Readonly<Record<string, ReportSummary>>;
  readonly revenues: readonly number[];
  readonly difference: Readonly<Record<string, ReportSummary>> | null;
  readonly byNight: readonly { readonly night: string; readonly occupancy: number; readonly bidPrice: number | null }[];
}

/** What the report reads of a what-if result (`yieldcraft/scenario`). */
export interface ReportWhatIfResult {
  readonly kind: 'what-if';
  readonly scenario: { readonly name: string; readonly asOf?: string; readonly property?: string };
  readonly baseline: ReportVariationOutcome;
  readonly variations: readonly ReportVariationOutcome[];
  readonly trajectories: number;
  readonly seed: number;
  /** The perfect-hindsight bound on the baseline's contribution, when computed. */
  readonly hindsight?: ReportSummary | null;
}

/** The metrics shown in the tables, in this order, when present. */
const METRICS: readonly { key: string; label: string; format: 'money' | 'share' | 'count' }[] = [
  { key: 'revenue', label: 'revenue', format: 'money' },
  { key: 'contribution', label: 'contribution', format: 'money' },
  { key: 'occupancy', label: 'occupancy', format: 'share' },
  { key: 'adr', label: 'ADR', format: 'money' },
  { key: 'revpar', label: 'RevPAR', format: 'money' },
  { key: 'deniedService', label: 'denied service', format: 'count' },
  { key: 'revenueOpportunity', label: 'revenue opportunity', format: 'share' },
];

const pct = (level: number) => `${Math.round(level * 100)} %`;
const money = (x: number) => (Math.abs(x) < 5e-3 ? 0 : x).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function metricsTable(title: string, rows: readonly { name: string; metrics: Readonly<Record<string, ReportSummary>> }[], level: number): ReportTable {
  const present = METRICS.filter((m) => rows.some((r) => r.metrics[m.key] !== undefined));
  return {
    kind: 'table',
    title,
    caption:
      `Means over the trajectories; ± is the half-width of the ${pct(level)} confidence interval of the revenue.` +
      (present.some((m) => m.key === 'adr' || m.key === 'revpar')
        ? ' Revenue counts the bookings still to come (rooms already on the books have no known revenue); ADR and RevPAR divide it by the room-nights those bookings fill and by the room-nights that were left to sell.'
        : ''),
    columns: [
      { key: 'name', label: '', format: 'text' },
      ...present.map((m) => ({ key: m.key, label: m.label, format: m.format })),
      { key: 'revenueHalfWidth', label: '± revenue', format: 'money' as const },
    ],
    rows: rows.map((r) => ({
      name: r.name,
      ...Object.fromEntries(present.map((m) => [m.key, r.metrics[m.key]?.mean ?? null])),
      revenueHalfWidth: r.metrics.revenue?.halfWidth ?? null,
    })),
  };
}

function differenceSentence(name: string, baseline: string, d: ReportSummary): string {
  const sign = d.mean >= 0 ? 'more' : 'less';
  if (d.low === null || d.high === null)
    return `${name} earns ${money(Math.abs(d.mean))} ${sign} revenue than ${baseline} on the same demand (one trajectory: no interval).`;
  const clear = d.low > 0 || d.high < 0;
  return (
    `${name} earns ${money(Math.abs(d.mean))} ${sign} revenue than ${baseline} on the same demand ` +
    `(${pct(d.level)} interval ${money(d.low)} to ${money(d.high)}${clear ? '' : ': not distinguishable from no difference with these trajectories'}).`
  );
}

/** The revenue difference of a policy (a summary, or the revenue member of per-metric differences). */
function revenueDifference(d: ReportSummary | { readonly revenue: ReportSummary } | null): ReportSummary | null {
  if (d === null) return null;
  return 'mean' in d ? d : d.revenue;
}

const interval = (d: ReportSummary) => ({ mean: d.mean, low: d.low ?? d.mean, high: d.high ?? d.mean });

/** The sections of a simulation result. */
export function simulationSections(r: ReportSimulationResult): ReportSection[] {
  object(r, 'result');
  array(r.policies, 'result.policies');
  const first = r.policies[0]?.name ?? 'the first policy';
  const sections: ReportSection[] = [];
  const rows = r.policies.map((p) => ({ name: p.name, metrics: p.metrics }));
  if (r.hindsight) rows.push({ name: 'perfect hindsight (bound)', metrics: { contribution: r.hindsight } });
  const capture = (p: ReportSimulationResult['policies'][number]) => {
    const m = p.metrics.contribution ?? p.metrics.revenue;
    return m && r.hindsight && r.hindsight.mean > 0 ? `${p.name} earns ${((m.mean / r.hindsight.mean) * 100).toFixed(1)} % of the perfect-hindsight bound.` : null;
  };
  sections.push({
    id: 'revenue',
    title: 'Revenue by policy',
    blocks: [
      {
        kind: 'text',
        paragraphs: [
          `${r.trajectories.toLocaleString('en-US')} simulated booking horizons (seed ${r.seed}); every policy faces the same requests (common random numbers).`,
          ...r.policies.map(capture).filter((x): x is string => x !== null),
        ],
      },
      metricsTable('Policies', rows, r.level),
      revenueDistributionChart(r.policies.flatMap((p) => p.revenues.map((revenue) => ({ group: p.name, revenue })))),
    ],
  });
  const diffs = r.policies.map((p) => ({ name: p.name, d: revenueDifference(p.differenceToFirst) })).filter((x): x is { name: string; d: ReportSummary } => x.d !== null);
  if (diffs.length)
    sections.push({
      id: 'differences',
      title: `Paired differences to ${first}`,
      blocks: [
        differenceChart(diffs.map((x) => ({ group: x.name, ...interval(x.d) })), `Revenue difference to ${first}`, pct(r.level)),
        { kind: 'text', paragraphs: diffs.map((x) => differenceSentence(x.name, first, x.d)) },
      ],
    });
  sections.push(byNightSection(r.policies.map((p) => ({ group: p.name, byNight: p.byResource.map((x) => ({ night: x.id, occupancy: x.occupancy, bidPrice: x.bidPrice })) }))));
  return sections;
}

/** The sections of a what-if result. */
export function whatIfSections(r: ReportWhatIfResult): ReportSection[] {
  object(r, 'result');
  object(r.baseline, 'result.baseline');
  object(r.baseline.metrics, 'result.baseline.metrics');
  array(r.variations, 'result.variations');
  const all = [r.baseline, ...r.variations];
  const level = r.baseline.metrics.revenue?.level ?? 0.95;
  const sections: ReportSection[] = [
    {
      id: 'revenue',
      title: 'Revenue by variation',
      blocks: [
        {
          kind: 'text',
          paragraphs: [
            `Scenario “${r.scenario.name}”${r.scenario.property ? ` for ${r.scenario.property}` : ''}${r.scenario.asOf ? ` as of ${r.scenario.asOf}` : ''}: ` +
              `${r.variations.length} variation${r.variations.length === 1 ? '' : 's'} against the baseline, ${r.trajectories.toLocaleString('en-US')} trajectories on common random numbers (seed ${r.seed}).`,
          ],
        },
        metricsTable(
          'Variations',
          [...all.map((v) => ({ name: v.name, metrics: v.metrics })), ...(r.hindsight ? [{ name: 'perfect hindsight (bound)', metrics: { contribution: r.hindsight } }] : [])],
          level,
        ),
        revenueDistributionChart(all.flatMap((v) => v.revenues.map((revenue) => ({ group: v.name, revenue }))), 'Revenue per trajectory, by variation'),
      ],
    },
  ];
  const diffs = r.variations.filter((v) => v.difference?.revenue !== undefined);
  if (diffs.length)
    sections.push({
      id: 'differences',
      title: `Paired differences to ${r.baseline.name}`,
      blocks: [
        differenceChart(
          diffs.map((v) => ({ group: v.name, ...interval(v.difference!.revenue!) })),
          `Revenue difference to ${r.baseline.name}`,
          pct(level),
        ),
        { kind: 'text', paragraphs: diffs.map((v) => differenceSentence(v.name, r.baseline.name, v.difference!.revenue!)) },
      ],
    });
  sections.push(byNightSection(all.map((v) => ({ group: v.name, byNight: v.byNight }))));
  return sections;
}

function byNightSection(groups: readonly { group: string; byNight: readonly { night: string; occupancy: number; bidPrice: number | null }[] }[]): ReportSection {
  const blocks: ReportBlock[] = [];
  const occ = groups.flatMap((g) => g.byNight.map((x) => ({ night: x.night, group: g.group, occupancy: x.occupancy })));
  const dated = occ.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.night));
  if (occ.length && dated) blocks.push(occupancyByNightChart(occ));
  const bids = groups.flatMap((g) => g.byNight.filter((x) => x.bidPrice !== null).map((x) => ({ night: x.night, group: g.group, bidPrice: x.bidPrice! })));
  if (bids.length && dated) blocks.push(bidPriceChart(bids));
  if (!dated && occ.length)
    blocks.push({
      kind: 'table',
      title: 'Occupancy and bid prices by resource',
      columns: [
        { key: 'resource', label: 'resource', format: 'text' },
        ...groups.map((g, k) => ({ key: `o${k}`, label: `${g.group} occupancy`, format: 'share' as const })),
      ],
      rows: groups[0]!.byNight.map((x, i) => ({ resource: x.night, ...Object.fromEntries(groups.map((g, k) => [`o${k}`, g.byNight[i]?.occupancy ?? null])) })),
    });
  return { id: 'by-night', title: 'Occupancy and bid prices by night', blocks };
}

/** Bid prices and last room values by night from a controls document (what `yieldcraft optimize` writes). */
export function bidPriceSection(nights: readonly { night: string; bidPrice: number; lastRoomValue: number | null; capacity: number; onTheBooks?: number; forecast?: number }[]): ReportSection {
  array<unknown>(nights, 'nights').forEach((x, i) => {
    const n = object(x, `nights[${i}]`);
    finite(n.bidPrice, `nights[${i}].bidPrice`);
    finite(n.capacity, `nights[${i}].capacity`);
  });
  return {
    id: 'bid-prices',
    title: 'Bid prices by night',
    blocks: [
      bidPriceChart(nights.map((n) => ({ night: n.night, bidPrice: n.bidPrice }))),
      {
        kind: 'table',
        title: 'Last room values',
        columns: [
          { key: 'night', label: 'night', format: 'text' },
          { key: 'onTheBooks', label: 'on the books', format: 'count' },
          { key: 'forecast', label: 'forecast', format: 'count' },
          { key: 'capacity', label: 'rooms left', format: 'count' },
          { key: 'bidPrice', label: 'bid price', format: 'money' },
          { key: 'lastRoomValue', label: 'last room value', format: 'money' },
        ],
        rows: nights.map((n) => ({ night: n.night, onTheBooks: n.onTheBooks ?? null, forecast: n.forecast ?? null, capacity: n.capacity, bidPrice: n.bidPrice, lastRoomValue: n.lastRoomValue })),
      },
    ],
  };
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Booking pace of a period against the same nights last year (364 days earlier: the same weekdays):
 * room-nights on the books for the period's nights as of `firstNight − d`, for d = 0, step, … ≤ maxDays
 * (this year only for dates up to `asOf`).
 */
export function bookingPaceSection(
  records: readonly BookingRecord[],
  options: { readonly firstNight: string; readonly nights: number; readonly asOf: string; readonly maxDays?: number; readonly step?: number; readonly property?: string },
): ReportSection {
  array(records, 'records');
  object(options, 'options');
  isoDate(options.firstNight, 'options.firstNight');
  isoDate(options.asOf, 'options.asOf');
  positiveInteger(options.nights, 'options.nights');
  if (options.nights > 3660) positiveInteger(NaN, 'options.nights');
  if (options.maxDays !== undefined) nonNegativeInteger(options.maxDays, 'options.maxDays');
  if (options.step !== undefined) positiveInteger(options.step, 'options.step');
  const recs = options.property === undefined ? records : records.filter((r) => r.property === options.property);
  const maxDays = options.maxDays ?? 120;
  const step = options.step ?? 7;
  const first = parseISO(options.firstNight);
  const rows: { daysBefore: number; year: string; rooms: number }[] = [];
  const sum = (asOf: Date, from: Date) => {
    const lastNight = iso(addDays(from, options.nights - 1));
    const grid = onTheBooks(recs, iso(asOf), { firstNight: iso(from), lastNight });
    let s = 0;
    for (const x of grid.total) s += x;
    return s;
  };
  const lastYearFirst = subDays(first, 364);
  for (let d = Math.floor(maxDays / step) * step; d >= 0; d -= step) {
    const thisAsOf = subDays(first, d);
    if (iso(thisAsOf) <= options.asOf) rows.push({ daysBefore: d, year: 'this year', rooms: sum(thisAsOf, first) });
    rows.push({ daysBefore: d, year: 'last year', rooms: sum(subDays(lastYearFirst, d), lastYearFirst) });
  }
  const now = rows.filter((r) => r.year === 'this year').at(-1);
  const then = now ? rows.find((r) => r.year === 'last year' && r.daysBefore === now.daysBefore) : undefined;
  const paragraphs =
    now && then
      ? [
          `${now.daysBefore} days before ${options.firstNight}, ${now.rooms.toLocaleString('en-US')} room-nights of the ${options.nights} nights are on the books, ` +
            `against ${then.rooms.toLocaleString('en-US')} for the same nights last year (${then.rooms > 0 ? `${(((now.rooms - then.rooms) / then.rooms) * 100).toFixed(1)} %` : 'n/a'}).`,
        ]
      : [];
  return { id: 'pace', title: 'Booking pace', blocks: [paceChart(rows), ...(paragraphs.length ? [{ kind: 'text' as const, paragraphs }] : [])] };
}

/**
 * The forecast against what happened, for the nights of the horizon that lie inside the data (actual =
 * rooms of the stays on each night, `occupancyByNight`); nights after the data's last stay have no actual.
 */
export function forecastVsActualSection(
  forecast: readonly { date: string; mean: number; sd: number }[],
  records: readonly BookingRecord[],
  options: { readonly property?: string } = {},
): ReportSection {
  array<unknown>(forecast, 'forecast').forEach((x, i) => {
    const n = object(x, `forecast[${i}]`);
    isoDate(n.date, `forecast[${i}].date`);
    finite(n.mean, `forecast[${i}].mean`);
    finite(n.sd, `forecast[${i}].sd`);
  });
  array(records, 'records');
  object(options, 'options');
  const recs = options.property === undefined ? records : records.filter((r) => r.property === options.property);
  let lastStay = '';
  for (const r of recs) if (r.status === 'stayed' && r.arrivalDate > lastStay) lastStay = r.arrivalDate;
  const occ = forecast.length ? occupancyByNight(recs, { firstNight: forecast[0]!.date, lastNight: forecast[forecast.length - 1]!.date }) : null;
  const rows = forecast.map((n, t) => ({
    night: n.date,
    forecast: n.mean,
    low: Math.max(0, n.mean - n.sd),
    high: n.mean + n.sd,
    actual: occ && n.date <= lastStay ? (occ.total[t] ?? 0) : null,
  }));
  const known = rows.filter((r) => r.actual !== null);
  const blocks: ReportBlock[] = [forecastActualChart(rows)];
  if (known.length) {
    let abs = 0;
    let bias = 0;
    for (const r of known) {
      abs += Math.abs(r.forecast - r.actual!);
      bias += r.forecast - r.actual!;
    }
    blocks.push({
      kind: 'text',
      paragraphs: [
        `Over the ${known.length} nights with an actual, the forecast missed by ${(abs / known.length).toFixed(1)} rooms a night on average ` +
          `(mean error ${(bias / known.length).toFixed(1)}: ${bias >= 0 ? 'over' : 'under'}-forecast). The forecast is of demand for rooms; ` +
          'the actual is what was sold, capped by the rooms the hotel had.',
      ],
    });
  } else blocks.push({ kind: 'text', paragraphs: ['The horizon lies beyond the data: there is no actual to compare with yet.'] });
  return { id: 'forecast', title: 'Forecast against actual', blocks };
}

/**
 * The customer-profitability section: one row per segment, channel, customer type or account of
 * `segmentProfitability` (yieldcraft/customer) — room-nights, revenue, contribution after commission and
 * variable cost, cancellation and no-show rates and what they cost, net contribution per room-night,
 * length of stay and lead time — with a chart of net contribution per room-night.
 * @example
 * import { customerProfitabilitySection } from 'yieldcraft/report';
 * customerProfitabilitySection([]).blocks.length; // => 1
 */
export function customerProfitabilitySection(
  rows: readonly {
    readonly dimension: string;
    readonly key: string;
    readonly roomNights: number;
    readonly revenue: number;
    readonly contribution: number;
    readonly cancellationRate: number;
    readonly noShowRate: number;
    readonly cancellationCost: number;
    readonly noShowCost: number;
    readonly netContribution: number;
    readonly netContributionPerRoomNight: number;
    readonly averageLengthOfStay: number;
    readonly averageLeadTime: number;
  }[],
  title = 'Customer profitability',
): ReportSection {
  const list = array<unknown>(rows, 'rows').map((x, i) => {
    const r = object(x, `rows[${i}]`);
    for (const k of ['roomNights', 'revenue', 'contribution', 'cancellationRate', 'noShowRate', 'netContribution', 'netContributionPerRoomNight', 'averageLengthOfStay', 'averageLeadTime'])
      finite(r[k], `rows[${i}].${k}`);
    return r as unknown as (typeof rows)[number];
  });
  if (list.length === 0) return { id: 'customer-profitability', title, blocks: [{ kind: 'text', paragraphs: ['No bookings to profile.'] }] };
  const table: ReportTable = {
    kind: 'table',
    title: 'Profitability by segment, channel and account (stays; cancellations and no-shows at their cost)',
    columns: [
      { key: 'dimension', label: 'by', format: 'text' },
      { key: 'key', label: 'who', format: 'text' },
      { key: 'roomNights', label: 'room-nights', format: 'count' },
      { key: 'revenue', label: 'revenue', format: 'money' },
      { key: 'contribution', label: 'contribution', format: 'money' },
      { key: 'cancellationRate', label: 'cancelled', format: 'share' },
      { key: 'noShowRate', label: 'no-show', format: 'share' },
      { key: 'netContribution', label: 'net contribution', format: 'money' },
      { key: 'netContributionPerRoomNight', label: 'net / room-night', format: 'money' },
      { key: 'averageLengthOfStay', label: 'nights', format: 'count' },
      { key: 'averageLeadTime', label: 'lead (days)', format: 'count' },
    ],
    rows: list.map((r) => ({
      dimension: r.dimension,
      key: r.key,
      roomNights: r.roomNights,
      revenue: r.revenue,
      contribution: r.contribution,
      cancellationRate: r.cancellationRate,
      noShowRate: r.noShowRate,
      netContribution: r.netContribution,
      netContributionPerRoomNight: r.netContributionPerRoomNight,
      averageLengthOfStay: r.averageLengthOfStay,
      averageLeadTime: r.averageLeadTime,
    })),
  };
  const chartRows = list.filter((r) => r.dimension !== 'total' && r.roomNights > 0);
  const blocks: ReportBlock[] = [table];
  if (chartRows.length > 0)
    blocks.push({
      kind: 'chart',
      id: 'net-per-room-night',
      title: 'Net contribution per room-night',
      caption: 'What a room-night sold to each segment, channel or account leaves after commission, variable cost, cancellations and no-shows.',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        data: { values: chartRows.map((r) => ({ who: `${r.dimension}: ${r.key}`, value: r.netContributionPerRoomNight })) },
        mark: 'bar',
        encoding: {
          y: { field: 'who', type: 'nominal', sort: '-x', title: null },
          x: { field: 'value', type: 'quantitative', title: 'net contribution per room-night' },
        },
        width: 420,
      },
    });
  return { id: 'customer-profitability', title, blocks };
}

/**
 * The rate-ladder section: for each arrival date (and length of stay), the rate published by
 * `rateLadder` (yieldcraft/pricing) beside the sum of the bid prices of the stay's nights, the margin and
 * whether the stay is open, with a chart of rate per night against bid prices per night.
 * @example
 * import { rateLadderSection } from 'yieldcraft/report';
 * rateLadderSection([]).id; // => 'rate-ladder'
 */
export function rateLadderSection(
  rows: readonly {
    readonly arrival: string;
    readonly lengthOfStay: number;
    readonly roomType: string;
    readonly rate: number;
    readonly bidPriceSum: number;
    readonly margin: number;
    readonly buyProbability: number;
    readonly open: boolean;
  }[],
  title = 'Rate ladder: the rate published and the bid prices',
): ReportSection {
  const list = array<unknown>(rows, 'rows').map((x, i) => {
    const r = object(x, `rows[${i}]`);
    isoDate(r.arrival, `rows[${i}].arrival`);
    positiveInteger(r.lengthOfStay, `rows[${i}].lengthOfStay`);
    for (const k of ['rate', 'bidPriceSum', 'margin', 'buyProbability']) finite(r[k], `rows[${i}].${k}`);
    return r as unknown as (typeof rows)[number];
  });
  if (list.length === 0) return { id: 'rate-ladder', title, blocks: [{ kind: 'text', paragraphs: ['No rates to show.'] }] };
  const table: ReportTable = {
    kind: 'table',
    title: 'Rate by arrival date and length of stay',
    columns: [
      { key: 'arrival', label: 'arrival', format: 'text' },
      { key: 'lengthOfStay', label: 'nights', format: 'count' },
      { key: 'roomType', label: 'room', format: 'text' },
      { key: 'rate', label: 'rate / night', format: 'money' },
      { key: 'bidPriceSum', label: 'Σ bid prices', format: 'money' },
      { key: 'margin', label: 'margin', format: 'money' },
      { key: 'buyProbability', label: 'P(buy)', format: 'share' },
      { key: 'open', label: 'open', format: 'text' },
    ],
    rows: list.map((r) => ({ arrival: r.arrival, lengthOfStay: r.lengthOfStay, roomType: r.roomType, rate: r.rate, bidPriceSum: r.bidPriceSum, margin: r.margin, buyProbability: r.buyProbability, open: r.open ? 'yes' : 'closed' })),
  };
  const oneNight = list.filter((r) => r.lengthOfStay === 1);
  const blocks: ReportBlock[] = [table];
  if (oneNight.length > 0)
    blocks.push({
      kind: 'chart',
      id: 'rate-vs-bid-price',
      title: 'One-night rate against the night’s bid price',
      caption: 'The rate published for a one-night stay beside the bid price (last-room value) of that night.',
      spec: {
        $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
        data: {
          values: oneNight.flatMap((r) => [
            { night: r.arrival, series: `rate (${r.roomType})`, value: r.rate },
            { night: r.arrival, series: 'bid price', value: r.bidPriceSum },
          ]),
        },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'night', type: 'temporal', title: 'night' },
          y: { field: 'value', type: 'quantitative', title: 'money per room-night' },
          color: { field: 'series', type: 'nominal', title: null },
        },
        width: 520,
      },
    });
  return { id: 'rate-ladder', title, blocks };
}

/** The report model of a result, with any extra sections (pace, forecast, …) after the result's own. */
export function reportModel(
  result: ReportSimulationResult | ReportWhatIfResult | ReportModel,
  extra: readonly ReportSection[] = [],
  title?: string,
): ReportModel {
  object(result, 'result');
  array(extra, 'extra');
  if (result.kind !== 'report' && result.kind !== 'simulation' && result.kind !== 'what-if')
    fail('result.kind', `must be 'simulation', 'what-if' or 'report', got ${JSON.stringify((result as { kind?: unknown }).kind)}`);
  if (result.kind === 'report') return extra.length ? { ...result, sections: [...result.sections, ...extra] } : result;
  if (result.kind === 'simulation')
    return { kind: 'report', title: title ?? 'Simulation of booking policies', sections: [...simulationSections(result), ...extra] };
  return {
    kind: 'report',
    title: title ?? `What-if: ${result.scenario.name}`,
    subtitle: [result.scenario.property, result.scenario.asOf && `as of ${result.scenario.asOf}`].filter(Boolean).join(' · ') || undefined,
    sections: [...whatIfSections(result), ...extra],
  };
}

/** What the report reads of a group evaluation (`evaluateGroup` of yieldcraft/control). */
export interface ReportGroupEvaluation {
  readonly status: string;
  readonly decision?: string;
  readonly reasons: readonly string[];
  readonly netBenefit?: number;
  readonly minimumAcceptableRate?: number | null;
  readonly group?: { readonly contribution: number };
  readonly displacement?: {
    readonly cost: number;
    readonly byNight: readonly {
      readonly night: string;
      readonly capacity: number;
      readonly blockRooms: number;
      readonly transientBefore: number;
      readonly transientAfter: number;
      readonly displaced: number;
      readonly bidPrice: number;
    }[];
  };
}

/** The group question: the decision, its reasons and the displacement by night. */
export function groupEvaluationSection(e: ReportGroupEvaluation, title = 'The group request'): ReportSection {
  object(e, 'evaluation');
  array(e.reasons, 'evaluation.reasons');
  const blocks: ReportBlock[] = [{ kind: 'text', paragraphs: [...e.reasons] }];
  if (e.displacement)
    blocks.push({
      kind: 'table',
      title: 'Displacement by night',
      columns: [
        { key: 'night', label: 'night', format: 'text' },
        { key: 'capacity', label: 'rooms left', format: 'count' },
        { key: 'blockRooms', label: 'block', format: 'count' },
        { key: 'transientBefore', label: 'transient without group', format: 'count' },
        { key: 'transientAfter', label: 'with group', format: 'count' },
        { key: 'displaced', label: 'displaced', format: 'count' },
        { key: 'bidPrice', label: 'bid price', format: 'money' },
      ],
      rows: e.displacement.byNight.map((n) => ({ ...n })),
      caption: `Group contribution ${money(e.group?.contribution ?? 0)} against a displacement cost of ${money(e.displacement.cost)}.`,
    });
  return { id: 'group', title, blocks };
}
