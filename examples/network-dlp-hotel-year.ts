/**
 * DLP bid prices for a one-year hotel (365 nights × 200 rooms, stays of 1–7 nights at 6 rates: 15,204
 * products), the speed workload of ../shared/data/bench; then the bid price per night through the year
 * and which stays it would close.
 *
 * Run: `npx tsx examples/network-dlp-hotel-year.ts` (after `npm run build`). Needs the shared data file;
 * skips with a message when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { bidPriceControls, decideBidPrice, dlp, type Network } from 'yieldcraft';

const file = new URL('../../shared/data/bench/hotel-dlp-365.json', import.meta.url);
if (!existsSync(file)) {
  console.log(`skipped: ${file.pathname} is missing`);
  process.exit(0);
}
const d = JSON.parse(readFileSync(file, 'utf8'));
const night = (i: number) => `night-${String(i).padStart(3, '0')}`;
const network: Network = {
  resources: Array.from({ length: d.nights }, (_, i) => ({ id: night(i), capacity: d.capacity })),
  products: (d.products as [number, number, number][]).map(([a, L, rate], j) => ({
    id: `a${a}-L${L}-r${rate}`,
    fare: d.fare[j],
    resources: Array.from({ length: L }, (_, k) => night(a + k)),
    demand: d.demand[j],
  })),
};

const t0 = performance.now();
const plan = await dlp(network);
const ms = performance.now() - t0;
if (plan.status !== 'optimal') throw new Error(plan.message);
console.log(`DLP optimum ${plan.objective.toFixed(4)} (reference ${d.reference.revenue.toFixed(4)}) in ${ms.toFixed(0)} ms, solver ${plan.timings.solveMs.toFixed(0)} ms`);

const prices = Array.from(plan.bidPriceArray);
const months = Array.from({ length: 12 }, (_, m) => prices.slice(m * 30, m * 30 + 30));
console.log('mean bid price per 30-night block:', months.map((p) => (p.reduce((s, x) => s + x, 0) / p.length).toFixed(0)).join(' '));
console.log(`nights with a zero bid price (never full in the plan): ${prices.filter((p) => p === 0).length} of ${prices.length}`);

const controls = bidPriceControls(network, plan);
for (const id of ['a100-L1-r300', 'a100-L3-r200', 'a200-L7-r120'])
  console.log(decideBidPrice({ product: id }, { sold: {} }, controls).explanation);
