/**
 * Network speed: DLP with bid prices on a one-year hotel and a 500-leg, 20,000-itinerary airline, with the
 * share of wall time spent outside the LP solver itself (network validation and compilation, building the
 * solver input, reading the solution back); warm re-solves in a DLP session (the RLP / re-optimisation
 * loop); javascript-lp-solver on a small network; and bid-price `decide` throughput on the airline.
 *
 * Run: `npm run bench -- network-speed`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dlp, openDlpSession } from '../src/optimize/network/index.js';
import { compileNetwork } from '../src/model/compileNetwork.js';
import { bidPriceControls, createBidPriceDecider, decideBidPrice } from '../src/control/bidPriceControls.js';
import { mulberry32 } from '../src/internal/rng.js';
import type { Network } from '../src/model/index.js';
import { opsPerSecond, progress, record } from './record.js';

const hotelFile = fileURLToPath(new URL('../../shared/data/bench/hotel-dlp-365.json', import.meta.url));

function hotelNetwork(): { network: Network; reference: number } | null {
  if (!existsSync(hotelFile)) return null;
  const d = JSON.parse(readFileSync(hotelFile, 'utf8'));
  const resources = Array.from({ length: d.nights as number }, (_, i) => ({ id: `night-${i}`, capacity: d.capacity as number }));
  const products = (d.products as [number, number, number][]).map(([a, L], j) => ({
    id: `stay-${j}`,
    fare: d.fare[j] as number,
    resources: Array.from({ length: L }, (_, k) => `night-${a + k}`),
    demand: d.demand[j] as number,
  }));
  return { network: { resources, products }, reference: d.reference.revenue };
}

/**
 * A seeded hub-and-spoke airline: `spokes` spokes around one hub, a leg spoke→hub and a leg hub→spoke for
 * each (2·spokes legs, capacity 120–250 seats); itineraries are every local leg in 4 fare classes, then
 * connecting spoke→hub→spoke markets (distinct origin ≠ destination, drawn at random) in 4 fare classes
 * until `itineraries` are reached. Local base fare U(80, 400) per leg; a connection's base fare is 0.85 ×
 * the sum of its legs' base fares; classes pay 1.6, 1.2, 0.9, 0.65 × base; mean demand U(0, 12) per
 * itinerary with cheaper classes more demanded (× 0.4, 0.7, 1, 1.4). Total demand is about 2.5× seats.
 */
function airline(spokes: number, itineraries: number, seed: number): Network {
  const rng = mulberry32(seed);
  const u = (a: number, b: number) => a + (b - a) * rng();
  const resources: { id: string; capacity: number }[] = [];
  const base = new Map<string, number>();
  for (let s = 0; s < spokes; s++) {
    for (const id of [`S${s}-H`, `H-S${s}`]) {
      resources.push({ id, capacity: Math.round(u(120, 250)) });
      base.set(id, u(80, 400));
    }
  }
  const classes = [1.6, 1.2, 0.9, 0.65];
  const demandShape = [0.4, 0.7, 1, 1.4];
  const products: Network['products'][number][] = [];
  const add = (id: string, legs: string[], fare: number) => {
    classes.forEach((c, k) => {
      if (products.length < itineraries)
        products.push({ id: `${id}/${k}`, fare: Math.round(fare * c), resources: legs, demand: u(0, 12) * demandShape[k]! });
    });
  };
  for (const r of resources) add(r.id, [r.id], base.get(r.id)!);
  const seen = new Set<string>();
  while (products.length < itineraries) {
    const a = Math.floor(rng() * spokes);
    const b = Math.floor(rng() * spokes);
    if (a === b || seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    const legs = [`S${a}-H`, `H-S${b}`];
    add(`S${a}-S${b}`, legs, 0.85 * (base.get(legs[0]!)! + base.get(legs[1]!)!));
  }
  return { resources, products };
}

const gc = (globalThis as { gc?: () => void }).gc;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};

interface Row {
  label: string;
  solver: string;
  size: string;
  totalMs: number;
  solveMs: number;
  /** Σ (total − solver) / Σ total over the repetitions. */
  outsideShare: number;
  objective: number;
  check: string;
}

async function timeDlp(label: string, network: Network, solver: 'highs' | 'javascript-lp-solver', reps: number, check: (z: number) => string): Promise<Row> {
  process.stderr.write(`  dlp: ${label} (${solver}), a warm-up and ${reps} timed solves…\n`);
  const p = progress(`dlp ${label} (${solver})`, reps);
  await dlp(network, { solver }); // warm-up (loads the solver, JIT)
  const totals: number[] = [];
  const solves: number[] = [];
  let objective = 0;
  for (let r = 0; r < reps; r++) {
    gc?.();
    const t0 = performance.now();
    const res = await dlp(network, { solver });
    totals.push(performance.now() - t0);
    if (res.status !== 'optimal') throw new Error(`${label}: ${res.message}`);
    solves.push(res.timings.solveMs);
    objective = res.objective;
    p.tick(r + 1);
  }
  p.done();
  const nnz = network.products.reduce((s, p) => s + p.resources.length, 0);
  return {
    label,
    solver,
    size: `${network.resources.length} × ${network.products.length} (${nnz} nz)`,
    totalMs: median(totals),
    solveMs: median(solves),
    outsideShare: 1 - sum(solves) / sum(totals),
    objective,
    check: check(objective),
  };
}

const rows: Row[] = [];
const fmt = (x: number, d = 1) => x.toFixed(d);

const hotel = hotelNetwork();
if (hotel) {
  rows.push(
    await timeDlp('one-year hotel (365 nights × 7 stays × 6 rates)', hotel.network, 'highs', 7, (z) =>
      Math.abs(z - hotel.reference) < 1e-3 ? `= reference ${hotel.reference.toFixed(4)}` : `**differs from ${hotel.reference}**`,
    ),
  );
} else console.log(`hotel workload missing (${hotelFile}): skipped`);

const air = airline(250, 20000, 2026);
rows.push(await timeDlp('airline, 250 spokes (500 legs), 20,000 itineraries', air, 'highs', 7, () => 'seeded (2026)'));
const small = airline(25, 600, 7);
const smallH = await timeDlp('airline, 25 spokes (50 legs), 600 itineraries', small, 'highs', 10, () => '');
const smallJ = await timeDlp('airline, 25 spokes (50 legs), 600 itineraries', small, 'javascript-lp-solver', 3, (z) =>
  Math.abs(z - smallH.objective) <= 1e-6 * Math.max(1, smallH.objective) ? '= HiGHS optimum' : `**HiGHS: ${smallH.objective}**`,
);
rows.push(smallH, smallJ);

// warm re-solves: the DLP session re-solved with demand scaled by a random factor (RLP / re-optimisation loop)
async function warm(label: string, network: Network, k: number): Promise<string> {
  process.stderr.write(`  warm re-solves: ${label}, ${k} solves…\n`);
  const net = compileNetwork(network);
  const session = await openDlpSession(net);
  const rng = mulberry32(99);
  const demand = new Float64Array(net.meanDemand.length);
  await session.solve();
  const totals: number[] = [];
  const solves: number[] = [];
  for (let r = 0; r < k; r++) {
    for (let j = 0; j < demand.length; j++) demand[j] = net.meanDemand[j]! * (0.7 + 0.6 * rng());
    gc?.();
    const t0 = performance.now();
    const res = await session.solve({ demand });
    totals.push(performance.now() - t0);
    if (res.status !== 'optimal') throw new Error(res.message);
    solves.push(res.timings.solveMs);
  }
  session.close();
  return `| ${label} | ${k} | ${fmt(median(totals))} | ${fmt(median(solves))} | ${fmt(100 * (1 - sum(solves) / sum(totals)))} % |`;
}
const warmRows = [await warm('airline, 500 legs, 20,000 itineraries', air, 10)];
if (hotel) warmRows.unshift(await warm('one-year hotel', hotel.network, 10));

// decide on the airline network with DLP bid prices
const airDlp = await dlp(air);
if (airDlp.status !== 'optimal') throw new Error('airline DLP failed');
const controls = bidPriceControls(air, airDlp, { ties: 'allocation' });
const decider = createBidPriceDecider(controls);
const remaining = new Float64Array(controls.capacity);
const productSold = new Float64Array(controls.productIds.length);
const rng = mulberry32(5);
const N = 1 << 16;
const reqs = Int32Array.from({ length: N }, () => Math.floor(rng() * controls.productIds.length));
let k = 0;
let accepted = 0;
const fast = opsPerSecond(() => {
  const j = reqs[k++ & (N - 1)]!;
  if (decider.decide(j, 1, controls.fare[j]!, remaining, productSold).accept) accepted++;
});
let k2 = 0;
const ids = Array.from(reqs.subarray(0, 4096), (j) => controls.productIds[j]!);
const state = { sold: {} };
const friendly = opsPerSecond(() => decideBidPrice({ product: ids[k2++ & 4095]! }, state, controls), 500);
void accepted;

const table = rows
  .map(
    (r) =>
      `| ${r.label} | ${r.solver} | ${r.size} | ${fmt(r.totalMs)} | ${fmt(r.solveMs)} | ${fmt(100 * r.outsideShare)} % | ${r.objective.toFixed(2)} ${r.check} |`,
  )
  .join('\n');

const body = `
DLP with bid prices, \`dlp(network, { solver })\`, median over repeated solves after one warm-up (the first
call also loads the solver: HiGHS WebAssembly ≈ 60–120 ms once per process). "Outside the solver" is
Σ(total − solver time) / Σ total over the repetitions: everything but the solver call: validating and compiling the network into typed arrays, building the
solver input, reading primal and duals back into records keyed by id.

| network | solver | resources × products (nonzeros) | total ms | solver ms | outside the solver | objective |
| --- | --- | --- | ---: | ---: | ---: | --- |
${table}

The airline is a seeded hub-and-spoke (see \`airline()\` in this file): 250 spokes around one hub, a leg
each way per spoke (500 legs, 120–250 seats), every leg sold locally in 4 fare classes plus random
spoke→hub→spoke connections in 4 classes up to 20,000 itineraries; connection fares are 0.85 × the
legs' local fares; total mean demand ≈ 2.5 × seats. javascript-lp-solver is run only on the small
network (on the one-year hotel it needs ≈ 28 s and 3.6 GB, per the data README).

Warm re-solves in a DLP session (\`openDlpSession\`: the model stays loaded in HiGHS and each solve
changes only the demand bounds, here each mean × U(0.7, 1.3), as RLP and re-optimisation do):

| network | re-solves | ms per re-solve (median) | solver ms (median) | outside the solver |
| --- | ---: | ---: | ---: | ---: |
${warmRows.join('\n')}

Bid-price \`decide\` on the airline (500 legs, 20,000 products, DLP bid prices, ties by allocation),
random products, 1 unit each, state not updated:

| path | requests / s |
| --- | ---: |
| \`createBidPriceDecider(controls).decide(j, q, value, remaining, productSold)\` (allocation-free) | ${(fast.opsPerSec / 1e6).toFixed(1)} M |
| \`decideBidPrice(request, { sold }, controls)\` (validates; the resources and the sentence built on first read) | ${(friendly.opsPerSec / 1e3).toFixed(1)} k |
`;
console.log(body);
record('network-speed', 'network-speed: DLP with bid prices, warm re-solves, bid-price decide', body);
