/**
 * How many bookings should a 120-room hotel accept for each night of a week, given that some guests
 * never turn up? Cost-based levels (fare of a served guest against the cost of walking one to another
 * hotel) beside risk-based ones (at most a 5 % chance of walking anybody), and what overbooking earns.
 *
 * Run: `npx tsx examples/overbooking-hotel-week.ts` (after `npm run build`: it imports the built package).
 */
import { overbookingLimits, overbookingOutcome, type ShowUpModel } from 'yieldcraft';

const nights = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((id) => ({ id, capacity: 120 }));
// Average rate of a served guest (contribution: rate net of commission and variable cost), per night.
const fare = { Mon: 150, Tue: 165, Wed: 165, Thu: 155, Fri: 125, Sat: 135, Sun: 105 };
// Business nights see more no-shows than leisure weekends.
const showRate = { Mon: 0.9, Tue: 0.91, Wed: 0.91, Thu: 0.92, Fri: 0.95, Sat: 0.96, Sun: 0.93 };
const showUp: Record<string, ShowUpModel> = Object.fromEntries(
  Object.entries(showRate).map(([night, probability]) => [night, { kind: 'binomial', probability }]),
);
const walkCost = 320; // another hotel's room, a taxi, and goodwill

const cost = overbookingLimits(nights, { fare, deniedServiceCost: walkCost, showUp });
const risk = overbookingLimits(nights, { policy: 'risk', showUp, maxDeniedProbability: 0.05 });

console.log('night  show  cost-based  P(walk)  E[walked]  gain vs 120   risk-based (≤ 5 %)');
for (const { id, capacity } of nights) {
  const c = cost[id]!;
  const r = risk[id]!;
  if (c.status === 'unbounded' || r.status === 'unbounded') throw new Error('unexpected unbounded level');
  const input = { capacity, fare: fare[id as keyof typeof fare], deniedServiceCost: walkCost, showUp: showUp[id]! };
  const gain = c.expectedProfit - overbookingOutcome(input, capacity).expectedProfit;
  console.log(
    `${id.padEnd(5)}  ${showRate[id as keyof typeof showRate].toFixed(2)}  ${String(c.authorized).padStart(10)}  ` +
      `${(100 * c.deniedServiceProbability).toFixed(1).padStart(5)} %  ${c.expectedDenied.toFixed(2).padStart(9)}  ` +
      `${gain.toFixed(0).padStart(11)}   ${String(r.authorized).padStart(9)}`,
  );
}
