/**
 * The what-if of issue 11: "fixed rates + bid prices" against "dynamic rates" on a hotel's booking
 * horizon, played on the same simulated requests (common random numbers).
 *
 * A 60-room hotel, ten nights, three rate plans (ADV 89, FLEX 129, PREMIUM 169 a night),
 * stays of 1–3 nights; leisure guests ask for ADV and, when it is closed, buy up to FLEX then PREMIUM
 * with some probability; business guests ask for FLEX, later in the booking window. The policies:
 * first come first served, DLP bid prices (the rates are fixed, the bid prices open and close them),
 * and `dynamicPricingPolicy` (a time-varying pricing DP per night posts the rate threshold), each
 * re-optimised 5 times over the 30 booking days — for three buy-up probabilities.
 *
 * Run: `npx tsx examples/pricing-dynamic-rates-simulation.ts` (after `npm run build`: it imports the
 * built package).
 */
import { addDays, format, parseISO } from 'date-fns';
import { dlpBidPricePolicy, dynamicPricingPolicy, fcfsPolicy, hotelBookingProcess, simulatePolicies } from 'yieldcraft';

const first = parseISO('2026-06-01');
const nights = Array.from({ length: 10 }, (_, i) => format(addDays(first, i), 'yyyy-MM-dd'));
const weekend = (date: string) => [5, 6].includes(parseISO(date).getDay());

function hotel(buyUp: number) {
  return hotelBookingProcess({
    hotel: {
      nights: nights.map((date) => ({ date, capacity: 60 })),
      ratePlans: [
        { id: 'ADV', price: 89 },
        { id: 'FLEX', price: 129 },
        { id: 'PREMIUM', price: 169 },
      ],
      segments: {
        leisure: { ratePlan: 'ADV', buyUpTo: ['FLEX', 'PREMIUM'], buyUpProbability: buyUp, cancellation: 0.1 },
        // business books late: intensity rising towards arrival (index 0 = the arrival day)
        business: { ratePlan: 'FLEX', bookingCurve: Array.from({ length: 31 }, (_, d) => Math.exp(-d / 6)), cancellation: 0.15 },
      },
    },
    demand: {
      asOf: '2026-05-02',
      products: nights.flatMap((arrivalDate) =>
        [1, 2, 3].flatMap((los) => [
          { arrivalDate, nights: los, segment: 'leisure', demand: (weekend(arrivalDate) ? 34 : 16) / los },
          { arrivalDate, nights: los, segment: 'business', demand: (weekend(arrivalDate) ? 4 : 16) / los },
        ]),
      ),
    },
  });
}

const trajectories = process.env.YIELDCRAFT_SMOKE ? 8 : 40;
console.log(`${trajectories} trajectories per policy, same requests for every policy; revenue per trajectory (mean, 95 % CI)\n`);
console.log('buy-up  policy                                 revenue              vs DLP (paired)     occupancy');
for (const buyUp of [0, 0.3, 0.6]) {
  const r = await simulatePolicies(hotel(buyUp), [dlpBidPricePolicy(), fcfsPolicy(), dynamicPricingPolicy()], { trajectories, seed: 11 });
  for (const p of r.policies) {
    const m = p.metrics.revenue;
    const d = p.differenceToFirst?.revenue;
    console.log(
      `${buyUp.toFixed(1).padStart(6)}  ${p.name.padEnd(38)} ${m.mean.toFixed(0).padStart(7)} ± ${(m.halfWidth ?? 0).toFixed(0).padEnd(6)}` +
        `   ${d ? `${d.mean >= 0 ? '+' : ''}${d.mean.toFixed(0)} ± ${(d.halfWidth ?? 0).toFixed(0)}`.padEnd(16) : '—'.padEnd(16)}` +
        `    ${(100 * p.metrics.occupancy.mean).toFixed(1)} %   (${(p.ms / 1000).toFixed(1)} s)`,
    );
  }
}
