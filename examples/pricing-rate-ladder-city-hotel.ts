/**
 * The City Hotel's best available rate for each night of March 2017, with the bid prices beside it
 * (real data: Antonio, de Almeida & Nunes 2019, "Hotel booking demand datasets", Data in Brief 22;
 * CC BY 4.0).
 *
 * As known on 1 March 2017: the demand still to come by arrival night × segment × length of stay
 * (`forecastProductDemand`), the rooms left (estimated capacity − rooms on the books), a hotel network
 * priced at each segment's recent average rate (`hotelNetwork`), its bid prices and last room values
 * (`lastRoomValues`, the DLP duals), and then `rateLadder`: for each arrival date and stay of 1–3
 * nights, the rung of a 60–250 € ladder that maximises (stay revenue − Σ bid prices) × P(buy), where
 * P(buy | rate) mixes the transient segments by their share of the forecast, each segment's being the
 * share of its recent bookings that paid at least that rate (`willingnessToPay`: rates paid are lower
 * bounds of willingness to pay, so this leans low). Guard rails: 60–250 €, at most 40 € from one
 * arrival date to the next, and longer stays never dearer per night. Then a report section with the
 * same table (`renderReport`, Markdown).
 *
 * Run: `npx tsx examples/pricing-rate-ladder-city-hotel.ts` (after `npm run build`: it imports the
 * built package). Reads data/hotel-bookings/ of the repository, else ../shared/data/hotel-bookings/; skips
 * with a message when neither is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { addDays, format, parseISO, subDays } from 'date-fns';
import {
  forecastOccupancy,
  forecastProductDemand,
  hotelNetwork,
  lastRoomValues,
  rateLadder,
  readHotelBookingsCsv,
  renderReport,
  rateLadderSection,
  toDistribution,
  willingnessToPay,
  type SegmentBuyProbability,
} from 'yieldcraft';

// Prefer a copy of the data inside the repository (data/hotel-bookings/), else the shared one.
const candidates = ['../data/hotel-bookings/', '../../shared/data/hotel-bookings/'].map((d) =>
  fileURLToPath(new URL(`${d}hotel_bookings_until_2017-04-30.csv.gz`, import.meta.url)),
);
const file = candidates.find((f) => existsSync(f));
if (!file) {
  console.log(`rate-ladder example: the data file is missing (looked for ${candidates.join(', ')}); nothing to show.`);
  process.exit(0);
}
const { records: all } = readHotelBookingsCsv(gunzipSync(readFileSync(file)).toString('utf8'));
const property = 'City Hotel';
const records = all.filter((r) => r.property === property);
const asOf = '2017-03-01';
const MONTH = 31; // arrivals 1–31 March
const MAX_LOS = 3;
const HORIZON = MONTH + MAX_LOS - 1; // the nights the stays of the month use
const TRANSIENT = ['Online TA', 'Offline TA/TO', 'Direct', 'Corporate'];
const day = (i: number) => format(addDays(parseISO(asOf), i), 'yyyy-MM-dd');
const nights = Array.from({ length: HORIZON }, (_, i) => day(i));

// --- demand to come, rooms left ---------------------------------------------------------------------
const demand = forecastProductDemand(records, { asOf, horizonDays: HORIZON, property, maxNights: MAX_LOS });
const occupancy = forecastOccupancy(records, { asOf, horizonDays: HORIZON, property });
const rooms = demand.capacity.rooms ?? 0;
const onBooks = new Map(occupancy.nights.map((n) => [n.date, n.onTheBooks]));

// --- each segment's recent rate and willingness to pay (bookings made in the 90 days before asOf) -------
const since = format(subDays(parseISO(asOf), 90), 'yyyy-MM-dd');
const recent = records.filter((r) => r.bookingDate >= since && r.bookingDate < asOf && r.rate > 0);
const segments = [...new Set(demand.products.map((p) => p.segment))].filter((s) => recent.some((r) => r.segment === s));
const avgRate = (s: string) => {
  const rs = recent.filter((r) => r.segment === s);
  return rs.reduce((x, r) => x + r.rate * r.rooms * r.nights, 0) / rs.reduce((x, r) => x + r.rooms * r.nights, 0);
};
const wtp = new Map(
  TRANSIENT.map((s) => {
    const rs = recent.filter((r) => r.segment === s);
    return [s, willingnessToPay(rs.map((r) => r.rate), rs.map((r) => r.rooms * r.nights))] as const;
  }),
);
/** Share of the segment's recent room-nights that paid at least `rate`. */
const buyAt = (s: string, rate: number) => {
  const w = wtp.get(s)!;
  let i = 0;
  while (i < w.price.length && w.price[i]! < rate) i++;
  return i < w.price.length ? w.share[i]! : 0;
};

// --- the network and its bid prices ---------------------------------------------------------------------
const mean = new Map<string, number>();
for (const p of demand.products) mean.set(`${p.arrivalDate}|${p.nights}|${p.segment}`, toDistribution(p.demand).mean);
const hotel = hotelNetwork({
  nights: nights.map((date) => ({ date, capacity: Math.max(0, rooms - (onBooks.get(date) ?? 0)) })),
  rates: segments.map((s) => ({ id: s, price: Math.round(avgRate(s) * 100) / 100, segment: s })),
  maxLengthOfStay: MAX_LOS,
  demand: (arrival, los, rate) => mean.get(`${arrival}|${los}|${rate.id}`) ?? 0,
});
const lrv = await lastRoomValues(hotel, { nights: nights.slice(0, MONTH) });
if (lrv.status !== 'optimal') throw new Error(lrv.message);
const bidPrices = nights.map((n) => lrv.hurdles[n] ?? 0); // the DLP bid price of every night of the horizon

// --- the ladder ------------------------------------------------------------------------------------------
const ladder = Array.from({ length: 20 }, (_, k) => 60 + 10 * k); // 60 … 250 € per room-night
const ladderResult = rateLadder({
  nights,
  ladder,
  bidPrices,
  lengthsOfStay: [1, 2, 3],
  buyProbability: (arrival, los): SegmentBuyProbability[] => {
    const m = TRANSIENT.map((s) => mean.get(`${arrival}|${los}|${s}`) ?? 0);
    const total = m.reduce((x, y) => x + y, 0);
    return TRANSIENT.map((s, i) => ({
      segment: s,
      share: total > 0 ? m[i]! / total : 1 / TRANSIENT.length,
      probability: ladder.map((r) => buyAt(s, r)),
    }));
  },
  guardRails: { floor: 60, ceiling: 250, maxDailyChange: 40, lengthOfStayOrder: 'non-increasing' },
});

const money = (x: number) => x.toFixed(0).padStart(5);
console.log(`${property}, as of ${asOf}: ${rooms} rooms (${demand.capacity.source}), demand to come ${demand.status}, DLP ${lrv.objective.toFixed(0)} €`);
console.log('night       left  bid price  last room   BAR 1n    2n    3n   1n: E[contribution]  verdict  bound by');
for (let i = 0; i < MONTH; i++) {
  const n = lrv.nights[i]!;
  const row1 = ladderResult.rows.find((r) => r.arrival === n.night && r.lengthOfStay === 1)!;
  const rate = (L: number) => ladderResult.rate(n.night, L);
  console.log(
    `${n.night}  ${String(n.capacity).padStart(4)}  ${money(n.bidPrice)}  ${n.lastRoomValue === null ? '    —' : money(n.lastRoomValue)}      ` +
      `${money(rate(1)!)} ${money(rate(2)!)} ${money(rate(3)!)}   ${row1.expectedContribution.toFixed(1).padStart(8)}            ` +
      `${row1.open ? 'open  ' : 'closed'}   ${row1.boundBy.join(', ') || '—'}`,
  );
}

// --- the same as a report section (rateLadderSection of yieldcraft/report), HTML and Markdown ---------------
const section = rateLadderSection(ladderResult.rows.filter((r) => MONTH >= lrv.nights.length || r.arrival < lrv.nights[MONTH]!.night));
const html = await renderReport({ kind: 'report', title: `${property} rate ladder`, sections: [section] }, { format: 'html' });
console.log(`HTML report section: ${html.length.toLocaleString('en-US')} characters, ${(html.match(/<svg/g) ?? []).length} chart(s)`);
const md = await renderReport({ kind: 'report', title: `${property} rate ladder`, sections: [section] }, { format: 'markdown' });
console.log(`\n${md.split('\n').slice(0, 12).join('\n')}\n… (${md.split('\n').length} lines of Markdown)`);
