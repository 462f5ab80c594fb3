/**
 * yieldcraft/customer: value-aware acceptance on the booking path (`requestValue` + `decide`, reused
 * breakdown and decision: requests per second and heap growth over a million calls, beside plain
 * `decide`), and the batch functions on the real City Hotel history (segmentProfitability,
 * customerValue by account and by segment, customerValueBacktest). Run: `npm run bench -- customer`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bidPriceControls, createDecision, decide, networkBookingState } from '../src/control/index.js';
import { hotelNetwork } from '../src/model/index.js';
import {
  createValueBreakdown,
  customerValue,
  customerValueBacktest,
  readHotelCustomersCsv,
  requestValue,
  segmentProfitability,
  valueAtRiskTable,
} from '../src/customer/index.js';
import { opsPerSecond, record } from './record.js';

const gc = (globalThis as { gc?: () => void }).gc;

// 1. The booking path: a 90-night hotel, 3 rate plans, stays of 1–7 nights; bid prices 0–120.
const nights = Array.from({ length: 90 }, (_, i) => ({ date: new Date(Date.UTC(2016, 5, 1 + i)).toISOString().slice(0, 10), capacity: 200 }));
const hotel = hotelNetwork({
  nights,
  rates: [
    { id: 'CORP', contribution: 95, segment: 'Corporate' },
    { id: 'TO', contribution: 55, segment: 'Offline TA/TO' },
    { id: 'OTA', contribution: 80, segment: 'Online TA' },
  ],
  maxLengthOfStay: 7,
  demand: () => 1,
});
const prices = Object.fromEntries(nights.map((n, i) => [n.date, (i * 37) % 121]));
const controls = bidPriceControls(hotel, prices);
const state = networkBookingState(controls);
const accounts = Object.fromEntries(Array.from({ length: 500 }, (_, a) => [`company:${a}`, 100 * a]));
const table = valueAtRiskTable({ accounts, segments: { Corporate: 300, 'Offline TA/TO': 20, 'Online TA': 5 } }, { refusalLossShare: 0.01 });
const P = hotel.products.length;
const requests = Array.from({ length: 4096 }, (_, k) => {
  const j = (k * 7919) % P;
  const p = hotel.products[j]!;
  // Every request has the same shape (value and account present), so that setting `value` allocates nothing.
  return { product: j, quantity: 1 + (k % 3), value: p.fare, segment: p.segment!, account: k % 3 === 0 ? `company:${k % 600}` : undefined, fare: p.fare };
});
const plainRequests = requests.map((r) => ({ product: r.product, quantity: r.quantity }));
const out = createDecision();
const b = createValueBreakdown();
let k = 0;
let accepted = 0;
const plain = opsPerSecond(() => {
  if (decide(plainRequests[k++ & 4095]!, state, controls, out).accept) accepted++;
});
const aware = opsPerSecond(() => {
  const r = requests[k++ & 4095]!;
  r.value = requestValue(table, r, r.fare, b);
  if (decide(r, state, controls, out).accept) accepted++;
});
gc?.();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 1_000_000; i++) {
  const r = requests[i & 4095]!;
  r.value = requestValue(table, r, r.fare, b);
  decide(r, state, controls, out);
}
const grown = process.memoryUsage().heapUsed - before;
if (accepted < 0) console.log(accepted);

// 2. Batch work on the real data (skipped without the file).
const NAME = 'hotel_bookings_until_2017-04-30.csv.gz';
const file = [new URL(`../data/hotel-bookings/${NAME}`, import.meta.url), new URL(`../../shared/data/hotel-bookings/${NAME}`, import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((f) => existsSync(f));
const batch: string[] = [];
if (file !== undefined) {
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  const time = (label: string, f: () => unknown) => {
    const t = performance.now();
    f();
    batch.push(`| ${label} | ${(performance.now() - t).toFixed(0)} ms |`);
  };
  let records: ReturnType<typeof readHotelCustomersCsv>['records'] = [];
  time('readHotelCustomersCsv, 97k rows (both hotels)', () => (records = readHotelCustomersCsv(text).records));
  const city = records.filter((r) => r.property === 'City Hotel');
  time(`segmentProfitability, City Hotel (${city.length} bookings, 5 dimensions)`, () => segmentProfitability(city));
  time('customerValue by account (monthly chain, 3 years)', () => customerValue(city, { asOf: '2016-10-01', since: '2015-07-01' }));
  time('customerValue by segment (guest tiers)', () => customerValue(city, { asOf: '2016-10-01', since: '2015-07-01', by: 'segment' }));
  time('customerValueBacktest by account, 6 months', () => customerValueBacktest(city, { asOf: '2016-10-01', since: '2015-07-01', horizonDays: 180 }));
}

const body = `Value-aware acceptance on a 90-night hotel (${P} products, bid prices 0–120, 500 valued accounts):
\`request.value = requestValue(table, request, fare, breakdown)\` then \`decide(request, state, controls, out)\`
on request objects of fixed shape, reused breakdown and decision (single thread, shared 2-core machine:
read as orders of magnitude). The heap growth is V8 boxing the double results (no object is created).

| path | requests / s | heap growth, 10⁶ calls |
| --- | ---: | ---: |
| plain \`decide\` (value = fare) | ${(plain.opsPerSec / 1e6).toFixed(2)} M | |
| \`requestValue\` + \`decide\` | ${(aware.opsPerSec / 1e6).toFixed(2)} M | ${gc ? `${(grown / 1024).toFixed(0)} KiB` : 'n/a (no --expose-gc)'} |
${batch.length > 0 ? `\nBatch, real data (one run each, wall time):\n\n| step | time |\n| --- | ---: |\n${batch.join('\n')}\n` : '\n(real data missing: batch timings skipped)\n'}`;
console.log(body);
record('customer', 'customer: value-aware acceptance and customer analytics', body);
