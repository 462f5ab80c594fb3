/**
 * Pricing one hotel night three ways: a single best rate with 120 rooms, fenced rates for leisure and
 * business guests sharing the rooms (leisure never pays more than business), and a dynamic rate over the
 * last 30 days from a menu of rates; plus Gallego–van Ryzin's closed form and which OTA rates to show.
 *
 * Run: `npx tsx examples/pricing-hotel-night.ts` (after `npm run build`: it imports the built package).
 */
import { dynamicPricing, gallegoVanRyzin, mnlAssortment, optimalPrice, segmentPrices } from 'yieldcraft';

const rooms = 120;
const unitCost = 25; // housekeeping, amenities, laundry per occupied room

// 1. One rate for everyone: demand falls linearly from 400 rooms at $0 to 0 at $400.
const single = optimalPrice({ kind: 'linear', a: 400, b: 1 }, { unitCost, capacity: rooms });
console.log(`single rate: $${single.price.toFixed(2)}, ${single.demand.toFixed(0)} rooms, contribution $${single.contribution.toFixed(0)} (${single.binding} binds)`);

// 2. Fenced segments: leisure is price-sensitive, business less so; leisure ≤ business.
const fenced = await segmentPrices(
  [
    { id: 'leisure', response: { kind: 'exponential', a: 600, alpha: 0.012 } },
    { id: 'business', response: { kind: 'logit', size: 150, a: -9, b: 0.025 } },
  ],
  { capacity: rooms, unitCost, noHigherThan: [['leisure', 'business']] },
);
for (const id of ['leisure', 'business'])
  console.log(`  ${id.padEnd(8)} $${fenced.prices[id]!.toFixed(2)}  ${fenced.demand[id]!.toFixed(1)} rooms`);
console.log(`fenced: contribution $${fenced.contribution.toFixed(0)}, value of one more room $${fenced.shadowPrice.toFixed(2)}`);

// 3. Dynamic rate over 30 days, 4 decision periods a day, from a rate menu.
const rates = [329, 289, 249, 219, 189, 159, 139];
const periods = 30 * 4;
const dp = dynamicPricing({
  inventory: 40,
  periods,
  prices: rates,
  purchaseProbabilities: rates.map((p) => Math.min(1, 0.9 * Math.exp(-p / 120))),
});
console.log(`dynamic: expected revenue from 40 rooms over 30 days $${dp.expectedRevenue.toFixed(0)}`);
for (const days of [30, 14, 3])
  console.log(`  ${String(days).padStart(2)} days out: rate with 40 / 20 / 5 rooms left = ${[40, 20, 5].map((x) => `$${dp.price(days * 4, x)}`).join(' / ')}`);

// 4. Gallego & van Ryzin: continuous prices, exponential demand (2.5 requests a day at $0, 1/alpha = $150).
const g = gallegoVanRyzin({ a: 2.5 * Math.E, alpha: 1 / 150, inventory: 20, horizon: 30 });
console.log(`GvR: optimal $${g.expectedRevenue.toFixed(0)} vs deterministic bound $${g.deterministicBound.toFixed(0)}; price now $${g.price(20, 30).toFixed(2)}, with 1 room and 1 day left $${g.price(1, 1).toFixed(2)}`);

// 5. Which rate plans to show on an OTA (MNL choice between plans and not booking).
const plans = [
  { price: 289, weight: 0.8 }, // flexible
  { price: 239, weight: 1.5 }, // non-refundable
  { price: 199, weight: 2.5 }, // advance purchase
  { price: 159, weight: 3 }, // opaque
];
const shown = mnlAssortment({ products: plans, noPurchaseWeight: 6 });
console.log(`OTA plans to show: ${shown.offered.map((i) => `$${plans[i]!.price}`).join(', ')} → $${shown.revenue.toFixed(2)} per shopper`);
