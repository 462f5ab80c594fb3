/**
 * Forecasting a real hotel's occupancy (Antonio, de Almeida & Nunes 2019, "Hotel booking demand
 * datasets", Data in Brief 22; CC BY 4.0): the next two weeks of the City Hotel as known on
 * 1 March 2017 — rooms on the books, the floor they guarantee after expected cancellations, the
 * forecast and what really happened — then show-up rates by lead time, the demand still to come for
 * the network models, and a short backtest against the naive baselines.
 *
 * Run: `npx tsx examples/forecast-hotel-occupancy.ts` (after `npm run build`: it imports the built package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { backtest, cancellationRates, forecastOccupancy, forecastProductDemand, readHotelBookingsCsv } from 'yieldcraft';

const file = fileURLToPath(new URL('../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
if (!existsSync(file)) {
  console.log(`forecast example: the data file ${file} is missing; nothing to show.`);
  process.exit(0);
}
const { records } = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8'));
const property = 'City Hotel';
const asOf = '2017-03-01';

const f = forecastOccupancy(records, { asOf, horizonDays: 14, property });
// what really happened: rooms of bookings that stayed, night by night
const truth = new Map<string, number>();
for (const r of records)
  if (r.property === property && r.status === 'stayed')
    for (let k = 0; k < r.nights; k++) {
      const d = new Date(`${r.arrivalDate}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + k);
      const key = d.toISOString().slice(0, 10);
      truth.set(key, (truth.get(key) ?? 0) + r.rooms);
    }
console.log(`${property}, as of ${asOf} (${f.status}, method ${f.method}):`);
console.log('night        on books  floor  forecast ± sd   actual  method');
for (const n of f.nights)
  console.log(
    `${n.date}  ${String(n.onTheBooks).padStart(8)}  ${n.floor.toFixed(0).padStart(5)}  ${n.mean.toFixed(0).padStart(8)} ± ${n.sd.toFixed(0).padEnd(4)}  ${String(truth.get(n.date) ?? 0).padStart(6)}  ${n.method}`,
  );

const rates = cancellationRates(records, { asOf, property, by: 'segment' });
console.log('\nshow-up probability of what is on the books, by lead time (days):');
for (const seg of ['Online TA', 'Offline TA/TO', 'Groups', 'Direct']) {
  const row = rates.rates.filter((r) => r.segment === seg);
  console.log(`  ${seg.padEnd(14)} ${row.map((r) => `${r.fromLead}+: ${(100 * r.showUpProbability).toFixed(0)} %`).join('  ')}`);
}

const demand = forecastProductDemand(records, { asOf, horizonDays: 7, property });
const top = [...demand.products].sort((a, b) => (b.demand as { mean: number }).mean - (a.demand as { mean: number }).mean).slice(0, 5);
console.log(`\ndemand still to come for the next 7 arrival nights: ${demand.products.length} products; the largest:`);
for (const p of top) console.log(`  ${p.arrivalDate} ${p.segment.padEnd(13)} ${p.nights} night(s): ${JSON.stringify(p.demand)}`);

if (process.env.YIELDCRAFT_SMOKE !== '1') {
  const bt = backtest(records, {
    method: ['auto', 'naive-on-the-books', 'naive-last-year'],
    asOfDates: ['2016-10-06', '2016-11-03', '2016-12-01', '2017-01-05'],
    horizons: [1, 7, 30, 90],
    property,
  });
  console.log('\nbacktest, MAE in rooms by lead time (4 origins):');
  for (const r of bt.results) console.log(`  ${r.method.padEnd(20)} ${r.byLead.map((l) => `${l.lead} d: ${l.mae.toFixed(1)}`).join('  ')}`);
}
