/**
 * The last 30 days before a hotel night, four booking opportunities a day, 40 rooms left: the Lee–Hersh
 * dynamic program gives the bid price (the value of the next room) for every day and rooms-left, and so
 * which rates to open. Late demand is richer: corporate requests arrive mostly in the last week.
 *
 * Run: `npx tsx examples/single-resource-dynamic.ts` (after `npm run build`: it imports the built package).
 */
import { dynamicProgram } from 'yieldcraft';

const rates = [240, 180, 140, 105];
const names = ['corporate', 'BAR', 'advance', 'OTA'];
const days = 30;
const perDay = 4;
const periods = days * perDay;
// Chronological: arrivalProbabilities[k] is the k-th period from today (k = 0 is now, t = periods to go).
const arrivalProbabilities = Array.from({ length: periods }, (_, k) => {
  const daysOut = days - Math.floor(k / perDay);
  const late = daysOut <= 7;
  return late ? [0.12, 0.18, 0.08, 0.1] : [0.02, 0.08, 0.12, 0.2];
});
const dp = dynamicProgram({ capacity: 40, fares: rates, arrivalProbabilities, periods });
console.log(`expected revenue from today with 40 rooms: ${dp.expectedRevenue.toFixed(0)}`);
console.log('bid price (value of the next room) by days out and rooms left; open rates');
for (const daysOut of [30, 14, 7, 2]) {
  const t = daysOut * perDay;
  const line = [40, 20, 10, 3].map((x) => {
    const open = rates.filter((_, i) => dp.accept(t, x, i)).length;
    return `${String(x).padStart(2)} left: ${dp.bidPrice(t, x).toFixed(0).padStart(3)} (${names.slice(0, open).join('+') || 'closed'})`;
  });
  console.log(`${String(daysOut).padStart(2)} days out  ${line.join('  ')}`);
}
console.log(`protection levels 7 days out: ${dp.protectionLevels(7 * perDay).join(' / ')}`);
