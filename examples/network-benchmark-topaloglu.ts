/**
 * The network benchmark in miniature: load one of Topaloglu's (2009) standard hub-and-spoke instances,
 * compute the DLP and Lagrangian-relaxation upper bounds, look at the capacity-dependent bid prices of
 * one leg, and simulate the network policies on common demand trajectories beside perfect hindsight
 * and the paper's published numbers.
 *
 * Run: `npx tsx examples/network-benchmark-topaloglu.ts [instance]` (after `npm run build`: it imports
 * the built package). The instances live outside the repo in ../shared/data/topaloglu-2009/; without
 * them the example says so and stops. `YIELDCRAFT_SMOKE=1` (set by `npm run examples`) runs 10
 * trajectories instead of 100. The full 48-instance table is `npm run bench -- topaloglu`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import {
  davnPolicy,
  dlp,
  dlpBidPricePolicy,
  dpDecomposition,
  dpDecompositionPolicy,
  lagrangianPolicy,
  lagrangianRelaxation,
  parseTopalogluInstance,
  rlpBidPricePolicy,
  simulatePolicies,
} from 'yieldcraft';

const dir = fileURLToPath(new URL('../../shared/data/topaloglu-2009/', import.meta.url));
const name = process.argv[2] ?? 'rm_200_4_1.0_4.0';
const file = `${dir}${name}.txt.gz`;
if (!existsSync(file)) {
  console.log(`network-benchmark-topaloglu: ${file} not found (the Topaloglu 2009 instances are not next to the repo); nothing to do`);
  process.exit(0);
}
const smoke = process.env.YIELDCRAFT_SMOKE === '1';

const instance = parseTopalogluInstance(gunzipSync(readFileSync(file)).toString('utf8'));
const { network, periods } = instance;
console.log(`${name}: ${periods} periods, ${network.resources.length} legs, ${network.products.length} itineraries`);

// Published row (the paper's tables) for comparison.
const csv = readFileSync(`${dir}published-results.csv`, 'utf8').trim().split('\n');
const cols = csv[0]!.split(',');
const row = csv.map((l) => l.split(',')).find((f) => f[0] === name);
const paper = (col: string) => (row ? Number(row[cols.indexOf(col)]) : Number.NaN);

// Upper bounds on the optimal expected revenue.
const d = await dlp(network);
if (d.status !== 'optimal') throw new Error(d.message);
const lr = lagrangianRelaxation(instance, { initialBidPrices: d.bidPrices, iterations: smoke ? 60 : 300 });
console.log(`DLP bound ${d.objective.toFixed(1)} (paper ${paper('dlp_bound')}); Lagrangian bound ${lr.bound.toFixed(1)} (paper ${paper('lr_bound')})`);

// Static DLP bid prices vs capacity-dependent ones for the first leg, at the start of the horizon.
const leg = network.resources[0]!;
const dp = await dpDecomposition(instance);
if (dp.status !== 'ok') throw new Error(dp.message);
const xs = [1, Math.ceil(leg.capacity / 4), Math.ceil(leg.capacity / 2), leg.capacity];
console.log(`leg ${leg.id} (capacity ${leg.capacity}): DLP bid price ${d.bidPrices[leg.id]!.toFixed(1)}; period-0 bid price by seats left`);
for (const x of xs)
  console.log(`  ${String(x).padStart(3)} left: DP decomposition ${dp.bidPrice(leg.id, 0, x).toFixed(1).padStart(7)}   Lagrangian ${lr.bidPrice(leg.id, 0, x).toFixed(1).padStart(7)}`);

// Policies on common random numbers, re-optimised at 5 equally spaced times, with perfect hindsight.
const sim = await simulatePolicies(
  instance,
  [
    dlpBidPricePolicy({ tieRule: 'allocation' }),
    dlpBidPricePolicy({ tieRule: 'accept' }),
    rlpBidPricePolicy({ samples: smoke ? 5 : 20 }),
    davnPolicy(),
    dpDecompositionPolicy(),
    lagrangianPolicy({ iterations: smoke ? 60 : 300, reoptimizationIterations: smoke ? 3 : 10 }),
  ],
  { trajectories: smoke ? 10 : 100, hindsight: true },
);
const pm = (x: { mean: number; halfWidth: number | null }) => `${x.mean.toFixed(0).padStart(6)} ± ${(x.halfWidth ?? 0).toFixed(0).padStart(4)}`;
for (const p of sim.policies) {
  const r = p.metrics.revenue;
  console.log(`${p.name.padEnd(42)} ${pm(r)}   (${((100 * r.mean) / d.objective).toFixed(1)} % of the DLP bound)`);
}
if (sim.hindsight) console.log(`${'perfect hindsight'.padEnd(42)} ${pm(sim.hindsight)}`);
console.log(`paper (100 trajectories): LR ${paper('revenue_lr')}, DLP ${paper('revenue_dlp')}, RLP ${paper('revenue_rlp')}`);
