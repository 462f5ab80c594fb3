/**
 * Forecast accuracy and speed on the real hotel data (Antonio, de Almeida & Nunes 2019, Data in Brief
 * 22: 41–49, CC BY 4.0), recorded in bench/README.md (its own section only).
 *
 * Accuracy: a rolling-origin backtest (`backtest`, every origin through `historyAsOf`, capacity
 * estimated again at each origin from the history before it) for each hotel's total occupancy, origins
 * on the 1st and 15th of every month from 2016-06-01 to 2017-04-15, every lead 0–89 days, scored on
 * the nights from 2016-07-13 (the first night whose same night a year earlier is in the data after its
 * two-week warm-up) to 2017-04-30 (the last arrival in the data). Results by season — the busiest third
 * of the scored nights (by actual occupancy), the quietest third, the rest — and lead bucket (0–6,
 * 7–13, 14–29, 30–59, 60–89 days), as MAE and WAPE: `auto` against the same night last year (364
 * days), the latest same weekday, on-the-books, the capped (additive) pickup and, when `Rscript` with
 * the `forecast` package is installed, R's `ets`, `auto.arima` and `tbats` on the series of final
 * room-nights before each origin (bench/reference/forecast.R; progress is printed while R runs).
 * Also: the coverage of auto's 80 % and 95 % intervals by lead bucket.
 *
 * Speed: forecasting every night of a year (365 nights from 2016-05-01) for both hotels, by segment.
 *
 * Run: npm run bench -- forecast
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { record } from './record.js';
import { readHotelBookingsCsv, historyAsOf, addDays, toEpochDay, fromEpochDay } from '../src/history/index.js';
import type { BookingRecord } from '../src/history/index.js';
import { backtest, forecastOccupancy, type BacktestNight, type OccupancyMethod } from '../src/forecast/index.js';
import { prepareRecords } from '../src/forecast/internal/records.js';
import { Engine } from '../src/forecast/internal/engine.js';
import { buildCurves } from '../src/forecast/internal/curves.js';

const file = fileURLToPath(new URL('../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
if (!existsSync(file)) {
  console.log(`forecast bench skipped: ${file} is missing (the shared hotel-bookings data set)`);
  process.exit(0);
}

const MAX_LEAD = 89;
const LEADS = Array.from({ length: MAX_LEAD + 1 }, (_, i) => i);
const BUCKETS = [
  [0, 6],
  [7, 13],
  [14, 29],
  [30, 59],
  [60, 89],
] as const;
const ORIGINS: string[] = [];
for (let m = 0; m < 11; m++) {
  const y = 2016 + Math.floor((5 + m) / 12);
  const mm = String(((5 + m) % 12) + 1).padStart(2, '0');
  ORIGINS.push(`${y}-${mm}-01`, `${y}-${mm}-15`);
}
const FIRST_SCORED = toEpochDay('2016-07-13');
const HOTELS = ['City Hotel', 'Resort Hotel'];
const SEASONS = ['busiest third', 'middle third', 'quietest third'] as const;

const t0 = performance.now();
const { records, rejected } = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8'));
console.log(`read ${records.length} records (${rejected.length} rejected) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---- R reference ----------------------------------------------------------------------------------
const rCheck = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(forecast))'], { encoding: 'utf8' });
const haveR = rCheck.status === 0;
if (!haveR) console.log('R reference skipped: Rscript with the forecast package is not installed (apt-get install r-base-core r-cran-forecast)');
const R_MODELS = ['ets', 'auto.arima', 'tbats'] as const;
let rVersion = '';

function truthOf(recs: readonly BookingRecord[]) {
  const p = prepareRecords(recs);
  let last = -Infinity;
  for (let j = 0; j < p.length; j++) last = Math.max(last, p.arrivalDay[j]!);
  const m = buildCurves(p, last + 1, p.firstNight, last, 0, 'total');
  return { last, at: (night: number) => (night > last || night < m.first ? Number.NaN : m.data[0]![(night - m.first) * m.width]!) };
}

/** R forecasts: model → origin → lead → mean. */
function rReference(hotel: string, recs: readonly BookingRecord[]): Map<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'yc-forecast-'));
  const lines = ['series,y'];
  for (const d of ORIGINS) {
    const engine = new Engine(prepareRecords(historyAsOf(recs, d)), toEpochDay(d), 1, 'total', { window: 8, warmupDays: 14, lookbackDays: 365 });
    for (const y of engine.finals(0)) lines.push(`${d},${y}`);
  }
  writeFileSync(join(dir, 'in.csv'), lines.join('\n'));
  const script = fileURLToPath(new URL('./reference/forecast.R', import.meta.url));
  // R's fits take minutes: cached in the temp dir by a hash of the series, the script and the horizon
  const cacheDir = join(tmpdir(), 'yieldcraft-bench-r-cache');
  const key = createHash('sha256').update(lines.join('\n')).update(readFileSync(script)).update(String(MAX_LEAD + 1)).digest('hex').slice(0, 16);
  const cached = join(cacheDir, `${key}.csv`);
  let outFile = join(dir, 'out.csv');
  if (existsSync(cached) && existsSync(`${cached}.version`)) {
    console.log(`${hotel}: R reference read from the cache (${cached})`);
    outFile = cached;
    rVersion = readFileSync(`${cached}.version`, 'utf8').trim();
  } else {
    console.log(`${hotel}: R fits ets, auto.arima and tbats on ${ORIGINS.length} series (progress below)…`);
    const r = spawnSync('Rscript', [script, join(dir, 'in.csv'), outFile, String(MAX_LEAD + 1)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`R failed (exit ${r.status})`);
    rVersion = r.stdout.trim();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(cached, readFileSync(outFile));
    writeFileSync(`${cached}.version`, rVersion);
  }
  const out = new Map<string, number>();
  for (const row of readFileSync(outFile, 'utf8').trim().split('\n').slice(1)) {
    const [series, model, h, mean] = row.split(',').map((s) => s.replace(/"/g, ''));
    out.set(`${model}|${series}|${Number(h) - 1}`, Math.max(0, Number(mean)));
  }
  return out;
}

// ---- accuracy ----------------------------------------------------------------------------------------
type Row = { origin: string; lead: number; night: number; actual: number; f: Record<string, number> };
const BASELINES = ['same night last year', 'latest same weekday', 'on the books', 'capped pickup'];
const fmt = (mae: number, wape: number) => `${mae.toFixed(1)} (${(100 * wape).toFixed(0)} %)`;

let md = `Data: Antonio, de Almeida & Nunes (2019), *Hotel booking demand datasets*, Data in Brief 22 (CC BY 4.0).
Rolling-origin backtest through \`historyAsOf\`: ${ORIGINS.length} origins (the 1st and 15th of each month, ${ORIGINS[0]} … ${ORIGINS[ORIGINS.length - 1]}),
every lead 0–${MAX_LEAD} days, hotel total (room-nights occupied by stays), scored on the nights ${fromEpochDay(FIRST_SCORED)} … 2017-04-30
(earlier nights have no same night a year before in the data). Capacity: estimated at each origin from the history before it
(the most rooms occupied on any night so far). Seasons: the busiest third of the scored nights by actual occupancy, the
quietest third, and the rest. Cells: MAE in room-nights (WAPE in brackets).
Baselines: the same night 364 days earlier; the latest same weekday before the origin; on-the-books (raw); the capped
pickup (additive pickup, capped at capacity like \`auto\`)${haveR ? "; R's `ets`, `auto.arima`, `tbats` on `ts(finals, frequency = 7)` (the series only, no bookings on hand, no capacity)" : ''}.
\`auto\` combines its candidates with inverse-MSE weights from an inner backtest on nights before each origin (no hindsight).\n`;
const summary: string[] = [];
const coverageRows: string[] = [];
for (const hotel of HOTELS) {
  const recs = records.filter((r) => r.property === hotel);
  const truth = truthOf(recs);
  let t = performance.now();
  const ours = backtest(recs, { method: ['auto', 'additive-pickup', 'pickup-holt-winters'], asOfDates: ORIGINS, horizons: LEADS, details: true });
  const otb = backtest(recs, { method: 'naive-on-the-books', asOfDates: ORIGINS, horizons: LEADS, details: true, capacity: 'none' });
  console.log(`${hotel}: backtest of auto, capped pickups and on-the-books × ${ours.origins} origins in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const ref = haveR ? rReference(hotel, recs) : null;
  const rows = new Map<string, Row>();
  const take = (name: string, nights: readonly BacktestNight[]) => {
    for (const n of nights) {
      const night = toEpochDay(n.date);
      if (night < FIRST_SCORED) continue;
      const id = `${n.asOf}|${n.lead}`;
      const row = rows.get(id) ?? { origin: n.asOf, lead: n.lead, night, actual: n.actual, f: {} };
      row.f[name] = n.forecast;
      rows.set(id, row);
    }
  };
  take('auto', ours.results[0]!.nights!);
  take('capped pickup', ours.results[1]!.nights!);
  take('pickup-holt-winters (capped)', ours.results[2]!.nights!);
  take('on the books', otb.results[0]!.nights!);
  const interval = new Map<string, BacktestNight>();
  for (const n of ours.results[0]!.nights!) interval.set(`${n.asOf}|${n.lead}`, n);
  for (const row of rows.values()) {
    const D = toEpochDay(row.origin);
    row.f['same night last year'] = truth.at(row.night - 364);
    row.f['latest same weekday'] = truth.at(row.night - 7 * Math.ceil((row.lead + 1) / 7));
    if (ref) for (const m of R_MODELS) row.f[`R ${m}`] = ref.get(`${m}|${row.origin}|${row.lead}`)!;
    void D;
  }
  const all = [...rows.values()].filter((r) => Object.values(r.f).every((v) => Number.isFinite(v)));
  // seasons: terciles of the scored nights' actual occupancy
  const nightActual = new Map<number, number>();
  for (const r of all) nightActual.set(r.night, r.actual);
  const sorted = [...nightActual.values()].sort((a, b) => a - b);
  const q1 = sorted[Math.floor(sorted.length / 3)]!;
  const q2 = sorted[Math.floor((2 * sorted.length) / 3)]!;
  const seasonOf = (a: number) => (a >= q2 ? 0 : a < q1 ? 2 : 1);
  const methods = ['auto', ...BASELINES, ...(ref ? R_MODELS.map((m) => `R ${m}`) : []), 'pickup-holt-winters (capped)'];
  const baselines = [...BASELINES, ...(ref ? R_MODELS.map((m) => `R ${m}`) : [])];
  const acc = (sel: Row[], m: string) => {
    let e = 0;
    let y = 0;
    for (const r of sel) {
      e += Math.abs(r.f[m]! - r.actual);
      y += Math.abs(r.actual);
    }
    return { mae: e / sel.length, wape: y > 0 ? e / y : 0 };
  };
  md += `\n### ${hotel}\n\nSeasons: busiest third ≥ ${q2} rooms, quietest third < ${q1} rooms (${nightActual.size} nights scored, ${all.length} forecasts per method).\n\n`;
  md += `| season | lead | n | ${methods.join(' | ')} | best baseline | auto vs best |\n| --- | --- | ---: | ${methods.map(() => '---:').join(' | ')} | --- | --- |\n`;
  const misses: string[] = [];
  let pooled = '';
  const cells: { sel: Row[]; season: string; lead: string }[] = [];
  SEASONS.forEach((season, si) => BUCKETS.forEach(([a, b]) => cells.push({ sel: all.filter((r) => seasonOf(r.actual) === si && r.lead >= a && r.lead <= b), season, lead: `${a}–${b}` })));
  cells.push({ sel: all, season: '**pooled**', lead: '0–89' });
  for (const c of cells) {
    if (c.sel.length === 0) continue;
    const res = methods.map((m) => acc(c.sel, m));
    let best = -1;
    res.forEach((r, i) => {
      if (baselines.includes(methods[i]!) && (best < 0 || r.mae < res[best]!.mae)) best = i;
    });
    const auto = res[0]!;
    const bestName = methods[best]!;
    const verdict = auto.mae <= res[best]!.mae ? `better by ${(res[best]!.mae - auto.mae).toFixed(1)}` : `**worse by ${(auto.mae - res[best]!.mae).toFixed(1)}**`;
    if (c.sel === all) pooled = `pooled: auto ${auto.mae.toFixed(1)} against the best baseline's ${res[best]!.mae.toFixed(1)} (${bestName}) — ${auto.mae <= res[best]!.mae ? 'better' : 'NOT better'}`;
    else if (auto.mae > res[best]!.mae) misses.push(`${c.season} ${c.lead} d (${bestName} ${res[best]!.mae.toFixed(1)} vs auto ${auto.mae.toFixed(1)})`);
    md += `| ${c.season} | ${c.lead} | ${c.sel.length} | ${res.map((r, i) => (i === best ? `**${fmt(r.mae, r.wape)}**` : fmt(r.mae, r.wape))).join(' | ')} | ${bestName} | ${verdict} |\n`;
  }
  const line =
    misses.length === 0
      ? `${hotel}: \`auto\` is no worse than the best baseline in every season × lead cell; ${pooled}.`
      : `${hotel}: \`auto\` is worse than the best baseline in ${misses.length} of ${cells.length - 1} season × lead cells: ${misses.join('; ')}; ${pooled}.`;
  md += `\n${line}\n`;
  summary.push(line);
  // coverage of auto's intervals by lead bucket
  const cov = BUCKETS.map(([a, b]) => {
    const sel = all.filter((r) => r.lead >= a && r.lead <= b);
    let c80 = 0;
    let c95 = 0;
    for (const r of sel) {
      const n = interval.get(`${r.origin}|${r.lead}`)!;
      if (r.actual >= n.interval80[0] && r.actual <= n.interval80[1]) c80++;
      if (r.actual >= n.interval95[0] && r.actual <= n.interval95[1]) c95++;
    }
    return `${((100 * c80) / sel.length).toFixed(0)} % / ${((100 * c95) / sel.length).toFixed(0)} %`;
  });
  coverageRows.push(`| ${hotel} | ${cov.join(' | ')} |`);
  t = performance.now();
}
md += `\n### Coverage of \`auto\`'s prediction intervals\n\nShare of actuals inside the 80 % / 95 % interval, same backtest (nominal 80 % / 95 %):\n\n| hotel | ${BUCKETS.map(([a, b]) => `${a}–${b} d`).join(' | ')} |\n| --- | ${BUCKETS.map(() => '---:').join(' | ')} |\n${coverageRows.join('\n')}\n`;

// ---- the case of issue 9: busy season, as of 2016-06-01 ------------------------------------------------
md += `\n### Busy season, as of 2016-06-01\n\nNights forecast above the most rooms ever occupied before that date (the estimated capacity):\n\n| hotel | capacity | 30–59 d | 60–89 d |\n| --- | ---: | ---: | ---: |\n`;
for (const hotel of HOTELS) {
  const f = forecastOccupancy(records, { asOf: '2016-06-01', horizonDays: 90, property: hotel });
  const cap = f.capacity.rooms!;
  const above = (a: number, b: number) => f.nights.filter((n) => n.lead >= a && n.lead <= b && n.mean > cap).length;
  md += `| ${hotel} | ${cap} | ${above(30, 59)} of 30 | ${above(60, 89)} of 30 |\n`;
}

if (haveR) md += `\nReference run with ${rVersion}.\n`;
else md += `\nR reference not run (Rscript with the forecast package absent).\n`;

// ---- speed -------------------------------------------------------------------------------------------
function timeYear(method: OccupancyMethod): { ms: number; cpu: number; nights: number } {
  const times: { wall: number; cpu: number }[] = [];
  let nights = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    nights = 0;
    for (const hotel of HOTELS)
      nights += forecastOccupancy(records, { asOf: '2016-05-01', horizonDays: 365, by: 'segment', property: hotel, method }).nights.length;
    const c = process.cpuUsage(c0);
    times.push({ wall: performance.now() - t, cpu: (c.user + c.system) / 1000 });
  }
  times.sort((a, b) => a.wall - b.wall);
  return { ms: times[1]!.wall, cpu: times[1]!.cpu, nights };
}
const load = loadavg()[0]!;
const speed = (['auto', 'pickup-holt-winters', 'advanced-pickup'] as const).map((m) => ({ m, ...timeYear(m) }));
md += `\n### Speed\n\nForecasting every night of a year (365 nights from 2016-05-01) for both hotels, by segment (median of 3 runs,
including \`historyAsOf\`, the capacity estimate and the unconstraining of sold-out nights; 1-minute load average
${load.toFixed(1)} on this machine's 2 cores when the timing started${load > 1.5 ? ', so the wall times are inflated by other work; the CPU time of the process (which also counts its garbage-collector threads) is the steadier figure' : ''}):\n\n| method | segment-nights | wall time | CPU time |\n| --- | ---: | ---: | ---: |\n`;
for (const s of speed) md += `| ${s.m} | ${s.nights} | ${s.ms.toFixed(0)} ms${s.ms < 1000 ? '' : ' (over the 1 s goal)'} | ${s.cpu.toFixed(0)} ms |\n`;

console.log(md);
console.log(summary.join('\n'));
record('forecast', 'Demand forecasting on the real hotel data', md);
void addDays;
