/**
 * `npm run bench -- pricing [--record]`: hotel pricing on the booking path.
 * - rateLadder for a year of arrival dates (365, plus the 6 nights the longest stays run into) × lengths
 *   of stay 1–7 on a 20-rung ladder: without coupling rails (each stay priced alone), and with every
 *   rail (floor/ceiling, 15 € daily change, longer stays never dearer per night: one min cut over
 *   2,576 stays × 17 label nodes); ms per ladder (median), with per-rung reasoning and summary only.
 * - dynamicPricing with purchase probabilities per period (a booking curve): inventory 1,000, 10,000
 *   periods, 20 prices; cell updates/s (periods × inventory), price evaluations/s (× prices), memory
 *   (Δrss, ΔarrayBuffers, the tables kept); beside it the constant-probability call shape.
 * Prints progress as it goes; writes its section of bench/README.md only with `--record`.
 */
import { dynamicPricing, rateLadder, type RateLadderInput } from '../src/pricing/index.js';
import { loadavg } from 'node:os';
import { record } from './record.js';

const RECORD = process.argv.includes('--record');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const MB = 2 ** 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (s: string) => console.log(`[pricing] ${s}`);

// --- rateLadder: a year × LOS 1–7 --------------------------------------------------------------------------
const N = 365 + 6;
const d0 = Date.UTC(2027, 0, 1);
const nights = Array.from({ length: N }, (_, i) => new Date(d0 + i * 86_400_000).toISOString().slice(0, 10));
// Bid prices with a weekly and a yearly season (0 on soft nights), deterministic.
const bidPrices = nights.map((_, i) => Math.max(0, 60 * Math.sin((2 * Math.PI * i) / 365) + 40 * Math.sin((2 * Math.PI * i) / 7) + 30));
const ladder = Array.from({ length: 20 }, (_, k) => 80 + 10 * k);
const share = (i: number) => 0.5 + 0.3 * Math.sin((2 * Math.PI * i) / 7);
const table = new Map<string, { segment: string; share: number; probability: number[] }[]>();
const buyProbability: RateLadderInput['buyProbability'] = (arrival, los) => {
  const key = `${arrival}|${los}`;
  let t = table.get(key);
  if (!t) {
    const b = share(nights.indexOf(arrival));
    t = [
      { segment: 'business', share: b, probability: ladder.map((r) => 1 / (1 + Math.exp((r - 210 + 5 * los) / 25))) },
      { segment: 'leisure', share: 1 - b, probability: ladder.map((r) => 1 / (1 + Math.exp((r - 130 + 3 * los) / 15))) },
    ];
    table.set(key, t);
  }
  return t;
};
const lengthsOfStay = [1, 2, 3, 4, 5, 6, 7];
const base: RateLadderInput = { nights, ladder, bidPrices, lengthsOfStay, buyProbability };
const rails: RateLadderInput = { ...base, guardRails: { floor: 90, ceiling: 260, maxDailyChange: 15, lengthOfStayOrder: 'non-increasing' } };
for (const input of [base, rails]) rateLadder(input, { detail: 'summary' }); // warm-up (also fills the table cache)

function timeLadder(name: string, input: RateLadderInput, detail: 'rungs' | 'summary', reps = 7) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  let bound = 0;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = rateLadder(input, { detail });
    ms.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
    rows = res.rows.length;
    bound = res.rows.filter((x) => x.boundBy.length > 0).length;
  }
  const m = median(ms);
  const c = median(cpu);
  log(`rateLadder ${name}, ${detail}: ${m.toFixed(1)} ms wall, ${c.toFixed(1)} ms CPU (medians of ${reps}), ${rows} stays priced, ${bound} moved by a rail`);
  return { name, detail, ms: m, cpu: c, rows, bound };
}
const ladderRuns = [
  timeLadder('no coupling rails', base, 'summary'),
  timeLadder('no coupling rails', base, 'rungs'),
  timeLadder('all rails', rails, 'summary'),
  timeLadder('all rails', rails, 'rungs'),
];

// --- dynamicPricing: inventory 1,000 × 10,000 periods × 20 prices ----------------------------------------------
const C = 1000;
const T = 10_000;
const prices = Array.from({ length: 20 }, (_, i) => 400 - 15 * i);
const q = prices.map((p) => 0.9 * Math.exp(-p / 150));
// Booking curve: few buyers far from arrival, more close to it (chronological rows).
const curve = Array.from({ length: T }, (_, k) => 0.2 + 0.8 * (k / (T - 1)) ** 2);
const perPeriod = curve.map((c) => q.map((x) => x * c));

function runDp(label: string, purchaseProbabilities: number[] | number[][], reps = 3) {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let rss = 0;
  let ab = 0;
  let value = 0;
  for (let r = 0; r < reps; r++) {
    log(`dynamicPricing ${label}: run ${r + 1}/${reps} …`);
    gc();
    const m0 = process.memoryUsage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const dp = dynamicPricing({ inventory: C, periods: T, prices, purchaseProbabilities });
    const dt = (performance.now() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    cpuSeconds.push((c1.user + c1.system) / 1e6);
    const m1 = process.memoryUsage();
    seconds.push(dt);
    rss = Math.max(rss, m1.rss - m0.rss);
    ab = Math.max(ab, m1.arrayBuffers - m0.arrayBuffers);
    value = dp.expectedRevenue;
    if (!(dp.price(T, C) > 0)) throw new Error('price');
    log(`  ${dt.toFixed(2)} s`);
  }
  const s = Math.min(...seconds);
  const cpu = Math.min(...cpuSeconds);
  const cells = T * C;
  log(
    `dynamicPricing ${label}: ${s.toFixed(3)} s wall, ${cpu.toFixed(3)} s CPU (best of ${reps}), ${(cells / s / 1e6).toFixed(1)} M cell updates/s, ` +
      `${((cells * prices.length) / s / 1e6).toFixed(0)} M price evaluations/s, Δrss ${(rss / MB).toFixed(0)} MB, ΔarrayBuffers ${(ab / MB).toFixed(0)} MB, V_T(C) = ${value.toFixed(2)}`,
  );
  return { label, s, cpu, cells, rss, ab, value };
}
const dpRuns = [runDp('per-period probabilities (booking curve)', perPeriod), runDp('constant probabilities', q)];
// The tables the result keeps: V as (T + 1)·(C + 1) doubles, the price index as (T)·(C + 1) bytes (≤ 256 prices).
const keptMB = ((T + 1) * (C + 1) * 8 + T * (C + 1)) / MB;

if (RECORD) {
  const body = `
Hotel pricing on the booking path (single thread, shared 2-core machine: read as orders of magnitude;
1-minute load average when recorded: ${loadavg()[0]!.toFixed(1)}).

\`rateLadder\` for a year of arrival dates (365 + the 6 nights the 7-night stays run into) × lengths of stay
1–7 (every stay that ends inside the 371 nights: 2,576) on a 20-rung ladder (80–270 €), two segments
with logit buy probabilities, seasonal bid prices. "No coupling rails": each stay priced alone. "All
rails": floor 90, ceiling 260, at most 15 € from one day to the next, longer stays never dearer per
night — solved jointly and exactly as one maximum-weight closure (min cut, Dinic) over 2,576 × 17 label
nodes. "rungs" returns every rung evaluated per stay (the reasoning); "summary" only the choice. Median
of 7 runs after a warm-up; wall time on a busy machine varies ± 50 %, CPU time (user + system of this
process) much less.

| guard rails | detail | ms per ladder (wall) | ms CPU | stays priced | stays moved by a rail |
| --- | --- | ---: | ---: | ---: | ---: |
${ladderRuns.map((r) => `| ${r.name} | ${r.detail} | ${r.ms.toFixed(1)} | ${r.cpu.toFixed(1)} | ${r.rows} | ${r.bound} |`).join('\n')}

\`dynamicPricing\` with inventory 1,000, 10,000 periods and 20 prices: V_t(x) for every (t, x), the
maximising price per cell; one probability vector per period (a booking curve rising towards arrival)
and, beside it, the constant-probability call shape. Best of 3 runs; "cell updates" = periods ×
inventory, "price evaluations" = × prices. Memory: Δrss and ΔarrayBuffers around the call; the result
keeps V ((T + 1)·(C + 1) doubles) and the price index (one byte per cell): ${keptMB.toFixed(0)} MB.

| purchase probabilities | s (wall) | s CPU | cell updates / s (wall) | cell updates / CPU s | price evaluations / CPU s | Δrss | ΔarrayBuffers | V_T(C) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${dpRuns
  .map(
    (r) =>
      `| ${r.label} | ${r.s.toFixed(3)} | ${r.cpu.toFixed(3)} | ${(r.cells / r.s / 1e6).toFixed(1)} M | ${(r.cells / r.cpu / 1e6).toFixed(1)} M | ${((r.cells * prices.length) / r.cpu / 1e6).toFixed(0)} M | ${(r.rss / MB).toFixed(0)} MB | ${(r.ab / MB).toFixed(0)} MB | ${r.value.toFixed(2)} |`,
  )
  .join('\n')}
`;
  record('pricing', 'pricing: rate ladder and time-varying dynamic pricing', body);
  log('recorded in bench/README.md');
} else log('not recorded (pass --record to write bench/README.md)');
