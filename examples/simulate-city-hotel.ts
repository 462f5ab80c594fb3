/**
 * The City Hotel, four weeks from 1 March 2017, simulated: forecast → booking process → policies
 * (real data: Antonio, de Almeida & Nunes 2019, "Hotel booking demand datasets", Data in Brief 22;
 * CC BY 4.0, shipped in data/hotel-bookings/).
 *
 * As known on the as-of date: the demand still to come by arrival night × length of stay × segment
 * (`forecastProductDemand`, with each row's cancellation and no-show rates), the hotel's rooms (the
 * forecast's capacity estimate) and the rooms already on the books each night (`onTheBooks`); one rate
 * plan per segment at the median rate the segment paid over the year before. `hotelBookingProcess` turns
 * that into a booking process, and `simulatePolicies` plays the same request trajectories (common random
 * numbers) under first come, first served, EMSR-b limits per night and DLP bid prices (both re-planned
 * every booking day), beside the perfect-hindsight bound: the revenue opportunity each policy achieves,
 * and its paired difference to FCFS.
 *
 * Run: `npx tsx examples/simulate-city-hotel.ts` (after `npm run build`: it imports the built package).
 * `YIELDCRAFT_SMOKE=1` (set by `npm run examples`) plays 4 trajectories instead of 40.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { addDays, format, parseISO } from 'date-fns';
import {
  dlpBidPricePolicy,
  emsrbPerNightPolicy,
  fcfsPolicy,
  forecastProductDemand,
  gridValue,
  hotelBookingProcess,
  onTheBooks,
  readHotelBookingsCsv,
  simulatePolicies,
  toDistribution,
  type HotelSegment,
  type Summary,
} from 'yieldcraft';

// Prefer the copy of the data inside the repository, else the shared one.
const candidates = ['../data/hotel-bookings/', '../../shared/data/hotel-bookings/'].map((d) =>
  fileURLToPath(new URL(`${d}hotel_bookings_until_2017-04-30.csv.gz`, import.meta.url)),
);
const file = candidates.find((f) => existsSync(f));
if (!file) {
  console.log(`simulate-city-hotel: the data file is missing (looked for ${candidates.join(', ')}); nothing to show.`);
  process.exit(0);
}
const smoke = process.env.YIELDCRAFT_SMOKE === '1';
const property = 'City Hotel';
const asOf = '2017-03-01';
const DAYS = 28;

const city = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8')).records.filter((r) => r.property === property);

// --- demand to come, rooms, rooms on the books ------------------------------------------------------------
const forecast = forecastProductDemand(city, { asOf, horizonDays: DAYS, property });
if (forecast.status !== 'ok' || forecast.capacity.rooms === null) {
  console.log(`simulate-city-hotel: no usable forecast as of ${asOf} (${forecast.status}); nothing to show.`);
  process.exit(0);
}
const rooms = forecast.capacity.rooms;
const dates = Array.from({ length: DAYS }, (_, i) => format(addDays(parseISO(asOf), i), 'yyyy-MM-dd'));
const held = onTheBooks(city, asOf, { firstNight: dates[0]!, lastNight: dates[DAYS - 1]! });
// the capacity estimate is the most rooms ever occupied before the as-of date; a night above it is full
const nights = dates.map((date) => ({ date, capacity: rooms, onTheBooks: Math.min(rooms, gridValue(held, date)) }));

// --- one rate plan per segment (its median rate over the year before), cancellations and no-shows -------
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const yearBefore = format(addDays(parseISO(asOf), -365), 'yyyy-MM-dd');
const segmentNames = [...new Set(forecast.products.map((p) => p.segment))].sort();
const ratePlans = segmentNames.map((s) => ({
  id: s,
  price: median(city.filter((r) => r.segment === s && r.arrivalDate >= yearBefore && r.arrivalDate < asOf && r.status !== 'cancelled').map((r) => r.rate)),
}));
const segments: Record<string, HotelSegment> = {};
for (const s of segmentNames) {
  // the forecast rows' rates, weighted by their expected rooms
  const rows = forecast.products.filter((p) => p.segment === s);
  const w = rows.map((p) => toDistribution(p.demand).mean);
  const total = w.reduce((a, b) => a + b, 0) || 1;
  const avg = (f: (p: (typeof rows)[number]) => number) => rows.reduce((a, p, k) => a + f(p) * w[k]!, 0) / total;
  segments[s] = { ratePlan: s, cancellation: Math.min(1, avg((p) => p.cancellationRate)), noShow: Math.min(1, avg((p) => p.noShowRate)) };
}
const booking = hotelBookingProcess({ hotel: { nights, ratePlans, segments }, demand: forecast });

const expected = booking.streams.reduce((a, s) => a + s.requests, 0);
console.log(
  `${property}, as of ${asOf}, nights ${dates[0]} … ${dates[DAYS - 1]}: ${rooms} rooms (${forecast.capacity.source}), ` +
    `${nights.reduce((a, n) => a + n.onTheBooks, 0)} room-nights on the books, ${expected.toFixed(0)} requests expected to come ` +
    `(${booking.streams.length} streams, ${booking.network.products.length} stays)`,
);
console.log(
  'rate plans: ' +
    ratePlans.map((r) => `${r.id} ${r.price.toFixed(0)} € (cancel ${(100 * segments[r.id]!.cancellation!).toFixed(0)} %, no-show ${(100 * segments[r.id]!.noShow!).toFixed(1)} %)`).join(', '),
);

// --- the policies on common random numbers ------------------------------------------------------------------
const trajectories = smoke ? 4 : 40;
const everyDay = Array.from({ length: booking.horizonDays }, (_, d) => d);
const sim = await simulatePolicies(booking, [fcfsPolicy(), emsrbPerNightPolicy(), dlpBidPricePolicy()], {
  trajectories,
  seed: 2017,
  schedule: everyDay,
  hindsight: true,
});

const money = (x: number) => Math.round(x).toLocaleString('en-US');
const pm = (s: Summary) => (s.halfWidth === null ? '' : ` ± ${money(s.halfWidth)}`);
const rows = [
  ['policy', 'revenue €', 'contribution €', 'occupancy', 'ADR €', 'RevPAR €', 'revenue opportunity', 'contribution − FCFS €'],
  ...sim.policies.map((p) => [
    p.name,
    money(p.metrics.revenue.mean),
    `${money(p.metrics.contribution.mean)}${pm(p.metrics.contribution)}`,
    `${(100 * p.metrics.occupancy.mean).toFixed(1)} %`,
    p.metrics.adr.mean.toFixed(1),
    p.metrics.revpar.mean.toFixed(1),
    p.metrics.revenueOpportunity.n > 0 ? `${(100 * p.metrics.revenueOpportunity.mean).toFixed(0)} %` : '—',
    p.differenceToFirst ? `${money(p.differenceToFirst.contribution.mean)}${pm(p.differenceToFirst.contribution)}` : '—',
  ]),
];
if (sim.hindsight)
  rows.push(['perfect hindsight (bound)', '', `${money(sim.hindsight.mean)}${pm(sim.hindsight)}`, '', '', '', '100 %', money(sim.hindsight.mean - sim.policies[0]!.metrics.contribution.mean)]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\n${trajectories} trajectories (seed 2017), EMSR-b and DLP re-planned every booking day; means ± 95 % intervals:\n`);
for (const r of rows) console.log(r.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join('  '));
console.log(
  '\nRevenue and contribution are those of the bookings still to come (the rooms on the books are sunk). Occupancy counts\n' +
    'every room-night of the four weeks, those on the books included; ADR is the revenue to come over the room-nights it\n' +
    'fills, RevPAR over the room-nights that were left to sell (the rooms on the books have no known revenue). Revenue\n' +
    'opportunity = (policy − FCFS) / (hindsight − FCFS) per trajectory (Phillips 2005, §7.6); the last column is the paired difference to FCFS on the same trajectories.',
);
