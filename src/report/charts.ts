/**
 * The Vega-Lite specifications of the report's charts. Each takes plain rows and returns a spec with the
 * rows inlined; axis dates are ISO strings that Vega-Lite parses as temporal values.
 */
import type { ReportChart } from './model.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 640;
const base = { $schema: SCHEMA, width: WIDTH, background: 'white', config: { font: 'sans-serif', view: { stroke: null } } };

/** Revenue per trajectory for each policy or variation: a box plot (median, quartiles, 1.5 IQR whiskers). */
export function revenueDistributionChart(rows: readonly { group: string; revenue: number }[], title = 'Revenue per trajectory'): ReportChart {
  return {
    kind: 'chart',
    id: 'revenue-distribution',
    title,
    caption: 'Each box spans the middle half of the simulated revenues; the line inside is the median, whiskers reach 1.5 × the box.',
    spec: {
      ...base,
      height: Math.max(80, 36 * new Set(rows.map((r) => r.group)).size),
      data: { values: rows },
      mark: { type: 'boxplot', extent: 1.5, median: { color: 'white' } },
      encoding: {
        y: { field: 'group', type: 'nominal', title: null, sort: null },
        x: { field: 'revenue', type: 'quantitative', title: 'revenue', scale: { zero: false } },
        color: { field: 'group', type: 'nominal', legend: null, sort: null },
      },
    },
  };
}

/** Paired differences to the baseline with their confidence intervals: a point and an interval rule per row. */
export function differenceChart(
  rows: readonly { group: string; mean: number; low: number; high: number }[],
  title: string,
  levelText: string,
): ReportChart {
  return {
    kind: 'chart',
    id: 'paired-differences',
    title,
    caption: `Mean paired difference with its ${levelText} confidence interval, on common random numbers; an interval that does not cross 0 is a difference the simulation can tell apart.`,
    spec: {
      ...base,
      height: Math.max(60, 32 * rows.length),
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            y: { field: 'group', type: 'nominal', title: null, sort: null },
            x: { field: 'low', type: 'quantitative', title: 'difference to the baseline' },
            x2: { field: 'high' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            y: { field: 'group', type: 'nominal', sort: null },
            x: { field: 'mean', type: 'quantitative' },
            color: { condition: { test: 'datum.low > 0', value: '#1a7f37' }, value: '#b42318' },
          },
        },
      ],
    },
  };
}

/** Occupancy by night (share of capacity), one line per policy or variation. */
export function occupancyByNightChart(rows: readonly { night: string; group: string; occupancy: number }[]): ReportChart {
  return {
    kind: 'chart',
    id: 'occupancy-by-night',
    title: 'Occupancy by night',
    caption: 'Mean share of the rooms sold on each night.',
    spec: {
      ...base,
      height: 220,
      data: { values: rows },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'night', type: 'temporal', title: 'night', axis: { format: '%a %d %b' } },
        y: { field: 'occupancy', type: 'quantitative', title: 'occupancy', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
        color: { field: 'group', type: 'nominal', title: null, sort: null },
      },
    },
  };
}

/** Bid prices (last room values) by night: bars. */
export function bidPriceChart(rows: readonly { night: string; bidPrice: number; group?: string }[], title = 'Bid prices (last-room values) by night'): ReportChart {
  const grouped = rows.some((r) => r.group !== undefined);
  return {
    kind: 'chart',
    id: 'bid-prices',
    title,
    caption: 'The opportunity cost of the last room on each night: a stay is worth selling when it pays the sum over its nights.',
    spec: {
      ...base,
      height: 200,
      data: { values: rows },
      mark: grouped ? { type: 'line', point: true, interpolate: 'step-after' } : { type: 'bar' },
      encoding: {
        x: grouped
          ? { field: 'night', type: 'temporal', title: 'night', axis: { format: '%a %d %b' } }
          : { field: 'night', type: 'ordinal', title: 'night', timeUnit: 'yearmonthdate', axis: { format: '%a %d %b', labelAngle: -45 } },
        y: { field: 'bidPrice', type: 'quantitative', title: 'bid price' },
        ...(grouped ? { color: { field: 'group', type: 'nominal', title: null, sort: null } } : {}),
      },
    },
  };
}

/** Booking pace: rooms on the books for a period's nights by days before its first night, this year and last. */
export function paceChart(rows: readonly { daysBefore: number; year: string; rooms: number }[]): ReportChart {
  return {
    kind: 'chart',
    id: 'booking-pace',
    title: 'Booking pace against the same nights last year',
    caption: 'Rooms on the books for the period, counted back from its first night; last year’s nights are the same weekdays 364 days earlier.',
    spec: {
      ...base,
      height: 220,
      data: { values: rows },
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'daysBefore', type: 'quantitative', title: 'days before the first night', scale: { reverse: true } },
        y: { field: 'rooms', type: 'quantitative', title: 'room-nights on the books' },
        color: { field: 'year', type: 'nominal', title: null, sort: null },
      },
    },
  };
}

/** Forecast (mean ± 1 sd band) against the occupancy that happened. */
export function forecastActualChart(rows: readonly { night: string; forecast: number; low: number; high: number; actual: number | null }[]): ReportChart {
  const long = rows.flatMap((r) => [
    { night: r.night, series: 'forecast', rooms: r.forecast },
    ...(r.actual === null ? [] : [{ night: r.night, series: 'actual', rooms: r.actual }]),
  ]);
  return {
    kind: 'chart',
    id: 'forecast-vs-actual',
    title: 'Forecast against actual occupancy',
    caption: 'Rooms occupied by night: the forecast made on the as-of date (band: ± 1 sd) and what the hotel sold.',
    spec: {
      ...base,
      height: 220,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'area', opacity: 0.2, color: '#4c78a8' },
          encoding: {
            x: { field: 'night', type: 'temporal', title: 'night', axis: { format: '%a %d %b' } },
            y: { field: 'low', type: 'quantitative', title: 'rooms' },
            y2: { field: 'high' },
          },
        },
        {
          data: { values: long },
          mark: { type: 'line', point: true },
          encoding: {
            x: { field: 'night', type: 'temporal' },
            y: { field: 'rooms', type: 'quantitative' },
            color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['forecast', 'actual'], range: ['#4c78a8', '#e45756'] } },
          },
        },
      ],
    },
  };
}
