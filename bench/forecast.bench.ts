/**
 * Forecast accuracy and speed on the real hotel data (Antonio, de Almeida & Nunes 2019, Data in Brief
 * 22: 41–49, CC BY 4.0), recorded in bench/README.md.
 *
 * Accuracy: a rolling-origin backtest (`backtest`) for each hotel, weekly origins 2016-09-01 … 2017-01-26
 * (22 origins, so that a 90-day lead still lands on a night before the data ends on 2017-04-30), the
 * hotel total, at lead times 1, 7, 14, 30, 60 and 90 days: every method against the naive baselines
 * (on-the-books only; the same weekday last year; seasonal naive = the latest same weekday) and, when
 * `Rscript` with the `forecast` package is installed, against R's `ets` and `auto.arima` fitted on the
 * same series of final room-nights that our Holt-Winters sees (bench/reference/forecast.R). R sees
 * only the series; our pickup methods also see the bookings on hand.
 *
 * Speed: forecasting every night of a year (365 nights from 2016-05-01) for both hotels, by segment.
 *
 * Run: npm run bench -- forecast
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { record } from './record.js';
import { readHotelBookingsCsv, historyAsOf, addDays, toEpochDay, fromEpochDay } from '../src/history/index.js';
import type { BookingRecord } from '../src/history/index.js';
import { backtest, forecastOccupancy, forecastAccuracy, OCCUPANCY_METHODS, type OccupancyMethod } from '../src/forecast/index.js';
import { prepareRecords } from '../src/forecast/internal/records.js';
import { Engine } from '../src/forecast/internal/engine.js';
import { buildCurves } from '../src/forecast/internal/curves.js';

const file = fileURLToPath(new URL('../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
if (!existsSync(file)) {
  console.log(`forecast bench skipped: ${file} is missing (the shared hotel-bookings data set)`);
  process.exit(0);
}

const HORIZONS = [1, 7, 14, 30, 60, 90];
const ORIGINS: string[] = [];
for (let d = '2016-09-01'; d <= '2017-01-26'; d = addDays(d, 7)) ORIGINS.push(d);
const HOTELS = ['City Hotel', 'Resort Hotel'];
const OURS: OccupancyMethod[] = ['additive-pickup', 'multiplicative-pickup', 'advanced-pickup', 'holt-winters', 'pickup-holt-winters', 'auto'];
const BASELINES: OccupancyMethod[] = ['naive-on-the-books', 'naive-last-year', 'naive-seasonal'];
void OCCUPANCY_METHODS;

const t0 = performance.now();
const { records, rejected } = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8'));
console.log(`read ${records.length} records (${rejected.length} rejected) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- R reference ----------------------------------------------------------------------------------
const rCheck = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(forecast))'], { encoding: 'utf8' });
const haveR = rCheck.status === 0;
if (!haveR) console.log('R reference skipped: Rscript with the forecast package is not installed (apt-get install r-cran-forecast)');

function truthOf(recs: readonly BookingRecord[]) {
  const p = prepareRecords(recs);
  let last = -Infinity;
  for (let j = 0; j < p.length; j++) last = Math.max(last, p.arrivalDay[j]!);
  const m = buildCurves(p, last + 1, p.firstNight, last, 0, 'total');
  return (night: number) => (night > last ? Number.NaN : m.data[0]![(night - m.first) * m.width]!);
}

function rReference(recs: readonly BookingRecord[]): { model: string; byLead: { lead: number; mae: number; wape: number | null }[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'yc-forecast-'));
  const lines = ['series,y'];
  for (const d of ORIGINS) {
    const D = toEpochDay(d);
    const engine = new Engine(prepareRecords(historyAsOf(recs, d)), D, 1, 'total', { window: 8, warmupDays: 14, lookbackDays: 365 });
    for (const y of engine.finals(0)) lines.push(`${d},${y}`);
  }
  writeFileSync(join(dir, 'in.csv'), lines.join('\n'));
  const script = fileURLToPath(new URL('./reference/forecast.R', import.meta.url));
  const r = spawnSync('Rscript', [script, join(dir, 'in.csv'), join(dir, 'out.csv'), String(Math.max(...HORIZONS) + 1)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  rVersion = r.stdout.trim();
  const truth = truthOf(recs);
  const rows = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n').slice(1);
  const acc = new Map<string, { a: number[]; f: number[] }>();
  for (const row of rows) {
    const [series, model, h, mean] = row.split(',').map((s) => s.replace(/"/g, ''));
    const lead = Number(h) - 1;
    if (!HORIZONS.includes(lead)) continue;
    const actual = truth(toEpochDay(series!) + lead);
    if (Number.isNaN(actual)) continue;
    const key = `${model}|${lead}`;
    const e = acc.get(key) ?? { a: [], f: [] };
    e.a.push(actual);
    e.f.push(Math.max(0, Number(mean)));
    acc.set(key, e);
  }
  return ['ets', 'auto.arima'].map((model) => ({
    model,
    byLead: HORIZONS.map((lead) => {
      const e = acc.get(`${model}|${lead}`)!;
      const a = forecastAccuracy(e.a, e.f);
      return { lead, mae: a.mae, wape: a.wape };
    }),
  }));
}
let rVersion = '';

// ---- accuracy ----------------------------------------------------------------------------------------
let md = `Data: Antonio, de Almeida & Nunes (2019), *Hotel booking demand datasets*, Data in Brief 22 (CC BY 4.0).
Rolling-origin backtest through \`historyAsOf\`: ${ORIGINS.length} weekly origins ${ORIGINS[0]} … ${ORIGINS[ORIGINS.length - 1]},
hotel total (room-nights occupied by stays), MAE in room-nights (WAPE in brackets) by lead time in days.
Baselines: on-the-books only, the same weekday 52 weeks earlier, the latest same weekday with a final count.
R: \`forecast::ets\` and \`forecast::auto.arima\` on \`ts(finals, frequency = 7)\` — the series only, no bookings on hand.\n`;
const summary: string[] = [];
for (const hotel of HOTELS) {
  const recs = records.filter((r) => r.property === hotel);
  const t = performance.now();
  const bt = backtest(recs, { method: [...OURS, ...BASELINES], asOfDates: ORIGINS, horizons: HORIZONS });
  console.log(`${hotel}: backtest of ${OURS.length + BASELINES.length} methods × ${bt.origins} origins in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const ref = haveR ? rReference(recs) : [];
  const rows: { name: string; kind: 'ours' | 'baseline' | 'R'; mae: number[]; wape: (number | null)[] }[] = [];
  for (const r of bt.results)
    rows.push({
      name: r.method,
      kind: BASELINES.includes(r.method) ? 'baseline' : 'ours',
      mae: r.byLead.map((l) => l.mae),
      wape: r.byLead.map((l) => l.wape),
    });
  for (const r of ref) rows.push({ name: `R ${r.model}`, kind: 'R', mae: r.byLead.map((l) => l.mae), wape: r.byLead.map((l) => l.wape) });
  md += `\n### ${hotel}\n\n| method | ${HORIZONS.map((h) => `${h} d`).join(' | ')} |\n| --- | ${HORIZONS.map(() => '---:').join(' | ')} |\n`;
  const bestIdx = HORIZONS.map((_, i) => {
    let b = -1;
    rows.forEach((r, j) => {
      if (r.kind === 'ours' && (b < 0 || r.mae[i]! < rows[b]!.mae[i]!)) b = j;
    });
    return b;
  });
  for (const [j, r] of rows.entries())
    md += `| ${r.kind === 'baseline' ? `_${r.name}_` : r.kind === 'R' ? `*${r.name}*` : r.name} | ${r.mae
      .map((m, i) => {
        const cell = `${m.toFixed(1)} (${r.wape[i] === null ? '–' : `${(100 * r.wape[i]!).toFixed(0)} %`})`;
        return bestIdx[i] === j ? `**${cell}**` : cell;
      })
      .join(' | ')} |\n`;
  // plain statement per lead
  const verdicts = HORIZONS.map((h, i) => {
    const best = rows[bestIdx[i]!]!;
    const losers = rows.filter((r) => r.kind !== 'ours' && r.mae[i]! <= best.mae[i]!).map((r) => r.name);
    return losers.length === 0 ? `${h} d: ${best.name} beats every baseline${haveR ? ' and R' : ''}` : `${h} d: ${best.name} does NOT beat ${losers.join(', ')}`;
  });
  md += `\nBest of ours per lead, in hindsight (bold): ${verdicts.join('; ')}.\n`;
  // the method a user gets by default, chosen without hindsight
  const autoRow = rows.find((r) => r.name === 'auto')!;
  const autoVerdicts = HORIZONS.map((h, i) => {
    const losers = rows.filter((r) => r.kind !== 'ours' && r.mae[i]! <= autoRow.mae[i]!).map((r) => r.name);
    return losers.length === 0 ? `${h} d beats all` : `${h} d does NOT beat ${losers.join(', ')}`;
  });
  md += `\nThe default \`auto\` (chosen by an inner backtest before each origin, no hindsight): ${autoVerdicts.join('; ')}.\n`;
  summary.push(`${hotel}: ${verdicts.join('; ')} | auto: ${autoVerdicts.join('; ')}`);
}
if (haveR) md += `\nReference run with ${rVersion}.\n`;
else md += `\nR reference not run (Rscript with the forecast package absent).\n`;

// ---- speed -------------------------------------------------------------------------------------------
function timeYear(method: OccupancyMethod): { ms: number; nights: number } {
  const times: number[] = [];
  let nights = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    nights = 0;
    for (const hotel of HOTELS)
      nights += forecastOccupancy(records, { asOf: '2016-05-01', horizonDays: 365, by: 'segment', property: hotel, method }).nights.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[1]!, nights };
}
const speed = (['pickup-holt-winters', 'advanced-pickup', 'auto'] as const).map((m) => ({ m, ...timeYear(m) }));
md += `\n### Speed\n\nForecasting every night of a year (365 nights from 2016-05-01) for both hotels, by segment (median of 3 runs,
including \`historyAsOf\` over each hotel's records):\n\n| method | segment-nights | time |\n| --- | ---: | ---: |\n`;
for (const s of speed) md += `| ${s.m} | ${s.nights} | ${s.ms.toFixed(0)} ms${s.ms < 1000 ? '' : ' (over the 1 s goal)'} |\n`;

console.log(md);
console.log(summary.join('\n'));
record('forecast', 'Demand forecasting on the real hotel data', md);
void fromEpochDay;
