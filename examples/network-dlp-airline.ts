/**
 * Bid prices for a small airline network, end to end: DLP allocation and bid prices, the range of
 * equally optimal bid prices, RLP bid prices from sampled demand, and bid-price decisions on the booking
 * path with a stated tie rule.
 *
 * Leisure Air (Anderson et al., *An Introduction to Management Science*, the revenue-management
 * application): two 132-seat aircraft, Glasgow and Edinburgh to Amsterdam, on to Salzburg and Geneva:
 * four legs, 16 itineraries × fare classes (Q discount, Y full fare).
 *
 * Run: `npx tsx examples/network-dlp-airline.ts` (after `npm run build`: it imports the built package).
 */
import {
  bidPriceControls,
  bidPriceRange,
  createDecision,
  decide,
  decideBidPrice,
  dlp,
  networkBookingState,
  recordSale,
  rlp,
  type Network,
} from 'yieldcraft';

const legs = { GA: 'Glasgow→Amsterdam', EA: 'Edinburgh→Amsterdam', AS: 'Amsterdam→Salzburg', AV: 'Amsterdam→Geneva' };
const itineraries: [string, number, number, string[]][] = [
  ['GAQ', 178, 33, ['GA']], ['GSQ', 268, 44, ['GA', 'AS']], ['GVQ', 228, 45, ['GA', 'AV']],
  ['GAY', 380, 16, ['GA']], ['GSY', 456, 6, ['GA', 'AS']], ['GVY', 560, 11, ['GA', 'AV']],
  ['EAQ', 199, 26, ['EA']], ['ESQ', 249, 56, ['EA', 'AS']], ['EVQ', 349, 39, ['EA', 'AV']],
  ['EAY', 385, 15, ['EA']], ['ESY', 444, 7, ['EA', 'AS']], ['EVY', 580, 9, ['EA', 'AV']],
  ['ASQ', 179, 64, ['AS']], ['ASY', 380, 8, ['AS']], ['AVQ', 224, 46, ['AV']], ['AVY', 582, 10, ['AV']],
];
const network: Network = {
  resources: Object.keys(legs).map((id) => ({ id, capacity: 132 })),
  // demand: the forecast mean; RLP below samples Poisson demand around it
  products: itineraries.map(([id, fare, mean, resources]) => ({ id, fare, resources, demand: { kind: 'poisson', mean } })),
};

const plan = await dlp(network);
if (plan.status !== 'optimal') throw new Error(plan.message);
console.log(`DLP revenue bound: ${plan.objective.toFixed(0)}`);
for (const [id, name] of Object.entries(legs)) console.log(`  bid price ${name.padEnd(20)} ${plan.bidPrices[id]!.toFixed(2)}`);
console.log('  allocation:', Object.entries(plan.allocation).map(([id, x]) => `${id} ${x.toFixed(0)}`).join(', '));

const range = await bidPriceRange(network);
if (range.status === 'optimal')
  console.log('  optimal bid-price ranges:', Object.entries(range.ranges).map(([id, r]) => `${id} [${r.min}, ${r.max}]`).join(', '));

const random = await rlp(network, { samples: process.env.YIELDCRAFT_SMOKE ? 20 : 500, seed: 2026 });
if (random.status === 'optimal') {
  console.log(`RLP (${random.samples} Poisson samples): E[z*(D)] ≈ ${random.objective.toFixed(0)} ± ${random.objectiveHalfWidth95.toFixed(0)}`);
  console.log('  RLP bid prices:', Object.entries(random.bidPrices).map(([id, p]) => `${id} ${p.toFixed(1)}`).join(', '));
}

// The booking path: DLP bid prices, ties follow the DLP allocation (AVQ, ASQ, ESQ, GVQ are marginal).
const controls = bidPriceControls(network, plan, { ties: 'allocation' });
console.log(decideBidPrice({ product: 'GVQ' }, { sold: { GA: 60, AV: 80 } }, controls).explanation);
console.log(decideBidPrice({ product: 'ESQ', value: 200 }, { sold: {} }, controls).explanation);

// A stream of requests (more than the forecast, to show the controls closing) through the
// allocation-free decide(), recording each sale.
const state = networkBookingState(controls);
const out = createDecision();
let accepted = 0;
let revenue = 0;
for (let k = 0; k < 400; k++) {
  const j = (k * 7) % itineraries.length; // a deterministic mix of requests
  const d = decide({ product: j }, state, controls, out);
  if (d.accept) {
    recordSale(state, controls, j, d.quantity);
    accepted++;
    revenue += itineraries[j]![1];
  }
}
console.log(`400 requests: ${accepted} accepted, revenue ${revenue}; seats sold per leg`, Object.fromEntries(Object.keys(legs).map((id, i) => [id, state.sold[i]])));
