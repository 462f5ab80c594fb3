/**
 * The corporate segment and its accounts versus the tour operators at the City Hotel, summer 2016
 * (real data: Antonio, de Almeida & Nunes 2019, "Hotel booking demand datasets", Data in Brief 22;
 * CC BY 4.0): what each segment and its biggest accounts earned after commission, variable cost,
 * cancellations and no-shows; what an account and a returning guest are worth from repeat behaviour;
 * and the mix of segments the DLP would take for June–August 2016 (planned on 1 June from a forecast)
 * beside the mix the hotel actually sold; then value-aware acceptance on the plan's busiest night.
 *
 * Run: `npx tsx examples/customer-mix-city-hotel.ts` (after `npm run build`: it imports the built package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  bidPriceControls,
  createValueBreakdown,
  customerMix,
  customerValue,
  decide,
  dlp,
  explainValueAware,
  forecastProductDemand,
  historyAsOf,
  hotelNetwork,
  networkBookingState,
  readHotelCustomersCsv,
  requestValue,
  segmentProfitability,
  valueAtRiskTable,
  type CustomerRecord,
} from 'yieldcraft';

const NAME = 'hotel_bookings_until_2017-04-30.csv.gz';
const file = [new URL(`../data/hotel-bookings/${NAME}`, import.meta.url), new URL(`../../shared/data/hotel-bookings/${NAME}`, import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((f) => existsSync(f));
if (file === undefined) {
  console.log(`customer example: the data file ${NAME} is missing; nothing to show.`);
  process.exit(0);
}

const all = readHotelCustomersCsv(gunzipSync(readFileSync(file)).toString('utf8')).records;
const city = all.filter((r) => r.property === 'City Hotel');
const FROM = '2016-06-01';
const TO = '2016-08-31';
const CORPORATE = 'Corporate';
const TOUR = 'Offline TA/TO';
const eur = (x: number) => Math.round(x).toLocaleString('en').padStart(10);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

// 1. Profitability of the summer's arrivals.
const summer = city.filter((r) => r.arrivalDate >= FROM && r.arrivalDate <= TO);
const prof = segmentProfitability(summer);
console.log(`City Hotel, arrivals ${FROM} … ${TO}: ${summer.length} bookings (commission TA/TO 18 %, GDS 10 %; 25 EUR a room-night)`);
console.log('segment          room-nights   ADR  contribution  cancel  canc.cost   net/room-night  LOS  lead');
for (const r of prof.filter((x) => x.dimension === 'segment' && x.roomNights > 0)) {
  console.log(
    `${r.key.padEnd(15)} ${String(r.roomNights).padStart(12)} ${r.averageRate.toFixed(0).padStart(5)} ${eur(r.contribution)}   ${pct(r.cancellationRate)} ${eur(r.cancellationCost)} ${r.netContributionPerRoomNight.toFixed(1).padStart(12)} ${r.averageLengthOfStay.toFixed(1).padStart(6)} ${r.averageLeadTime.toFixed(0).padStart(5)}`,
  );
}
// The accounts behind the two segments: companies that booked Corporate, agents that booked Offline TA/TO.
const accountsOf = (segment: string, kind: 'company' | 'agent') =>
  segmentProfitability(summer.filter((r) => r.segment === segment), { by: [kind] })
    .filter((r) => r.dimension === kind)
    .sort((a, b) => b.netContribution - a.netContribution)
    .slice(0, 5);
for (const [segment, kind] of [[CORPORATE, 'company'], [TOUR, 'agent']] as const) {
  console.log(`\n${segment}: top ${kind} accounts by net contribution`);
  for (const r of accountsOf(segment, kind))
    console.log(`  ${kind} ${r.key.padEnd(5)} ${String(r.roomNights).padStart(6)} room-nights  ADR ${r.averageRate.toFixed(0).padStart(4)}  net ${eur(r.netContribution)}  cancel ${pct(r.cancellationRate)}`);
}

// 2. Customer value as of 1 June 2016 (fitted on what was known then; 10 % a year; 3 years ahead).
const asOf = FROM;
const accounts = customerValue(city, { asOf, since: '2015-07-01' });
if (accounts.status !== 'ok' || accounts.model.kind !== 'recency-markov-chain') throw new Error('account model failed');
console.log(`\nAccount value as of ${asOf}: recency chain on ${accounts.model.periodDays}-day periods, repeat probability by recency ` +
  accounts.model.transitions.map((t) => `${t.recency}: ${t.probability.toFixed(2)}`).join(', '));
const show = (key: string) => {
  const v = accounts.values.find((x) => x.key === key);
  if (v === undefined) return;
  console.log(`  ${key.padEnd(12)} next period ${pct(v.repeatProbability)}  bookings in 3 years ${v.expectedFutureStays.toFixed(0).padStart(6)}  value ${eur(v.value)} EUR`);
};
for (const r of accountsOf(CORPORATE, 'company').slice(0, 3)) show(`company:${r.key}`);
for (const r of accountsOf(TOUR, 'agent').slice(0, 3)) show(`agent:${r.key}`);
const guests = customerValue(city, { asOf, since: '2015-07-01', by: 'segment', keys: [CORPORATE, TOUR] });
console.log('A new guest (one returning a year later, on average):');
for (const v of guests.values)
  console.log(`  ${v.key.padEnd(14)} repeat ${pct(v.repeatProbability)}  future stays ${v.expectedFutureStays.toFixed(3)}  value ${v.value.toFixed(1)} EUR;  after 3 earlier stays: ${v.tiers![3]!.value.toFixed(1)} EUR`);

// 3. The mix the optimiser would take for June–August, planned on 1 June with what was known then:
//    the bookings on the books (each expected to show at its segment's show rate) stay; the DLP fills
//    the rest of the capacity from the forecast of demand still to come (net of cancellations), each
//    segment valued at its net contribution per room-night in the history known on 1 June.
const known = historyAsOf(city, asOf) as CustomerRecord[];
const economics = segmentProfitability(known, { by: ['segment'] }).filter((r) => r.dimension === 'segment');
const value = new Map(economics.filter((r) => r.netContributionPerRoomNight > 0).map((r) => [r.key, r.netContributionPerRoomNight]));
const showRate = new Map(economics.map((r) => [r.key, 1 - r.cancellationRate - r.noShowRate]));
const forecast = forecastProductDemand(city, { asOf, horizonDays: 92, basis: 'net' });
if (forecast.status !== 'ok') throw new Error(`forecast: ${forecast.status}`);
const nights = Array.from({ length: 92 }, (_, i) => new Date(Date.UTC(2016, 5, 1 + i)).toISOString().slice(0, 10));
const last = nights[nights.length - 1]!;
const rooms = forecast.capacity.rooms ?? 0;
const onTheBooks = new Map<string, number>(); // `${night}|${segment}` → expected rooms showing
for (const r of known) {
  if (r.status !== 'active' || !value.has(r.segment)) continue;
  const a = nights.indexOf(r.arrivalDate);
  for (let k = 0; k < r.nights; k++) {
    const night = a >= 0 ? nights[a + k] : undefined;
    if (night === undefined) continue;
    const key = `${night}|${r.segment}`;
    onTheBooks.set(key, (onTheBooks.get(key) ?? 0) + r.rooms * showRate.get(r.segment)!);
  }
}
const held = (night: string) => [...value.keys()].reduce((s, seg) => s + (onTheBooks.get(`${night}|${seg}`) ?? 0), 0);
const demand = forecast.products
  .filter((p) => value.has(p.segment) && nights.indexOf(p.arrivalDate) >= 0 && nights.indexOf(p.arrivalDate) + p.nights <= nights.length)
  .map((p) => ({ arrival: p.arrivalDate, lengthOfStay: p.nights, rate: p.segment, demand: p.demand }));
const hotel = hotelNetwork(
  {
    nights: nights.map((date) => ({ date, capacity: Math.max(0, Math.floor(rooms - held(date))) })),
    rates: [...value].map(([segment, c]) => ({ id: segment, contribution: c, segment })),
    maxLengthOfStay: 7,
    demand,
  },
  { dropZeroDemand: true },
);
const plan = await dlp(hotel);
if (plan.status !== 'optimal') throw new Error(`dlp: ${plan.status}`);
// The bookings on the books enter the optimiser's mix as one-night products with a fixed allocation.
const held1 = [...onTheBooks].map(([key, shows]) => {
  const [night, segment] = key.split('|') as [string, string];
  return { product: { id: `on-the-books/${key}`, fare: value.get(segment)!, resources: [night], segment }, shows };
});
const mix = customerMix({
  network: { products: [...hotel.products, ...held1.map((h) => h.product)] },
  allocation: { ...plan.allocation, ...Object.fromEntries(held1.map((h) => [h.product.id, h.shows])) },
  records: city,
  from: FROM,
  to: last,
});
console.log(`\nThe right mix, ${FROM} … ${last} (${rooms} rooms, estimated), planned on ${asOf}: on the books + DLP on the forecast, vs what was sold`);
console.log('segment          optimiser: room-nights  share  contribution   |  actual: room-nights  share  contribution');
for (const s of mix.segments)
  console.log(`${s.segment.padEnd(15)} ${String(Math.round(s.optimiser.roomNights)).padStart(20)} ${pct(s.optimiser.share)} ${eur(s.optimiser.contribution)}   | ${String(s.actual.roomNights).padStart(18)} ${pct(s.actual.share)} ${eur(s.actual.contribution)}`);
console.log(`${'total'.padEnd(15)} ${String(Math.round(mix.optimiser.roomNights)).padStart(20)} ${''.padStart(6)} ${eur(mix.optimiser.contribution)}   | ${String(mix.actual.roomNights).padStart(18)} ${''.padStart(6)} ${eur(mix.actual.contribution)}`);
console.log('(the optimiser values every segment at its average net contribution per room-night as known on 1 June;');
console.log(' the actual side earns the rates actually paid, summer rates included)');

// 4. Value-aware acceptance with the plan's bid prices: a 2-room, 1-night request on the busiest night,
//    from company 40 (Corporate) and from agent 6 (Offline TA/TO), each paying its segment's net
//    contribution now, for several ℓ (the chance that one refusal loses the account; off at 0).
const controls = bidPriceControls(hotel, plan);
const state = networkBookingState(controls);
const busiest = nights.reduce((a, n) => (plan.bidPrices[n]! > plan.bidPrices[a]! ? n : a), nights[0]!);
console.log(`\nValue-aware acceptance on ${busiest}, bid price ${plan.bidPrices[busiest]!.toFixed(1)} EUR (a 2-room, 1-night request):`);
const breakdown = createValueBreakdown();
for (const [segment, account] of [[CORPORATE, 'company:40'], [TOUR, 'agent:6']] as const) {
  const request = { product: `${busiest}/1n/${segment}`, quantity: 2, segment, account };
  const now = value.get(segment)!;
  const cells = [0, 0.001, 0.005, 0.02].map((share) => {
    const table = valueAtRiskTable({ accounts }, { refusalLossShare: share });
    const d = decide({ ...request, value: requestValue(table, request, now, breakdown) }, state, controls);
    const why = explainValueAware(d, breakdown);
    return `ℓ=${share}: ${why.contributionNow.toFixed(0)} + ${why.valueAtRisk.toFixed(0)} ${why.accept ? '→ accept' : '→ reject'}`;
  });
  console.log(`  ${account.padEnd(11)} ${cells.join(' | ')}`);
}
