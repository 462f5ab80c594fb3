/**
 * Booking history of two real hotels (Antonio, de Almeida & Nunes 2019, "Hotel booking demand
 * datasets", Data in Brief 22; CC BY 4.0): read the CSV, see which rows were rejected and why, then
 * occupancy by month, the books on hand for a night as of successive dates, its booking curve by
 * segment, and the pick-up of the last month.
 *
 * Run: `npx tsx examples/history-hotel-bookings.ts` (after `npm run build`: it imports the built package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  bookingCurves,
  bookingTable,
  curveOf,
  gridValue,
  occupancyByNight,
  onTheBooks,
  pickup,
  readHotelBookingsCsv,
  rollup,
} from 'yieldcraft';

const file = fileURLToPath(new URL('../../shared/data/hotel-bookings/hotel_bookings_until_2017-04-30.csv.gz', import.meta.url));
if (!existsSync(file)) {
  console.log(`history example: the data file ${file} is missing; nothing to show.`);
  process.exit(0);
}

const { records, rejected } = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8'));
console.log(`${records.length.toLocaleString('en')} bookings read, ${rejected.length} rows rejected:`);
for (const [code, n] of rollup(rejected, (v) => v.length, (r) => r.code)) console.log(`  ${code.padEnd(16)} ${n}`);
for (const r of rejected.filter((x) => x.code !== 'zero-nights')) console.log(`  line ${r.line}: ${r.reason}`);

for (const hotel of ['Resort Hotel', 'City Hotel']) {
  const table = bookingTable(records.filter((r) => r.property === hotel));
  const occ = occupancyByNight(table, { firstNight: '2016-01-01', lastNight: '2016-12-31', by: () => 'all' });
  const monthly = rollup(
    Array.from(occ.total, (rooms, t) => ({ month: new Date(Date.UTC(2016, 0, 1 + t)).toISOString().slice(0, 7), rooms })),
    (v) => Math.round(v.reduce((s, x) => s + x.rooms, 0) / v.length),
    (x) => x.month,
  );
  console.log(`\n${hotel}: rooms occupied per night in 2016, monthly mean`);
  console.log('  ' + [...monthly].map(([m, v]) => `${m.slice(5)}:${v}`).join('  '));

  const night = '2016-08-15';
  const asOfs = ['2016-05-15', '2016-06-15', '2016-07-15', '2016-08-01', '2016-08-10', '2016-08-15'];
  console.log(`  books on hand for ${night}: ` + asOfs.map((d) => `${d.slice(5)} → ${gridValue(onTheBooks(table, d), night)}`).join(', '));
  const curves = bookingCurves(table, { maxDba: 90, firstNight: night, lastNight: night });
  for (const seg of curves.keys) {
    const c = curveOf(curves, night, seg);
    if (c[0]! < 5) continue;
    console.log(`  ${seg.padEnd(14)} DBA 90:${c[90]}  60:${c[60]}  30:${c[30]}  14:${c[14]}  7:${c[7]}  0:${c[0]}`);
  }
  const p = pickup(table, '2016-07-15', '2016-08-15', { firstNight: night, lastNight: night });
  console.log(`  pick-up 15 Jul → 15 Aug for ${night}: +${p.booked.total[0]} booked, −${p.cancelled.total[0]} cancelled, net ${p.net.total[0]}`);
}
