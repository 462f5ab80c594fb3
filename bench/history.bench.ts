/**
 * History on the real hotel data (Antonio, de Almeida & Nunes 2019; 97,192 rows): CSV parsing in rows
 * per second (whole text, and streamed from the gzipped file in chunks), then the kernels a forecaster
 * calls — the booking table, occupancy by night, the books as of a date, pick-up, a year of booking
 * curves to 365 days out, censoring marks, and historyAsOf. Run: `npm run bench -- history`.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import {
  bookingCurves,
  bookingTable,
  censoring,
  historyAsOf,
  occupancyByNight,
  onTheBooks,
  pickup,
  readHotelBookingsCsv,
  streamHotelBookingsCsv,
} from '../src/history/index.js';
import { progress, record } from './record.js';

const DATA = fileURLToPath(new URL('../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
if (!existsSync(DATA)) {
  console.log(`history bench skipped: ${DATA} is missing`);
  process.exit(0);
}

/** Median wall time of `runs` calls after one warm-up, in ms. */
function median(fn: () => unknown, runs = 7): number {
  const p = progress(`timing ${fn.toString().slice(0, 60)}`, runs + 1);
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    p.tick(i + 2);
  }
  p.done();
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const text = gunzipSync(readFileSync(DATA)).toString('utf8');
const parsed = readHotelBookingsCsv(text);
const rows = parsed.records.length + parsed.rejected.length;
const parseMs = median(() => readHotelBookingsCsv(text));

const t0 = performance.now();
let streamed = 0;
for await (const batch of streamHotelBookingsCsv(createReadStream(DATA, { highWaterMark: 64 * 1024 }).pipe(createGunzip())))
  streamed += batch.records.length + batch.rejected.length;
const streamMs = performance.now() - t0;
if (streamed !== rows) throw new Error(`streamed ${streamed} rows, expected ${rows}`);

const all = parsed.records;
const city = all.filter((r) => r.property === 'City Hotel');
const table = bookingTable(city);
const year = { firstNight: '2016-05-01', lastNight: '2017-04-30' };
const peak = Math.max(...occupancyByNight(table, year).total);

const kernels: [string, () => unknown][] = [
  [`bookingTable(records) — City Hotel, ${city.length.toLocaleString('en')} bookings`, () => bookingTable(city)],
  ['occupancyByNight(table), all nights × segments', () => occupancyByNight(table)],
  ['occupancyByNight(records) (table built inside)', () => occupancyByNight(city)],
  ['onTheBooks(table, 2017-01-01)', () => onTheBooks(table, '2017-01-01')],
  ['pickup(table, 2016-12-01, 2017-01-01)', () => pickup(table, '2016-12-01', '2017-01-01')],
  ['bookingCurves(table), 365 nights × 8 segments × DBA 0…365', () => bookingCurves(table, { ...year, maxDba: 365 })],
  ['censoring(table), capacity = peak, 365 nights, DBA 0…365', () => censoring(table, { ...year, capacity: peak, maxDba: 365 })],
  ['historyAsOf(records, 2016-06-01)', () => historyAsOf(city, '2016-06-01')],
  [`historyAsOf(all ${all.length.toLocaleString('en')} records, 2016-06-01)`, () => historyAsOf(all, '2016-06-01')],
];
const kernelRows = kernels.map(([name, fn]) => `| ${name} | ${median(fn).toFixed(1)} ms |`);

const body = `Real data: ${rows.toLocaleString('en')} rows (${parsed.records.length.toLocaleString('en')} records,
${parsed.rejected.length} rejected), ${(text.length / 2 ** 20).toFixed(1)} MiB of CSV. Median of 7 runs after a warm-up
(single thread, shared 2-core machine: read as orders of magnitude).

| parsing | time | rows / s |
| --- | ---: | ---: |
| \`readHotelBookingsCsv(text)\` (text already in memory) | ${parseMs.toFixed(0)} ms | ${Math.round((rows / parseMs) * 1000).toLocaleString('en')} |
| \`streamHotelBookingsCsv(gzip stream)\`, 64 KiB chunks, incl. gunzip (one run) | ${streamMs.toFixed(0)} ms | ${Math.round((rows / streamMs) * 1000).toLocaleString('en')} |

| kernel | median |
| --- | ---: |
${kernelRows.join('\n')}
`;
console.log(body);
record('history', 'history: CSV parsing and history kernels on the real hotel data', body);
